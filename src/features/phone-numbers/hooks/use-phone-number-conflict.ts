import { useCallback, useState } from 'react';
import { isPreconditionFailed } from '@/lib/api-error';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { useFetchCurrentPhoneNumber } from '../api/use-fetch-current-phone-number';
import { useUpdatePhoneNumber } from '../api/use-phone-number-mutations';
import type { PhoneNumber, ListedPhoneNumber } from '../schemas/phone-number';
import { describeWriteError } from '../utils/describe-write-error';
import type {
  PhoneNumberConflict,
  PhoneNumberConflictDialogProps,
} from '../components/phone-number-conflict-dialog';

const CHANGED_AGAIN = 'It changed again while you were looking; this is how it is now.';

interface OpenConflict extends PhoneNumberConflict {
  row: ListedPhoneNumber;
}

export interface PhoneNumberConflicts {
  /**
   * After a 412 on `row`: reads the number as it is now and shows it with the rep's `changes`, to apply
   * again or let go. Rejects when the number can't be read (deleted meanwhile: a 404).
   */
  resolve: (row: ListedPhoneNumber, changes: PhoneNumberWritableAttributes) => Promise<void>;
  /** The row as it is now on the server, for a delete confirmed against an older version to ask again. */
  current: (row: ListedPhoneNumber) => Promise<ListedPhoneNumber>;
  /** What the "Phone number changed" dialog shows, while a conflict is open. */
  dialog: (PhoneNumberConflictDialogProps & { conflict: PhoneNumberConflict }) | undefined;
}

/**
 * What happens when a write meets a number someone else changed (decision 0036): the rep sees the number
 * as it is now and their own change, which is kept until they apply it again (with the new version's
 * If-Match) or discard it.
 */
export function usePhoneNumberConflict({
  onSaved,
}: {
  onSaved: (saved: PhoneNumber) => void;
}): PhoneNumberConflicts {
  const fetchCurrent = useFetchCurrentPhoneNumber();
  const { mutateAsync: updateNow } = useUpdatePhoneNumber();
  const [conflict, setConflict] = useState<OpenConflict>();
  const [failure, setFailure] = useState<string>();
  const [applying, setApplying] = useState(false);

  const resolve = useCallback(
    async (row: ListedPhoneNumber, changes: PhoneNumberWritableAttributes) => {
      const current = await fetchCurrent(row.id);
      setFailure(undefined);
      setConflict({ row, current, changes });
    },
    [fetchCurrent],
  );

  const current = useCallback(
    async (row: ListedPhoneNumber) => ({ ...row, ...(await fetchCurrent(row.id)) }),
    [fetchCurrent],
  );

  async function apply(open: OpenConflict) {
    setApplying(true);
    setFailure(undefined);
    const row = { ...open.row, ...open.current };
    try {
      const saved = await updateNow({ row, changes: open.changes });
      setConflict(undefined);
      onSaved(saved);
    } catch (error) {
      if (!isPreconditionFailed(error)) {
        setFailure(describeWriteError(error));
        return;
      }
      try {
        setConflict({ ...open, current: await fetchCurrent(row.id) });
        setFailure(CHANGED_AGAIN);
      } catch (readError) {
        setFailure(describeWriteError(readError));
      }
    } finally {
      setApplying(false);
    }
  }

  return {
    resolve,
    current,
    dialog:
      conflict === undefined
        ? undefined
        : {
            conflict,
            failure,
            applying,
            onApply: () => {
              void apply(conflict);
            },
            onDiscard: () => {
              setConflict(undefined);
              setFailure(undefined);
            },
          },
  };
}
