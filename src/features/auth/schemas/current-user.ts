import { z } from 'zod';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/**
 * The API root's meta.user: who the access token acts for. Absent where an API does not say, in which
 * case the app simply does not name the user.
 */
export const currentUserDocumentSchema = z
  .object({
    meta: z
      .object({
        user: z
          .object({
            id: resourceIdSchema,
            attributes: z.object({ name: z.string().nullable().optional() }),
          })
          .optional(),
      })
      .optional(),
  })
  .transform(({ meta }) =>
    meta?.user ? { id: meta.user.id, name: meta.user.attributes.name ?? null } : null,
  );

export type CurrentUser = z.output<typeof currentUserDocumentSchema>;
