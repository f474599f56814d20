import { useState } from 'react';
import Button from '@mui/material/Button';
import { useAuthSession } from '../auth-session-context';

interface SignOutButtonProps {
  /**
   * Runs while the session is still open, to send what must not be lost. The session ends once what it
   * returns has settled: ending it on the server would otherwise overtake the requests.
   */
  onSigningOut?: () => Promise<void> | void;
  /** Runs after the session has ended, to forget what the signed-in user could see. */
  onSignedOut?: () => void;
}

export function SignOutButton({ onSigningOut, onSignedOut }: SignOutButtonProps) {
  const session = useAuthSession();
  const [signingOut, setSigningOut] = useState(false);

  async function signOut() {
    setSigningOut(true);
    try {
      await onSigningOut?.();
    } finally {
      await session.signOut();
      onSignedOut?.();
    }
  }

  return (
    <Button
      color="inherit"
      disabled={signingOut}
      sx={{ whiteSpace: 'nowrap', flexShrink: 0 }}
      onClick={() => {
        void signOut();
      }}
    >
      Sign out
    </Button>
  );
}
