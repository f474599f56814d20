import { describe, expect, it } from 'vitest';
import {
  changeView,
  nextPage,
  parsePhoneNumberListState,
  previousPage,
  serializePhoneNumberListState,
  sortOf,
  type PhoneNumberListState,
} from './phone-number-list-state';

const parse = (search: string) => parsePhoneNumberListState(new URLSearchParams(search));

const defaults: PhoneNumberListState = {
  prospect: undefined,
  sort: undefined,
  types: [],
  statuses: [],
  number: undefined,
  countries: [],
  owner: undefined,
  updatedFrom: undefined,
  updatedTo: undefined,
  density: 'standard',
  size: 50,
  page: 1,
  after: undefined,
  before: undefined,
};

describe('parsePhoneNumberListState', () => {
  it('reads every parameter of a valid view', () => {
    expect(
      parse(
        '?prospect=12&sort=-number&type=work,mobile&status=do_not_call&country=GB&density=compact&size=25&page=3&after=abc_-1',
      ),
    ).toEqual({
      prospect: 12,
      sort: '-number',
      types: ['mobile', 'work'],
      statuses: ['do_not_call'],
      countries: ['GB'],
      owner: undefined,
      updatedFrom: undefined,
      updatedTo: undefined,
      density: 'compact',
      size: 25,
      page: 3,
      after: 'abc_-1',
      before: undefined,
    });
    expect(parse('?before=xyz&page=2')).toEqual({ ...defaults, page: 2, before: 'xyz' });
  });

  it('reads the Updated days, either end open, a backwards range forwards, and writes them back', () => {
    const state = parse('?updated=2026-09-01..2026-09-30&page=2&after=abc');
    expect(state).toMatchObject({ updatedFrom: '2026-09-01', updatedTo: '2026-09-30' });
    expect(serializePhoneNumberListState(state)).toBe(
      '?updated=2026-09-01..2026-09-30&page=2&after=abc',
    );
    expect(parse('?updated=2026-09-01..')).toEqual({ ...defaults, updatedFrom: '2026-09-01' });
    expect(parse('?updated=..2026-09-30')).toEqual({ ...defaults, updatedTo: '2026-09-30' });
    expect(parse('?updated=2026-09-30..2026-09-01')).toMatchObject({
      updatedFrom: '2026-09-01',
      updatedTo: '2026-09-30',
    });
    // A day that does not exist, or no range at all, leaves its end open.
    expect(parse('?updated=2026-02-30..2026-03-01')).toEqual({
      ...defaults,
      updatedTo: '2026-03-01',
    });
    expect(parse('?updated=yesterday')).toEqual(defaults);
    expect(parse('?updated=2026-09-01..2026-09-02..2026-09-03')).toEqual(defaults);
    expect(changeView(state, { updatedTo: undefined })).toMatchObject({
      updatedFrom: '2026-09-01',
      updatedTo: undefined,
      page: 1,
      after: undefined,
    });
  });

  it('reads the number searched as the rep wrote it, without spaces around it, and writes it back', () => {
    const state = parse('?number=%20%2B1%20(303)%20555-0141%20x12%20&page=2&after=abc');
    expect(state.number).toBe('+1 (303) 555-0141 x12');
    expect(parse(serializePhoneNumberListState(state))).toEqual(state);
    expect(parse('?number=%20%20').number).toBeUndefined();
    expect(parse(`?number=${'1'.repeat(256)}`).number).toBeUndefined();
    expect(changeView(state, { number: '0141' })).toMatchObject({
      number: '0141',
      page: 1,
      after: undefined,
    });
  });

  it('reads the countries as codes in any case, drops what is no code, and writes them back', () => {
    const state = parse('?country=us,XX,gb,,US,usa');
    expect(state.countries).toEqual(['GB', 'US']);
    expect(serializePhoneNumberListState(state)).toBe('?country=GB,US');
    expect(parse('?country=').countries).toEqual([]);
  });

  it('reads the owner, and drops it beside a prospect, which has one owner already', () => {
    expect(parse('?owner=2').owner).toBe(2);
    expect(serializePhoneNumberListState(parse('?owner=2&page=2&after=c'))).toBe(
      '?owner=2&page=2&after=c',
    );
    expect(parse('?owner=me').owner).toBeUndefined();
    expect(parse('?owner=0').owner).toBeUndefined();
    expect(parse('?prospect=4&owner=2')).toEqual({ ...defaults, prospect: 4 });
    expect(changeView(parse('?owner=2&page=3&after=c'), { owner: undefined })).toEqual(defaults);
  });

  it('reads the density, keeps the page when it changes, and falls back to standard', () => {
    const state = parse('?density=compact&page=2&after=c');
    expect(state).toMatchObject({ density: 'compact', page: 2, after: 'c' });
    expect(serializePhoneNumberListState(state)).toBe('?density=compact&page=2&after=c');
    expect(parse('?density=tiny').density).toBe('standard');
    expect(serializePhoneNumberListState(parse('?density=standard'))).toBe('');
  });

  it('gives the defaults for an empty search', () => {
    expect(parse('')).toEqual(defaults);
  });

  it.each([
    ['prospect=0', 'prospect'],
    ['prospect=-3', 'prospect'],
    ['prospect=1.5', 'prospect'],
    ['prospect=abc', 'prospect'],
    ['prospect=99999999999999999999', 'prospect'],
    ['sort=rawNumber', 'sort'],
    ['sort=--order', 'sort'],
    ['sort=', 'sort'],
  ] as const)('drops a bad %s', (search, name) => {
    expect(parse(search)[name]).toBeUndefined();
  });

  it.each(['size=10', 'size=1000', 'size=abc', 'size=', 'size=50.5'])(
    'falls back to 50 rows for %s',
    (search) => {
      expect(parse(search).size).toBe(50);
    },
  );

  it("keeps the values of a filter once each, this app's in their usual order, then others as given", () => {
    expect(parse('type=voip,fax,mobile,voip').types).toEqual(['mobile', 'voip', 'fax']);
    expect(parse('status=pending,verified,VERIFIED,pending').statuses).toEqual([
      'verified',
      'pending',
      'VERIFIED',
    ]);
    expect(parse('type=&status=,').types).toEqual([]);
    expect(parse(`status=${'p'.repeat(256)},${'q'.repeat(255)}`).statuses).toEqual([
      'q'.repeat(255),
    ]);
  });

  it("writes another API's filter values back as the URL had them", () => {
    expect(serializePhoneNumberListState(parse('status=pending&type=fax,home'))).toBe(
      '?type=home,fax&status=pending',
    );
    expect(parse('status=on%20hold').statuses).toEqual(['on hold']);
    expect(serializePhoneNumberListState(parse('status=on%20hold'))).toBe('?status=on%20hold');
  });

  it('treats a page without a cursor as the first page, whatever number it claims', () => {
    expect(parse('page=7')).toEqual(defaults);
    expect(parse('page=abc&after=c1')).toMatchObject({ page: 2, after: 'c1' });
    expect(parse('page=1&after=c1').page).toBe(2);
  });

  it('drops both cursors when a URL carries two, and cursors that are empty or absurdly long', () => {
    expect(parse('after=a&before=b&page=4')).toEqual(defaults);
    expect(parse('after=&page=3')).toEqual(defaults);
    expect(parse(`after=${'x'.repeat(5000)}&page=2`)).toEqual(defaults);
  });
});

