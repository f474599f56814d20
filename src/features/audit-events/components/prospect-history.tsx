import { useId, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import * as z from 'zod/mini';
import { RelativeTime } from '@/components/relative-time';
import { useApiClient } from '@/lib/api-client-context';
import { ApiError } from '@/lib/api-error';
import { auditEventQueries } from '../api/audit-event-queries';
import type { AuditEvent } from '../schemas/audit-event';
import { describeAuditEvent } from '../utils/describe-audit-event';

function describeLoadError(error: Error): string {
  if (error instanceof ApiError && error.status === 403) return error.message;
  if (error instanceof z.core.$ZodError) {
    return "The server's answer was not in a form this app understands.";
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) return "The server couldn't be reached. Check your connection.";
  return error.message;
}

function HistoryEntry({ event }: { event: AuditEvent }) {
  return (
    <ListItem disableGutters divider>
      <ListItemText
        primary={describeAuditEvent(event)}
        secondary={
          <>
            {event.actorName} · <RelativeTime dateTime={event.occurredAt} tabIndex={0} />
          </>
        }
      />
    </ListItem>
  );
}

function HistoryList({ prospectId }: { prospectId: number }) {
  const client = useApiClient();
  const history = useInfiniteQuery(auditEventQueries.prospectHistory(client, prospectId));
  if (history.isPending) return <CircularProgress aria-label="Loading the history" size={24} />;
  if (history.isError) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void history.refetch()}>
            Retry
          </Button>
        }
      >
        <AlertTitle>Couldn't load the history</AlertTitle>
        {describeLoadError(history.error)}
      </Alert>
    );
  }
  const events = history.data.pages.flatMap((page) => page.events);
  if (events.length === 0) return <Typography>No changes recorded yet.</Typography>;
  return (
    <Stack spacing={1} sx={{ alignItems: 'flex-start' }}>
      <List aria-label="Changes, newest first" sx={{ width: '100%' }}>
        {events.map((event) => (
          <HistoryEntry key={event.id} event={event} />
        ))}
      </List>
      {history.hasNextPage ? (
        <Button onClick={() => void history.fetchNextPage()} loading={history.isFetchingNextPage}>
          Show older changes
        </Button>
      ) : null}
    </Stack>
  );
}

/**
 * The prospect's history for admins: who added, changed, moved and deleted its numbers, and when. It is
 * read from the server each time it is opened.
 */
function ProspectHistory({ prospectId }: { prospectId: number }) {
  const [open, setOpen] = useState(false);
  const headingId = useId();
  const contentId = useId();
  return (
    <Stack component="section" aria-labelledby={headingId} spacing={1}>
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography variant="h5" component="h2" id={headingId}>
          History
        </Typography>
        <Button
          aria-expanded={open}
          aria-controls={contentId}
          onClick={() => {
            setOpen((value) => !value);
          }}
        >
          {open ? 'Hide history' : 'Show history'}
        </Button>
      </Stack>
      <div id={contentId} hidden={!open}>
        {open ? <HistoryList prospectId={prospectId} /> : null}
      </div>
    </Stack>
  );
}

export default ProspectHistory;
