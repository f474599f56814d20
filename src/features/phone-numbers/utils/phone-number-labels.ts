import type { PhoneStatus } from '@contract/phone-number-values';
import { isLabelled, PHONE_STATUS_LABELS, PHONE_TYPE_LABELS } from '@/lib/phone-value-labels';

/** The palette colour a status chip is drawn in. */
export type PhoneStatusColor = 'default' | 'success' | 'error' | 'warning';

const STATUS_COLORS: Record<PhoneStatus, PhoneStatusColor> = {
  unverified: 'default',
  verified: 'success',
  invalid: 'error',
  do_not_call: 'warning',
};

export function phoneStatusColor(status: string): PhoneStatusColor {
  return isLabelled(STATUS_COLORS, status) ? STATUS_COLORS[status] : 'default';
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
export const PHONE_TYPE_OPTIONS = Object.entries<string>(PHONE_TYPE_LABELS).map(
  ([value, label]) => ({
    value,
    label,
  }),
);

/** The statuses a rep can choose, as the grid's single-select options. */
export const PHONE_STATUS_OPTIONS = Object.entries<string>(PHONE_STATUS_LABELS).map(
  ([value, label]) => ({
    value,
    label,
  }),
);
