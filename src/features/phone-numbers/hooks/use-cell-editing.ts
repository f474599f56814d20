import { useCallback, useState, type RefObject } from 'react';
import type { GridApi, GridRowId } from '@mui/x-data-grid';
import { afterPaint } from '@/lib/after-paint';
import { ApiError, isPreconditionFailed } from '@/lib/api-error';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { useLatest } from '@/lib/use-latest';
import { useUpdatePhoneNumber } from '../api/use-phone-number-mutations';
import type { CellServerError } from '../components/phone-number-edit-cell';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange, PhoneNumberFailure } from '../types/phone-number-events';
import { changesUndoing, describeCellEdit } from '../utils/cell-edit-undo';
import { describeWriteError } from '../utils/describe-write-error';
import {
  cellChanges,
  CellInputError,
  EDITABLE_FIELDS,
  type EditableField,
} from '../utils/phone-number-changes';
import { failureOf } from '../utils/phone-number-failure';
import type { PhoneNumberFeedback } from './use-phone-number-feedback';

/** Said when an Undo is refused; the edit it would have taken back stays saved and shown. */
const UNDO_FAILED = 'The edit was not undone.';

interface CellError {
  id: GridRowId;
  field: string;
  value: unknown;
  message: string;
}

export interface CellEditingOptions {
  apiRef: RefObject<GridApi | null>;
  readOnly: boolean;
  /** Numbers deleted a moment ago, whose cells are no longer edited. */
  pendingDeletes: ReadonlySet<number>;
  onChange: ((change: PhoneNumberChange) => void) | undefined;
  onError: ((failure: PhoneNumberFailure) => void) | undefined;
  say: PhoneNumberFeedback['say'];
  sayFailed: PhoneNumberFeedback['sayFailed'];
  /** After a 412: shows the number as it is now, with the rep's change (decision 0036). */
  resolveConflict: (
    row: ListedPhoneNumber,
    changes: PhoneNumberWritableAttributes,
  ) => Promise<void>;
}

/**
 * Cells edited in place (decision 0018): the rules check a cell when it is committed, the grid paints the
 * new value at once, and the PATCH follows that paint. On a 422 (or a 429 the app did not wait out) the
 * cell opens again with what the rep typed and the server's message under it. A saved edit is offered to
 * undo (decision 0056): the old values go back as a PATCH of their own.
 */
export function useCellEditing({
  apiRef,
  readOnly,
  pendingDeletes,
  onChange,
  onError,
  say,
  sayFailed,
  resolveConflict,
}: CellEditingOptions) {
  // The mutate function is stable; the mutation object changes with every state it goes through, and
  // the callbacks below must not (the grid hands them to every cell).
  const { mutate: updateLater } = useUpdatePhoneNumber();
  const [cellError, setCellError] = useState<CellError>();
  const latestRef = useLatest({ onChange, onError, say, sayFailed, resolveConflict });

  /** After a 412: the number as it is now beside `changes`, to apply knowingly or discard (decision 0036). */
  const showConflict = useCallback(
    (
      error: unknown,
      row: ListedPhoneNumber,
      changes: PhoneNumberWritableAttributes,
      then: string,
    ) => {
      latestRef.current.onError?.(failureOf(error, describeWriteError(error)));
      latestRef.current.resolveConflict(row, changes).catch((readError: unknown) => {
        latestRef.current.sayFailed(readError, then);
      });
    },
    [latestRef],
  );

  /**
   * Sends back the values an edit of `field` replaced, through the same mutation as the edit; the
   * focus, which was on the snackbar's Undo, goes back to the cell.
   */
  const undo = useCallback(
    (row: ListedPhoneNumber, field: EditableField, changes: PhoneNumberWritableAttributes) => {
      const api = apiRef.current;
      if (api?.getRow(row.id) != null && api.getCellMode(row.id, field) === 'view') {
        api.scrollToIndexes({ rowIndex: api.getRowIndexRelativeToVisibleRows(row.id) });
        api.setCellFocus(row.id, field);
        api.getCellElement(row.id, field)?.focus();
      }
      updateLater(
        { row, changes },
        {
          onSuccess: (saved) => {
            latestRef.current.onChange?.({ action: 'updated', phoneNumber: saved });
          },
          onError: (error) => {
            if (isPreconditionFailed(error)) {
              showConflict(error, row, changes, UNDO_FAILED);
              return;
            }
            latestRef.current.sayFailed(error, UNDO_FAILED);
          },
        },
      );
    },
    [updateLater, apiRef, latestRef, showConflict],
  );

  /** Sends a cell's change, shown already: on a 422, the cell opens again with what was typed. */
  const save = useCallback(
    (
      original: ListedPhoneNumber,
      field: EditableField,
      typed: unknown,
      changes: PhoneNumberWritableAttributes,
    ) => {
      updateLater(
        { row: original, changes },
        {
          onSuccess: (saved) => {
            latestRef.current.onChange?.({ action: 'updated', phoneNumber: saved });
            // Only the last edit can be undone: its message takes the place of the one before.
            const undoing = changesUndoing(original, changes);
            const edited = { ...original, ...saved };
            latestRef.current.say(
              describeCellEdit(field, original, saved),
              'success',
              undoing === undefined
                ? undefined
                : () => {
                    undo(edited, field, undoing);
                  },
              // A number typed in its cell is said to be on other prospects' records, as in the dialog.
              field === 'number' && saved.number !== null && original.prospectId !== null
                ? { e164: saved.number, prospectId: original.prospectId, exceptId: original.id }
                : undefined,
            );
          },
          onError: (error) => {
            if (isPreconditionFailed(error)) {
              // Someone changed the number first: the rep sees it as it is now, with the change kept.
              showConflict(error, original, changes, 'Your change was not saved.');
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
              latestRef.current.sayFailed(error, 'The previous value is back.');
              return;
            }
            latestRef.current.onError?.(failureOf(error, message));
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
    [updateLater, apiRef, latestRef, showConflict, undo],
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
      // The grid paints the row this returns; the optimistic patch of the list on screen, and the list's
      // re-render with it, follow that paint rather than hold it up (decision 0023).
      afterPaint(() => {
        save(original, field, typed, changes);
      });
      return { ...original, ...changes };
    },
    [save],
  );

  const onProcessRowUpdateError = useCallback(
    (error: unknown) => {
      if (!(error instanceof CellInputError)) latestRef.current.sayFailed(error);
    },
    [latestRef],
  );

  const cellServerError = useCallback<CellServerError>(
    (id, field, value) =>
      cellError?.id === id && cellError.field === field && cellError.value === value
        ? cellError.message
        : undefined,
    [cellError],
  );

  const isRowEditable = useCallback(
    (row: ListedPhoneNumber) => !readOnly && row.canWrite && !pendingDeletes.has(row.id),
    [readOnly, pendingDeletes],
  );

  return { processRowUpdate, onProcessRowUpdateError, cellServerError, isRowEditable };
}
