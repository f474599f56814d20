import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import LinearProgress from '@mui/material/LinearProgress';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Paper from '@mui/material/Paper';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useApiClient } from '@/lib/api-client-context';
import { downloadFile } from '@/lib/download-file';
import { formatInteger } from '@/lib/format';
import { PHONE_STATUS_LABELS, PHONE_TYPE_LABELS } from '@/lib/phone-value-labels';
import { formatInternational } from '@contract/phone-number-format';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import {
  bulkFailureReason,
  changePhoneNumbers,
  fetchMatchingPhoneNumbers,
  type BulkChangeResult,
  type BulkFailure,
} from '../api/bulk-write-phone-numbers';
import { usePendingDeletes } from '../api/use-phone-number-mutations';
import type { PhoneNumberFeedback } from '../hooks/use-phone-number-feedback';
import type { RowSelection } from '../hooks/use-row-selection';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange } from '../types/phone-number-events';
import { changesUndoing } from '../utils/cell-edit-undo';
import { describeLoadError } from '../utils/describe-load-error';
import { phoneNumbersCsv, phoneNumbersCsvFileName } from '../utils/phone-numbers-csv';
import { NO_DELETE, selectionRefusal } from '../utils/row-refusals';

export interface PhoneNumberBulkActionsProps {
  selection: RowSelection;
  /** The rows of the page on screen. */
  pageRows: readonly ListedPhoneNumber[];
  /** The numbers of the view, as the server counted them. */
  count: number | undefined;
  say: PhoneNumberFeedback['say'];
  onChange: ((change: PhoneNumberChange) => void) | undefined;
}

/** The attributes a bulk change sets, with the values it offers and how they read. */
const CHANGEABLE = {
  status: { label: 'Status', values: PHONE_STATUS_LABELS },
  phoneType: { label: 'Type', values: PHONE_TYPE_LABELS },
} as const;
type ChangeableField = keyof typeof CHANGEABLE;
const CHANGEABLE_FIELDS: readonly ChangeableField[] = ['status', 'phoneType'];

interface Job {
  /** "Changing", "Deleting", "Undoing", "Finding": what the rep reads before the counts. */
  verb: string;
  done: number;
  total: number;
  /** Stops the job, where it can be stopped without leaving anything half done (finding the rows). */
  cancel?: () => void;
}

interface Report {
  title: string;
  severity: 'error' | 'warning' | 'info';
  failed: readonly BulkFailure[];
}

const phoneNumbers = (count: number) =>
  `${formatInteger(count)} ${count === 1 ? 'phone number' : 'phone numbers'}`;

const shownNumber = (row: ListedPhoneNumber) =>
  row.number === null ? 'A number without digits' : formatInternational(row.number, row.extension);

/** "Changing 40 of 120…"; "Finding 1,000 of 2,400 matching numbers…" */
function progressText({ verb, done, total }: Job): string {
  const counts = `${formatInteger(done)} of ${formatInteger(total)}`;
  return verb === 'Finding' ? `Finding ${counts} matching numbers…` : `${verb} ${counts}…`;
}

const toError = (error: unknown) => (error instanceof Error ? error : new Error(String(error)));

/** "Changed 118. 2 failed:" */
function reportTitle(verb: string, done: number, failed: number): string {
  return `${verb} ${formatInteger(done)}. ${formatInteger(failed)} failed:`;
}

/**
 * What the rep can do with the selected rows (decision 0063): change their Status or Type, delete
 * them with one Undo, export them. Each change is a request per row, a few at a time, with its progress;
 * the report names each number left as it was and why. Loaded once a first row is selected.
 */
