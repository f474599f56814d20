import { describe, expect, it } from 'vitest';
import {
  countryCodeSchema,
  extensionSchema,
  orderSchema,
  parsePhoneNumberInput,
  phoneNumberWritableAttributesSchema,
} from './phone-number-rules';
import { formatInternational } from './phone-number-format';

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
});
