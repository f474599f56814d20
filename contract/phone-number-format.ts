/**
 * Display of stored (E.164) numbers. Formatting needs only libphonenumber's minimal metadata, half the
 * size of the full set that validation uses, so a page that only shows numbers loads the small one.
 */
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { markInvisibleCharacters } from './invisible-characters';

/**
 * "+1 415 555 0100", and " ext. 12" when there is an extension; a number it cannot read as it is. An
 * invisible direction or zero-width character (another client's, or Outreach's) shows as "�": it can
 * neither reorder the text nor hide in it.
 */
export function formatInternational(e164: string, extension?: string | null): string {
  const parsed = parsePhoneNumberFromString(e164);
  const base = parsed ? parsed.formatInternational() : e164;
  return markInvisibleCharacters(extension ? `${base} ext. ${extension}` : base);
}
