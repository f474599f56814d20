import type { ApiClient } from '@/lib/api-client';
import { PROSPECT_FIELDS, prospectDocumentSchema, type Prospect } from '../schemas/prospect';

export async function getProspect(
  client: ApiClient,
  id: number,
  signal: AbortSignal,
): Promise<Prospect> {
  const body = await client.get(`prospects/${id}`, {
    searchParams: { 'fields[prospect]': PROSPECT_FIELDS },
    signal,
  });
  return prospectDocumentSchema.parse(body);
}
