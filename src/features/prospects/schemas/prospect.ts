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

/** An owner in `included`; other included resources are ignored. */
const includedOwnerSchema = z.object({
  type: z.literal('user'),
  id: resourceIdSchema,
  attributes: z.object({ name: z.string().nullable().optional() }),
});

export const prospectCollectionSchema = z
  .object({
    data: z.array(prospectResourceSchema),
    included: z.array(z.unknown()).optional(),
    links: paginationLinksSchema.optional(),
    meta: z.object({ count: z.int().nonnegative().optional() }).optional(),
  })
  .transform(({ data, included, links, meta }) => {
    const owners = new Map<number, string | null>();
    for (const resource of included ?? []) {
      const owner = includedOwnerSchema.safeParse(resource);
      if (owner.success) owners.set(owner.data.id, owner.data.attributes.name ?? null);
    }
    return {
      prospects: data.map((prospect) => ({
        ...prospect,
        ownerName: prospect.ownerId === null ? null : (owners.get(prospect.ownerId) ?? null),
      })),
      nextLink: links?.next,
      count: meta?.count,
    };
  });

export type ProspectCollectionDocument = z.input<typeof prospectCollectionSchema>;
export type ProspectPage = z.output<typeof prospectCollectionSchema>;
export type Prospect = ProspectPage['prospects'][number];