describe('serializePhoneNumberListState', () => {
  it('writes the defaults as an empty search', () => {
    expect(serializePhoneNumberListState(defaults)).toBe('');
  });

  it('writes a canonical search that parses back to the same view, commas left readable', () => {
    const state = parse(
      'after=c%2B1%2F&page=2&size=100&status=invalid,verified&type=home&prospect=4',
    );
    const search = serializePhoneNumberListState(state);
    expect(search).toBe(
      '?prospect=4&type=home&status=verified,invalid&size=100&page=2&after=c%2B1%2F',
    );
    expect(parse(search)).toEqual(state);
  });
});

describe('moving through the view', () => {
  const third = parse('prospect=4&sort=number&page=3&before=b3');

  it('sorts one prospect by order and all numbers by the latest change, unless told', () => {
    expect(sortOf(defaults)).toBe('-updatedAt');
    expect(sortOf({ ...defaults, prospect: 1 })).toBe('order');
    expect(sortOf({ ...defaults, prospect: 1, sort: '-status' })).toBe('-status');
  });

  it('goes back to the first page when the prospect, sort, filters or page size change', () => {
    expect(changeView(third, { types: ['work'] })).toEqual({
      ...third,
      types: ['work'],
      page: 1,
      before: undefined,
    });
    expect(changeView(third, { size: 25 })).toMatchObject({
      page: 1,
      after: undefined,
      before: undefined,
    });
  });

  it("follows the server's cursors to the next and previous pages", () => {
    expect(nextPage(third, 'n4')).toEqual({ ...third, page: 4, after: 'n4', before: undefined });
    expect(previousPage(third, 'p2')).toEqual({
      ...third,
      page: 2,
      after: undefined,
      before: 'p2',
    });
  });

  it('goes to the first page, without a cursor, from the second page or when there is no previous link', () => {
    expect(previousPage({ ...third, page: 2 }, 'p1')).toMatchObject({ page: 1, before: undefined });
    expect(previousPage(third, undefined)).toMatchObject({ page: 1, before: undefined });
  });
});
