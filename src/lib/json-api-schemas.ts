import * as z from 'zod/mini';

/** Outreach sends ids as JSON integers, JSON:API says strings: accept either, keep a number. */
export const resourceIdSchema = z.union([
  z.int().check(z.positive()),
  z.pipe(z.string().check(z.regex(/^[1-9]\d*$/)), z.transform(Number)),
]);

/**
 * A resource's `meta` when it is read with `provideAuthorizationMeta=true`: may the user change it, and
 * delete it, and beside a refusal why (our server's; Outreach gives no reason). Absent where an API does
 * not say.
 */
export const authorizationMetaSchema = z.optional(
  z.object({
    canWrite: z.optional(z.boolean()),
    canDelete: z.optional(z.boolean()),
    writeRefusal: z.optional(z.string()),
  }),
);

/** A resource in `included` of which only the name is read; whatever else an API includes passes. */
export const namedIncludedResourceSchema = z.object({
  type: z.string(),
  id: resourceIdSchema,
  attributes: z.optional(z.object({ name: z.nullish(z.string()) })),
});

/** Cursor links of a collection; clients follow them and never build cursors. */
export const paginationLinksSchema = z.object({
  first: z.optional(z.string()),
  prev: z.optional(z.string()),
  next: z.optional(z.string()),
});

export type CursorParameter = 'page[after]' | 'page[before]';

/**
 * The opaque cursor a pagination link carries in `page[after]` or `page[before]`, copied as it is, so
 * that a page can be named in the app's own URL; undefined when there is no link or it has no cursor.
 */
export function cursorOf(link: string | undefined, parameter: CursorParameter): string | undefined {
  if (link === undefined) return undefined;
  try {
    return new URL(link, 'http://relative.invalid').searchParams.get(parameter) ?? undefined;
  } catch {
    return undefined;
  }
}
