import { useQuery } from '@tanstack/react-query';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { userQueries } from '@/features/users/api/user-queries';
import { UsersTable } from '@/features/users/components/users-table';
import { useApiClient } from '@/lib/api-client-context';

/** /users: the admins' page for people's roles and access; loaded only when visited. */
export function UsersRoute() {
  const client = useApiClient();
  const current = useQuery(userQueries.current(client));
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Users
      </Typography>
      {current.isPending ? <CircularProgress aria-label="Checking your role" /> : null}
      {current.data?.role === 'admin' ? <UsersTable /> : null}
      {current.isError || (current.data && current.data.role !== 'admin') ? (
        <Typography>Only admins can manage users. Ask an admin if you need a change.</Typography>
      ) : null}
    </Stack>
  );
}

export default UsersRoute;
