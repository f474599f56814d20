import { useCallback, useState } from 'react';
import { isPreconditionFailed } from '@/lib/api-error';
import type { PhoneNumberDraft, PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { useCreatePhoneNumber, useUpdatePhoneNumber } from '../api/use-phone-number-mutations';
import type { PhoneNumber, ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange, PhoneNumberFailure } from '../types/phone-number-events';
import { describeWriteError } from '../utils/describe-write-error';
import { draftChanges } from '../utils/phone-number-changes';
import { failureOf } from '../utils/phone-number-failure';

export type PhoneNumberFormState =
  | { mode: 'add'; prospectId: number | undefined }
  | { mode: 'edit'; phoneNumber: ListedPhoneNumber }
  | undefined;

export interface PhoneNumberFormOptions {
  /** The prospect a new number is added to, when the view is narrowed to one. */
  prospectId: number | undefined;
  onChange: ((change: PhoneNumberChange) => void) | undefined;
  onError: ((failure: PhoneNumberFailure) => void) | undefined;
  say: (message: string, severity: 'success' | 'error') => void;
  /** After a 412: shows the number as it is now, with the rep's change (decision 0036). */
  resolveConflict: (
    row: ListedPhoneNumber,
    changes: PhoneNumberWritableAttributes,
  ) => Promise<void>;
}

/**
 * The "Add phone number" and "Edit phone number" dialog: which is open, and its Save. A failure rejects,
 * for the dialog to show on the fields it names; a 412 closes it and hands the change to the conflict
 * dialog instead.
 */
export function usePhoneNumberForm({
  prospectId,
  onChange,
  onError,
  say,
  resolveConflict,
}: PhoneNumberFormOptions) {
  const { mutateAsync: updateNow } = useUpdatePhoneNumber();
  const { mutateAsync: createNow } = useCreatePhoneNumber();
  const [form, setForm] = useState<PhoneNumberFormState>();

  async function save(draft: PhoneNumberDraft) {
    if (form?.mode === 'edit') {
      const changes = draftChanges(draft, form.phoneNumber);
      if (Object.keys(changes).length === 0) return;
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
    } else if (prospectId !== undefined) {
      const created = await createNow({ prospectId, draft });
      onChange?.({ action: 'created', phoneNumber: created });
      say('Phone number added', 'success');
    }
  }

  /** Opens the Edit dialog on `row`. Keeps its identity, for the row actions. */
  const openEdit = useCallback((row: ListedPhoneNumber) => {
    setForm({ mode: 'edit', phoneNumber: row });
  }, []);

  return {
    form,
    openAdd: () => {
      setForm({ mode: 'add', prospectId });
    },
    openEdit,
    close: () => {
      setForm(undefined);
    },
    submit: async (draft: PhoneNumberDraft) => {
      try {
        await save(draft);
      } catch (error) {
        // The dialog shows it, on the fields it names.
        onError?.(failureOf(error, describeWriteError(error)));
        throw error;
      }
    },
  };
}
