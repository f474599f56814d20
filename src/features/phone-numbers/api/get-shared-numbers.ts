import type { ApiClient } from '@/lib/api-client';
import { phoneNumberCollectionSchema, type PhoneNumberPage } from '../schemas/phone-number';
import { PHONE_NUMBERS_PATH } from './get-phone-numbers';

/** Numbers a page of "Shared numbers" reads: a number's holders are seldom more than a few. */
export const SHARED_NUMBERS_PAGE_SIZE = 100;

/**
 * A page of the numbers another prospect holds too (our server's `filter[shared]`, decision 0058), by
 * number so that each number's holders come together, with their prospects' names.
 */
export async function getSharedNumbers(
  client: ApiClient,
  after: string | undefined,
  signal: AbortSignal,
): Promise<PhoneNumberPage> {
  const body = await client.get(PHONE_NUMBERS_PATH, {
    searchParams: {
      'filter[shared]': 'true',
      sort: 'number',
      include: 'prospect',
      'fields[phoneNumber]': 'number,extension,prospect',
      'fields[prospect]': 'name',
      'page[size]': String(SHARED_NUMBERS_PAGE_SIZE),
      ...(after === undefined ? {} : { 'page[after]': after }),
    },
    signal,
  });
  return phoneNumberCollectionSchema.parse(body);
}
