import * as z from 'zod/mini';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/**
 * The API root's meta.user: who the access token acts for. Absent where an API does not say, in which
 * case the app simply does not name the user.
 */
export const currentUserDocumentSchema = z.pipe(
  z.object({
    meta: z.optional(
      z.object({
        user: z.optional(
          z.object({
            id: resourceIdSchema,
            attributes: z.object({ name: z.optional(z.nullable(z.string())) }),
          }),
        ),
      }),
    ),
  }),
  z.transform(({ meta }) =>
    meta?.user ? { id: meta.user.id, name: meta.user.attributes.name ?? null } : null,
  ),
);

export type CurrentUser = z.output<typeof currentUserDocumentSchema>;
