import { describe, expect, it } from 'vitest';
import {
  countryCodeSchema,
  countryConflict,
  extensionSchema,
  formatPhoneNumberAsYouType,
  orderSchema,
  parsePhoneNumberInput,
  phoneNumberDraftSchema,
  phoneNumberDraftSchemaKeeping,
  phoneNumberWritableAttributesSchema,
  suggestCountry,
  type PhoneNumberDraftValues,
} from './phone-number-rules';
import { formatInternational } from './phone-number-format';
import { splitPhoneNumberExtension } from './phone-number-search';
import { PHONE_NUMBER_WRITABLE_ATTRIBUTES } from './phone-number-values';

describe('parsePhoneNumberInput', () => {
  const valid: [string, string | undefined, string, string | undefined][] = [
    ['(415) 555-0100', 'US', '+14155550100', undefined],
    ['415.555.0100', undefined, '+14155550100', undefined],
    ['+1 415 555 0100', 'GB', '+14155550100', undefined],
    ['415-555-0100 ext. 12', 'US', '+14155550100', '12'],
    ['415 555 0100 x7', 'US', '+14155550100', '7'],
    ['4155550100x7', 'US', '+14155550100', '7'],
    ['+14155550100;ext=99', undefined, '+14155550100', '99'],
    ['020 7946 0958', 'GB', '+442079460958', undefined],
    ['030 12345678', 'DE', '+493012345678', undefined],
    ['01 23 45 67 89', 'FR', '+33123456789', undefined],
    ['1-800-FLOWERS', 'US', '+18003569377', undefined],
    ['٤١٥٥٥٥٢٦٧١', 'US', '+14155552671', undefined],
    ['+1-650-253-0000', 'GB', '+16502530000', undefined],
    ['001 650 253 0000', 'DE', '+16502530000', undefined],
    ['011 44 20 7946 0958', 'US', '+442079460958', undefined],
    ['0044 161 496 0000', 'FR', '+441614960000', undefined],
    ['0033 6 12 34 56 78', 'ES', '+33612345678', undefined],
  ];
  it.each(valid)('reads %s (in %s) as %s', (input, country, e164, extension) => {
    const parsed = parsePhoneNumberInput(input, country);
    expect(parsed).toMatchObject({ ok: true, e164, extension });
  });

  const invalid: [string, string | undefined, string][] = [
    ['', 'US', 'Enter a phone number'],
    ['555 123 4567', 'US', "This isn't a valid US number"],
    ['12', 'US', 'This is too short for a US number'],
    ['415555010099999', 'US', 'This is too long for a US number'],
    ['call me', 'US', "This isn't a phone number"],
    ['+999 1234 5678', undefined, "This number's country code doesn't exist"],
    ['4155550100', 'AQ', 'Numbers for AQ need the international format, starting with +'],
    ['415 555 0100 x12345678901', 'US', 'An extension is 1 to 10 digits'],
  ];
  it.each(invalid)('refuses %s (in %s): %s', (input, country, message) => {
    expect(parsePhoneNumberInput(input, country)).toEqual({ ok: false, message });
  });

  it('suggests a type only where the numbering plan can tell', () => {
    expect(parsePhoneNumberInput('07400 123456', 'GB')).toMatchObject({ suggestedType: 'mobile' });
    expect(parsePhoneNumberInput('020 7946 0958', 'GB')).toMatchObject({ suggestedType: 'work' });
    expect(parsePhoneNumberInput('(415) 555-0100', 'US')).toMatchObject({
      suggestedType: undefined,
    });
  });
});

