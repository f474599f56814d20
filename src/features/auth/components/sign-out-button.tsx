import Button from '@mui/material/Button';
import { useAuthSession } from '../auth-session-context';

interface SignOutButtonProps {
  /** Runs after the session has ended, to forget what the signed-in user could see. */
  onSignedOut?: () => void;
}

export function SignOutButton({ onSignedOut }: SignOutButtonProps) {
  const session = useAuthSession();
  return (
    <Button
      color="inherit"
      onClick={() => {
        session.signOut();
        onSignedOut?.();
      }}
    >
      Sign out
    </Button>
  );
}
