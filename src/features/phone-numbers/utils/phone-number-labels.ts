import type { PhoneStatus, PhoneType } from '@contract/phone-number-values';

const TYPE_LABELS: Record<PhoneType, string> = {
  mobile: 'Mobile',
  work: 'Work',
  home: 'Home',
  voip: 'VoIP',
  other: 'Other',
};

const STATUS_LABELS: Record<PhoneStatus, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  invalid: 'Invalid',
  do_not_call: 'Do not call',
};

/** The palette colour a status chip is drawn in. */
export type PhoneStatusColor = 'default' | 'success' | 'error' | 'warning';

const STATUS_COLORS: Record<PhoneStatus, PhoneStatusColor> = {
  unverified: 'default',
  verified: 'success',
  invalid: 'error',
  do_not_call: 'warning',
};

const isKey = <T extends string>(labels: Record<T, unknown>, value: string): value is T =>
  Object.hasOwn(labels, value);

/** The label of a known type; another API's value as it is. */
export function phoneTypeLabel(type: string): string {
  return isKey(TYPE_LABELS, type) ? TYPE_LABELS[type] : type;
}

export function phoneStatusLabel(status: string): string {
  return isKey(STATUS_LABELS, status) ? STATUS_LABELS[status] : status;
}

export function phoneStatusColor(status: string): PhoneStatusColor {
  return isKey(STATUS_COLORS, status) ? STATUS_COLORS[status] : 'default';
}

/** What a value outside this app's types or statuses is described by, wherever it is shown. */
export const UNLISTED_VALUE_HINT = "Not one of this app's values; kept as is";

export interface ValueOption {
  value: string;
  label: string;
}

/**
 * The options of a select, and the value it holds when that is none of them (another API's, such as
 * Outreach's "fax"): shown as itself, it stays what the select holds until another is chosen.
 */
export function optionsKeeping(
  options: readonly ValueOption[],
  value: string | null,
): ValueOption[] {
  return value === null || options.some((option) => option.value === value)
    ? [...options]
    : [...options, { value, label: value }];
}

/** The types a rep can choose, as the grid's single-select options. */
export const PHONE_TYPE_OPTIONS = Object.entries<string>(TYPE_LABELS).map(([value, label]) => ({
  value,
  label,
}));

/** The statuses a rep can choose, as the grid's single-select options. */
export const PHONE_STATUS_OPTIONS = Object.entries<string>(STATUS_LABELS).map(([value, label]) => ({
  value,
  label,
}));
