import type { ListedPhoneNumber } from '../schemas/phone-number';

/**
 * Why a number must not be called, if it must not: its status says so, or its prospect opted out of
 * calls. Such a number is shown, never offered to dial (decision 0054).
 */
export function callBlockReason(
  row: Pick<ListedPhoneNumber, 'status' | 'prospectCallsOptedOut'>,
): string | undefined {
  if (row.status === 'do_not_call') return 'Do not call';
  if (row.prospectCallsOptedOut) return 'Prospect opted out of calls';
  return undefined;
}
