import { useQuery } from '@tanstack/react-query';
import { useApiClient } from '@/lib/api-client-context';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { phoneNumberQueries } from '../api/phone-number-queries';
import { otherHolders, type OtherHolders } from '../utils/number-holders';

/** How long the number must stay as typed before the server is asked who else holds it. */
export const HOLDERS_LOOKUP_DELAY_MS = 400;

/**
 * The other prospects that hold `e164` (a whole, valid number, or undefined while it is not one): asked
 * once the rep stops typing. Undefined while unknown, and when the lookup failed: it says nothing then.
 */
export function useNumberHolders(
  e164: string | undefined,
  own: { prospectId: number; exceptId: number | undefined },
): OtherHolders | undefined {
  const client = useApiClient();
  const settled = useDebouncedValue(e164, HOLDERS_LOOKUP_DELAY_MS);
  const lookup = useQuery({
    ...phoneNumberQueries.holders(client, settled ?? ''),
    enabled: settled !== undefined && settled === e164,
  });
  if (e164 === undefined || settled !== e164 || lookup.data === undefined) return undefined;
  return otherHolders(lookup.data, own);
}
