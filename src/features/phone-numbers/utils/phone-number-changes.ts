import { withoutInvisibleCharacters } from '@contract/invisible-characters';
import { isIsoCountryCode } from '@contract/iso-countries';
import type { PhoneNumberDraft, PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { isPhoneStatus, isPhoneType } from '@contract/phone-number-values';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { loadPhoneNumberRules } from './load-phone-number-rules';

/** The attributes a cell edits; the grid's row carries them under the same names. */
export const EDITABLE_FIELDS = [
  'number',
  'phoneType',
  'extension',
  'countryCode',
  'status',
] as const;
export type EditableField = (typeof EDITABLE_FIELDS)[number];

/** What the rules refused in a cell, before anything was sent: the cell stays open and says why. */
export class CellInputError extends Error {
  override readonly name = 'CellInputError';

  constructor(
    readonly field: EditableField,
    message: string,
  ) {
    super(message);
  }
}

/**
 * The attributes an edited row changes, and nothing else (PATCH sends only these). The Number cell holds
 * what the rep typed: the rules turn it into E.164, keep it as rawNumber, and move a typed extension
 * ("x12") into the extension.
 */
export async function cellChanges(
  edited: ListedPhoneNumber,
  original: ListedPhoneNumber,
): Promise<PhoneNumberWritableAttributes> {
  const { countryConflict, extensionSchema, parsePhoneNumberInput } = await loadPhoneNumberRules();
  const changes: PhoneNumberWritableAttributes = {};
  // Invisible characters pasted along with a number are dropped, as the Add / Edit form does.
  const typed = withoutInvisibleCharacters(edited.number ?? '').trim();
  if (edited.number !== original.number) {
    const parsed = parsePhoneNumberInput(typed, original.countryCode);
    if (!parsed.ok) throw new CellInputError('number', parsed.message);
    if (parsed.e164 !== original.number) {
      changes.number = parsed.e164;
      changes.rawNumber = typed;
    }
    if (parsed.extension !== undefined && parsed.extension !== original.extension) {
      changes.extension = parsed.extension;
    }
  }
  if (edited.extension !== original.extension) {
    const checked = extensionSchema.safeParse(withoutInvisibleCharacters(edited.extension ?? ''));
    if (!checked.success) {
      throw new CellInputError(
        'extension',
        checked.error.issues[0]?.message ?? checked.error.message,
      );
    }
    if (checked.data !== original.extension) changes.extension = checked.data;
  }
  // The cells offer the values the rules know, and the row's own when it is another API's: that one is
  // kept as it is, never sent (decision 0047).
  if (edited.phoneType !== original.phoneType && isPhoneType(edited.phoneType)) {
    changes.phoneType = edited.phoneType;
  }
  if (edited.status !== original.status && isPhoneStatus(edited.status)) {
    changes.status = edited.status;
  }
  if (
    edited.countryCode !== original.countryCode &&
    (edited.countryCode === null || isIsoCountryCode(edited.countryCode))
  ) {
    // The server refuses a country the number contradicts; the cell says so before anything is sent.
    const conflict =
      edited.countryCode === null || original.number === null
        ? undefined
        : countryConflict(original.number, edited.countryCode);
    if (conflict !== undefined) throw new CellInputError('countryCode', conflict);
    changes.countryCode = edited.countryCode;
  }
  return changes;
}

/** What the "Edit phone number" form changes on a row. */
export function draftChanges(
  draft: PhoneNumberDraft,
  original: ListedPhoneNumber,
): PhoneNumberWritableAttributes {
  const changes: PhoneNumberWritableAttributes = {};
  if (draft.number !== original.number) {
    changes.number = draft.number;
    changes.rawNumber = draft.rawNumber;
  }
  if (draft.extension !== original.extension) changes.extension = draft.extension;
  if (draft.countryCode !== original.countryCode) changes.countryCode = draft.countryCode;
  // No type in the draft: the number keeps one of another API's, and it is not sent (decision 0047).
  if (draft.phoneType !== undefined && draft.phoneType !== original.phoneType) {
    changes.phoneType = draft.phoneType;
  }
  return changes;
}
