/**
 * The phone-number rules, written once and used by the server (request validation) and the UI (form and
 * cell validation). Messages are meant for a sales rep, not a developer.
 */
import {
  AsYouType,
  getCountryCallingCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
  validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import * as z from 'zod/mini';
import { hasInvisibleCharacters, withoutInvisibleCharacters } from './invisible-characters';
import { DEFAULT_COUNTRY, isIsoCountryCode, type IsoCountryCode } from './iso-countries';
import { EXTENSION_SUFFIX } from './phone-number-search';
import {
  MAX_EXTENSION_DIGITS,
  MAX_ORDER,
  MAX_STRING_LENGTH,
  isPhoneType,
  PHONE_STATUSES,
  PHONE_TYPES,
  type PhoneType,
} from './phone-number-values';

const tooLong = `Keep this under ${MAX_STRING_LENGTH + 1} characters`;
const chooseType = 'Choose mobile, work, home, voip or other';

/**
 * Refuses invisible direction and zero-width characters, which would make a stored value read as
 * another wherever it is shown. The app's own form and cells drop them from what a rep pastes (see
 * `withoutInvisibleCharacters`); another client gets this refusal.
 */
const visibleOnly = z.refine<string>(
  (value: string) => !hasInvisibleCharacters(value),
  'Remove the invisible characters (direction marks, zero-width spaces) from this',
);

export const phoneTypeSchema = z.enum(PHONE_TYPES, { error: chooseType });

export const phoneStatusSchema = z.enum(PHONE_STATUSES, {
  error: `Choose one of: ${PHONE_STATUSES.join(', ')}`,
});

export const countryCodeSchema = z.pipe(
  z
    .string({ error: 'Give the country as a two-letter code, such as US or GB' })
    .check(z.maxLength(MAX_STRING_LENGTH, tooLong)),
  z.transform((value, context) => {
    const code = value.trim().toUpperCase();
    if (isIsoCountryCode(code)) return code;
    context.issues.push({
      code: 'custom',
      message: 'Give the country as a two-letter ISO code, such as US or GB',
      input: value,
    });
    return z.NEVER;
  }),
);

/** An extension is digits only; an empty string means "no extension". */
export const extensionSchema = z.pipe(
  z
    .pipe(
      z
        .string({ error: 'Give the extension as text, such as "123"' })
        .check(z.maxLength(MAX_STRING_LENGTH, tooLong), visibleOnly),
      z.transform((value) => value.trim()),
    )
    .check(
      z.refine(
        (value) => value === '' || new RegExp(`^\\d{1,${MAX_EXTENSION_DIGITS}}$`).test(value),
        `An extension is 1 to ${MAX_EXTENSION_DIGITS} digits`,
      ),
    ),
  z.transform((value) => (value === '' ? null : value)),
);

export const orderSchema = z
  .int({ error: 'Order must be a whole number' })
  .check(
    z.minimum(0, "Order can't be negative"),
    z.maximum(MAX_ORDER, `Order can't be above ${MAX_ORDER}`),
  );

/** A number as a rep types or pastes it, before the invisible characters are dropped. */
const typedNumberSchema = z
  .string({ error: 'Give the number as text, such as "+1 415 555 0100"' })
  .check(z.maxLength(MAX_STRING_LENGTH, tooLong));

export const numberTextSchema = typedNumberSchema.check(visibleOnly);

export const rawNumberSchema = z
  .string({ error: 'Give the raw number as text' })
  .check(z.maxLength(MAX_STRING_LENGTH, tooLong), visibleOnly);

/**
 * The writable attributes of a phone number, each optional: a PATCH sends only what changes. The
 * descriptions and patterns are what `openapi.json` says of each (it is generated from this schema); the
 * checks above, which JSON Schema cannot express, are the server's.
 */
export const phoneNumberWritableAttributesSchema = z.partial(
  z.strictObject({
    number: numberTextSchema.check(
      z.describe(
        'Any format libphonenumber reads; stored and returned in E.164. An "x12" suffix becomes the extension.',
      ),
    ),
    rawNumber: z
      .nullable(rawNumberSchema)
      .check(z.describe('What was typed; defaults to the number as sent.')),
    extension: z
      .nullable(extensionSchema.check(z.meta({ pattern: `^\\d{1,${MAX_EXTENSION_DIGITS}}$` })))
      .check(z.describe(`1 to ${MAX_EXTENSION_DIGITS} digits, or null.`)),
    countryCode: z
      .nullable(countryCodeSchema.check(z.meta({ pattern: '^[A-Za-z]{2}$' })))
      .check(
        z.describe(
          'ISO 3166-1 alpha-2 country the number is read in (default US); derived from the number when not sent; one the number is not valid in is a 422.',
        ),
      ),
    phoneType: phoneTypeSchema.check(z.meta({ default: 'other' })),
    status: phoneStatusSchema.check(z.meta({ default: 'unverified' })),
    order: orderSchema.check(z.describe("Position in the prospect's list; new numbers go last.")),
  }),
);

export type PhoneNumberWritableAttributes = z.output<typeof phoneNumberWritableAttributesSchema>;
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

/** An RFC 3966 link's scheme, as copying a "tel:" link pastes it. */
const TEL_SCHEME = /^\s*tel:/i;

/**
 * Splits "(415) 555-0100 ext. 12" into the number and "12", drops a "tel:" scheme, and turns vanity
 * letters into digits.
 */
function prepare(input: string): { body: string; extension: string | undefined } {
  const text = input.replace(TEL_SCHEME, '');
  const match = EXTENSION_SUFFIX.exec(text);
  const extension = match?.[1];
  let body = match ? text.slice(0, match.index) : text;
  if (/\d/.test(body) && /[a-z]/i.test(body)) {
    body = body.replace(/[a-z]/gi, (letter) => KEYPAD[letter.toUpperCase()] ?? letter);
  }
  return { body: body.trim(), extension };
}

/** "a US number", "an FR number": the article as a region code is read aloud, letter by letter. */
function numberOf(label: string): string {
  return `${/^[AEFHILMNORSX]/.test(label) ? 'an' : 'a'} ${label} number`;
}

/**
 * "+1 (303) 555-0141" → "+13035550141" when it is a whole, valid number with its country code, as
 * `parsePhoneNumberInput` reads it; otherwise undefined. Without its type and country, which a search
 * for the number does not need and which cost as much again to work out.
 */
export function validE164(international: string): string | undefined {
  const parsed = parsePhoneNumberFromString(international);
  return parsed?.isValid() === true ? parsed.number : undefined;
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
      return { ok: false, message: `This is too short for ${numberOf(label)}` };
    return { ok: false, message: "This isn't a phone number" };
  }
  if (!parsed.isValid()) {
    const problem = validatePhoneNumberLength(body, { defaultCountry });
    if (problem === 'TOO_SHORT')
      return { ok: false, message: `This is too short for ${numberOf(label)}` };
    if (problem === 'TOO_LONG')
      return { ok: false, message: `This is too long for ${numberOf(label)}` };
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

/**
 * Why a number (E.164) can't be saved with `country`, or undefined when it can: the country must be one
 * where libphonenumber's metadata holds the number valid. Calling codes that several countries share
 * (+1, +44, +7) are told apart by their numbering plans: +1 303 is US only, while a +1 800 number is
 * valid in the US, Canada and the Caribbean alike. A number libphonenumber places in no ISO country
 * (+800, Ascension's +247) fits any country.
 */
export function countryConflict(e164: string, country: string): string | undefined {
  const parsed = parsePhoneNumberFromString(e164);
  const home = parsed?.country;
  const region = country.toUpperCase();
  if (!parsed || home === undefined || !isIsoCountryCode(home) || home === region) return undefined;
  if (isSupportedCountry(region) && getCountryCallingCode(region) === parsed.countryCallingCode) {
    // The same number read in the chosen country's numbering plan instead of the one it was placed in.
    parsed.country = region;
    if (parsed.isValid()) return undefined;
  }
  return `This is ${numberOf(home)}, not ${numberOf(region)}`;
}

/** A country the typed number fits better than the chosen one, and the number as it reads there. */
export interface CountrySuggestion {
  country: IsoCountryCode;
  /** What was typed, with a "+" where it was dialled without one ("44 20 …" becomes "+44 20 …"). */
  number: string;
}

/**
 * The country to suggest for a number that does not fit the chosen one: a number in international
 * format ("+44 …") that the chosen country contradicts, or one typed in full that is not valid there but
 * is once read as international ("44 7400 123456", "0044 …" from a US prospect). Undefined while the
 * number is still too short to tell, or when it fits the chosen country.
 */
export function suggestCountry(input: string, country: string): CountrySuggestion | undefined {
  const parsed = parsePhoneNumberInput(input, country);
  if (parsed.ok) {
    const home = parsed.country;
    if (home === undefined || !isIsoCountryCode(home)) return undefined;
    return countryConflict(parsed.e164, country) === undefined
      ? undefined
      : { country: home, number: input };
  }
  const { body } = prepare(input);
  const region = country.toUpperCase();
  if (body === '' || body.startsWith('+') || !isSupportedCountry(region)) return undefined;
  if (validatePhoneNumberLength(body, region) === 'TOO_SHORT') return undefined;
  const international = `+${input.trimStart().replace(/^00/, '')}`;
  const there = parsePhoneNumberInput(international, country);
  if (!there.ok || there.country === undefined || !isIsoCountryCode(there.country))
    return undefined;
  return there.country === region ? undefined : { country: there.country, number: international };
}

/** A phone number as the Add / Edit form saves it. */
export interface PhoneNumberDraft {
  /** E.164, without extension. */
  number: string;
  /** What the rep typed in Number. */
  rawNumber: string;
  countryCode: IsoCountryCode;
  /**
   * Undefined: no type is sent. Only an edited number keeps a type this app does not know that way
   * (`phoneNumberDraftSchemaKeeping`); a new number's draft always has one.
   */
  phoneType?: PhoneType | undefined;
  extension: string | null;
}

/**
 * What the Add / Edit form holds, read into a draft. The number is parsed in the chosen country, and the
 * country saved is the one chosen: one the number contradicts ("+44 …" chosen as US) is refused at
 * Country, as the server refuses it, never swapped for another. An extension typed after the number fills
 * Extension, unless Extension says otherwise. Invisible characters pasted along are dropped. Problems are
 * reported on the field they belong to, at once.
 *
 * Editing a number whose type is none of ours (another API's, such as Outreach's "fax"), `keptPhoneType`
 * may stay: the draft then has no type, so that a save leaves the number's as it is (decision 0047).
 */
export const phoneNumberDraftSchemaKeeping = (keptPhoneType: string | null) =>
  z.pipe(
    z.object({
      number: typedNumberSchema,
      countryCode: countryCodeSchema,
      phoneType: z
        .string({ error: chooseType })
        .check(z.refine((type) => isPhoneType(type) || type === keptPhoneType, chooseType)),
      extension: z.string(),
    }),
    z.transform((values, context): PhoneNumberDraft => {
      const problem = (field: keyof typeof values, message: string) => {
        context.issues.push({ code: 'custom', message, path: [field], input: values });
      };
      const typed = withoutInvisibleCharacters(values.number);
      const typedExtension = extensionSchema.safeParse(
        withoutInvisibleCharacters(values.extension),
      );
      const parsed = parsePhoneNumberInput(typed, values.countryCode);
      for (const issue of typedExtension.error?.issues ?? []) problem('extension', issue.message);
      if (!parsed.ok) problem('number', parsed.message);
      if (!typedExtension.success || !parsed.ok) return z.NEVER;
      const extension = typedExtension.data;
      if (parsed.extension !== undefined && extension !== null && extension !== parsed.extension) {
        problem(
          'extension',
          `The number ends in extension ${parsed.extension}, but Extension says ${extension}`,
        );
        return z.NEVER;
      }
      const conflict = countryConflict(parsed.e164, values.countryCode);
      if (conflict !== undefined) {
        problem('countryCode', conflict);
        return z.NEVER;
      }
      return {
        number: parsed.e164,
        rawNumber: typed.trim(),
        countryCode: values.countryCode,
        phoneType: isPhoneType(values.phoneType) ? values.phoneType : undefined,
        extension: parsed.extension ?? extension,
      };
    }),
  );

/** A new number's draft, or an edited one's whose type is one of ours: it takes one of our types. */
export const phoneNumberDraftSchema = phoneNumberDraftSchemaKeeping(null);

export type PhoneNumberDraftValues = z.input<typeof phoneNumberDraftSchema>;

const FORMATTABLE = /^[\d\s()+\-./]*$/;
const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Formats a number while it is typed ("4155550" → "(415) 555-0"), in the country unless it starts with
 * "+". Anything libphonenumber would drop (letters, an extension, other scripts' digits, a lone "(", a
 * trailing space) is left as typed.
 */
export function formatPhoneNumberAsYouType(input: string, country: string): string {
  // A space or dash just typed stays until the next digit, which formatting places anyway.
  if (!FORMATTABLE.test(input) || !/\d$/.test(input)) return input;
  const region = country.toUpperCase();
  const formatted = new AsYouType(isSupportedCountry(region) ? region : undefined).input(input);
  return digitsOf(formatted) === digitsOf(input) ? formatted : input;
}
