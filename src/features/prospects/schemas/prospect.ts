import { z } from 'zod';
import { resourceIdSchema } from '@/lib/json-api-schemas';

/** The prospect fields the app asks for (`fields[prospect]=name,company`), flattened. */
export const PROSPECT_FIELDS = 'name,company';

export const prospectResourceSchema = z
  .object({
    type: z.literal('prospect'),
    id: resourceIdSchema,
    attributes: z.object({
      name: z.string().nullish(),
      company: z.string().nullish(),
    }),
  })
  .transform(({ id, attributes }) => ({
    id,
    name: attributes.name ?? null,
    company: attributes.company ?? null,
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
