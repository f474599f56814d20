import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from 'react';
import type { GridApi, GridRowId } from '@mui/x-data-grid';
import { afterPaint } from '@/lib/after-paint';
import { isPreconditionFailed } from '@/lib/api-error';
import { useLatest } from '@/lib/use-latest';
import { deletedMessage } from '../utils/deleted-message';
import { usePendingDeletes } from '../api/use-phone-number-mutations';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange } from '../types/phone-number-events';
import type { PhoneNumberFeedback } from './use-phone-number-feedback';

/** Where the focus goes once the grid shows it: a row's Number cell, or the Number header. */
type FocusTarget = { row: GridRowId } | 'header';

export interface DeleteWithUndoOptions {
  apiRef: RefObject<GridApi | null>;
  /** The rows of the list, in their order, pending deletes included. */
  rows: readonly ListedPhoneNumber[];
  onChange: ((change: PhoneNumberChange) => void) | undefined;
  feedback: Pick<PhoneNumberFeedback, 'say' | 'sayFailed' | 'withdraw'>;
  /** The row as it is now on the server, for a delete confirmed against an older version to ask again. */
  current: (row: ListedPhoneNumber) => Promise<ListedPhoneNumber>;
}

/**
 * Delete with undo (decision 0016): a confirmation, then the row is gone at once and "Undo" offered for
 * the undo window; the DELETE is sent after it. The pending deletes themselves are held by the app's
 * queue (`usePendingDeletes`); this leaves them out of the rows it returns.
 */
export function useDeleteWithUndo({
  apiRef,
  rows,
  onChange,
  feedback,
  current,
}: DeleteWithUndoOptions) {
  const deletes = usePendingDeletes();
  const [toDelete, setToDelete] = useState<ListedPhoneNumber>();
  // The number whose delete the server refused because it had changed: its confirmation asks again.
  const [deleteAgain, setDeleteAgain] = useState<number>();
  const focusTarget = useRef<FocusTarget>(undefined);

  const visibleRows = useMemo(
    () => rows.filter((row) => !deletes.pendingIds.has(row.id)),
    [rows, deletes.pendingIds],
  );
  const latestRef = useLatest({ visibleRows, onChange, feedback, current });

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

  function confirm(row: ListedPhoneNumber) {
    setDeleteAgain(undefined);
    const shown = apiRef.current?.getSortedRowIds() ?? [];
    const index = shown.indexOf(row.id);
    const neighbour = shown[index + 1] ?? shown[index - 1];
    focusTarget.current = neighbour === undefined ? 'header' : { row: neighbour };
    // Out of the grid at once, for the paint; the pending delete, and the list's re-render without the
    // row, follow that paint (a new rows prop renders every cell of the grid again: decision 0023).
    apiRef.current?.updateRows([{ id: row.id, _action: 'delete' }]);
    setToDelete(undefined);
    let scheduled = false;
    let undone = false;
    const { say, sayFailed, withdraw } = latestRef.current.feedback;
    const message = say(deletedMessage(row), 'success', () => {
      focusTarget.current = { row: row.id };
      if (scheduled) {
        deletes.undo(row.id);
      } else {
        // Undone before it was even scheduled: the grid gets its rows back as they are.
        undone = true;
        apiRef.current?.setRows([...latestRef.current.visibleRows]);
      }
    });
    afterPaint(() => {
      if (undone) return;
      scheduled = true;
      deletes.schedule(row, {
        onError: (error: unknown) => {
          if (!isPreconditionFailed(error)) {
            sayFailed(error, 'The number was not deleted.');
            return;
          }
          // Changed since the rep confirmed: ask again, naming the number as it is now.
          withdraw(message);
          latestRef.current.current(row).then(
            (now) => {
              setDeleteAgain(now.id);
              setToDelete(now);
            },
            (readError: unknown) => {
              sayFailed(readError, 'The number was not deleted.');
            },
          );
        },
        // Sent early (the tab was hidden): Undo can no longer help, so it goes.
        onDeleted: () => {
          withdraw(message);
          latestRef.current.onChange?.({ action: 'deleted', phoneNumber: row });
        },
      });
    });
  }

  /** Asks to confirm the delete of `row`. Keeps its identity, for the row actions. */
  const ask = useCallback((row: ListedPhoneNumber) => {
    setToDelete(row);
  }, []);

  return {
    /** The rows without those deleted a moment ago. */
    rows: visibleRows,
    pendingIds: deletes.pendingIds,
    ask,
    /** The number the confirmation asks about, if it is open. */
    toDelete,
    /** The confirmation asks again: the number changed since the rep first confirmed. */
    changedSinceAsked: toDelete !== undefined && toDelete.id === deleteAgain,
    confirm,
    cancel: () => {
      setToDelete(undefined);
      setDeleteAgain(undefined);
    },
  };
}
