import * as z from 'zod/mini';
import { cursorOf, paginationLinksSchema, resourceIdSchema } from '@/lib/json-api-schemas';
import { MAX_STRING_LENGTH } from '@contract/phone-number-values';

/**
 * Outreach documents every attribute as nullable, and a sparse fieldset leaves attributes out: both read as
 * null.
 */
const text = z.pipe(
  z.nullish(z.string()),
  z.transform((value) => value ?? null),
);

/**
 * `status` and `phoneType` are free strings at Outreach: any value is kept as it came, one this app does
 * not know included, and the UI labels the values it knows (decision 0047). What is no value at all (an
 * empty string, something longer than any string the API takes, not a string) reads as none, rather than
 * failing the page the number is on.
 */
const freeValue = z.catch(
  z.pipe(
    z.nullish(z.string().check(z.minLength(1), z.maxLength(MAX_STRING_LENGTH))),
    z.transform((value) => value ?? null),
  ),
  null,
);

/**
 * The permissions (authorizationMetaSchema, with provideAuthorizationMeta) and `etag`: the number's
 * version, to send back in If-Match; read from meta because a collection has no header per row.
 * Outreach sends none, and then the app writes without If-Match (decision 0036).
 */
const phoneNumberMetaSchema = z.optional(
  z.object({
    canWrite: z.optional(z.boolean()),
    canDelete: z.optional(z.boolean()),
    // Why a flag is false, naming who can act: our server's; Outreach sends no reason.
    writeRefusal: z.optional(z.string()),
    deleteRefusal: z.optional(z.string()),
    etag: z.optional(z.string()),
  }),
);

export const phoneNumberResourceSchema = z.pipe(
  z.object({
    type: z.literal('phoneNumber'),
    id: resourceIdSchema,
    attributes: z.object({
      number: text,
      rawNumber: text,
      extension: text,
      countryCode: text,
      phoneType: freeValue,
      status: freeValue,
      order: z.pipe(
        z.nullish(z.int()),
        z.transform((value) => value ?? null),
      ),
      statusChangedAt: text,
      createdAt: text,
      updatedAt: text,
    }),
    relationships: z.optional(
      z.object({
        prospect: z.optional(
          z.object({
            data: z.nullable(z.object({ type: z.literal('prospect'), id: resourceIdSchema })),
          }),
        ),
      }),
    ),
    meta: phoneNumberMetaSchema,
  }),
  z.transform(({ id, attributes, relationships, meta }) => ({
    id,
    ...attributes,
    prospectId: relationships?.prospect?.data?.id ?? null,
    // An API that does not say leaves the decision to the server, which refuses what it must.
    canWrite: meta?.canWrite ?? true,
    canDelete: meta?.canDelete ?? true,
    writeRefusal: meta?.writeRefusal ?? null,
    deleteRefusal: meta?.deleteRefusal ?? null,
    etag: meta?.etag ?? null,
  })),
);

export type PhoneNumber = z.output<typeof phoneNumberResourceSchema>;

export const phoneNumberDocumentSchema = z.pipe(
  z.object({ data: phoneNumberResourceSchema }),
  z.transform(({ data }) => data),
);

/**
 * A prospect in `included`, of which the name and whether its calls are opted out are read; a value
 * that is no string reads as none rather than failing the page. Whatever else an API includes passes.
 */
const includedProspectSchema = z.object({
  type: z.string(),
  id: resourceIdSchema,
  attributes: z.optional(
    z.object({
      name: z.catch(z.nullish(z.string()), null),
      callsOptStatus: z.catch(z.nullish(z.string()), null),
    }),
  ),
});

export const phoneNumberCollectionSchema = z.pipe(
  z.object({
    data: z.array(phoneNumberResourceSchema),
    included: z.optional(z.array(includedProspectSchema)),
    links: z.optional(paginationLinksSchema),
    meta: z.optional(z.object({ count: z.optional(z.int().check(z.nonnegative())) })),
  }),
  z.transform(({ data, included = [], links, meta }) => {
    const prospectNames = new Map<number, string>();
    const optedOut = new Set<number>();
    for (const resource of included) {
      if (resource.type !== 'prospect') continue;
      const name = resource.attributes?.name;
      if (name) prospectNames.set(resource.id, name);
      if (resource.attributes?.callsOptStatus === 'opted_out') optedOut.add(resource.id);
    }
    return {
      phoneNumbers: data.map((phoneNumber) => ({
        ...phoneNumber,
        prospectName:
          phoneNumber.prospectId === null
            ? null
            : (prospectNames.get(phoneNumber.prospectId) ?? null),
        /** The prospect's `callsOptStatus` is "opted_out": none of its numbers is to be called. */
        prospectCallsOptedOut:
          phoneNumber.prospectId !== null && optedOut.has(phoneNumber.prospectId),
      })),
      /** meta.count, when the API counted. */
      count: meta?.count,
      nextCursor: cursorOf(links?.next, 'page[after]'),
      prevCursor: cursorOf(links?.prev, 'page[before]'),
    };
  }),
);

export type PhoneNumberCollectionDocument = z.input<typeof phoneNumberCollectionSchema>;
export type PhoneNumberPage = z.output<typeof phoneNumberCollectionSchema>;
/** A phone number as a list holds it and the grid shows it (flattened, with its permissions). */
export type ListedPhoneNumber = PhoneNumberPage['phoneNumbers'][number];
