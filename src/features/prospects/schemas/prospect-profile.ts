import * as z from 'zod/mini';
import { namedIncludedResourceSchema, resourceIdSchema } from '@/lib/json-api-schemas';

/**
 * What the prospect page shows: the prospect's own fields and its owner's name, and whether the user may
 * read its history, in one request.
 */
export const PROSPECT_PROFILE_SEARCH_PARAMS = {
  'fields[prospect]': 'name,company,title,timeZoneIana,callsOptStatus,owner',
  'fields[user]': 'name',
  include: 'owner',
  provideAuthorizationMeta: 'true',
} as const;

const userReferenceSchema = z.object({ type: z.literal('user'), id: resourceIdSchema });

export const prospectProfileDocumentSchema = z.pipe(
  z.object({
    data: z.object({
      type: z.literal('prospect'),
      id: resourceIdSchema,
      attributes: z.object({
        name: z.nullish(z.string()),
        company: z.nullish(z.string()),
        title: z.nullish(z.string()),
        timeZoneIana: z.nullish(z.string()),
        callsOptStatus: z.nullish(z.string()),
      }),
      relationships: z.optional(
        z.object({ owner: z.optional(z.object({ data: z.nullable(userReferenceSchema) })) }),
      ),
      meta: z.optional(z.object({ canReadHistory: z.optional(z.boolean()) })),
    }),
    // Only the owner's name is read.
    included: z.optional(z.array(namedIncludedResourceSchema)),
  }),
  z.transform(({ data: { id, attributes, relationships, meta }, included = [] }) => {
    const ownerId = relationships?.owner?.data?.id;
    const owner = included.find((resource) => resource.type === 'user' && resource.id === ownerId);
    return {
      id,
      name: attributes.name ?? null,
      company: attributes.company ?? null,
      title: attributes.title ?? null,
      /** An IANA time zone name, such as Europe/Paris, as Outreach keeps it. */
      timeZone: attributes.timeZoneIana ?? null,
      /** "opted_in", "opted_out", or null when the prospect has said neither. */
      callsOptStatus: attributes.callsOptStatus ?? null,
      ownerId: ownerId ?? null,
      ownerName: owner?.attributes?.name ?? null,
      // Only this product's server keeps a history; an API that does not say has none to show.
      canReadHistory: meta?.canReadHistory ?? false,
    };
  }),
);

export type ProspectProfile = z.output<typeof prospectProfileDocumentSchema>;
export type ProspectProfileDocument = z.input<typeof prospectProfileDocumentSchema>;
