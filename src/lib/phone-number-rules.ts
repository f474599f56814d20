/**
 * The phone-number rules, written once and used by the server (request validation) and the UI (form and
 * cell validation). Messages are meant for a sales rep, not a developer.
 */
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { z } from 'zod';
import { isIsoCountryCode } from './iso-countries';

export const PHONE_TYPES = ['mobile', 'work', 'home', 'voip', 'other'] as const;
export type PhoneType = (typeof PHONE_TYPES)[number];

export const PHONE_STATUSES = ['unverified', 'verified', 'invalid', 'do_not_call'] as const;
export type PhoneStatus = (typeof PHONE_STATUSES)[number];

export const DEFAULT_COUNTRY = 'US';
export const MAX_STRING_LENGTH = 255;
export const MAX_EXTENSION_DIGITS = 10;
/** The largest order a client may set: a signed 32-bit integer, so every database can store it. */
export const MAX_ORDER = 2_147_483_647;

const tooLong = `Keep this under ${MAX_STRING_LENGTH + 1} characters`;

export const phoneTypeSchema = z.enum(PHONE_TYPES, {
  error: 'Choose mobile, work, home, voip or other',
});

export const phoneStatusSchema = z.enum(PHONE_STATUSES, {
  error: `Choose one of: ${PHONE_STATUSES.join(', ')}`,
});

export const countryCodeSchema = z
  .string({ error: 'Give the country as a two-letter code, such as US or GB' })
  .max(MAX_STRING_LENGTH, tooLong)
  .transform((value) => value.trim().toUpperCase())
  .refine(isIsoCountryCode, 'Give the country as a two-letter ISO code, such as US or GB');

/** An extension is digits only; an empty string means "no extension". */
export const extensionSchema = z
  .string({ error: 'Give the extension as text, such as "123"' })
  .max(MAX_STRING_LENGTH, tooLong)
  .transform((value) => value.trim())
  .refine(
    (value) => value === '' || new RegExp(`^\\d{1,${MAX_EXTENSION_DIGITS}}$`).test(value),
    `An extension is 1 to ${MAX_EXTENSION_DIGITS} digits`,
  )
  .transform((value) => (value === '' ? null : value));

export const orderSchema = z
  .number({ error: 'Order must be a whole number' })
  .int('Order must be a whole number')
  .min(0, "Order can't be negative")
  .max(MAX_ORDER, `Order can't be above ${MAX_ORDER}`);

export const numberTextSchema = z
  .string({ error: 'Give the number as text, such as "+1 415 555 0100"' })
  .max(MAX_STRING_LENGTH, tooLong);

export const rawNumberSchema = z
  .string({ error: 'Give the raw number as text' })
  .max(MAX_STRING_LENGTH, tooLong);

/** The writable attributes of a phone number, each optional: a PATCH sends only what changes. */
export const phoneNumberWritableAttributesSchema = z
  .object({
    number: numberTextSchema,
    rawNumber: rawNumberSchema.nullable(),
    extension: extensionSchema.nullable(),
    countryCode: countryCodeSchema.nullable(),
    phoneType: phoneTypeSchema,
    status: phoneStatusSchema,
    order: orderSchema,
  })
  .partial();

export type PhoneNumberWritableAttributes = z.output<typeof phoneNumberWritableAttributesSchema>;
export const PHONE_NUMBER_WRITABLE_ATTRIBUTES = Object.keys(
  phoneNumberWritableAttributesSchema.shape,
) as readonly (keyof PhoneNumberWritableAttributes)[];
export const PHONE_NUMBER_READ_ONLY_ATTRIBUTES = [
  'createdAt',
  'updatedAt',
  'statusChangedAt',
] as const;

const KEYPAD: Record<string, string> = {};
for (const [digit, letters] of Object.entries({
  2: 'ABC',
  3: 'DEF',
  4: 'GHI',
  5: 'JKL',
  6: 'MNO',
  7: 'PQRS',
  8: 'TUV',
  9: 'WXYZ',
})) {
  for (const letter of letters) KEYPAD[letter] = digit;
}

const EXTENSION_SUFFIX =
  /\s*(?:;ext=|,|#|(?<![a-z])x\.?|(?<![a-z])ext(?:ension)?\.?:?)\s*(\d+)\s*$/i;

export type PhoneNumberParseResult =
  | {
      ok: true;
      /** The number in E.164, without extension. */
      e164: string;
      /** The country libphonenumber places the number in, when it is geographic. */
      country: string | undefined;
      /** An extension typed after the number ("x12", "ext. 12"), if any. */
      extension: string | undefined;
      /** A phone type, only where the numbering plan tells mobile from fixed line. */
      suggestedType: PhoneType | undefined;
    }
  | { ok: false; message: string };

function suggestType(type: string | undefined): PhoneType | undefined {
  if (type === 'MOBILE') return 'mobile';
  if (type === 'FIXED_LINE') return 'work';
  if (type === 'VOIP') return 'voip';
  return undefined;
}

/** Splits "(415) 555-0100 ext. 12" into the number and "12", and turns vanity letters into digits. */
function prepare(input: string): { body: string; extension: string | undefined } {
  const match = EXTENSION_SUFFIX.exec(input);
  const extension = match?.[1];
  let body = match ? input.slice(0, match.index) : input;
  if (/\d/.test(body) && /[a-z]/i.test(body)) {
    body = body.replace(/[a-z]/gi, (letter) => KEYPAD[letter.toUpperCase()] ?? letter);
  }
  return { body: body.trim(), extension };
}

/**
 * Parses what a rep typed or pasted, in the given country unless it starts with "+".
 * Valid means libphonenumber's full metadata accepts the number for its region.
 */
export function parsePhoneNumberInput(
  input: string,
  country: string | null | undefined,
): PhoneNumberParseResult {
  const region = (country ?? DEFAULT_COUNTRY).toUpperCase();
  const { body, extension } = prepare(input);
  if (body === '') return { ok: false, message: 'Enter a phone number' };
  if (extension !== undefined && extension.length > MAX_EXTENSION_DIGITS) {
    return { ok: false, message: `An extension is 1 to ${MAX_EXTENSION_DIGITS} digits` };
  }
  const supported = isSupportedCountry(region);
  if (!supported && !body.startsWith('+')) {
    return {
      ok: false,
      message: `Numbers for ${region} need the international format, starting with +`,
    };
  }
  const defaultCountry = supported ? region : undefined;
  const parsed = parsePhoneNumberFromString(body, { defaultCountry });
  const where = parsed?.country ?? (body.startsWith('+') ? undefined : region);
  const label = where === undefined ? 'phone' : where;
  if (!parsed) {
    const problem = validatePhoneNumberLength(body, { defaultCountry });
    if (problem === 'INVALID_COUNTRY')
      return { ok: false, message: "This number's country code doesn't exist" };
    if (problem === 'TOO_SHORT')
      return { ok: false, message: `This is too short for a ${label} number` };
    return { ok: false, message: "This isn't a phone number" };
  }
  if (!parsed.isValid()) {
    const problem = validatePhoneNumberLength(body, { defaultCountry });
    if (problem === 'TOO_SHORT')
      return { ok: false, message: `This is too short for a ${label} number` };
    if (problem === 'TOO_LONG')
      return { ok: false, message: `This is too long for a ${label} number` };
    return { ok: false, message: `This isn't a valid ${label} number` };
  }
  return {
    ok: true,
    e164: parsed.number,
    country: parsed.country,
    extension: extension ?? parsed.ext,
    suggestedType: suggestType(parsed.getType()),
  };
}
