/**
 * The request documents that write a phone number, as the server reads them and the app sends them;
 * `openapi.json` describes the two bodies from these schemas. They carry the rules' attribute schema,
 * so the app imports them as types only: its first screen does not load libphonenumber's full metadata.
 */
import * as z from 'zod/mini';
import { phoneNumberWritableAttributesSchema } from './phone-number-rules';

/** Outreach's ids are JSON integers; JSON:API's are strings: the server takes either. */
const resourceIdSchema = z.union([
  z.int().check(z.positive()),
  z.string().check(z.regex(/^[1-9]\d*$/)),
]);

const prospectRelationshipSchema = z.object({
  data: z.object({ type: z.literal('prospect'), id: resourceIdSchema }),
});

/** POST /phoneNumbers: the number, and the prospect it belongs to. */
export const phoneNumberCreateDocumentSchema = z.object({
  data: z.object({
    type: z.literal('phoneNumber'),
    attributes: phoneNumberWritableAttributesSchema,
    relationships: z.strictObject({ prospect: prospectRelationshipSchema }),
  }),
});

/** PATCH /phoneNumbers/{id}: the id of the URL, and only the attributes that change. */
export const phoneNumberUpdateDocumentSchema = z.object({
  data: z.object({
    type: z.literal('phoneNumber'),
    id: resourceIdSchema,
    attributes: z.optional(phoneNumberWritableAttributesSchema),
    relationships: z.optional(z.strictObject({ prospect: z.optional(prospectRelationshipSchema) })),
  }),
});

export type PhoneNumberCreateDocument = z.input<typeof phoneNumberCreateDocumentSchema>;
export type PhoneNumberUpdateDocument = z.input<typeof phoneNumberUpdateDocumentSchema>;
