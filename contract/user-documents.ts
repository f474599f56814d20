/**
 * The request documents an admin sends to manage users and ownership (issue 14, decision 0051): a
 * user's role and whether they are locked out, and a prospect's owner. The server checks them and
 * `openapi.json` describes them from these schemas; the app sends them.
 */
import * as z from 'zod/mini';

/** What a user may do: everything, their own prospects' numbers, or only look. */
export const ROLES = ['admin', 'rep', 'viewer'] as const;

export type Role = (typeof ROLES)[number];

const resourceIdSchema = z.union([
  z.int().check(z.positive()),
  z.string().check(z.regex(/^[1-9]\d*$/)),
]);

/** The attributes an admin may change; `locked: true` deactivates (Outreach's name), false reactivates. */
export const userWritableAttributesSchema = z.strictObject({
  role: z.optional(z.enum(ROLES)),
  locked: z.optional(z.boolean()),
});

/** PATCH /users/{id}: the id of the URL, and only what changes. */
export const userUpdateDocumentSchema = z.object({
  data: z.object({
    type: z.literal('user'),
    id: resourceIdSchema,
    attributes: userWritableAttributesSchema,
  }),
});

/** PATCH /prospects/{id}: a new owner, an active user. Nothing else of a prospect is written here. */
export const prospectUpdateDocumentSchema = z.object({
  data: z.object({
    type: z.literal('prospect'),
    id: resourceIdSchema,
    relationships: z.strictObject({
      owner: z.object({ data: z.object({ type: z.literal('user'), id: resourceIdSchema }) }),
    }),
  }),
});

export type UserUpdateDocument = z.input<typeof userUpdateDocumentSchema>;
export type ProspectUpdateDocument = z.input<typeof prospectUpdateDocumentSchema>;
