import { useCallback, useSyncExternalStore } from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import * as z from 'zod/mini';
import { useApiClient } from '@/lib/api-client-context';
import { ApiError, isPreconditionFailed } from '@/lib/api-error';
import { isIsoCountryCode, type IsoCountryCode } from '@contract/iso-countries';
import { PHONE_STATUSES, PHONE_TYPES } from '@contract/phone-number-values';
import { invalidatePhoneNumberWrite } from './phone-number-cache';
import { phoneNumberWriteKeys } from './phone-number-writes';
import { createPhoneNumber, deletePhoneNumber, updatePhoneNumber } from './write-phone-numbers';

const KEY = 'phone-numbers-admin:kept-changes';

const isoCountrySchema = z.custom<IsoCountryCode>(
  (value) => typeof value === 'string' && isIsoCountryCode(value),
);

/**
 * What storage gives back is checked again, as any input is; the values were the rules' output when the
 * write was first sent, and the API applies the rules once more.
 */
const keptChangeSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('update'),
    id: z.number(),
    prospectId: z.nullable(z.number()),
    number: z.nullable(z.string()),
    /** The tag the change was made from (If-Match); absent where the API sends none. */
    etag: z.optional(z.nullable(z.string())),
    changes: z.partial(
      z.object({
        number: z.string(),
        rawNumber: z.nullable(z.string()),
        extension: z.nullable(z.string()),
        countryCode: z.nullable(isoCountrySchema),
        phoneType: z.enum(PHONE_TYPES),
        status: z.enum(PHONE_STATUSES),
        order: z.number(),
      }),
    ),
  }),
  z.object({
    kind: z.literal('create'),
    prospectId: z.number(),
    draft: z.object({
      number: z.string(),
      rawNumber: z.string(),
      countryCode: isoCountrySchema,
      phoneType: z.optional(z.enum(PHONE_TYPES)),
      extension: z.nullable(z.string()),
    }),
  }),
  z.object({
    kind: z.literal('delete'),
    id: z.number(),
    prospectId: z.nullable(z.number()),
    number: z.nullable(z.string()),
    etag: z.optional(z.nullable(z.string())),
  }),
]);

/**
 * A write refused with a 401 (for a host's bearer token, one that no new token could cure): the session
 * had ended under it. It is kept in the tab (sessionStorage, which survives the sign-in page's round trip)
 * so that, signed in again, the rep is offered it back; see
 * docs/decisions/0040-a-change-the-session-ended-under.md.
 */
export type KeptChange = z.output<typeof keptChangeSchema>;

const memory: { value: string | null } = { value: null };
const listeners = new Set<() => void>();

/** The tab's sessionStorage, or memory where a frame is refused it (a popup sign-in keeps the page). */
function storage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
  try {
    return window.sessionStorage;
  } catch {
    return {
      getItem: () => memory.value,
      setItem: (_, value) => {
        memory.value = value;
      },
      removeItem: () => {
        memory.value = null;
      },
    };
  }
}

let snapshot: { raw: string | null; changes: readonly KeptChange[] } = { raw: null, changes: [] };

function parseKept(raw: string | null): KeptChange[] {
  try {
    const parsed = z.array(keptChangeSchema).safeParse(JSON.parse(raw ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

function read(): readonly KeptChange[] {
  const raw = storage().getItem(KEY);
  if (raw === snapshot.raw) return snapshot.changes;
  snapshot = { raw, changes: parseKept(raw) };
  return snapshot.changes;
}

function write(changes: readonly KeptChange[]) {
  if (changes.length === 0) storage().removeItem(KEY);
  else storage().setItem(KEY, JSON.stringify(changes));
  for (const listener of listeners) listener();
}

/** Whether a write failed because the session had ended (the API client has done all it could). */
export function endedTheSession(error: unknown): boolean {
  return error instanceof ApiError && error.status === 401;
}

/** Keeps a write the ended session refused, to offer back after the next sign-in. */
export function keepChange(change: KeptChange): void {
  write([...read(), change]);
}

/**
 * What stays offered after a failed attempt: everything but a change the server will never take (the
 * number is gone, or the rules refuse it). After a 412 someone changed the number since: the change stays
 * without its tag, so that applying it again, having read why it failed, is the rep's choice to overwrite.
 */
function keptAfter(change: KeptChange, error: unknown): KeptChange | undefined {
  if (error instanceof ApiError && (error.status === 404 || error.status === 422)) return undefined;
  if (isPreconditionFailed(error) && change.kind !== 'create') return { ...change, etag: null };
  return change;
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
};

/** The kept changes, with `apply` (sends one again) and `discard`. */
export function useKeptChanges() {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const changes = useSyncExternalStore(subscribe, read, () => []);
  const forget = useCallback((change: KeptChange) => {
    write(read().filter((kept) => kept !== change));
  }, []);
  const { mutate: applyLater, isPending } = useMutation({
    mutationKey: phoneNumberWriteKeys.kept,
    mutationFn: async (change: KeptChange) => {
      if (change.kind === 'update') {
        await updatePhoneNumber(client, change.id, change.changes, { etag: change.etag });
      } else if (change.kind === 'create') {
        await createPhoneNumber(client, change.prospectId, change.draft);
      } else {
        await deletePhoneNumber(client, change.id, { etag: change.etag });
      }
    },
    onSettled: (_result, _error, change) =>
      invalidatePhoneNumberWrite(queryClient, change.kind === 'create' ? undefined : change.id),
  });
  const apply = useCallback(
    (change: KeptChange, handlers: { onError: (error: unknown) => void }) => {
      forget(change);
      applyLater(change, {
        onError: (error) => {
          const keepAgain = keptAfter(change, error);
          if (keepAgain !== undefined) keepChange(keepAgain);
          handlers.onError(error);
        },
      });
    },
    [applyLater, forget],
  );
  return { changes, apply, discard: forget, applying: isPending };
}
