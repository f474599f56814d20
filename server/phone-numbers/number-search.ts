import { validE164 } from '../../contract/phone-number-rules';
import { readNumberSearch } from '../../contract/phone-number-search';
import { badRequest } from '../http/errors';
import type { FilterSpec, ParsedFilter } from '../http/query';

/**
 * `filter[number]` with one value is a search for a number however a rep writes it (decision 0053):
 *
 * - `+1 (303) 555-0141`, a whole number with its country code: that number, in E.164;
 * - `+1303`, the start of one: the numbers that start with it;
 * - `303 555 0141`, `(303) 555-0141`, `0141`, digits without "+": the numbers that end with them, so a
 *   national number finds the stored E.164 whatever its country code;
 * - any of these followed by an extension (`x12`, `ext. 12`): only the numbers with that extension.
 *
 * Each is an index lookup: `number` for the first two, the generated `number_digits_reversed` (the
 * digits last first) for the third. Comma lists and `a..b` ranges compare the stored E.164 as given.
 */

/** Above every character: `prefix ≤ value ≤ prefix + END` holds every value that starts with prefix. */
const END = '\u{10FFFF}';

export const numberFilterSpec: FilterSpec = { column: 'pn.number', kind: 'string', ranges: true };

export const NUMBER_SEARCH_DESCRIPTION =
  'One value finds a number however it is written, with at least 3 digits: with a country code ' +
  '("+1 (303) 555-0141") that number, or the numbers starting with it ("+1303"); without one ' +
  '("303 555 0141", "(303) 555-0141", "0141") the numbers ending with those digits; an extension after ' +
  'it ("x12", "ext. 12") keeps only the numbers with that extension. Anything else is a 400.';
const digitsReversedSpec: FilterSpec = {
  column: 'pn.number_digits_reversed',
  kind: 'string',
  ranges: true,
  fewMatches: true,
};
const extensionSpec: FilterSpec = { column: 'pn.extension', kind: 'string', ranges: false };

// The names tell the shapes apart (collection-query.ts caches a query's SQL by its filters' names).
const startingWith = (name: string, spec: FilterSpec, prefix: string): ParsedFilter => ({
  name,
  spec,
  terms: [{ kind: 'range', from: prefix, to: prefix + END }],
});

/** The filters one written number stands for; undefined for a list or a range. */
export function numberSearchFilters(parameter: string, raw: string): ParsedFilter[] | undefined {
  if (raw.includes(',') || raw.includes('..')) return undefined;
  const search = readNumberSearch(raw);
  if (!search.ok) {
    throw badRequest(
      parameter,
      `${search.message}, such as +1 303 555 0141, (303) 555-0141 or 0141 x12, in ${parameter}; "${raw.slice(0, 80)}" is not one.`,
    );
  }
  const filters: ParsedFilter[] = [];
  if (search.international === undefined) {
    const reversed = Array.from(search.digits.matchAll(/\d/g), ([digit]) => digit)
      .reverse()
      .join('');
    filters.push(startingWith('number.endsWith', digitsReversedSpec, reversed));
  } else {
    const e164 = validE164(search.international);
    filters.push(
      e164 === undefined
        ? startingWith('number', { ...numberFilterSpec, fewMatches: true }, `+${search.digits}`)
        : { name: 'number', spec: numberFilterSpec, terms: [{ kind: 'equals', value: e164 }] },
    );
  }
  if (search.extension !== undefined) {
    filters.push({
      name: 'extension',
      spec: extensionSpec,
      terms: [{ kind: 'equals', value: search.extension }],
    });
  }
  return filters;
}
