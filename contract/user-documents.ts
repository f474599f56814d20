/**
 * The request documents an admin sends to manage users and ownership (issue 14, decision 0051): a new
 * user, a user's role and whether they are locked out, and a prospect's owner. The server checks them
 * and `openapi.json` describes them from these schemas; the app sends them.
 */
import * as z from 'zod/mini';
import { MAX_STRING_LENGTH } from './phone-number-values';

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

const tooLong = `Keep this under ${MAX_STRING_LENGTH + 1} characters.`;

/**
 * Something, one @, and a domain with a dot, without spaces: enough to catch a typo, not a claim the
 * address exists. The spaces around it are allowed here because they are trimmed before it is checked.
 */
const EMAIL_PATTERN = /^\s*[^\s@]+@[^\s@.]+(?:\.[^\s@.]+)+\s*$/;

/** A new user's email: trimmed, checked, and lower-cased, as it is stored and matched at sign-in. */
export const userEmailSchema = z
  .string({
    error: (issue) =>
      issue.input === undefined
        ? 'Give the email address the person signs in with.'
        : 'email must be a string.',
  })
  .check(
    z.trim(),
    z.maxLength(MAX_STRING_LENGTH, tooLong),
    z.regex(EMAIL_PATTERN, 'Enter an email address, such as name@example.com.'),
    z.toLowerCase(),
  );

/** A first or last name, or a title: trimmed; blank is allowed. */
export const userNameSchema = z
  .string({ error: 'Give this as a string.' })
  .check(z.trim(), z.maxLength(MAX_STRING_LENGTH, tooLong));

export const userRoleSchema = z.enum(ROLES, {
  error: (issue) =>
    issue.input === undefined
      ? `Give the new user a role: ${ROLES.join(', ')}.`
      : `role must be one of ${ROLES.join(', ')}.`,
});

/**
 * What an admin gives a new user (decision 0051). Without a first or a last name, the server names
 * them after their email, as the sign-in does for the people ADMIN_EMAILS lets in.
 */
export const userCreateAttributesSchema = z.strictObject({
  email: userEmailSchema,
  firstName: z.optional(userNameSchema),
  lastName: z.optional(userNameSchema),
  title: z.optional(z.nullable(userNameSchema)),
  role: userRoleSchema,
});

/** POST /users: a new user. The server assigns the id. */
export const userCreateDocumentSchema = z.object({
  data: z.object({
    type: z.literal('user'),
    attributes: userCreateAttributesSchema,
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

export type UserCreateDocument = z.input<typeof userCreateDocumentSchema>;
export type UserUpdateDocument = z.input<typeof userUpdateDocumentSchema>;
export type ProspectUpdateDocument = z.input<typeof prospectUpdateDocumentSchema>;
