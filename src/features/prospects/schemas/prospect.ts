import { z } from 'zod';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/** The prospect fields the app asks for, flattened. */
export const PROSPECT_FIELDS = 'name,company,addressCountry';

/** Asked with every prospect read: may the user add, change and delete the prospect's phone numbers. */
export const PROSPECT_SEARCH_PARAMS = {
  'fields[prospect]': PROSPECT_FIELDS,
  provideAuthorizationMeta: 'true',
} as const;

export const prospectResourceSchema = z
  .object({
    type: z.literal('prospect'),
    id: resourceIdSchema,
    attributes: z.object({
      name: z.string().nullish(),
      company: z.string().nullish(),
      addressCountry: z.string().nullish(),
    }),
    meta: z
      .object({ canWrite: z.boolean().optional(), canDelete: z.boolean().optional() })
      .optional(),
  })
  .transform(({ id, attributes, meta }) => ({
    id,
    name: attributes.name ?? null,
    company: attributes.company ?? null,
    /** Free text in Outreach; a new number's country defaults to it when it is an ISO code. */
    addressCountry: attributes.addressCountry ?? null,
    // An API that does not say leaves the decision to the server, which refuses what it must.
    canWritePhoneNumbers: meta?.canWrite ?? true,
  }));

export type Prospect = z.output<typeof prospectResourceSchema>;

export const prospectDocumentSchema = z
  .object({ data: prospectResourceSchema })
  .transform(({ data }) => data);

export type ProspectDocument = z.input<typeof prospectDocumentSchema>;

export const prospectCollectionSchema = z
  .object({ data: z.array(prospectResourceSchema) })
  .transform(({ data }) => data);

export type ProspectCollectionDocument = z.input<typeof prospectCollectionSchema>;
