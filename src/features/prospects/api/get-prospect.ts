import type { ApiClient } from '@/lib/api-client';
import {
  PROSPECT_SEARCH_PARAMS,
  prospectDocumentSchema,
  prospectPath,
  type Prospect,
} from '../schemas/prospect';

export async function getProspect(
  client: ApiClient,
  id: number,
  signal: AbortSignal,
): Promise<Prospect> {
  const body = await client.get(prospectPath(id), {
    searchParams: PROSPECT_SEARCH_PARAMS,
    signal,
  });
  return prospectDocumentSchema.parse(body);
}
