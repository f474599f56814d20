import * as z from 'zod/mini';
import { authorizationMetaSchema, resourceIdSchema } from '@/lib/json-api-schemas';

/** A prospect's resource, under the API root. */
export const prospectPath = (id: number) => `prospects/${id}`;

/** The prospect fields the app asks for, flattened. */
export const PROSPECT_FIELDS = 'name,company,addressCountry';

/** Asked with every prospect read: may the user add, change and delete the prospect's phone numbers. */
export const PROSPECT_SEARCH_PARAMS = {
  'fields[prospect]': PROSPECT_FIELDS,
  provideAuthorizationMeta: 'true',
} as const;

export const prospectResourceSchema = z.pipe(
  z.object({
    type: z.literal('prospect'),
    id: resourceIdSchema,
    attributes: z.object({
      name: z.nullish(z.string()),
      company: z.nullish(z.string()),
      addressCountry: z.nullish(z.string()),
    }),
    meta: authorizationMetaSchema,
  }),
  z.transform(({ id, attributes, meta }) => ({
    id,
    name: attributes.name ?? null,
    company: attributes.company ?? null,
    /** Free text in Outreach; a new number's country defaults to it when it is an ISO code. */
    addressCountry: attributes.addressCountry ?? null,
    // An API that does not say leaves the decision to the server, which refuses what it must.
    canWritePhoneNumbers: meta?.canWrite ?? true,
    /** Why not, naming who can, when the API says. */
    phoneNumbersRefusal: meta?.writeRefusal ?? null,
  })),
);

export type Prospect = z.output<typeof prospectResourceSchema>;

export const prospectDocumentSchema = z.pipe(
  z.object({ data: prospectResourceSchema }),
  z.transform(({ data }) => data),
);

export type ProspectDocument = z.input<typeof prospectDocumentSchema>;

export const prospectCollectionSchema = z.pipe(
  z.object({ data: z.array(prospectResourceSchema) }),
  z.transform(({ data }) => data),
);

export type ProspectCollectionDocument = z.input<typeof prospectCollectionSchema>;
