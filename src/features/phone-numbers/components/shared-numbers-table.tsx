import { useInfiniteQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Typography from '@mui/material/Typography';
import { useApiClient } from '@/lib/api-client-context';
import { formatInternational } from '@contract/phone-number-format';
import { phoneNumberQueries } from '../api/phone-number-queries';
import { describeLoadError } from '../utils/describe-load-error';
import { sharedNumberGroups, type SharedNumberGroup } from '../utils/shared-number-groups';
import { ProspectLink } from './prospect-link';

function Holders({ group }: { group: SharedNumberGroup }) {
  return (
    <Box component="ul" sx={{ m: 0, p: 0, listStyle: 'none' }}>
      {group.holders.map((holder) => (
        <li key={holder.phoneNumberId}>
          <ProspectLink prospectId={holder.prospectId} tabIndex={0}>
            {holder.name}
          </ProspectLink>
          {holder.extension === null ? null : ` (extension ${holder.extension})`}
        </li>
      ))}
    </Box>
  );
}

/**
 * "Shared numbers": each number that several prospects hold, with links to those prospects; a page of
 * numbers after another on "Show more".
 */
export function SharedNumbersTable() {
  const client = useApiClient();
  const shared = useInfiniteQuery(phoneNumberQueries.shared(client));

  if (shared.isPending) return <CircularProgress aria-label="Loading the shared numbers" />;
  if (shared.isError) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void shared.refetch()}>
            Retry
          </Button>
        }
      >
        <AlertTitle>Couldn't load the shared numbers</AlertTitle>
        {describeLoadError(shared.error)}
      </Alert>
    );
  }
  const groups = sharedNumberGroups(shared.data.pages.flatMap((page) => page.phoneNumbers));
  if (groups.length === 0) return <Typography>No number is on more than one prospect.</Typography>;
  return (
    <>
      <TableContainer>
        <Table aria-label="Shared numbers" size="small">
          <TableHead>
            <TableRow>
              <TableCell>Number</TableCell>
              <TableCell>Prospects</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {groups.map((group) => (
              <TableRow key={group.number}>
                <TableCell component="th" scope="row" sx={{ verticalAlign: 'top' }}>
                  {formatInternational(group.number)}
                </TableCell>
                <TableCell>
                  <Holders group={group} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      {shared.hasNextPage ? (
        <Box>
          <Button onClick={() => void shared.fetchNextPage()} loading={shared.isFetchingNextPage}>
            Show more
          </Button>
        </Box>
      ) : null}
    </>
  );
}