describe('phoneNumberDraftSchema', () => {
  const draft = (number: string, countryCode: string, extension = ''): PhoneNumberDraftValues => ({
    number,
    countryCode,
    phoneType: 'work',
    extension,
  });

  // What reps type and paste: [input, country chosen, E.164, extension].
  const valid: [string, string, string, string | null][] = [
    ['1 (650) 253-0000', 'US', '+16502530000', null],
    ['(650) 253-0000 extension 4321', 'US', '+16502530000', '4321'],
    ['+1 650 253 0000 #12', 'US', '+16502530000', '12'],
    ['tel:+1-650-253-0000;ext=77', 'US', '+16502530000', '77'],
    ['+1 (415) 555-0100 ext.12', 'US', '+14155550100', '12'],
    ['1-888-NEW-CARS', 'US', '+18886392277', null],
    ['1 (800) GOT-JUNK', 'US', '+18004685865', null],
    ['416 392 2489', 'CA', '+14163922489', null],
    ['+44 (0)20 7946 0958', 'GB', '+442079460958', null],
    ['(0)20 7946 0958', 'GB', '+442079460958', null],
    ['0800 123 4567', 'GB', '+448001234567', null],
    ['+44 20 7946 0958 x 204', 'GB', '+442079460958', '204'],
    ['+49 30 901820', 'DE', '+4930901820', null],
    ['0151 23456789', 'DE', '+4915123456789', null],
    ['089/1234567', 'DE', '+49891234567', null],
    ['+49 (0)30 1234567-89', 'DE', '+4930123456789', null],
    ['06 12 34 56 78', 'FR', '+33612345678', null],
    ['+33 (0)1 42 68 53 00', 'FR', '+33142685300', null],
    ['+33\u00a06\u00a012\u00a034\u00a056\u00a078', 'FR', '+33612345678', null],
    ['098765 43210', 'IN', '+919876543210', null],
    ['0 9876 543210', 'IN', '+919876543210', null],
    ['+91-22-2778-0000', 'IN', '+912227780000', null],
    ['(11) 98765-4321', 'BR', '+5511987654321', null],
    ['+55 21 2345-6789', 'BR', '+552123456789', null],
    ['0412-345-678', 'AU', '+61412345678', null],
    ['+61 (0)412 345 678', 'AU', '+61412345678', null],
    ['(02) 9876 5432', 'AU', '+61298765432', null],
    ['1300 975 707', 'AU', '+611300975707', null],
    ['02 9876 5432 x 3', 'AU', '+61298765432', '3'],
    ['090-1234-5678', 'JP', '+819012345678', null],
    ['+81 (0)3 1234 5678', 'JP', '+81312345678', null],
    ['０３-１２３４-５６７８', 'JP', '+81312345678', null],
    ['612 34 56 78', 'ES', '+34612345678', null],
    ['91 123 45 67', 'ES', '+34911234567', null],
    ['55 1234 5678', 'MX', '+525512345678', null],
    ['(55) 1234-5678', 'MX', '+525512345678', null],
    ['06 1234 5678', 'IT', '+390612345678', null],
    ['+39 347 123 4567', 'IT', '+393471234567', null],
    ['+800 1234 5678', 'US', '+80012345678', null],
  ];
  it.each(valid)('reads %s (in %s) as %s, extension %s', (input, country, e164, extension) => {
    expect(phoneNumberDraftSchema.parse(draft(input, country))).toEqual({
      number: e164,
      rawNumber: input.trim(),
      countryCode: expect.any(String),
      phoneType: 'work',
      extension,
    });
  });

  // [input, country chosen, Extension field, the field the error is on, its message].
  const invalid: [string, string, string, 'number' | 'extension', string][] = [
    ['', 'US', '', 'number', 'Enter a phone number'],
    ['650 253 000', 'US', '', 'number', 'This is too short for a US number'],
    ['(123) 456-7890', 'US', '', 'number', "This isn't a valid US number"],
    ['1-800-FLOWERSS', 'US', '', 'number', 'This is too long for a US number'],
    ['+1 415 555 01', 'US', '', 'number', 'This is too short for a phone number'],
    ['+1 415 555 01000', 'US', '', 'number', 'This is too long for a phone number'],
    // 00 is not how a call leaves the US (011 is); a UK mobile is not a US number.
    ['0044 20 7946 0958', 'US', '', 'number', 'This is too long for a US number'],
    ['07400 123456', 'US', '', 'number', 'This is too long for a US number'],
    ['020 7946 095', 'GB', '', 'number', "This isn't a valid GB number"],
    ['+49 151 2345', 'DE', '', 'number', "This isn't a valid DE number"],
    ['0612345', 'FR', '', 'number', 'This is too short for an FR number'],
    ['06 12 34 56 78 9', 'FR', '', 'number', 'This is too long for an FR number'],
    ['987654321', 'IN', '', 'number', "This isn't a valid IN number"],
    ['(11) 8765-4321', 'BR', '', 'number', "This isn't a valid BR number"],
    ['0400 000 00', 'AU', '', 'number', "This isn't a valid AU number"],
    ['+61 412 345 6789', 'AU', '', 'number', "This isn't a valid phone number"],
    ['03-1234-567', 'JP', '', 'number', "This isn't a valid JP number"],
    ['+34 612 345 67', 'ES', '', 'number', 'This is too short for an ES number'],
    ['55 1234 567', 'MX', '', 'number', 'This is too short for an MX number'],
    ['415 555 0100', 'US', '12a', 'extension', 'An extension is 1 to 10 digits'],
    ['415 555 0100', 'US', '12345678901', 'extension', 'An extension is 1 to 10 digits'],
    [
      '415 555 0100 x12',
      'US',
      '34',
      'extension',
      'The number ends in extension 12, but Extension says 34',
    ],
  ];
  it.each(invalid)(
    'refuses %s (in %s, extension %s) on %s: %s',
    (input, country, extension, path, message) => {
      const result = phoneNumberDraftSchema.safeParse(draft(input, country, extension));
      expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
        [[path], message],
      ]);
    },
  );

  it('reports a bad number and a bad extension at once', () => {
    const result = phoneNumberDraftSchema.safeParse(draft('12', 'US', 'abc'));
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual([
      [['extension'], 'An extension is 1 to 10 digits'],
      [['number'], 'This is too short for a US number'],
    ]);
  });

  it('takes an extension typed after the number, or the same one in Extension', () => {
    expect(phoneNumberDraftSchema.parse(draft('(415) 555-0100 ext. 12', 'US', '12'))).toMatchObject(
      { number: '+14155550100', extension: '12' },
    );
    expect(phoneNumberDraftSchema.parse(draft('(415) 555-0100', 'US', ' 7 '))).toMatchObject({
      extension: '7',
    });
  });

  it('saves the country chosen, and refuses at Country one the number contradicts', () => {
    const countryOf = (input: string, country: string) =>
      phoneNumberDraftSchema.parse(draft(input, country)).countryCode;
    expect(countryOf('0151 23456789', 'de')).toBe('DE');
    expect(countryOf('+800 1234 5678', 'FR')).toBe('FR');
    expect(countryOf('+247 6 1234', 'GB')).toBe('GB');
    const problems = (input: string, country: string) =>
      phoneNumberDraftSchema
        .safeParse(draft(input, country))
        .error?.issues.map((issue) => [issue.path, issue.message]);
    expect(problems('+1 303 555 0177', 'GB')).toEqual([
      [['countryCode'], 'This is a US number, not a GB number'],
    ]);
    expect(problems('416 392 2489', 'US')).toEqual([
      [['countryCode'], 'This is a CA number, not a US number'],
    ]);
  });

  it('drops invisible characters pasted along with a number or an extension', () => {
    expect(
      phoneNumberDraftSchema.parse(
        draft('\u202A(303) 555\u200B-0177\u202C', 'US', '\u206612\u2069'),
      ),
    ).toMatchObject({ number: '+13035550177', rawNumber: '(303) 555-0177', extension: '12' });
  });

  it('keeps what was typed as rawNumber and the type chosen', () => {
    expect(
      phoneNumberDraftSchema.parse({ ...draft(' 415.555.0100 ', 'US'), phoneType: 'home' }),
    ).toEqual({
      number: '+14155550100',
      rawNumber: '415.555.0100',
      countryCode: 'US',
      phoneType: 'home',
      extension: null,
    });
  });

  it("takes only this app's types, but lets an edited number keep a type of another API's", () => {
    const problems = (schema: typeof phoneNumberDraftSchema, values: PhoneNumberDraftValues) =>
      schema.safeParse(values).error?.issues.map((issue) => [issue.path, issue.message]);
    const refused = [[['phoneType'], 'Choose mobile, work, home, voip or other']];
    const fax = { ...draft('(415) 555-0100', 'US'), phoneType: 'fax' };
    expect(problems(phoneNumberDraftSchema, fax)).toEqual(refused);

    const keepingFax = phoneNumberDraftSchemaKeeping('fax');
    // Kept, the type is left out of the draft: a save does not send it.
    expect(keepingFax.parse(fax)).toMatchObject({ number: '+14155550100', phoneType: undefined });
    expect(keepingFax.parse({ ...fax, phoneType: 'home' })).toMatchObject({ phoneType: 'home' });
    expect(problems(keepingFax, { ...fax, phoneType: 'pager' })).toEqual(refused);
  });
});

