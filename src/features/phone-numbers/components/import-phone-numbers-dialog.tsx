import { useEffect, useRef, useState, type DragEvent } from 'react';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Typography from '@mui/material/Typography';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { useApiClient } from '@/lib/api-client-context';
import { downloadFile } from '@/lib/download-file';
import { formatInteger } from '@/lib/format';
import { checkImportRows } from '../api/check-import-rows';
import {
  importPhoneNumbers,
  isImportable,
  type ImportOutcome,
  type ImportProgress,
} from '../api/import-phone-numbers';
import { describeLoadError } from '../utils/describe-load-error';
import {
  importReportCsv,
  importReportFileName,
  type ImportReportRow,
} from '../utils/phone-numbers-csv';
import {
  countVerdicts,
  importColumnsOf,
  IMPORT_COLUMN_LABELS,
  IMPORT_COLUMNS,
  MAX_IMPORT_ROWS,
  readImportRows,
  type ImportCounts,
  type ImportRow,
} from '../utils/phone-numbers-import';
import { readCsvRecords } from '../utils/read-csv-records';
import { ImportPreviewTable } from './import-preview-table';

type Reading =
  | { phase: 'parse'; share: number }
  | { phase: 'validate' | 'check'; done: number; total: number; waitSeconds?: number | undefined };

interface ImportResult {
  added: number;
  failed: number;
  duplicates: number;
  notSent: number;
  report: ImportReportRow[];
}

type Step =
  | { step: 'choose'; problem?: string | undefined; retry?: File | undefined }
  | { step: 'reading'; fileName: string; reading: Reading }
  | { step: 'preview'; fileName: string; rows: ImportRow[]; counts: ImportCounts }
  | { step: 'importing'; rows: ImportRow[]; progress: ImportProgress; stopping: boolean }
  | { step: 'done'; result: ImportResult };

const numbers = (count: number) => `${formatInteger(count)} ${count === 1 ? 'number' : 'numbers'}`;

function readingText(reading: Reading): string {
  if (reading.phase === 'parse') return 'Reading the file…';
  const of = `${formatInteger(reading.done)} of ${formatInteger(reading.total)}`;
  const wait =
    reading.waitSeconds === undefined
      ? ''
      : ` Too many requests — going on in ${reading.waitSeconds} s.`;
  return reading.phase === 'validate'
    ? `Checking rows: ${of}…`
    : `Checking the prospects with the server: ${of}…${wait}`;
}

/** The share of the preview's work done, in percent: reading, then the rows, then the server. */
function readingPercent(reading: Reading): number {
  const share = (done: number, total: number) => (total === 0 ? 1 : done / total);
  if (reading.phase === 'parse') return Math.round(reading.share * 20);
  if (reading.phase === 'validate') return 20 + Math.round(share(reading.done, reading.total) * 60);
  return 80 + Math.round(share(reading.done, reading.total) * 20);
}

function importText({ done, total, waitSeconds }: ImportProgress, stopping: boolean): string {
  const text = `Imported ${formatInteger(done)} of ${formatInteger(total)}…`;
  if (stopping) return `${text} Stopping: the numbers already sent are being answered.`;
  return waitSeconds === undefined
    ? text
    : `${text} Too many requests — going on in ${waitSeconds} s.`;
}

const CANCELLED = 'Not sent: the import was cancelled';

/** Every row not added, in the file's order, with why: the preview's verdict or the server's. */
function resultOf(rows: readonly ImportRow[], outcome: ImportOutcome): ImportResult {
  const report: ImportReportRow[] = [];
  let failed = outcome.refused.length;
  let duplicates = 0;
  for (const { row, cells, verdict } of rows) {
    if (verdict.kind === 'add') continue;
    if (verdict.kind === 'error') failed += 1;
    else duplicates += 1;
    report.push({
      row,
      cells,
      reason: `${verdict.kind === 'error' ? 'Error' : 'Duplicate'}: ${verdict.reason}`,
    });
  }
  for (const { row, reason } of outcome.refused) {
    report.push({ row: row.row, cells: row.cells, reason: `Refused by the server: ${reason}` });
  }
  for (const row of outcome.notSent)
    report.push({ row: row.row, cells: row.cells, reason: CANCELLED });
  report.sort((a, b) => a.row - b.row);
  return { added: outcome.added, failed, duplicates, notSent: outcome.notSent.length, report };
}

