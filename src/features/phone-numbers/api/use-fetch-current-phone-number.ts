import { useCallback } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import type { PhoneNumber } from '../schemas/phone-number';
import { phoneNumberQueries } from './phone-number-queries';

/**
 * Reads a phone number from the server now, however fresh the cached copy: after a 412 the cache holds
 * the version the refused write was made from.
 */
export function useFetchCurrentPhoneNumber(): (id: number) => Promise<PhoneNumber> {
  const client = useApiClient();
  const queryClient = useQueryClient();
  return useCallback(
    (id: number) => queryClient.query({ ...phoneNumberQueries.detail(client, id), staleTime: 0 }),
    [client, queryClient],
  );
}
