import { useCallback } from 'react';
import { useLatest } from '@/lib/use-latest';
import { useReorderPhoneNumbers } from '../api/use-phone-number-mutations';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberChange } from '../types/phone-number-events';
import type { PhoneNumberMove } from '../utils/row-refusals';

export interface RowMovesOptions {
  /** The rows on screen, in their order. */
  rows: readonly ListedPhoneNumber[];
  onChange: ((change: PhoneNumberChange) => void) | undefined;
  sayFailed: (error: unknown, then?: string) => void;
}

/** The order actions of the rows: Make primary, Move up, Move down. The function keeps its identity. */
export function useRowMoves({ rows, onChange, sayFailed }: RowMovesOptions) {
  const { mutate: moveLater } = useReorderPhoneNumbers();
  const latestRef = useLatest({ rows, onChange, sayFailed });
  return useCallback(
    (row: ListedPhoneNumber, to: PhoneNumberMove) => {
      moveLater(
        { rows: latestRef.current.rows, id: row.id, move: to },
        {
          onSuccess: () => {
            latestRef.current.onChange?.({ action: 'reordered', phoneNumber: row });
          },
          onError: (error) => {
            latestRef.current.sayFailed(error, 'The order is back to what it was.');
          },
        },
      );
    },
    [moveLater, latestRef],
  );
}