function FilePicker({ onFile }: { onFile: (file: File) => void }) {
  const [dragging, setDragging] = useState(false);
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    const file = event.dataTransfer.files[0];
    if (file !== undefined) onFile(file);
  };
  return (
    <Box
      onDragOver={(event) => {
        event.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => {
        setDragging(false);
      }}
      onDrop={drop}
      sx={{
        border: 2,
        borderStyle: 'dashed',
        borderColor: dragging ? 'primary.main' : 'divider',
        borderRadius: 1,
        p: 3,
        textAlign: 'center',
      }}
    >
      <Button
        component="label"
        variant="outlined"
        sx={{ '&:focus-within': { outline: 2, outlineColor: 'primary.main', outlineOffset: 2 } }}
      >
        Choose a CSV file
        <Box
          component="input"
          type="file"
          accept=".csv,text/csv"
          sx={visuallyHidden}
          onChange={(event) => {
            const file = event.currentTarget.files?.[0];
            event.currentTarget.value = '';
            if (file !== undefined) onFile(file);
          }}
        />
      </Button>
      <Typography variant="body2" sx={{ mt: 1 }}>
        or drop it here
      </Typography>
    </Box>
  );
}

export interface ImportPhoneNumbersDialogProps {
  /** Told when the rep closes the dialog: it is done. */
  onClose: () => void;
  /** Told when numbers start, and stop, being written: leaving the page then would stop the import. */
  onImportingChange: (importing: boolean) => void;
  /** Told once an import has ended (done or cancelled) with numbers perhaps added: lists are stale. */
  onImported: () => void;
}

/**
 * "Import phone numbers": a CSV file read and checked (the form's rules, the server's prospects and
 * numbers) into a preview of each row's result, nothing written; then the numbers to add, written a few
 * at a time with their progress and Cancel; at the end what was added, and a report of what was not.
 */
