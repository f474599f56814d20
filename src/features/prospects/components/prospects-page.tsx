import { useId } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useApiClient } from '@/lib/api-client-context';
import { prospectQueries } from '../api/prospect-queries';
import { ProspectTable } from './prospect-table';

interface LoadErrorProps {
  title: string;
  error: Error;
  onRetry: () => void;
}

function LoadError({ title, error, onRetry }: LoadErrorProps) {
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {error.message}
    </Alert>
  );
}

function summary(shown: number, count: number | undefined): string {
  if (shown === 0) return 'There are no prospects yet.';
  const noun = (count ?? shown) === 1 ? 'prospect' : 'prospects';
  return count === undefined ? `Showing ${shown} ${noun}` : `Showing ${shown} of ${count} ${noun}`;
}

export function ProspectsPage() {
  const headingId = useId();
  const client = useApiClient();
  const {
    data,
    error,
    isPending,
    refetch,
    fetchNextPage,
    hasNextPage,
    isFetchingNextPage,
    isFetchNextPageError,
  } = useInfiniteQuery(prospectQueries.list(client));

  const prospects = data?.pages.flatMap((page) => page.prospects) ?? [];
  const count = data?.pages[0]?.count;

  return (
    <Stack component="section" aria-labelledby={headingId} spacing={2}>
      <Typography id={headingId} variant="h4" component="h1">
        Prospects
      </Typography>
      {isPending ? (
        <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
          <CircularProgress aria-label="Loading prospects" />
        </Box>
      ) : null}
      {error && !isFetchNextPageError ? (
        <LoadError title="Couldn't load prospects" error={error} onRetry={() => void refetch()} />
      ) : null}
      {data ? (
        <Typography role="status" color="text.secondary">
          {summary(prospects.length, count)}
        </Typography>
      ) : null}
      {prospects.length > 0 ? <ProspectTable prospects={prospects} labelledBy={headingId} /> : null}
      {error && isFetchNextPageError ? (
        <LoadError
          title="Couldn't load more prospects"
          error={error}
          onRetry={() => void fetchNextPage()}
        />
      ) : null}
      {hasNextPage && !isFetchNextPageError ? (
        <Box>
          <Button
            variant="outlined"
            loading={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            Load more prospects
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
