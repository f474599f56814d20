import { lazy, Suspense, useState } from 'react';
import { RateLimitNotice } from '@/components/rate-limit-notice';
import type { PhoneNumberDraft } from '@contract/phone-number-rules';
import type { PhoneNumberFeedbackMessage } from '../hooks/use-phone-number-feedback';
import type { PhoneNumberFormState } from '../hooks/use-phone-number-form';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberConflictDialogProps } from './phone-number-conflict-dialog';
import { PhoneNumberFeedback } from './phone-number-feedback';

const PhoneNumberFormDialog = lazy(() => import('./phone-number-form-dialog'));
const loadDeleteDialog = () => import('./delete-phone-number-dialog');
// Kept mounted from its first use, so that it fades out as it closes.
const DeletePhoneNumberDialog = lazy(loadDeleteDialog);

/**
 * Loads the delete dialog, for a user who may delete, once their list is painted: not in the way of
 * the first rows, and there before a first Delete.
 */
export function preloadDeleteDialog(): void {
  void loadDeleteDialog();
}
// Loaded when a conflict first happens: rare, and not worth its weight in the grid's first load.
const PhoneNumberConflictDialog = lazy(() => import('./phone-number-conflict-dialog'));

export interface PhoneNumberEditingDialogsProps {
  form: PhoneNumberFormState;
  /** A new number's country, until the rep chooses another. */
  defaultCountry: string;
  onCloseForm: () => void;
  onSubmitForm: (draft: PhoneNumberDraft) => Promise<void>;
  /** The number whose delete the rep is asked to confirm, if any. */
  toDelete: ListedPhoneNumber | undefined;
  /** The confirmation asks again: the number changed since the rep first confirmed. */
  changedSinceAsked: boolean;
  onCancelDelete: () => void;
  onConfirmDelete: (row: ListedPhoneNumber) => void;
  /** The "Phone number changed" dialog, while a conflict is open. */
  conflict: PhoneNumberConflictDialogProps | undefined;
  feedback: PhoneNumberFeedbackMessage | undefined;
  onCloseFeedback: () => void;
}

/** What the grid's writes open next to it: the Add / Edit dialog, the delete and conflict dialogs, the snackbar. */
export function PhoneNumberEditingDialogs(props: PhoneNumberEditingDialogsProps) {
  const { form, conflict } = props;
  const [deleteAsked, setDeleteAsked] = useState(false);
  if (props.toDelete !== undefined && !deleteAsked) setDeleteAsked(true);
  return (
    <>
      {form === undefined ? null : (
        <Suspense fallback={null}>
          <PhoneNumberFormDialog
            open
            mode={form.mode}
            phoneNumber={form.mode === 'edit' ? form.phoneNumber : undefined}
            prospectId={
              form.mode === 'edit' ? (form.phoneNumber.prospectId ?? undefined) : form.prospectId
            }
            defaultCountry={props.defaultCountry}
            onClose={props.onCloseForm}
            onSubmit={props.onSubmitForm}
            notice={<RateLimitNotice />}
          />
        </Suspense>
      )}
      {deleteAsked ? (
        <Suspense fallback={null}>
          <DeletePhoneNumberDialog
            phoneNumber={props.toDelete}
            changedSinceAsked={props.changedSinceAsked}
            onCancel={props.onCancelDelete}
            onConfirm={props.onConfirmDelete}
          />
        </Suspense>
      ) : null}
      {conflict === undefined ? null : (
        <Suspense fallback={null}>
          <PhoneNumberConflictDialog {...conflict} />
        </Suspense>
      )}
      <PhoneNumberFeedback shown={props.feedback} onClose={props.onCloseFeedback} />
    </>
  );
}