export function ImportPhoneNumbersDialog({
  onClose,
  onImportingChange,
  onImported,
}: ImportPhoneNumbersDialogProps) {
  const client = useApiClient();
  const [step, setStep] = useState<Step>({ step: 'choose' });
  const reading = useRef<AbortController>(undefined);
  const stop = useRef<AbortController>(undefined);
  const importing = step.step === 'importing';

  useEffect(() => {
    onImportingChange(importing);
  }, [importing, onImportingChange]);

  // Closing the dialog, or leaving the page, stops the reading and the sending.
  useEffect(
    () => () => {
      reading.current?.abort();
      stop.current?.abort();
    },
    [],
  );

  const preview = async (file: File) => {
    reading.current?.abort();
    const controller = new AbortController();
    reading.current = controller;
    const { signal } = controller;
    const show = (next: Reading) => {
      if (!signal.aborted) setStep({ step: 'reading', fileName: file.name, reading: next });
    };
    show({ phase: 'parse', share: 0 });
    try {
      const [header, ...records] = await readCsvRecords(file, {
        signal,
        maxRecords: MAX_IMPORT_ROWS + 2,
        onProgress: (share) => {
          show({ phase: 'parse', share });
        },
      });
      const columns = importColumnsOf(header);
      let problem = columns.ok ? undefined : columns.problem;
      if (columns.ok && records.length === 0) problem = 'The file has no rows below its header.';
      if (records.length > MAX_IMPORT_ROWS) {
        problem = `The file has more than ${formatInteger(MAX_IMPORT_ROWS)} rows. Split it into smaller files.`;
      }
      if (!columns.ok || problem !== undefined) {
        setStep({ step: 'choose', problem });
        return;
      }
      const read = await readImportRows(records, columns.columns, {
        signal,
        onProgress: (done, total) => {
          show({ phase: 'validate', done, total });
        },
      });
      const rows = await checkImportRows(client, read, {
        signal,
        onProgress: (progress) => {
          show({ phase: 'check', ...progress });
        },
      });
      if (!signal.aborted) {
        setStep({ step: 'preview', fileName: file.name, rows, counts: countVerdicts(rows) });
      }
    } catch (error) {
      if (signal.aborted) return;
      setStep({
        step: 'choose',
        problem: `Couldn't check ${file.name}. ${describeLoadError(error instanceof Error ? error : new Error(String(error)))}`,
        retry: file,
      });
    }
  };

  const start = async (rows: ImportRow[]) => {
    const controller = new AbortController();
    stop.current = controller;
    const importable = rows.filter(isImportable);
    setStep({
      step: 'importing',
      rows,
      progress: { done: 0, total: importable.length },
      stopping: false,
    });
    const outcome = await importPhoneNumbers(client, importable, {
      stop: controller.signal,
      onProgress: (progress) => {
        setStep((current) => (current.step === 'importing' ? { ...current, progress } : current));
      },
    });
    onImported();
    setStep({ step: 'done', result: resultOf(rows, outcome) });
  };

  const cancelImport = () => {
    stop.current?.abort();
    setStep((current) => (current.step === 'importing' ? { ...current, stopping: true } : current));
  };

  const retryFile = step.step === 'choose' ? step.retry : undefined;

  const close = () => {
    if (step.step === 'importing') cancelImport();
    else onClose();
  };

  return (
    <Dialog
      open
      // A click beside the dialog is too easy to make to throw away a preview or stop an import.
      onClose={(_event, reason) => {
        if (reason !== 'backdropClick') close();
      }}
      aria-labelledby="import-phone-numbers-title"
      fullWidth
      maxWidth={step.step === 'preview' ? 'lg' : 'sm'}
    >
      <DialogTitle id="import-phone-numbers-title">Import phone numbers</DialogTitle>
      <DialogContent>
        {step.step === 'choose' ? (
          <>
            <Typography sx={{ mb: 2 }}>
              The file&apos;s first line names its columns:{' '}
              {IMPORT_COLUMNS.map((column) => IMPORT_COLUMN_LABELS[column]).join(', ')}. Prospect ID
              and Number are needed; a file exported here imports as it is. Nothing is written
              before you have seen what each row will do.
            </Typography>
            {step.problem === undefined ? null : (
              <Alert severity="error" sx={{ mb: 2 }}>
                {step.problem}
              </Alert>
            )}
            <FilePicker onFile={(file) => void preview(file)} />
          </>
        ) : null}
        {step.step === 'reading' ? (
          <>
            <Typography role="status" sx={{ mb: 2 }}>
              {step.fileName}: {readingText(step.reading)}
            </Typography>
            <LinearProgress
              aria-label="Preview progress"
              variant="determinate"
              value={readingPercent(step.reading)}
            />
          </>
        ) : null}
        {step.step === 'preview' ? (
          <>
            <Typography role="status" sx={{ mb: 2 }}>
              {step.fileName}: {formatInteger(step.counts.add)} will be added,{' '}
              {formatInteger(step.counts.duplicate)} {step.counts.duplicate === 1 ? 'is a' : 'are'}{' '}
              {step.counts.duplicate === 1 ? 'duplicate' : 'duplicates'},{' '}
              {formatInteger(step.counts.error)} {step.counts.error === 1 ? 'has' : 'have'}{' '}
              {step.counts.error === 1 ? 'an error' : 'errors'}. Nothing has been written yet.
            </Typography>
            <ImportPreviewTable rows={step.rows} counts={step.counts} />
          </>
        ) : null}
        {step.step === 'importing' ? (
          <>
            <Typography role="status" sx={{ mb: 2 }}>
              {importText(step.progress, step.stopping)}
            </Typography>
            <LinearProgress
              aria-label="Import progress"
              variant="determinate"
              value={
                step.progress.total === 0
                  ? 100
                  : Math.round((step.progress.done / step.progress.total) * 100)
              }
            />
          </>
        ) : null}
        {step.step === 'done' ? (
          <Alert severity={step.result.report.length === 0 ? 'success' : 'warning'}>
            <AlertTitle>
              Added {formatInteger(step.result.added)}. {formatInteger(step.result.failed)} failed.
            </AlertTitle>
            {step.result.duplicates === 0
              ? null
              : `${numbers(step.result.duplicates)} already there ${step.result.duplicates === 1 ? 'was' : 'were'} not added. `}
            {step.result.notSent === 0
              ? null
              : `The import was cancelled: ${numbers(step.result.notSent)} ${step.result.notSent === 1 ? 'was' : 'were'} not sent. `}
            {step.result.report.length === 0
              ? null
              : 'The report lists every row not added, and why.'}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        {retryFile === undefined ? null : (
          <Button onClick={() => void preview(retryFile)}>Try again</Button>
        )}
        {step.step === 'preview' ? (
          <Button
            onClick={() => {
              setStep({ step: 'choose' });
            }}
          >
            Choose another file
          </Button>
        ) : null}
        {step.step === 'done' ? (
          <>
            {step.result.report.length === 0 ? null : (
              <Button
                onClick={() => {
                  downloadFile(
                    new Blob([importReportCsv(step.result.report)], {
                      type: 'text/csv;charset=utf-8',
                    }),
                    importReportFileName(new Date()),
                  );
                }}
              >
                Download report
              </Button>
            )}
            <Button variant="contained" onClick={onClose}>
              Close
            </Button>
          </>
        ) : (
          <Button onClick={close} disabled={step.step === 'importing' && step.stopping}>
            Cancel
          </Button>
        )}
        {step.step === 'preview' ? (
          <Button
            variant="contained"
            disabled={step.counts.add === 0}
            onClick={() => void start(step.rows)}
          >
            Import {numbers(step.counts.add)}
          </Button>
        ) : null}
      </DialogActions>
    </Dialog>
  );
}

export default ImportPhoneNumbersDialog;
