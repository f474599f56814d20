import type { ApiClient } from '@/lib/api-client';
import { phoneNumberCollectionSchema, type PhoneNumberPage } from '../schemas/phone-number';
import { PHONE_NUMBERS_PATH } from './get-phone-numbers';

/** Enough holders to name two and count the rest (meta.count says how many there are in all). */
export const HOLDERS_PAGE_SIZE = 10;

/** The numbers stored as this E.164, on any prospect, with their prospects' names. */
export async function getNumberHolders(
  client: ApiClient,
  e164: string,
  signal: AbortSignal,
): Promise<PhoneNumberPage> {
  const body = await client.get(PHONE_NUMBERS_PATH, {
    searchParams: {
      'filter[number]': e164,
      include: 'prospect',
      'fields[phoneNumber]': 'number,prospect',
      'fields[prospect]': 'name',
      'page[size]': String(HOLDERS_PAGE_SIZE),
      count: 'true',
    },
    signal,
  });
  return phoneNumberCollectionSchema.parse(body);
}
