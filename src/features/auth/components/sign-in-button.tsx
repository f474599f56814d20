import Button from '@mui/material/Button';
import { useAuthSession } from '../auth-session-context';

export function SignInButton() {
  const session = useAuthSession();
  return (
    <Button
      variant="contained"
      onClick={() => {
        session.signIn();
      }}
    >
      Sign in
    </Button>
  );
}
