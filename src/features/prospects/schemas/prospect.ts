import { z } from 'zod';
import { paginationLinksSchema, resourceIdSchema } from '@/lib/json-api-schemas';

/** A prospect resource as the API sends it, flattened to what the UI reads. */
export const prospectResourceSchema = z
  .object({
    type: z.literal('prospect'),
    id: resourceIdSchema,
    attributes: z.object({
      name: z.string().nullable(),
      company: z.string().nullable(),
    }),
    relationships: z
      .object({
        owner: z.object({
          data: z.object({ type: z.literal('user'), id: resourceIdSchema }).nullable(),
        }),
      })
      .optional(),
  })
  .transform(({ id, attributes, relationships }) => ({
    id,
    name: attributes.name,
    company: attributes.company,
    ownerId: relationships?.owner.data?.id ?? null,
  }));

export type Prospect = z.output<typeof prospectResourceSchema>;

export const prospectCollectionSchema = z
  .object({
    data: z.array(prospectResourceSchema),
    links: paginationLinksSchema.optional(),
    meta: z.object({ count: z.int().nonnegative().optional() }).optional(),
  })
  .transform(({ data, links, meta }) => ({
    prospects: data,
    nextLink: links?.next,
    count: meta?.count,
  }));

export type ProspectCollectionDocument = z.input<typeof prospectCollectionSchema>;
export type ProspectPage = z.output<typeof prospectCollectionSchema>;
