import { useMemo } from 'react';
import { useMutationState, type Mutation } from '@tanstack/react-query';

/**
 * The mutation keys of every phone-number write. Edits, additions, moves and deletes all go through the
 * QueryClient's mutation cache, so they are alike offline (paused, then sent when the network is back) and
 * after a 429 (sent again after the wait), and one hook can tell what is not saved yet.
 */
export const phoneNumberWriteKeys = {
  all: ['phoneNumbers', 'write'] as const,
  create: ['phoneNumbers', 'write', 'create'] as const,
  update: ['phoneNumbers', 'write', 'update'] as const,
  reorder: ['phoneNumbers', 'write', 'reorder'] as const,
  delete: ['phoneNumbers', 'write', 'delete'] as const,
  /** A change kept when the session ended under it, applied again after signing in. */
  kept: ['phoneNumbers', 'write', 'kept'] as const,
};

export interface PendingPhoneNumberWrites {
  /** Writes not yet answered: under way, waiting out a 429, or paused offline. */
  count: number;
  /** Of those, the ones paused until the browser is online again. */
  paused: number;
  /** The numbers those writes change (a new number has none yet), with whether the write is paused. */
  byId: ReadonlyMap<number, { paused: boolean }>;
}

/** The number a write's variables name: `{ row }` for an edit, `{ id }` for a move or a delete. */
function idOf(variables: unknown): number | undefined {
  if (typeof variables !== 'object' || variables === null) return undefined;
  if ('id' in variables && typeof variables.id === 'number') return variables.id;
  if ('row' in variables && typeof variables.row === 'object' && variables.row !== null) {
    return 'id' in variables.row && typeof variables.row.id === 'number'
      ? variables.row.id
      : undefined;
  }
  return undefined;
}

const select = (mutation: Mutation) => ({
  id: idOf(mutation.state.variables),
  paused: mutation.state.isPaused,
});

/** What of the phone-number writes is not saved yet; see phoneNumberWriteKeys. */
export function usePendingPhoneNumberWrites(): PendingPhoneNumberWrites {
  const pending = useMutationState({
    filters: { mutationKey: phoneNumberWriteKeys.all, status: 'pending' },
    select,
  });
  return useMemo(() => {
    const byId = new Map<number, { paused: boolean }>();
    for (const { id, paused } of pending) {
      if (id !== undefined) byId.set(id, { paused: paused || byId.get(id)?.paused === true });
    }
    return {
      count: pending.length,
      paused: pending.filter((write) => write.paused).length,
      byId,
    };
  }, [pending]);
}
