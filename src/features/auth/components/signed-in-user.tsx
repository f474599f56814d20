import Typography from '@mui/material/Typography';
import { useAuthState } from '../auth-session-context';

/** "Signed in as Riley Rep", as the server names the session's user. */
export function SignedInUser() {
  const auth = useAuthState();
  if (auth.status !== 'signed-in' || !auth.user.name) return null;
  return (
    <Typography variant="body2" sx={{ mr: 2 }}>
      Signed in as {auth.user.name}
    </Typography>
  );
}