describe('splitPhoneNumberExtension', () => {
  it('keeps the number as typed and takes the extension suffix off it', () => {
    expect(splitPhoneNumberExtension('(415) 555-0100 ext. 12')).toEqual({
      number: '(415) 555-0100',
      extension: '12',
    });
    expect(splitPhoneNumberExtension('+44 20 7946 0958;ext=7')).toEqual({
      number: '+44 20 7946 0958',
      extension: '7',
    });
    expect(splitPhoneNumberExtension('1-800-FLOWERS')).toEqual({
      number: '1-800-FLOWERS',
      extension: undefined,
    });
  });
});

describe('formatPhoneNumberAsYouType', () => {
  const rows: [string, string, string][] = [
    ['4155550100', 'US', '(415) 555-0100'],
    ['415555', 'US', '(415) 555'],
    ['+442079460958', 'US', '+44 20 7946 0958'],
    ['07400123456', 'GB', '07400 123456'],
    ['0612345678', 'FR', '06 12 34 56 78'],
    ['09012345678', 'JP', '090-1234-5678'],
    ['11987654321', 'BR', '(11) 98765-4321'],
    ['0151.2345.6789', 'DE', '01512 3456789'],
    ['de', 'US', 'de'],
    ['(', 'US', '('],
    ['(415) 555 ', 'US', '(415) 555 '],
    ['(415) 555-0100 x', 'US', '(415) 555-0100 x'],
    ['1-800-FLOWERS', 'US', '1-800-FLOWERS'],
    ['415 555 0100 ext. 12', 'US', '415 555 0100 ext. 12'],
    ['٤١٥٥٥٥٠١٠٠', 'US', '٤١٥٥٥٥٠١٠٠'],
    ['4155550100', 'AQ', '4155550100'],
    ['+4420', 'AQ', '+44 20'],
  ];
  it.each(rows)('formats %s (in %s) as %s', (input, country, formatted) => {
    expect(formatPhoneNumberAsYouType(input, country)).toBe(formatted);
  });
});

