/**
 * Characters that are not seen but change how the text around them is read or drawn: the zero-width
 * space, non-joiner and joiner and the left-to-right and right-to-left marks (U+200B–U+200F), the bidi
 * embeddings and overrides (U+202A–U+202E), the word joiner (U+2060), the bidi isolates (U+2066–U+2069)
 * and the byte-order mark (U+FEFF). An override turns "+1 303 555 0177 ext. 12" into what reads as
 * another number; copying a number from a mail or a web page often brings some of them along.
 */
const INVISIBLE = '\u200B-\u200F\u202A-\u202E\u2060\u2066-\u2069\uFEFF';
const ANY_INVISIBLE = new RegExp(`[${INVISIBLE}]`);
const EACH_INVISIBLE = new RegExp(`[${INVISIBLE}]`, 'g');

/** What shows in place of an invisible character: the replacement character, "�". */
export const INVISIBLE_CHARACTER_MARK = '\uFFFD';

export function hasInvisibleCharacters(text: string): boolean {
  return ANY_INVISIBLE.test(text);
}

/** The text without them, as a rep meant what they pasted. */
export function withoutInvisibleCharacters(text: string): string {
  return text.replace(EACH_INVISIBLE, '');
}

/** The text with each of them shown as "�": inert, and visibly not what it seems. */
export function markInvisibleCharacters(text: string): string {
  return text.replace(EACH_INVISIBLE, INVISIBLE_CHARACTER_MARK);
}