export function PhoneNumberBulkActions({
  selection,
  pageRows,
  count,
  say,
  onChange,
}: PhoneNumberBulkActionsProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const deletes = usePendingDeletes();
  const [job, setJob] = useState<Job>();
  const [report, setReport] = useState<Report>();
  const [menu, setMenu] = useState<{ field: ChangeableField; anchor: HTMLElement }>();
  const [confirmingDelete, setConfirmingDelete] = useState(false);

  const selectableOnPage = pageRows.filter((row) => selectionRefusal(row) === undefined);
  const selectedIds = new Set(selection.rows.map((row) => row.id));
  const wholePageSelected =
    selectableOnPage.length > 0 && selectableOnPage.every((row) => selectedIds.has(row.id));
  const selectedCount = selection.allMatching ? (count ?? selection.rows.length) : selectedIds.size;
  const offerAllMatching =
    !selection.allMatching && wholePageSelected && count !== undefined && count > selectedIds.size;

  if (selectedCount === 0 && job === undefined && report === undefined) return null;

  /** The rows to act on, with those refused skipped and said why: the selection, or every match. */
  async function targets(
    refusalOf: (row: ListedPhoneNumber) => string | undefined,
  ): Promise<{ rows: ListedPhoneNumber[]; skipped: BulkFailure[] } | undefined> {
    let candidates = selection.rows;
    if (selection.allMatching) {
      // Finding every match of a large view reads page after page: Cancel stops it.
      const controller = new AbortController();
      const cancel = () => {
        controller.abort();
      };
      setJob({ verb: 'Finding', done: 0, total: count ?? 0, cancel });
      try {
        const found = await fetchMatchingPhoneNumbers(
          client,
          selection.params,
          controller.signal,
          (done, total) => {
            setJob({ verb: 'Finding', done, total: total ?? done, cancel });
          },
        );
        candidates = found.filter((row) => !deletes.pendingIds.has(row.id));
      } catch (error) {
        setJob(undefined);
        setReport(
          controller.signal.aborted
            ? {
                title: 'Stopped finding the matching numbers. Nothing was changed.',
                severity: 'info',
                failed: [],
              }
            : {
                title: `Couldn't find the matching numbers. ${describeLoadError(toError(error))} Nothing was changed.`,
                severity: 'error',
                failed: [],
              },
        );
        return undefined;
      }
    }
    const rows: ListedPhoneNumber[] = [];
    const skipped: BulkFailure[] = [];
    for (const row of candidates) {
      const reason = refusalOf(row);
      if (reason === undefined) rows.push(row);
      else skipped.push({ row, reason });
    }
    return { rows, skipped };
  }

  async function runChange(
    rows: readonly ListedPhoneNumber[],
    changesOf: (row: ListedPhoneNumber) => PhoneNumberWritableAttributes,
    verb: string,
  ): Promise<BulkChangeResult> {
    setJob({ verb, done: 0, total: rows.length });
    const result = await changePhoneNumbers(queryClient, client, rows, changesOf, (done) => {
      setJob({ verb, done, total: rows.length });
    });
    setJob(undefined);
    for (const { after } of result.changed) onChange?.({ action: 'updated', phoneNumber: after });
    return result;
  }

  async function undoChange(changed: BulkChangeResult['changed'], field: ChangeableField) {
    setReport(undefined);
    const undoing = new Map<number, PhoneNumberWritableAttributes>();
    const rows: ListedPhoneNumber[] = [];
    for (const { before, after } of changed) {
      const changes = changesUndoing(before, { [field]: after[field] });
      if (changes === undefined) continue;
      undoing.set(before.id, changes);
      rows.push({ ...before, ...after });
    }
    const result = await runChange(rows, (row) => undoing.get(row.id) ?? {}, 'Undoing');
    if (result.failed.length > 0) {
      setReport({
        title: reportTitle('Undid', result.changed.length, result.failed.length),
        severity: 'error',
        failed: result.failed,
      });
    }
  }

  async function change(field: ChangeableField, value: string) {
    setMenu(undefined);
    setReport(undefined);
    const found = await targets(selectionRefusal);
    if (found === undefined) return;
    // A row that has the value already is left alone: nothing to send, nothing to undo.
    const rows = found.rows.filter((row) => row[field] !== value);
    const result = await runChange(rows, () => ({ [field]: value }), 'Changing');
    const failed = [...result.failed, ...found.skipped];
    selection.select(result.failed.map(({ row }) => row));
    if (failed.length > 0) {
      setReport({
        title: reportTitle('Changed', result.changed.length, failed.length),
        severity: result.changed.length === 0 ? 'error' : 'warning',
        failed,
      });
    }
    const label = CHANGEABLE[field];
    const valueLabel = Object.entries(label.values).find(([known]) => known === value)?.[1];
    if (result.changed.length > 0) {
      say(
        `${label.label} of ${phoneNumbers(result.changed.length)} changed to ${valueLabel ?? value}`,
        'success',
        () => void undoChange(result.changed, field),
      );
    } else if (rows.length === 0 && failed.length === 0) {
      say(
        `The ${label.label.toLowerCase()} of each selected number is ${valueLabel ?? value} already`,
        'info',
      );
    }
  }

  async function remove() {
    setConfirmingDelete(false);
    setReport(undefined);
    const found = await targets((row) =>
      row.canDelete ? undefined : (row.deleteRefusal ?? NO_DELETE),
    );
    if (found === undefined) return;
    const { rows, skipped } = found;
    const failed: BulkFailure[] = [...skipped];
    let settled = 0;
    let deleted = 0;
    let undone = false;
    const settle = () => {
      settled += 1;
      if (undone) return;
      if (settled < rows.length) {
        setJob({ verb: 'Deleting', done: settled, total: rows.length });
        return;
      }
      setJob(undefined);
      if (failed.length > 0) {
        setReport({
          title: reportTitle('Deleted', deleted, failed.length),
          severity: deleted === 0 ? 'error' : 'warning',
          failed,
        });
      }
    };
    for (const row of rows) {
      deletes.schedule(row, {
        onError: (error: unknown) => {
          failed.push({ row, reason: bulkFailureReason(error) });
          settle();
        },
        onDeleted: () => {
          deleted += 1;
          onChange?.({ action: 'deleted', phoneNumber: row });
          settle();
        },
      });
    }
    selection.clear();
    if (rows.length === 0) {
      if (failed.length > 0) {
        setReport({ title: reportTitle('Deleted', 0, failed.length), severity: 'error', failed });
      }
      return;
    }
    if (skipped.length > 0) {
      setReport({
        title: `${phoneNumbers(skipped.length)} can't be deleted, and will stay:`,
        severity: 'warning',
        failed: skipped,
      });
    }
    say(`${phoneNumbers(rows.length)} deleted`, 'success', () => {
      undone = true;
      for (const row of rows) deletes.undo(row.id);
      setJob(undefined);
      setReport(undefined);
    });
  }

  async function exportSelected() {
    const found = await targets(() => undefined);
    if (found === undefined) return;
    setJob(undefined);
    downloadFile(
      new Blob([phoneNumbersCsv(found.rows)], { type: 'text/csv;charset=utf-8' }),
      phoneNumbersCsvFileName(new Date()),
    );
  }

  const busy = job !== undefined;
  const percent = job === undefined || job.total === 0 ? 0 : (job.done / job.total) * 100;
  const menuField = menu === undefined ? undefined : CHANGEABLE[menu.field];

  return (
    <Paper variant="outlined" sx={{ p: 1.5 }}>
      <Stack spacing={1.5}>
        {selectedCount === 0 ? null : (
          <Stack
            role="toolbar"
            aria-label="Selected phone numbers"
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
          >
            <Typography sx={{ mr: 1, fontWeight: 500 }}>
              {selection.allMatching
                ? `All ${formatInteger(selectedCount)} selected`
                : `${formatInteger(selectedCount)} selected`}
            </Typography>
            {offerAllMatching ? (
              <Button size="small" onClick={selection.selectAllMatching}>
                Select all {formatInteger(count)} matching
              </Button>
            ) : null}
            <Box sx={{ flexGrow: 1 }} />
            {CHANGEABLE_FIELDS.map((field) => (
              <Button
                key={field}
                disabled={busy}
                aria-haspopup="menu"
                aria-expanded={menu?.field === field ? true : undefined}
                aria-controls={menu?.field === field ? 'bulk-change-menu' : undefined}
                onClick={(event) => {
                  setMenu({ field, anchor: event.currentTarget });
                }}
              >
                Change {CHANGEABLE[field].label.toLowerCase()}
              </Button>
            ))}
            <Button
              color="error"
              disabled={busy}
              onClick={() => {
                setConfirmingDelete(true);
              }}
            >
              Delete
            </Button>
            <Button disabled={busy} onClick={() => void exportSelected()}>
              Export selected
            </Button>
            <Button disabled={busy} onClick={selection.clear}>
              Clear
            </Button>
          </Stack>
        )}
        {job === undefined ? null : (
          <Box>
            <Typography role="status" variant="body2" sx={{ mb: 1 }}>
              {progressText(job)}
            </Typography>
            <LinearProgress
              aria-label="Bulk change progress"
              variant="determinate"
              value={percent}
            />
            {job.cancel === undefined ? null : (
              <Button size="small" sx={{ mt: 1 }} onClick={job.cancel}>
                Cancel
              </Button>
            )}
          </Box>
        )}
        {report === undefined ? null : (
          <Alert
            severity={report.severity}
            onClose={() => {
              setReport(undefined);
            }}
          >
            <AlertTitle>{report.title}</AlertTitle>
            {report.failed.length === 0 ? null : (
              <Box component="ul" sx={{ m: 0, pl: 2.5 }}>
                {report.failed.map(({ row, reason }) => (
                  <li key={row.id}>
                    <bdi dir="ltr">{shownNumber(row)}</bdi>: {reason}
                  </li>
                ))}
              </Box>
            )}
          </Alert>
        )}
      </Stack>
      <Menu
        id="bulk-change-menu"
        anchorEl={menu?.anchor}
        open={menu !== undefined}
        onClose={() => {
          setMenu(undefined);
        }}
      >
        {menu === undefined || menuField === undefined
          ? null
          : Object.entries(menuField.values).map(([value, label]) => (
              <MenuItem key={value} onClick={() => void change(menu.field, value)}>
                {label}
              </MenuItem>
            ))}
      </Menu>
      <Dialog
        open={confirmingDelete}
        onClose={() => {
          setConfirmingDelete(false);
        }}
        aria-labelledby="bulk-delete-title"
        aria-describedby="bulk-delete-description"
      >
        <DialogTitle id="bulk-delete-title">Delete {phoneNumbers(selectedCount)}?</DialogTitle>
        <DialogContent>
          <DialogContentText id="bulk-delete-description">
            The {selectedCount === 1 ? 'selected number' : 'selected numbers'} will be deleted. You
            can undo this for a few seconds afterwards.
          </DialogContentText>
        </DialogContent>
        <DialogActions>
          <Button
            autoFocus
            onClick={() => {
              setConfirmingDelete(false);
            }}
          >
            Cancel
          </Button>
          <Button color="error" variant="contained" onClick={() => void remove()}>
            Delete
          </Button>
        </DialogActions>
      </Dialog>
    </Paper>
  );
}

export default PhoneNumberBulkActions;
