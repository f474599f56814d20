import * as z from 'zod/mini';
import { ROLES, type Role } from '@contract/user-documents';
import { paginationLinksSchema, resourceIdSchema } from '@/lib/json-api-schemas';

/** What the Users page reads of each user. */
export const USER_SEARCH_PARAMS = {
  'fields[user]': 'name,email,role,locked,currentSignInAt',
  'page[size]': '1000',
} as const;

const isRole = (value: string | undefined): value is Role =>
  (ROLES as readonly (string | undefined)[]).includes(value);

export const userResourceSchema = z.pipe(
  z.object({
    type: z.literal('user'),
    id: resourceIdSchema,
    attributes: z.object({
      name: z.nullish(z.string()),
      email: z.nullish(z.string()),
      // Only admins, and each user about themself, are told these; Outreach tells no one.
      role: z.optional(z.string()),
      locked: z.nullish(z.boolean()),
      currentSignInAt: z.nullish(z.string()),
    }),
  }),
  z.transform(({ id, attributes }) => ({
    id,
    name: attributes.name ?? null,
    email: attributes.email ?? null,
    /** Null when the API does not say, or says a role this app does not know. */
    role: isRole(attributes.role) ? attributes.role : null,
    locked: attributes.locked ?? false,
    currentSignInAt: attributes.currentSignInAt ?? null,
  })),
);

export type User = z.output<typeof userResourceSchema>;
export type UserResource = z.input<typeof userResourceSchema>;

export const userDocumentSchema = z.pipe(
  z.object({ data: userResourceSchema }),
  z.transform(({ data }) => data),
);

export const userCollectionSchema = z.object({
  data: z.array(userResourceSchema),
  links: z.optional(paginationLinksSchema),
});

/** GET / (the API root): the user the session acts for. */
export const currentUserDocumentSchema = z.pipe(
  z.object({ meta: z.object({ user: userResourceSchema }) }),
  z.transform(({ meta }) => meta.user),
);

/** A name to show for a user who may have none. */
export const userLabel = (user: Pick<User, 'id' | 'name'>) => user.name ?? `User ${user.id}`;

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Admin',
  rep: 'Rep',
  viewer: 'Viewer',
};
