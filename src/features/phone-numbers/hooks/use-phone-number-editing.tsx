import { useCallback, useEffect, useMemo } from 'react';
import { useGridApiRef, type GridRenderCellParams } from '@mui/x-data-grid';
import { afterPaint } from '@/lib/after-paint';
import { DEFAULT_COUNTRY } from '@contract/iso-countries';
import {
  preloadDeleteDialog,
  type PhoneNumberEditingDialogsProps,
} from '../components/phone-number-editing-dialogs';
import { PhoneNumberRowActions } from '../components/phone-number-row-actions';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange, PhoneNumberFailure } from '../types/phone-number-events';
import { loadPhoneNumberRules } from '../utils/load-phone-number-rules';
import { NO_WRITE, type ReorderContext } from '../utils/row-refusals';
import { useCellEditing } from './use-cell-editing';
import { useDeleteWithUndo } from './use-delete-with-undo';
import { usePhoneNumberConflict } from './use-phone-number-conflict';
import { usePhoneNumberFeedback } from './use-phone-number-feedback';
import { usePhoneNumberForm } from './use-phone-number-form';
import { useRowMoves } from './use-row-moves';
import { useRowRefusalsStore } from './use-row-refusals-store';

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
  prospect:
    | {
        id: number;
        canWritePhoneNumbers: boolean;
        /** Why not, when the API says. */
        refusal: string | null;
        defaultCountry: string;
      }
    | undefined;
}

/**
 * Everything that changes phone numbers from the grid, put together: cells edited in place, the Add and
 * Edit dialog, delete with undo and the order actions, each allowed per row by the server's flags. Gives
 * the grid its props, and the dialogs next to it theirs.
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
  const feedback = usePhoneNumberFeedback(onError);
  const { say, sayFailed } = feedback;
  const conflicts = usePhoneNumberConflict({
    onSaved: (saved) => {
      onChange?.({ action: 'updated', phoneNumber: saved });
      say('Phone number saved', 'success');
    },
  });
  const deletes = useDeleteWithUndo({
    apiRef,
    rows,
    onChange,
    feedback,
    current: conflicts.current,
  });
  const cells = useCellEditing({
    apiRef,
    readOnly,
    pendingDeletes: deletes.pendingIds,
    onChange,
    onError,
    say,
    sayFailed,
    resolveConflict: conflicts.resolve,
  });
  const move = useRowMoves({ rows: deletes.rows, onChange, sayFailed });
  const form = usePhoneNumberForm({
    prospectId: prospect?.id,
    onChange,
    onError,
    say,
    resolveConflict: conflicts.resolve,
  });
  const refusals = useRowRefusalsStore(deletes.rows, reorder);

  // Whoever may edit a cell gets the rules (libphonenumber's full metadata) and the delete dialog once
  // the list they may change has been painted: not in the way of the first rows, and there before a
  // first edit, the Add dialog or a Delete needs them. A viewer never loads them.
  const mayWrite =
    !readOnly && (rows.some((row) => row.canWrite) || prospect?.canWritePhoneNumbers === true);
  useEffect(() => {
    if (!mayWrite) return;
    let cancelled = false;
    afterPaint(() => {
      if (cancelled) return;
      void loadPhoneNumberRules();
      preloadDeleteDialog();
    });
    return () => {
      cancelled = true;
    };
  }, [mayWrite]);

  // One stable renderer: each actions cell reads its row's refusals from the store, so a changed row
  // renders again alone, not the whole grid.
  const { openEdit } = form;
  const { ask } = deletes;
  const renderActions = useCallback(
    (params: GridRenderCellParams<ListedPhoneNumber>) => (
      <PhoneNumberRowActions
        params={params}
        refusals={refusals}
        onEdit={openEdit}
        onDelete={ask}
        onMove={move}
      />
    ),
    [refusals, openEdit, ask, move],
  );

  // The same actions, for the list phones get instead of the grid.
  const actions = useMemo(
    () => (readOnly ? undefined : { refusals, onEdit: openEdit, onDelete: ask, onMove: move }),
    [readOnly, refusals, openEdit, ask, move],
  );

  // Said, not shown: a rep who tries to edit a cell of a number they may not change learns why.
  const explainReadOnlyCell = useCallback(
    (row: ListedPhoneNumber) => {
      if (!readOnly && !row.canWrite) say(row.writeRefusal ?? NO_WRITE, 'info');
    },
    [readOnly, say],
  );

  const addRefusal =
    prospect === undefined
      ? 'Choose a prospect to add a phone number to'
      : prospect.canWritePhoneNumbers
        ? undefined
        : (prospect.refusal ?? NO_WRITE);

  const dialogs: PhoneNumberEditingDialogsProps = {
    form: form.form,
    defaultCountry: prospect?.defaultCountry ?? DEFAULT_COUNTRY,
    onCloseForm: form.close,
    onSubmitForm: form.submit,
    toDelete: deletes.toDelete,
    changedSinceAsked: deletes.changedSinceAsked,
    onCancelDelete: deletes.cancel,
    onConfirmDelete: deletes.confirm,
    conflict: conflicts.dialog,
    feedback: feedback.shown,
    onCloseFeedback: feedback.close,
  };

  return {
    rows: deletes.rows,
    hiddenCount: rows.length - deletes.rows.length,
    grid: {
      apiRef,
      renderActions: readOnly ? undefined : renderActions,
      isRowEditable: cells.isRowEditable,
      onReadOnlyCell: explainReadOnlyCell,
      processRowUpdate: cells.processRowUpdate,
      onProcessRowUpdateError: cells.onProcessRowUpdateError,
    },
    cellServerError: cells.cellServerError,
    actions,
    /** Whether to offer "Add phone number" at all. */
    canAdd: !readOnly,
    addRefusal,
    openAddDialog: form.openAdd,
    /** Says something in the snackbar, with an Undo when given one. */
    say,
    dialogs,
  };
}
