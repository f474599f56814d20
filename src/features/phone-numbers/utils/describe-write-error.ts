import * as z from 'zod/mini';
import { ApiError } from '@/lib/api-error';
import { describeRateLimit } from '@/lib/rate-limit';

/** Why a phone number was not saved (or deleted), in words for a sales rep. */
export function describeWriteError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isScopeRefusal) {
      return "Your sign-in doesn't include permission to change phone numbers. Sign out, then sign in again and allow changes to phone numbers.";
    }
    // A wait the app did not sit out by itself (query-client.ts): how long, and that it is the rep's turn.
    const rateLimited = describeRateLimit(error);
    if (rateLimited !== undefined) return rateLimited;
    // Any other 403 on a write is governance: the user could change this record once, and no longer can.
    if (error.status === 403) {
      return "You no longer have permission to change this prospect's phone numbers.";
    }
    if (error.status === 404) return 'This phone number no longer exists.';
    return error.message;
  }
  if (error instanceof z.core.$ZodError) {
    return "The server's answer was not in a form this app understands. Reload to see whether the change was saved.";
  }
  // fetch rejects with a TypeError when the request never got an answer.
  if (error instanceof TypeError) {
    return "Couldn't reach the server. Check your connection and try again.";
  }
  return "The change couldn't be saved. Try again.";
}

const ATTRIBUTE_POINTER = /^\/data\/attributes\/([^/]+)$/;

/** `/data/attributes/number` → `number` (JSON pointer escapes undone); undefined for any other pointer. */
function attributeOf(pointer: string): string | undefined {
  const segment = ATTRIBUTE_POINTER.exec(pointer)?.[1];
  return segment?.replaceAll('~1', '/').replaceAll('~0', '~');
}

export interface PlacedWriteError<Field extends string> {
  /** The server's message for each field a 422's `source.pointer` names. */
  fields: ReadonlyMap<Field, string>;
  /** What belongs to no field, to show in place of the form or cell; undefined when every part is placed. */
  message: string | undefined;
}

/**
 * Puts a failed write where it belongs: each 422 error on the field its attribute maps to (`fieldOf`), the
 * rest in one message. The form and the grid's cells share it, each with its own fields.
 */
export function placeWriteError<Field extends string>(
  error: unknown,
  fieldOf: (attribute: string) => Field | undefined,
): PlacedWriteError<Field> {
  const fields = new Map<Field, string>();
  const unplaced: string[] = [];
  if (error instanceof ApiError) {
    for (const [pointer, detail] of error.fieldErrors) {
      const attribute = attributeOf(pointer);
      const field = attribute === undefined ? undefined : fieldOf(attribute);
      if (field === undefined) unplaced.push(detail);
      else if (!fields.has(field)) fields.set(field, detail);
    }
  }
  if (fields.size === 0 && unplaced.length === 0) {
    return { fields, message: describeWriteError(error) };
  }
  return { fields, message: unplaced.length > 0 ? unplaced.join(' ') : undefined };
}
