import { useQuery } from '@tanstack/react-query';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SharedNumbersTable } from '@/features/phone-numbers/components/shared-numbers-table';
import { userQueries } from '@/features/users/api/user-queries';
import { useApiClient } from '@/lib/api-client-context';

/** /shared-numbers: for admins, the numbers several prospects hold; loaded only when visited. */
export function SharedNumbersRoute() {
  const client = useApiClient();
  const current = useQuery(userQueries.current(client));
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Shared numbers
      </Typography>
      {current.isPending ? <CircularProgress aria-label="Checking your role" /> : null}
      {current.data?.role === 'admin' ? (
        <>
          <Typography>Numbers that more than one prospect holds, by number.</Typography>
          <SharedNumbersTable />
        </>
      ) : null}
      {current.isError || (current.data && current.data.role !== 'admin') ? (
        <Typography>Only admins can list shared numbers.</Typography>
      ) : null}
    </Stack>
  );
}

export default SharedNumbersRoute;
