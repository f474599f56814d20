import { http } from 'msw';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  prospectResource,
  prospectsEndpoint,
} from '@/features/prospects/testing/prospect-documents';
import { server } from '@/testing/msw-server';

/**
 * The API of the embedding tests: prospect 1 (Olivia García) has +1 415 555 0101, prospect 2 (Liam Patel)
 * has +1 415 555 0102. Every phone-number request's Authorization header is kept in `tokens`.
 */
export function serveTwoProspects() {
  const tokens: (string | null)[] = [];
  const endpoint = phoneNumbersEndpoint((url) => {
    const id = Number(url.searchParams.get('filter[prospect][id]'));
    return phoneNumberCollection(
      [phoneNumberResource(id, { number: `+1415555010${id}` }, { prospectId: id })],
      { meta: { count: 1 } },
    );
  });
  server.use(
    http.get(PHONE_NUMBERS_URL, ({ request }) => {
      tokens.push(request.headers.get('Authorization'));
      return undefined;
    }),
    endpoint.handler,
    ...prospectsEndpoint([
      prospectResource(1, 'Olivia García', 'Acme Corporation'),
      prospectResource(2, 'Liam Patel', 'Umbrella Health'),
    ]).handlers,
  );
  return { tokens, endpoint };
}
