import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useInsertionEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type ReactNode,
} from 'react';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Snackbar from '@mui/material/Snackbar';
import { useGridApiRef, type GridRenderCellParams, type GridRowId } from '@mui/x-data-grid';
import { RateLimitNotice } from '@/components/rate-limit-notice';
import { afterPaint } from '@/lib/after-paint';
import { DEFAULT_COUNTRY } from '@contract/iso-countries';
import { ApiError, isPreconditionFailed } from '@/lib/api-error';
import type { PhoneNumberDraft, PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { UNDO_WINDOW_MS } from '../api/pending-deletes';
import {
  useCreatePhoneNumber,
  usePendingDeletes,
  useReorderPhoneNumbers,
  useUpdatePhoneNumber,
} from '../api/use-phone-number-mutations';
import type { PhoneNumber, ListedPhoneNumber } from '../schemas/phone-number';
import { DeletePhoneNumberDialog } from './delete-phone-number-dialog';
import { loadPhoneNumberRules } from './load-phone-number-rules';
import { describeWriteError } from './describe-write-error';
import type { CellServerError } from './phone-number-edit-cell';
import { cellChanges, CellInputError, draftChanges, EDITABLE_FIELDS } from './phone-number-changes';
import {
  PhoneNumberRowActions,
  type PhoneNumberMove,
  type RowActionRefusals,
} from './phone-number-row-actions';
import { RowRefusalsStore } from './row-refusals-store';
import { usePhoneNumberConflict } from './use-phone-number-conflict';

const PhoneNumberFormDialog = lazy(() => import('./phone-number-form-dialog'));

export const NO_WRITE = "You don't have permission to change this prospect's phone numbers";
export const NO_DELETE = "You don't have permission to delete this prospect's phone numbers";

/** Why the numbers of this view can't be put in order, if they can't. */
export interface ReorderContext {
  /** Undefined when the rows on screen are all of one prospect's numbers, sorted by order. */
  refusal: string | undefined;
}

/** What changed, as a host page is told (the embedded panel's `onChange`). */
export interface PhoneNumberChange {
  action: 'created' | 'updated' | 'deleted' | 'reordered';
  /** The number as saved; for 'reordered', the one that moved; for 'deleted', the one that went. */
  phoneNumber: PhoneNumber;
}

/** A load or a write that failed, as a host page is told (the embedded panel's `onError`). */
export interface PhoneNumberFailure {
  /** What went wrong, in the words the panel shows. */
  message: string;
  /** The HTTP status when the API answered; absent when it was never reached. */
  status?: number;
}

/** The failure to report for an error, said in `message`. */
export function failureOf(error: unknown, message: string): PhoneNumberFailure {
  return error instanceof ApiError ? { message, status: error.status } : { message };
}

export interface PhoneNumberEditingOptions {
  /** The rows on screen, in their order. */
  rows: readonly ListedPhoneNumber[];
  /** Shows the numbers only: no Add button, no actions, no editable cells. */
  readOnly?: boolean | undefined;
  /** Told after each change the server has accepted. */
  onChange?: ((change: PhoneNumberChange) => void) | undefined;
  /** Told of each write the server refused or never got. */
  onError?: ((failure: PhoneNumberFailure) => void) | undefined;
  reorder: ReorderContext;
  /** The prospect a new number is added to, when the view is narrowed to one. */
  prospect: { id: number; canWritePhoneNumbers: boolean; defaultCountry: string } | undefined;
}

interface Feedback {
  key: number;
  message: string;
  severity: 'success' | 'error';
  /** Undoes what the message reports, while it shows. */
  undo?: () => void;
}

interface CellError {
  id: GridRowId;
  field: string;
  value: unknown;
  message: string;
}

type FormState = { mode: 'add' } | { mode: 'edit'; phoneNumber: ListedPhoneNumber } | undefined;

/** Where the focus goes once the grid shows it: a row's Number cell, or the Number header. */
type FocusTarget = { row: GridRowId } | 'header';

function refusalsOf(
  row: ListedPhoneNumber,
  index: number,
  rows: readonly ListedPhoneNumber[],
  reorder: ReorderContext,
): RowActionRefusals {
  const edit = row.canWrite ? undefined : NO_WRITE;
  const move = edit ?? reorder.refusal;
  const first = index === 0;
  const last = index === rows.length - 1;
  return {
    edit,
    delete: row.canDelete ? undefined : NO_DELETE,
    first: move ?? (first ? 'This is already the primary number' : undefined),
    up: move ?? (first ? 'This is already the first number' : undefined),
    down: move ?? (last ? 'This is already the last number' : undefined),
  };
}

/**
 * Everything that changes phone numbers from the grid: cells edited in place, the Add and Edit dialog,
 * delete with undo, and the order actions, each allowed per row by the server's flags. Gives the grid its
 * props, and the dialogs and messages to render next to it.
 */
export function usePhoneNumberEditing({
  rows,
  readOnly = false,
  onChange,
  onError,
  reorder,
  prospect,
}: PhoneNumberEditingOptions) {
  const apiRef = useGridApiRef();
  // The mutate functions are stable; the mutation objects change with every state they go through, and
  // the callbacks below must not (the grid rebuilds its columns when renderActions changes).
  const { mutate: updateLater, mutateAsync: updateNow } = useUpdatePhoneNumber();
  const { mutateAsync: createNow } = useCreatePhoneNumber();
  const { mutate: moveLater } = useReorderPhoneNumbers();
  const deletes = usePendingDeletes();
  const [feedback, setFeedback] = useState<Feedback>();
  const [form, setForm] = useState<FormState>();
  const [toDelete, setToDelete] = useState<ListedPhoneNumber>();
  // The number whose delete the server refused because it had changed: its confirmation asks again.
  const [deleteAgain, setDeleteAgain] = useState<number>();
  const [cellError, setCellError] = useState<CellError>();
  const feedbackKey = useRef(0);
  const focusTarget = useRef<FocusTarget>(undefined);

  /** Shows a message; returns its key, to take it down later. */
  const say = useCallback((message: string, severity: Feedback['severity'], undo?: () => void) => {
    feedbackKey.current += 1;
    setFeedback({ key: feedbackKey.current, message, severity, ...(undo ? { undo } : {}) });
    return feedbackKey.current;
  }, []);

  /** Says why a write failed (`then` is what became of the data), and tells the host. */
  const sayFailed = useCallback(
    (error: unknown, then?: string) => {
      const message = describeWriteError(error);
      say(then === undefined ? message : `${message} ${then}`, 'error');
      onError?.(failureOf(error, message));
    },
    [say, onError],
  );

  const conflicts = usePhoneNumberConflict({
    onSaved: (saved) => {
      onChange?.({ action: 'updated', phoneNumber: saved });
      say('Phone number saved', 'success');
    },
  });
  const resolveConflict = conflicts.resolve;

  // Whoever may edit a cell gets the rules (libphonenumber's full metadata) once the list they may change
  // has been painted: not in the way of the first rows, and there before a first edit or the Add dialog
  // needs them. A viewer never loads them.
  const mayWrite =
    !readOnly && (rows.some((row) => row.canWrite) || prospect?.canWritePhoneNumbers === true);
  useEffect(() => {
    if (!mayWrite) return;
    let cancelled = false;
    afterPaint(() => {
      if (!cancelled) void loadPhoneNumberRules();
    });
    return () => {
      cancelled = true;
    };
  }, [mayWrite]);

  const visibleRows = useMemo(
    () => rows.filter((row) => !deletes.pendingIds.has(row.id)),
    [rows, deletes.pendingIds],
  );

  // After a delete or an Undo, the control that had the focus is gone (the row's Delete, the snackbar's
  // Undo) and the focus would fall to the page: it goes to the Number cell of the row in that place, or of
  // the row back, once the grid shows it. Runs after every render: the row may come back a render later.
  useEffect(() => {
    const target = focusTarget.current;
    const api = apiRef.current;
    if (target === undefined || api === null) return;
    if (target === 'header') {
      api.setColumnHeaderFocus('number');
    } else {
      if (api.getRow(target.row) === null) return;
      api.scrollToIndexes({ rowIndex: api.getRowIndexRelativeToVisibleRows(target.row) });
      api.setCellFocus(target.row, 'number');
    }
    focusTarget.current = undefined;
  });

  // The row actions are one stable renderer: each actions cell reads its row's refusals from the store
  // and the latest rows and callbacks from here, so a changed row renders again alone, not the whole grid.
  const [refusals] = useState(() => new RowRefusalsStore());
  const latest = useRef({ visibleRows, onChange, onError, sayFailed });
  // Before any layout effect (the grid's own may call the handlers that read it).
  useInsertionEffect(() => {
    latest.current = { visibleRows, onChange, onError, sayFailed };
  });
  useLayoutEffect(() => {
    refusals.publish(
      new Map(
        visibleRows.map((row, index) => [row.id, refusalsOf(row, index, visibleRows, reorder)]),
      ),
    );
  }, [refusals, visibleRows, reorder]);

  const handleMove = useCallback(
    (row: ListedPhoneNumber, to: PhoneNumberMove) => {
      moveLater(
        { rows: latest.current.visibleRows, id: row.id, move: to },
        {
          onSuccess: () => {
            latest.current.onChange?.({ action: 'reordered', phoneNumber: row });
          },
          onError: (error) => {
            latest.current.sayFailed(error, 'The order is back to what it was.');
          },
        },
      );
    },
    [moveLater],
  );

  const handleEdit = useCallback((row: ListedPhoneNumber) => {
    setForm({ mode: 'edit', phoneNumber: row });
  }, []);

  const renderActions = useCallback(
    (params: GridRenderCellParams<ListedPhoneNumber>) => (
      <PhoneNumberRowActions
        params={params}
        refusals={refusals}
        onEdit={handleEdit}
        onDelete={setToDelete}
        onMove={handleMove}
      />
    ),
    [refusals, handleEdit, handleMove],
  );

  /** Sends a cell's change, shown already: on a 422, the cell opens again with what was typed. */
  const save = useCallback(
    (
      original: ListedPhoneNumber,
      field: (typeof EDITABLE_FIELDS)[number],
      typed: unknown,
      changes: PhoneNumberWritableAttributes,
    ) => {
      updateLater(
        { row: original, changes },
        {
          onSuccess: (saved) => {
            latest.current.onChange?.({ action: 'updated', phoneNumber: saved });
          },
          onError: (error) => {
            if (isPreconditionFailed(error)) {
              // Someone changed the number first: the rep sees it as it is now, with the change kept.
              latest.current.onError?.(failureOf(error, describeWriteError(error)));
              resolveConflict(original, changes).catch((readError: unknown) => {
                latest.current.sayFailed(readError, 'Your change was not saved.');
              });
              return;
            }
            // A 429 the app did not wait out is the rep's to retry: the input stays, as for a 422.
            const message =
              error instanceof ApiError && error.status === 422
                ? (error.fieldErrors.values().next().value ?? error.message)
                : error instanceof ApiError && error.status === 429
                  ? describeWriteError(error)
                  : undefined;
            if (message === undefined) {
              latest.current.sayFailed(error, 'The previous value is back.');
              return;
            }
            latest.current.onError?.(failureOf(error, message));
            // Back into the cell, with what the rep typed and the server's reason under it.
            setCellError({ id: original.id, field, value: typed, message });
            const api = apiRef.current;
            if (api?.getCellMode(original.id, field) !== 'view') return;
            api.startCellEditMode({ id: original.id, field });
            // The editor opens on the grid's next render; then it gets the input back.
            setTimeout(() => {
              if (api.getCellMode(original.id, field) === 'edit') {
                void api.setEditCellValue({ id: original.id, field, value: typed });
              }
            });
          },
        },
      );
    },
    [updateLater, apiRef, resolveConflict],
  );

  const processRowUpdate = useCallback(
    async (edited: ListedPhoneNumber, original: ListedPhoneNumber) => {
      const field = EDITABLE_FIELDS.find((editable) => edited[editable] !== original[editable]);
      if (field === undefined) return original;
      const typed = edited[field];
      let changes: PhoneNumberWritableAttributes;
      try {
        changes = await cellChanges(edited, original);
      } catch (error) {
        // The rules refused it: the grid keeps the cell open with the input, and the cell says why.
        if (error instanceof CellInputError) {
          setCellError({
            id: original.id,
            field: error.field,
            value: typed,
            message: error.message,
          });
        }
        throw error;
      }
      setCellError(undefined);
      if (Object.keys(changes).length === 0) return original;
      // The grid paints the row this returns; the cache's optimistic patch, and the list's re-render with
      // it, follow that paint rather than hold it up.
      afterPaint(() => {
        save(original, field, typed, changes);
      });
      return { ...original, ...changes };
    },
    [save],
  );

  const onProcessRowUpdateError = useCallback((error: unknown) => {
    if (!(error instanceof CellInputError)) latest.current.sayFailed(error);
  }, []);

  const cellServerError = useCallback<CellServerError>(
    (id, field, value) =>
      cellError?.id === id && cellError.field === field && cellError.value === value
        ? cellError.message
        : undefined,
    [cellError],
  );

  const isRowEditable = useCallback(
    (row: ListedPhoneNumber) => !readOnly && row.canWrite && !deletes.pendingIds.has(row.id),
    [readOnly, deletes.pendingIds],
  );

  async function submitForm(draft: PhoneNumberDraft) {
    try {
      await saveForm(draft);
    } catch (error) {
      // The dialog shows it, on the fields it names.
      onError?.(failureOf(error, describeWriteError(error)));
      throw error;
    }
  }

  async function saveForm(draft: PhoneNumberDraft) {
    if (form?.mode === 'edit') {
      const changes = draftChanges(draft, form.phoneNumber);
      if (Object.keys(changes).length > 0) {
        let saved: PhoneNumber;
        try {
          saved = await updateNow({ row: form.phoneNumber, changes });
        } catch (error) {
          if (!isPreconditionFailed(error)) throw error;
          // The form closes; the conflict dialog shows the number now, with what the rep typed.
          await resolveConflict(form.phoneNumber, changes);
          return;
        }
        onChange?.({ action: 'updated', phoneNumber: saved });
        say('Phone number saved', 'success');
      }
    } else if (prospect) {
      const created = await createNow({ prospectId: prospect.id, draft });
      onChange?.({ action: 'created', phoneNumber: created });
      say('Phone number added', 'success');
    }
  }

  function confirmDelete(row: ListedPhoneNumber) {
    const shown = apiRef.current?.getSortedRowIds() ?? [];
    const index = shown.indexOf(row.id);
    const neighbour = shown[index + 1] ?? shown[index - 1];
    focusTarget.current = neighbour === undefined ? 'header' : { row: neighbour };
    // Out of the grid at once; the pending delete, and the list's re-render without the row, follow the
    // paint (a new rows prop renders every cell of the grid again).
    apiRef.current?.updateRows([{ id: row.id, _action: 'delete' }]);
    setToDelete(undefined);
    let scheduled = false;
    let undone = false;
    const message = say('Phone number deleted', 'success', () => {
      focusTarget.current = { row: row.id };
      if (scheduled) {
        deletes.undo(row.id);
      } else {
        // Undone before it was even scheduled: the grid gets its rows back as they are.
        undone = true;
        apiRef.current?.setRows([...latest.current.visibleRows]);
      }
    });
    afterPaint(() => {
      if (undone) return;
      scheduled = true;
      deletes.schedule(row, {
        onError: (error: unknown) => {
          if (!isPreconditionFailed(error)) {
            latest.current.sayFailed(error, 'The number was not deleted.');
            return;
          }
          // Changed since the rep confirmed: ask again, naming the number as it is now.
          setFeedback((shown) => (shown?.key === message ? undefined : shown));
          conflicts.current(row).then(
            (now) => {
              setDeleteAgain(now.id);
              setToDelete(now);
            },
            (readError: unknown) => {
              latest.current.sayFailed(readError, 'The number was not deleted.');
            },
          );
        },
        // Sent early (the tab was hidden): Undo can no longer help, so it goes.
        onDeleted: () => {
          setFeedback((shown) => (shown?.key === message ? undefined : shown));
          latest.current.onChange?.({ action: 'deleted', phoneNumber: row });
        },
      });
    });
  }

  const addRefusal =
    prospect === undefined
      ? 'Choose a prospect to add a phone number to'
      : prospect.canWritePhoneNumbers
        ? undefined
        : NO_WRITE;

  const overlays: ReactNode = (
    <>
      {form === undefined ? null : (
        <Suspense fallback={null}>
          <PhoneNumberFormDialog
            open
            mode={form.mode}
            phoneNumber={form.mode === 'edit' ? form.phoneNumber : undefined}
            defaultCountry={prospect?.defaultCountry ?? DEFAULT_COUNTRY}
            onClose={() => {
              setForm(undefined);
            }}
            onSubmit={submitForm}
            notice={<RateLimitNotice />}
          />
        </Suspense>
      )}
      <DeletePhoneNumberDialog
        phoneNumber={toDelete}
        changedSinceAsked={toDelete !== undefined && toDelete.id === deleteAgain}
        onCancel={() => {
          setToDelete(undefined);
          setDeleteAgain(undefined);
        }}
        onConfirm={(row) => {
          setDeleteAgain(undefined);
          confirmDelete(row);
        }}
      />
      {conflicts.dialog}
      <Snackbar
        key={feedback?.key}
        open={feedback !== undefined}
        autoHideDuration={feedback?.undo ? UNDO_WINDOW_MS : 8000}
        onClose={(_, reason) => {
          if (reason !== 'clickaway') setFeedback(undefined);
        }}
      >
        <Alert
          severity={feedback?.severity ?? 'success'}
          variant="filled"
          onClose={() => {
            setFeedback(undefined);
          }}
          action={
            feedback?.undo ? (
              <Button
                color="inherit"
                size="small"
                onClick={() => {
                  feedback.undo?.();
                  setFeedback(undefined);
                }}
              >
                Undo
              </Button>
            ) : undefined
          }
        >
          {feedback?.message}
        </Alert>
      </Snackbar>
    </>
  );

  return {
    rows: visibleRows,
    hiddenCount: rows.length - visibleRows.length,
    grid: {
      apiRef,
      renderActions: readOnly ? undefined : renderActions,
      isRowEditable,
      processRowUpdate,
      onProcessRowUpdateError,
    },
    cellServerError,
    /** Whether to offer "Add phone number" at all. */
    canAdd: !readOnly,
    addRefusal,
    openAddDialog: () => {
      setForm({ mode: 'add' });
    },
    overlays,
  };
}
