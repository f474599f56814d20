import type { ApiClient } from '@/lib/api-client';
import { phoneNumberDocumentSchema, type PhoneNumber } from '../schemas/phone-number';

export async function getPhoneNumber(
  client: ApiClient,
  id: number,
  signal: AbortSignal,
): Promise<PhoneNumber> {
  const body = await client.get(`phoneNumbers/${id}`, {
    searchParams: { provideAuthorizationMeta: 'true' },
    signal,
  });
  return phoneNumberDocumentSchema.parse(body);
}
