import { formatRegion } from '@/lib/format';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';
import { isIsoCountryCode } from '@contract/iso-countries';
import { formatInternational } from '@contract/phone-number-format';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { isPhoneStatus, isPhoneType } from '@contract/phone-number-values';
import type { PhoneNumber } from '../schemas/phone-number';
import type { EditableField } from './phone-number-changes';

const FIELD_LABELS: Record<EditableField, string> = {
  number: 'Number',
  phoneType: 'Type',
  extension: 'Extension',
  countryCode: 'Country',
  status: 'Status',
};

/**
 * The PATCH that puts back what `changes` changed on `before`: the same attributes, with the values
 * they had. Undefined when one of them can't be sent back: a value outside the sets the rules take
 * (another API's type, decision 0047) or a number the row never had.
 */
export function changesUndoing(
  before: PhoneNumber,
  changes: PhoneNumberWritableAttributes,
): PhoneNumberWritableAttributes | undefined {
  const undo: PhoneNumberWritableAttributes = {};
  if (changes.number !== undefined) {
    if (before.number === null) return undefined;
    undo.number = before.number;
    if (before.rawNumber !== null) undo.rawNumber = before.rawNumber;
  }
  if (changes.extension !== undefined) undo.extension = before.extension;
  if (changes.countryCode !== undefined) {
    if (before.countryCode !== null && !isIsoCountryCode(before.countryCode)) return undefined;
    undo.countryCode = before.countryCode;
  }
  if (changes.phoneType !== undefined) {
    if (!isPhoneType(before.phoneType)) return undefined;
    undo.phoneType = before.phoneType;
  }
  if (changes.status !== undefined) {
    if (!isPhoneStatus(before.status)) return undefined;
    undo.status = before.status;
  }
  return undo;
}

function shownValue(field: EditableField, number: PhoneNumber): string | undefined {
  const value = number[field];
  if (value === null) return undefined;
  if (field === 'number') return formatInternational(value, number.extension);
  if (field === 'countryCode') return formatRegion(value);
  if (field === 'phoneType') return phoneTypeLabel(value);
  if (field === 'status') return phoneStatusLabel(value);
  return value;
}

/**
 * What a cell edit changed, in words that name the number: "Type of +1 303 555 0141 changed to Work",
 * "Number +1 303 555 0141 changed to +1 303 555 0199".
 */
export function describeCellEdit(
  field: EditableField,
  before: PhoneNumber,
  after: PhoneNumber,
): string {
  const label = FIELD_LABELS[field];
  const named =
    before.number === null ? undefined : formatInternational(before.number, before.extension);
  const now = shownValue(field, after);
  if (field === 'number') {
    return `${named === undefined ? 'Number' : `Number ${named}`} changed to ${now ?? 'none'}`;
  }
  const which = named === undefined ? label : `${label} of ${named}`;
  return now === undefined ? `${which} cleared` : `${which} changed to ${now}`;
}
