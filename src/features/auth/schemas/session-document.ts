import * as z from 'zod/mini';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/** GET /auth/session's answer for a live session: who it is for. */
export const sessionDocumentSchema = z.pipe(
  z.object({
    data: z.object({
      user: z.object({ id: resourceIdSchema, name: z.nullish(z.string()) }),
    }),
  }),
  z.transform(({ data }) => ({ id: data.user.id, name: data.user.name ?? null })),
);

export type SessionUser = z.output<typeof sessionDocumentSchema>;
