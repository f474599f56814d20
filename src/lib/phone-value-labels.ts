import type { PhoneStatus, PhoneType } from '@contract/phone-number-values';

/** How the app names a phone number's types and statuses, wherever one is shown. */
export const PHONE_TYPE_LABELS: Record<PhoneType, string> = {
  mobile: 'Mobile',
  work: 'Work',
  home: 'Home',
  voip: 'VoIP',
  other: 'Other',
};

export const PHONE_STATUS_LABELS: Record<PhoneStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  invalid: 'Invalid',
  do_not_call: 'Do not call',
};

export const isLabelled = <T extends string>(
  labels: Record<T, unknown>,
  value: string,
): value is T => Object.hasOwn(labels, value);

/** The label of a known type; another API's value as it is. */
export function phoneTypeLabel(type: string): string {
  return isLabelled(PHONE_TYPE_LABELS, type) ? PHONE_TYPE_LABELS[type] : type;
}

export function phoneStatusLabel(status: string): string {
  return isLabelled(PHONE_STATUS_LABELS, status) ? PHONE_STATUS_LABELS[status] : status;
}