describe('field schemas', () => {
  it('normalises a country code and refuses what is not ISO 3166-1 alpha-2', () => {
    expect(countryCodeSchema.parse(' gb ')).toBe('GB');
    expect(countryCodeSchema.safeParse('UK').success).toBe(false);
    expect(countryCodeSchema.safeParse('USA').success).toBe(false);
  });

  it('takes 1 to 10 digits of extension and turns an empty one into null', () => {
    expect(extensionSchema.parse(' 123 ')).toBe('123');
    expect(extensionSchema.parse('')).toBeNull();
    expect(extensionSchema.safeParse('12345678901').success).toBe(false);
    expect(extensionSchema.safeParse('12a').success).toBe(false);
  });

  it('takes a whole, non-negative order', () => {
    expect(orderSchema.safeParse(0).success).toBe(true);
    expect(orderSchema.safeParse(-1).error?.issues[0]?.message).toBe("Order can't be negative");
    expect(orderSchema.safeParse(1.5).error?.issues[0]?.message).toBe(
      'Order must be a whole number',
    );
  });

  it.each(
    [
      ...[0x200b, 0x200c, 0x200d, 0x200e, 0x200f],
      ...[0x202a, 0x202b, 0x202c, 0x202d, 0x202e],
      ...[0x2060, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff],
    ].map((code) => [code.toString(16).toUpperCase(), String.fromCodePoint(code)]),
  )('refuses U+%s, invisible, in number, rawNumber and extension', (_, character) => {
    const result = phoneNumberWritableAttributesSchema.safeParse({
      number: `+1 303 555 0177${character}`,
      rawNumber: `${character}(303) 555-0177`,
      extension: `${character}12`,
    });
    expect(result.error?.issues.map((issue) => [issue.path, issue.message])).toEqual(
      ['number', 'rawNumber', 'extension'].map((attribute) => [
        [attribute],
        'Remove the invisible characters (direction marks, zero-width spaces) from this',
      ]),
    );
  });

  it('refuses values longer than 255 characters', () => {
    const result = phoneNumberWritableAttributesSchema.safeParse({ rawNumber: 'x'.repeat(256) });
    expect(result.error?.issues[0]?.message).toBe('Keep this under 256 characters');
  });
});

