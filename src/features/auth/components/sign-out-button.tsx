import Button from '@mui/material/Button';
import { useAuthSession } from '../auth-session-context';

interface SignOutButtonProps {
  /** Runs while the session still holds its token, to send what must not be lost. */
  onSigningOut?: () => void;
  /** Runs after the session has ended, to forget what the signed-in user could see. */
  onSignedOut?: () => void;
}

export function SignOutButton({ onSigningOut, onSignedOut }: SignOutButtonProps) {
  const session = useAuthSession();
  return (
    <Button
      color="inherit"
      onClick={() => {
        onSigningOut?.();
        session.signOut();
        onSignedOut?.();
      }}
    >
      Sign out
    </Button>
  );
}
