import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import { useApiClient } from '@/lib/api-client-context';
import { downloadFile } from '@/lib/download-file';
import { formatInteger } from '@/lib/format';
import { exportPhoneNumbers, type ExportProgress } from '../api/export-phone-numbers';
import type { PhoneNumberListParams } from '../api/get-phone-numbers';
import { describeLoadError } from '../utils/describe-load-error';
import { phoneNumbersCsvFileName } from '../utils/phone-numbers-csv';

export interface ExportPhoneNumbersDialogProps {
  /** The view to export, as it was when the rep asked. */
  params: PhoneNumberListParams;
  /** Told once the file is downloaded, or the rep cancelled: the dialog is done. */
  onClose: () => void;
}

type ExportState =
  { status: 'running'; progress: ExportProgress } | { status: 'failed'; error: Error };

const STARTING: ExportState = { status: 'running', progress: { done: 0, total: undefined } };

/** "Exporting 2,000 of 3,120 numbers…"; without the total until the server has counted. */
function progressText({ done, total }: ExportProgress): string {
  if (total !== undefined)
    return `Exporting ${formatInteger(done)} of ${formatInteger(total)} numbers…`;
  return done === 0 ? 'Exporting phone numbers…' : `Exporting ${formatInteger(done)} numbers…`;
}

function percent({ done, total }: ExportProgress): number | undefined {
  if (total === undefined) return undefined;
  return total === 0 ? 100 : Math.min(100, Math.round((done / total) * 100));
}

/**
 * Fetches the whole view, page by page, with its progress and Cancel; downloads the CSV file when the
 * last page is in. A failure says why, with Retry, which starts again from the first page.
 */
export function ExportPhoneNumbersDialog({ params, onClose }: ExportPhoneNumbersDialogProps) {
  const client = useApiClient();
  const [attempt, setAttempt] = useState(0);
  const [state, setState] = useState<ExportState>(STARTING);

  useEffect(() => {
    const controller = new AbortController();
    exportPhoneNumbers(client, params, {
      signal: controller.signal,
      onProgress: (progress) => {
        setState({ status: 'running', progress });
      },
    }).then(
      (file) => {
        downloadFile(file, phoneNumbersCsvFileName(new Date()));
        onClose();
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({
          status: 'failed',
          error: error instanceof Error ? error : new Error(String(error)),
        });
      },
    );
    // Cancel, Escape and leaving the page all end here: the requests under way stop.
    return () => {
      controller.abort();
    };
  }, [client, params, attempt, onClose]);

  const retry = () => {
    setState(STARTING);
    setAttempt((current) => current + 1);
  };

  return (
    <Dialog
      open
      // A click beside the dialog is too easy to make to throw away a long export.
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick') onClose();
      }}
      aria-labelledby="export-phone-numbers-title"
      fullWidth
      maxWidth="xs"
    >
      <DialogTitle id="export-phone-numbers-title">Export phone numbers</DialogTitle>
      <DialogContent>
        {state.status === 'running' ? (
          <>
            <Typography role="status" sx={{ mb: 2 }}>
              {progressText(state.progress)}
              {state.progress.waitSeconds === undefined
                ? null
                : ` Too many requests — going on in ${state.progress.waitSeconds} s.`}
            </Typography>
            <LinearProgress
              aria-label="Export progress"
              variant={percent(state.progress) === undefined ? 'indeterminate' : 'determinate'}
              value={percent(state.progress)}
            />
          </>
        ) : (
          <Alert severity="error">
            <AlertTitle>Couldn&apos;t export the phone numbers</AlertTitle>
            {describeLoadError(state.error)} Nothing was downloaded.
          </Alert>
        )}
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        {state.status === 'failed' ? (
          <Button variant="contained" onClick={retry} autoFocus>
            Retry
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

export default ExportPhoneNumbersDialog;
