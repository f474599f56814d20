import { useState } from 'react';
import Button from '@mui/material/Button';
import { useAuthSession } from '../auth-session-context';

interface SignOutButtonProps {
  /**
   * Runs while the session still holds its token, to send what must not be lost. The session ends once
   * what it returns has settled: ending it revokes the token, which would otherwise overtake the requests.
   */
  onSigningOut?: () => Promise<void> | void;
  /** Runs after the session has ended, to forget what the signed-in user could see. */
  onSignedOut?: () => void;
}

export function SignOutButton({ onSigningOut, onSignedOut }: SignOutButtonProps) {
  const session = useAuthSession();
  const [signingOut, setSigningOut] = useState(false);
  return (
    <Button
      color="inherit"
      disabled={signingOut}
      onClick={() => {
        setSigningOut(true);
        void Promise.resolve(onSigningOut?.()).finally(() => {
          session.signOut();
          onSignedOut?.();
        });
      }}
    >
      Sign out
    </Button>
  );
}
