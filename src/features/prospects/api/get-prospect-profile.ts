import type { ApiClient } from '@/lib/api-client';
import {
  PROSPECT_PROFILE_SEARCH_PARAMS,
  prospectProfileDocumentSchema,
  type ProspectProfile,
} from '../schemas/prospect-profile';
import { prospectPath } from '../schemas/prospect';

export async function getProspectProfile(
  client: ApiClient,
  id: number,
  signal: AbortSignal,
): Promise<ProspectProfile> {
  const body = await client.get(prospectPath(id), {
    searchParams: PROSPECT_PROFILE_SEARCH_PARAMS,
    signal,
  });
  return prospectProfileDocumentSchema.parse(body);
}
