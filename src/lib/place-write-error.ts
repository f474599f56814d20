import { ApiError } from './api-error';

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
 * rest in one message; a failure that names no attribute is put in words by `describe`. The phone-number
 * form and the add-user form share it, each with its own fields and words.
 */
export function placeWriteError<Field extends string>(
  error: unknown,
  fieldOf: (attribute: string) => Field | undefined,
  describe: (error: unknown) => string,
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
    return { fields, message: describe(error) };
  }
  return { fields, message: unplaced.length > 0 ? unplaced.join(' ') : undefined };
}
