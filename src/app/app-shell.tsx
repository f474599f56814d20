import { useState } from 'react';
import { Link as RouterLink, Outlet } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import AppBar from '@mui/material/AppBar';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Container from '@mui/material/Container';
import IconButton from '@mui/material/IconButton';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Toolbar from '@mui/material/Toolbar';
import Typography from '@mui/material/Typography';
import { createSvgIcon } from '@mui/material/utils';
import { useAuthState } from '@/features/auth/auth-session-context';
import { SignOutButton } from '@/features/auth/components/sign-out-button';
import { SignedInUser } from '@/features/auth/components/signed-in-user';
import { useIsAdmin } from '@/features/users/api/use-is-admin';
import { flushPendingDeletes } from '@/features/phone-numbers/api/pending-deletes';
import { SessionGate } from './session-gate';

const MenuIcon = createSvgIcon(<path d="M3 18h18v-2H3zm0-5h18v-2H3zm0-7v2h18V6z" />, 'Menu');

const NO_WRAP = { whiteSpace: 'nowrap', flexShrink: 0 } as const;

/** The pages an admin goes between; the others have only the phone numbers. */
const ADMIN_PAGES = [
  { to: '/phone-numbers', label: 'Phone numbers' },
  { to: '/shared-numbers', label: 'Shared numbers' },
  { to: '/users', label: 'Users' },
] as const;

/**
 * The app bar's links to the pages, for admins: buttons where there is room, and a "Pages" menu on a
 * phone or a narrow window, so that the bar stays one line.
 */
function AdminNavigation() {
  const isAdmin = useIsAdmin();
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  if (!isAdmin) return null;
  const close = () => {
    setAnchor(null);
  };
  return (
    <Box component="nav" aria-label="Pages" sx={{ display: 'flex', gap: 1, mr: { xs: 1, sm: 2 } }}>
      <Box sx={{ display: { xs: 'none', lg: 'flex' }, gap: 1 }}>
        {ADMIN_PAGES.map(({ to, label }) => (
          <Button key={to} color="inherit" component={RouterLink} to={to} sx={NO_WRAP}>
            {label}
          </Button>
        ))}
      </Box>
      <IconButton
        color="inherit"
        aria-label="Pages"
        aria-haspopup="menu"
        aria-expanded={anchor === null ? undefined : true}
        sx={{ display: { lg: 'none' } }}
        onClick={(event) => {
          setAnchor(event.currentTarget);
        }}
      >
        <MenuIcon />
      </IconButton>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={close}>
        {ADMIN_PAGES.map(({ to, label }) => (
          <MenuItem key={to} component={RouterLink} to={to} onClick={close}>
            {label}
          </MenuItem>
        ))}
      </Menu>
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
          <Typography variant="h6" component="div" noWrap sx={{ flexGrow: 1, minWidth: 0 }}>
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
