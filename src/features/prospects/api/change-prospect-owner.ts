import type { ProspectUpdateDocument } from '@contract/user-documents';
import type { ApiClient } from '@/lib/api-client';
import {
  PROSPECT_PROFILE_SEARCH_PARAMS,
  prospectProfileDocumentSchema,
  type ProspectProfile,
} from '../schemas/prospect-profile';

/** Gives a prospect to another owner (admins only); answers with the profile the page shows. */
export async function changeProspectOwner(
  client: ApiClient,
  prospectId: number,
  ownerId: number,
): Promise<ProspectProfile> {
  const body: ProspectUpdateDocument = {
    data: {
      type: 'prospect',
      id: prospectId,
      relationships: { owner: { data: { type: 'user', id: ownerId } } },
    },
  };
  return prospectProfileDocumentSchema.parse(
    await client.request('PATCH', `prospects/${prospectId}`, {
      body,
      searchParams: PROSPECT_PROFILE_SEARCH_PARAMS,
    }),
  );
}
