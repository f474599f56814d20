import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useRef } from 'react';
import { UNDO_WINDOW_MS } from '../api/pending-deletes';
import type { PhoneNumberFeedbackMessage } from '../hooks/use-phone-number-feedback';
import { NumberHoldersLine } from './number-holders-notice';

export interface PhoneNumberFeedbackProps {
  shown: PhoneNumberFeedbackMessage | undefined;
  onClose: () => void;
}

/**
 * The snackbar that says what became of a write; a delete's stays for the undo window, with "Undo"; a
 * number saved in its cell that other prospects hold too says so under it.
 */
export function PhoneNumberFeedback({ shown, onClose }: PhoneNumberFeedbackProps) {
  const snackbar = useRef<HTMLDivElement>(null);
  return (
    <Snackbar
      ref={snackbar}
      key={shown?.key}
      open={shown !== undefined}
      autoHideDuration={shown?.undo ? UNDO_WINDOW_MS : 8000}
      onClose={(event, reason) => {
        if (reason === 'clickaway') return;
        // Escape pressed elsewhere (to leave a cell's editor) belongs to the grid: Undo stays on offer.
        // The path, not the target: inside the custom element's shadow root the target is its host.
        const fromSnackbar =
          event instanceof Event &&
          snackbar.current !== null &&
          event.composedPath().includes(snackbar.current);
        if (reason === 'escapeKeyDown' && shown?.undo && !fromSnackbar) return;
        onClose();
      }}
    >
      <Alert
        severity={shown?.severity ?? 'success'}
        variant="filled"
        onClose={onClose}
        action={
          shown?.undo ? (
            <Button
              color="inherit"
              size="small"
              onClick={() => {
                shown.undo?.();
                onClose();
              }}
            >
              Undo
            </Button>
          ) : undefined
        }
      >
        {shown?.message}
        {shown?.saved ? (
          <Box component="span" sx={{ display: 'block', '& a': { color: 'inherit' } }}>
            <NumberHoldersLine {...shown.saved} fallback={null} />
          </Box>
        ) : null}
      </Alert>
    </Snackbar>
  );
}
