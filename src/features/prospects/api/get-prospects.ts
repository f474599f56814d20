import type { ApiClient } from '@/lib/api-client';
import { prospectCollectionSchema, type ProspectPage } from '../schemas/prospect';

/** The first page of prospects (with the total count and owners), or the page `links.next` names. */
export async function getProspects(
  client: ApiClient,
  nextLink: string | undefined,
  signal: AbortSignal,
): Promise<ProspectPage> {
  const body = await (nextLink === undefined
    ? client.get('prospects', { searchParams: { count: 'true', include: 'owner' }, signal })
    : client.get(nextLink, { signal }));
  return prospectCollectionSchema.parse(body);
}
