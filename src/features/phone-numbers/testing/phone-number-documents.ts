import { http } from 'msw';
import type * as z from 'zod/mini';
import { jsonApiResponse } from '@/testing/json-api-response';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import {
  phoneNumberCollectionSchema,
  phoneNumberResourceSchema,
  type PhoneNumberCollectionDocument,
} from '../schemas/phone-number';

type PhoneNumberResourceInput = z.input<typeof phoneNumberResourceSchema>;

export const PHONE_NUMBERS_URL = `${TEST_API_BASE_URL}/phoneNumbers`;

interface ResourceOptions {
  prospectId?: number;
  canWrite?: boolean;
  canDelete?: boolean;
  /** meta.etag, as our server sends it; absent as from Outreach. */
  etag?: string;
}

/** A phoneNumber resource as our server sends it (integer ids), checked against the app's schema. */
export function phoneNumberResource(
  id: number,
  attributes: PhoneNumberResourceInput['attributes'] = {},
  { prospectId = 1, canWrite = true, canDelete = true, etag }: ResourceOptions = {},
): PhoneNumberResourceInput {
  const resource: PhoneNumberResourceInput = {
    type: 'phoneNumber',
    id,
    attributes: {
      number: '+14155550100',
      rawNumber: '(415) 555-0100',
      extension: null,
      countryCode: 'US',
      phoneType: 'work',
      status: 'unverified',
      order: 0,
      statusChangedAt: '2026-08-02T09:37:00.000Z',
      createdAt: '2026-08-02T09:37:00.000Z',
      updatedAt: '2026-08-02T09:37:00.000Z',
      ...attributes,
    },
    relationships: { prospect: { data: { type: 'prospect', id: prospectId } } },
    meta: { canWrite, canDelete, ...(etag === undefined ? {} : { etag }) },
  };
  phoneNumberResourceSchema.parse(resource);
  return resource;
}

/** A link to a page of phone numbers, with the cursor in it as our server writes one. */
export function pageLink(cursor: { after: string } | { before: string }): string {
  const [name, value] = 'after' in cursor ? ['after', cursor.after] : ['before', cursor.before];
  return `${PHONE_NUMBERS_URL}?sort=-updatedAt&page[size]=50&page[${name}]=${value}`;
}

/** A collection document, checked against the app's schema. */
export function phoneNumberCollection(
  data: PhoneNumberResourceInput[],
  rest: Omit<PhoneNumberCollectionDocument, 'data'> = {},
): PhoneNumberCollectionDocument {
  const document: PhoneNumberCollectionDocument = { data, links: {}, ...rest };
  phoneNumberCollectionSchema.parse(document);
  return document;
}

/**
 * GET /phoneNumbers answered by `respond` (a document, or a Response for errors), with the URL of
 * every request kept in `requests`, prefetches included.
 */
export function phoneNumbersEndpoint(
  respond: (
    url: URL,
  ) => PhoneNumberCollectionDocument | Response | Promise<PhoneNumberCollectionDocument | Response>,
) {
  const requests: URL[] = [];
  const handler = http.get(PHONE_NUMBERS_URL, async ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const answer = await respond(url);
    return answer instanceof Response ? answer : jsonApiResponse(answer);
  });
  return { handler, requests };
}
