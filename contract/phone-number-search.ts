/**
 * What a rep types to find a number, read the same way by the server (`filter[number]`) and the app's
 * "Find a number" box (decision 0053). Light on purpose: no libphonenumber, so the box costs the page
 * nothing; the server alone tells a whole number from the start of one.
 */
import { MAX_EXTENSION_DIGITS } from './phone-number-values';

/** Extensions as reps write them: "x12", "ext. 12", "extension 12", "#12", ", 12", ";ext=12". */
export const EXTENSION_SUFFIX =
  /\s*(?:;ext=|,|#|(?<![a-z])x\.?|(?<![a-z])ext(?:ension)?\.?:?)\s*(\d+)\s*$/i;

/**
 * "(415) 555-0100 ext. 12" → "(415) 555-0100" and "12": the number as typed, without the extension
 * suffix that `parsePhoneNumberInput` reads.
 */
export function splitPhoneNumberExtension(input: string): {
  number: string;
  extension: string | undefined;
} {
  const match = EXTENSION_SUFFIX.exec(input);
  return match
    ? { number: input.slice(0, match.index), extension: match[1] }
    : { number: input, extension: undefined };
}

export const MIN_SEARCH_DIGITS = 3;
/** E.164 allows 15 digits: a longer search could match nothing. */
export const MAX_SEARCH_DIGITS = 15;
const WRITTEN_NUMBER = /^\+?[\d\s().\-/]*$/;

export type NumberSearch =
  | {
      ok: true;
      /** "+1 (303) 555": a whole number or the start of one, with its country code, as typed. */
      international: string | undefined;
      /** The digits typed, without the extension. */
      digits: string;
      extension: string | undefined;
    }
  | {
      ok: false;
      message: string;
      /** Only too few digits yet: what a rep is still typing, not a mistake. */
      incomplete: boolean;
    };

/**
 * Reads a search: digits with the usual punctuation, "+" first for a country code, and maybe an
 * extension. A lone "+" digit string a query string turned into a space (" 1303…") reads as "+1303…".
 */
export function readNumberSearch(input: string): NumberSearch {
  const text = (/^ \d/.test(input) ? `+${input.slice(1)}` : input).trim();
  const { number, extension } = splitPhoneNumberExtension(text);
  const written = number.trim();
  const digits = written.replace(/\D/g, '');
  if (!WRITTEN_NUMBER.test(written)) {
    return { ok: false, message: 'Type a phone number or some of its digits', incomplete: false };
  }
  if (digits.length < MIN_SEARCH_DIGITS) {
    return {
      ok: false,
      message: `Type at least ${MIN_SEARCH_DIGITS} digits of the number`,
      incomplete: true,
    };
  }
  if (digits.length > MAX_SEARCH_DIGITS) {
    return {
      ok: false,
      message: `A phone number has at most ${MAX_SEARCH_DIGITS} digits`,
      incomplete: false,
    };
  }
  if (extension !== undefined && extension.length > MAX_EXTENSION_DIGITS) {
    return {
      ok: false,
      message: `An extension is 1 to ${MAX_EXTENSION_DIGITS} digits`,
      incomplete: false,
    };
  }
  return {
    ok: true,
    international: written.startsWith('+') ? written : undefined,
    digits,
    extension,
  };
}
