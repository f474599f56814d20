import { Link as RouterLink, Outlet } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { useAuthState } from '@/features/auth/auth-session-context';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { SignedInUser } from '@/features/auth/components/signed-in-user';
import { useIsAdmin } from '@/features/users/api/use-is-admin';
import { flushPendingDeletes } from '@/features/phone-numbers/api/pending-deletes';
import { SessionGate } from './session-gate';

/** The app bar's links to the pages, for admins: the others have only the phone numbers. */
function AdminNavigation() {
  const isAdmin = useIsAdmin();
  if (!isAdmin) return null;
  return (
    <Box component="nav" aria-label="Pages" sx={{ display: 'flex', gap: 1, mr: 2 }}>
      <Button color="inherit" component={RouterLink} to="/phone-numbers">
        Phone numbers
      </Button>
      <Button color="inherit" component={RouterLink} to="/shared-numbers">
        Shared numbers
      </Button>
      <Button color="inherit" component={RouterLink} to="/users">
        Users
      </Button>
    </Box>
  );
}

/** The app bar and the page below it: the route's page when signed in, the sign-in prompt when not. */
export function AppShell() {
  const auth = useAuthState();
  const queryClient = useQueryClient();

  return (
    <>
      <AppBar position="static">
        <Toolbar>
          <Typography variant="h6" component="div" sx={{ flexGrow: 1 }}>
            Phone Numbers Admin
          </Typography>
          {auth.status === 'signed-in' ? <AdminNavigation /> : null}
          {auth.status === 'signed-in' ? <SignedInUser /> : null}
          {auth.status === 'signed-in' ? (
            <SignOutButton
              // Deletes still in their undo window are sent, not dropped (decision 0016).
              onSigningOut={() => flushPendingDeletes(queryClient)}
              onSignedOut={() => {
                queryClient.clear();
              }}
            />
          ) : null}
        </Toolbar>
      </AppBar>
      <Container component="main" maxWidth="xl" sx={{ py: 3 }}>
        <SessionGate>
          <Outlet />
        </SessionGate>
      </Container>
    </>
  );
}
