import { useMemo, useSyncExternalStore } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import type { PhoneNumberDraft, PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { ownWritesOf } from './own-writes';
import { endedTheSession, keepChange } from './kept-changes';
import { pendingDeletesOf, type PendingDeleteHandlers } from './pending-deletes';
import {
  cancelPhoneNumberFetches,
  invalidatePhoneNumberWrite,
  patchPhoneNumberInCache,
  reorderPhoneNumbersInCache,
  restorePhoneNumberCache,
} from './phone-number-cache';
import { phoneNumberWriteKeys } from './phone-number-writes';
import { planReorder, type ReorderMove } from './plan-reorder';
import {
  createPhoneNumber,
  pickWritableAttributes,
  updatePhoneNumber,
} from './write-phone-numbers';

export interface CreatePhoneNumberVariables {
  prospectId: number;
  draft: PhoneNumberDraft;
}

/** Resolves once the shown lists have been fetched again, so the new row is there when a dialog closes. */
export function useCreatePhoneNumber() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: phoneNumberWriteKeys.create,
    mutationFn: ({ prospectId, draft }: CreatePhoneNumberVariables) =>
      createPhoneNumber(client, prospectId, draft),
    onSuccess: () => invalidatePhoneNumberWrite(queryClient, undefined),
    onError: (error, { prospectId, draft }) => {
      if (endedTheSession(error)) keepChange({ kind: 'create', prospectId, draft });
    },
  });
}

export interface UpdatePhoneNumberVariables {
  row: ListedPhoneNumber;
  changes: PhoneNumberWritableAttributes;
}

/**
 * Shows the changes at once in the lists on screen (the others are fetched again when shown), puts the
 * row back if the server refuses, and rejects with the ApiError
 * (its fieldErrors mark a 422's cell or field; a 412 means the row changed since `row.etag`, which is
 * sent as If-Match when the API gave one). Lists are fetched again either way: after a 403, that
 * brings the row's permissions up to date.
 */
export function useUpdatePhoneNumber() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: phoneNumberWriteKeys.update,
    mutationFn: ({ row, changes }: UpdatePhoneNumberVariables) =>
      ownWritesOf(queryClient).run(row.id, row.etag, (etag) =>
        updatePhoneNumber(client, row.id, changes, { etag }),
      ),
    onMutate: ({ row, changes }) => {
      cancelPhoneNumberFetches(queryClient);
      return patchPhoneNumberInCache(queryClient, row.id, pickWritableAttributes(changes));
    },
    onSuccess: (updated) => {
      // The server's values: the number in E.164, updatedAt, statusChangedAt.
      patchPhoneNumberInCache(queryClient, updated.id, updated);
    },
    onError: (error, { row, changes }, snapshot) => {
      if (snapshot) restorePhoneNumberCache(queryClient, snapshot);
      if (endedTheSession(error)) {
        keepChange({
          kind: 'update',
          id: row.id,
          prospectId: row.prospectId,
          number: row.number,
          etag: row.etag,
          changes: pickWritableAttributes(changes),
        });
      }
    },
    onSettled: (_updated, _error, { row }) => {
      void invalidatePhoneNumberWrite(queryClient, row.id);
    },
  });
}

export interface ReorderPhoneNumbersVariables {
  /** The prospect's numbers, in the order they are shown. */
  rows: readonly ListedPhoneNumber[];
  id: number;
  move: ReorderMove;
}

/**
 * Moves a number first, up or down with the fewest PATCHes (see planReorder), sent one after the other
 * and stopping at the first refusal; the lists show the new order at once and go back on any failure.
 */
export function useReorderPhoneNumbers() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: phoneNumberWriteKeys.reorder,
    mutationFn: async ({ rows, id, move }: ReorderPhoneNumbersVariables) => {
      const etags = new Map(rows.map((row) => [row.id, row.etag]));
      for (const patch of planReorder(rows, id, move)) {
        // Without If-Match (decision 0035), but known as the app's own write to the number.
        await ownWritesOf(queryClient).run(patch.id, etags.get(patch.id) ?? null, () =>
          updatePhoneNumber(client, patch.id, { order: patch.order }),
        );
      }
    },
    onMutate: ({ rows, id, move }) => {
      const patches = planReorder(rows, id, move);
      if (patches.length === 0) return undefined;
      cancelPhoneNumberFetches(queryClient);
      const prospectId = rows.find((row) => row.id === id)?.prospectId ?? null;
      return reorderPhoneNumbersInCache(queryClient, prospectId, patches);
    },
    onError: (_error, _variables, snapshot) => {
      if (snapshot) restorePhoneNumberCache(queryClient, snapshot);
    },
    onSettled: (_result, _error, _variables, snapshot) => {
      if (snapshot === undefined) return;
      void invalidatePhoneNumberWrite(queryClient, undefined);
    },
  });
}

export interface UsePendingDeletes {
  /** The numbers to leave out of every list shown, until the server has deleted them and they are fetched again. */
  pendingIds: ReadonlySet<number>;
  schedule: (row: ListedPhoneNumber, handlers?: PendingDeleteHandlers) => void;
  undo: (id: number) => void;
}

/**
 * Delete with undo: `schedule` marks the row deleted now and sends the DELETE after
 * UNDO_WINDOW_MS unless `undo` comes first. The queue belongs to the QueryClient, not to the component,
 * so a delete survives leaving the page; see docs/decisions/0016-delete-with-undo.md.
 */
export function usePendingDeletes(): UsePendingDeletes {
  const client = useApiClient();
  const pendingDeletes = pendingDeletesOf(useQueryClient());
  const pendingIds = useSyncExternalStore(pendingDeletes.subscribe, pendingDeletes.getPendingIds);
  return useMemo(
    () => ({
      pendingIds,
      schedule: (row, handlers) => {
        pendingDeletes.schedule(client, row, handlers);
      },
      undo: pendingDeletes.undo,
    }),
    [client, pendingDeletes, pendingIds],
  );
}
