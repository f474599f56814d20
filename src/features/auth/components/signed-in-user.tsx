import Box from '@mui/material/Box';
import visuallyHidden from '@mui/utils/visuallyHidden';
import Typography from '@mui/material/Typography';
import { useAuthState } from '../auth-session-context';

/** "Signed in as Riley Rep", as the server names the session's user. */
export function SignedInUser() {
  const auth = useAuthState();
  if (auth.status !== 'signed-in' || !auth.user.name) return null;
  return (
    <Typography variant="body2" noWrap sx={{ mr: { xs: 1, sm: 2 }, flexShrink: 0 }}>
      {/* On a phone the name alone shows; a screen reader still hears the whole sentence. */}
      <Box component="span" sx={(theme) => ({ [theme.breakpoints.down('sm')]: visuallyHidden })}>
        Signed in as{' '}
      </Box>
      {auth.user.name}
    </Typography>
  );
}
