import { z } from 'zod';

/** Outreach sends ids as JSON integers, JSON:API says strings: accept either, keep a number. */
export const resourceIdSchema = z.union([
  z.int().positive(),
  z
    .string()
    .regex(/^[1-9]\d*$/)
    .transform(Number),
]);

/** Cursor links of a collection; clients follow them and never build cursors. */
export const paginationLinksSchema = z.object({
  first: z.string().optional(),
  prev: z.string().optional(),
  next: z.string().optional(),
});
