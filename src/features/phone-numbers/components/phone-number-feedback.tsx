import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { UNDO_WINDOW_MS } from '../api/pending-deletes';
import type { PhoneNumberFeedbackMessage } from '../hooks/use-phone-number-feedback';

export interface PhoneNumberFeedbackProps {
  shown: PhoneNumberFeedbackMessage | undefined;
  onClose: () => void;
}

/** The snackbar that says what became of a write; a delete's stays for the undo window, with "Undo". */
export function PhoneNumberFeedback({ shown, onClose }: PhoneNumberFeedbackProps) {
  return (
    <Snackbar
      key={shown?.key}
      open={shown !== undefined}
      autoHideDuration={shown?.undo ? UNDO_WINDOW_MS : 8000}
      onClose={(_, reason) => {
        if (reason !== 'clickaway') onClose();
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
      </Alert>
    </Snackbar>
  );
}
