import type { ApiClient } from '@/lib/api-client';
import type {
  PhoneNumberCreateDocument,
  PhoneNumberUpdateDocument,
} from '@contract/phone-number-documents';
import type { PhoneNumberDraft, PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { PHONE_NUMBER_WRITABLE_ATTRIBUTES, type PhoneStatus } from '@contract/phone-number-values';
import { phoneNumberDocumentSchema, type PhoneNumber } from '../schemas/phone-number';

/** Every written resource comes back with its permissions, so the grid's flags stay right. */
const WITH_PERMISSIONS = { provideAuthorizationMeta: 'true' };

/**
 * Only the writable attributes the caller gave, even when it passed something wider (a row): a PATCH must
 * not send what it does not change.
 */
export function pickWritableAttributes(
  changes: PhoneNumberWritableAttributes,
): PhoneNumberWritableAttributes {
  const attributes: Record<string, unknown> = {};
  for (const name of PHONE_NUMBER_WRITABLE_ATTRIBUTES) {
    if (changes[name] !== undefined) attributes[name] = changes[name];
  }
  return attributes;
}

/** `status`: an import's; the form leaves it to the server's default, unverified. */
export async function createPhoneNumber(
  client: ApiClient,
  prospectId: number,
  draft: PhoneNumberDraft,
  status?: PhoneStatus,
): Promise<PhoneNumber> {
  const body = await client.request('POST', 'phoneNumbers', {
    searchParams: WITH_PERMISSIONS,
    body: {
      data: {
        type: 'phoneNumber',
        attributes: {
          number: draft.number,
          rawNumber: draft.rawNumber,
          countryCode: draft.countryCode,
          phoneType: draft.phoneType,
          extension: draft.extension,
          status,
        },
        relationships: { prospect: { data: { type: 'prospect', id: prospectId } } },
      },
    } satisfies PhoneNumberCreateDocument,
  });
  return phoneNumberDocumentSchema.parse(body);
}

/** What a write knows of the version it was made from. */
export interface WritePrecondition {
  /** The number's ETag as read (meta.etag); null or absent: write whatever the number is now. */
  etag?: string | null;
}

const ifMatchOf = ({ etag }: WritePrecondition) => etag ?? undefined;

export async function updatePhoneNumber(
  client: ApiClient,
  id: number,
  changes: PhoneNumberWritableAttributes,
  precondition: WritePrecondition = {},
): Promise<PhoneNumber> {
  const body = await client.request('PATCH', `phoneNumbers/${id}`, {
    searchParams: WITH_PERMISSIONS,
    ifMatch: ifMatchOf(precondition),
    body: {
      data: { type: 'phoneNumber', id, attributes: pickWritableAttributes(changes) },
    } satisfies PhoneNumberUpdateDocument,
  });
  return phoneNumberDocumentSchema.parse(body);
}

export async function deletePhoneNumber(
  client: ApiClient,
  id: number,
  options: { keepalive?: boolean } & WritePrecondition = {},
): Promise<void> {
  await client.request('DELETE', `phoneNumbers/${id}`, {
    keepalive: options.keepalive ?? false,
    ifMatch: ifMatchOf(options),
  });
}