describe('formatInternational', () => {
  it('formats E.164 for people, with the extension', () => {
    expect(formatInternational('+14155550100', '12')).toBe('+1 415 555 0100 ext. 12');
    expect(formatInternational('+442079460958')).toBe('+44 20 7946 0958');
  });

  it('shows invisible direction and zero-width characters as marks, which change nothing around them', () => {
    expect(formatInternational('+14155550100', '\u202E21')).toBe('+1 415 555 0100 ext. \uFFFD21');
    expect(formatInternational('\u202E+1415555\u200B0100')).toBe('+1 415 555 0100');
    expect(formatInternational('0100\u202E5550', null)).toBe('0100\uFFFD5550');
  });
});

describe('the writable attributes', () => {
  it('are exactly the ones the rules check', () => {
    expect(Object.keys(phoneNumberWritableAttributesSchema.shape)).toEqual([
      ...PHONE_NUMBER_WRITABLE_ATTRIBUTES,
    ]);
  });
});

describe('countryConflict', () => {
  // [number, country, conflict]: calling codes several countries share are told apart by numbering plan.
  const cases: [string, string, string | undefined][] = [
    ['+13035550177', 'US', undefined],
    ['+13035550177', 'GB', 'This is a US number, not a GB number'],
    ['+13035550177', 'CA', 'This is a US number, not a CA number'],
    ['+14163922489', 'CA', undefined],
    ['+18005550100', 'CA', undefined],
    ['+18005550100', 'BB', undefined],
    ['+441534123456', 'JE', undefined],
    ['+441534123456', 'GB', 'This is a JE number, not a GB number'],
    ['+442079460958', 'gb', undefined],
    ['+77012345678', 'KZ', undefined],
    ['+74951234567', 'KZ', 'This is an RU number, not a KZ number'],
    ['+80012345678', 'FR', undefined],
  ];
  it.each(cases)('%s in %s: %s', (number, country, conflict) => {
    expect(countryConflict(number, country)).toBe(conflict);
  });
});

describe('suggestCountry', () => {
  // [typed, country chosen, suggestion]: only a whole number that fits another country better.
  const cases: [string, string, ReturnType<typeof suggestCountry>][] = [
    ['(415) 555-0100', 'US', undefined],
    ['+44 20 7946 0018', 'GB', undefined],
    ['+44 20 7946 0018', 'US', { country: 'GB', number: '+44 20 7946 0018' }],
    ['44 7400 123456', 'US', { country: 'GB', number: '+44 7400 123456' }],
    ['0044 20 7946 0018', 'US', { country: 'GB', number: '+44 20 7946 0018' }],
    ['33 6 12 34 56 78', 'US', { country: 'FR', number: '+33 6 12 34 56 78' }],
    ['44 7400 12345', 'US', undefined],
    ['415 555', 'US', undefined],
    ['+44 20 7946 00', 'US', undefined],
    ['555 123 4567', 'US', undefined],
  ];
  it.each(cases)('%s in %s: %o', (typed, country, suggestion) => {
    expect(suggestCountry(typed, country)).toEqual(suggestion);
  });
});
