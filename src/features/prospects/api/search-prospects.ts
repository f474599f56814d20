import type { ApiClient } from '@/lib/api-client';
import {
  PROSPECT_SEARCH_PARAMS,
  prospectCollectionSchema,
  type Prospect,
} from '../schemas/prospect';

export const PROSPECT_SEARCH_LIMIT = 20;

/** Prospects whose name, last name or company starts with the text; the first ones when it is empty. */
export async function searchProspects(
  client: ApiClient,
  text: string,
  signal: AbortSignal,
): Promise<Prospect[]> {
  const searchParams: Record<string, string> = {
    'page[size]': String(PROSPECT_SEARCH_LIMIT),
    ...PROSPECT_SEARCH_PARAMS,
  };
  if (text !== '') searchParams['filter[q]'] = text;
  return prospectCollectionSchema.parse(await client.get('prospects', { searchParams, signal }));
}
