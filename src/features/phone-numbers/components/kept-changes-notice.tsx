import { useState } from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import { formatInternational } from '@contract/phone-number-format';
import { useKeptChanges, type KeptChange } from '../api/kept-changes';
import { describeWriteError } from '../utils/describe-write-error';

function describe(change: KeptChange): string {
  const shown = (number: string | null) =>
    number === null ? 'a phone number' : formatInternational(number);
  if (change.kind === 'create') {
    return `Adding ${shown(change.draft.number)} wasn't saved: your session had ended.`;
  }
  if (change.kind === 'delete') {
    return `Deleting ${shown(change.number)} wasn't saved: your session had ended.`;
  }
  return `Your change to ${shown(change.number)} wasn't saved: your session had ended.`;
}

/**
 * The changes an ended session refused, offered back after signing in again: applied with one click, or
 * discarded. Never applied unasked: whoever signs in may not be who made them, and the number may have
 * changed meanwhile.
 */
export function KeptChangesNotice() {
  const { changes, apply, discard, applying } = useKeptChanges();
  const [failure, setFailure] = useState<string>();
  if (changes.length === 0 && failure === undefined) return null;
  return (
    <Stack spacing={1}>
      {failure === undefined ? null : (
        <Alert
          severity="error"
          onClose={() => {
            setFailure(undefined);
          }}
        >
          {failure}
        </Alert>
      )}
      {changes.map((change, index) => (
        <Alert
          // Kept changes have no id of their own; the list only shrinks from where the rep acts.
          key={index}
          severity="warning"
          action={
            <Stack direction="row" spacing={1}>
              <Button
                color="inherit"
                size="small"
                disabled={applying}
                onClick={() => {
                  setFailure(undefined);
                  apply(change, {
                    onError: (error) => {
                      setFailure(describeWriteError(error));
                    },
                  });
                }}
              >
                Apply your change again
              </Button>
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  discard(change);
                }}
              >
                Discard
              </Button>
            </Stack>
          }
        >
          {describe(change)}
        </Alert>
      ))}
    </Stack>
  );
}
