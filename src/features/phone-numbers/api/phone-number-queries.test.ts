import { focusManager, QueryClient, QueryObserver } from '@tanstack/react-query';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { TEST_API_BASE_URL, createTestApiClient } from '@/testing/render-with-providers';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import type { PhoneNumberListParams } from './get-phone-numbers';
import { phoneNumberQueries } from './phone-number-queries';

const client = createTestApiClient();

const params: PhoneNumberListParams = {
  prospectId: 3,
  sort: 'order',
  phoneTypes: ['mobile'],
  statuses: [],
  number: undefined,
  countryCodes: [],
  ownerId: undefined,
  updatedAt: undefined,
  pageSize: 50,
  after: 'c2',
  before: undefined,
};

describe('phoneNumberQueries', () => {
  it('fetches one phone number, with its permissions, flattened', async () => {
    const requests: URL[] = [];
    server.use(
      http.get(`${TEST_API_BASE_URL}/phoneNumbers/:id`, ({ request }) => {
        requests.push(new URL(request.url));
        return jsonApiResponse({ data: phoneNumberResource(7, {}, { canDelete: false }) });
      }),
    );

    const phoneNumber = await new QueryClient().query(phoneNumberQueries.detail(client, 7));

    expect(phoneNumber).toMatchObject({ id: 7, number: '+14155550100', canDelete: false });
    expect(requests[0]?.pathname).toBe('/api/v2/phoneNumbers/7');
    expect(requests[0]?.searchParams.get('provideAuthorizationMeta')).toBe('true');
    expect(phoneNumberQueries.detail(client, 7).queryKey).toEqual(['phoneNumbers', 'detail', 7]);
  });

  it('fetches a list again when the tab regains the focus, even while it is fresh', async () => {
    const endpoint = phoneNumbersEndpoint(() => phoneNumberCollection([phoneNumberResource(1)]));
    server.use(endpoint.handler);
    const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: 60_000 } } });
    // As QueryClientProvider does: the client now hears about focus.
    queryClient.mount();
    const observer = new QueryObserver(queryClient, phoneNumberQueries.list(client, params));
    const unsubscribe = observer.subscribe(() => undefined);
    await vi.waitFor(() => {
      expect(observer.getCurrentResult().isSuccess).toBe(true);
    });

    focusManager.setFocused(false);
    focusManager.setFocused(true);

    await vi.waitFor(() => {
      expect(endpoint.requests).toHaveLength(2);
    });
    unsubscribe();
    queryClient.unmount();
    focusManager.setFocused(undefined);
  });
});
