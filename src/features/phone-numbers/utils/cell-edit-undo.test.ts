import { describe, expect, it } from 'vitest';
import { phoneNumberResourceSchema } from '../schemas/phone-number';
import { phoneNumberResource } from '../testing/phone-number-documents';
import { changesUndoing, describeCellEdit } from './cell-edit-undo';

const number = (attributes: Parameters<typeof phoneNumberResource>[1] = {}) =>
  phoneNumberResourceSchema.parse(phoneNumberResource(1, attributes));

describe('changesUndoing', () => {
  it('puts back the attributes the edit sent, and only those', () => {
    const before = number({ phoneType: 'work', status: 'verified', extension: null });
    expect(changesUndoing(before, { phoneType: 'mobile' })).toEqual({ phoneType: 'work' });
    expect(changesUndoing(before, { extension: '42' })).toEqual({ extension: null });
    expect(changesUndoing(before, { countryCode: 'CA' })).toEqual({ countryCode: 'US' });
  });

  it('puts back a number with what was typed for it, and the extension a typed number carried', () => {
    const before = number({ number: '+14155550100', rawNumber: '(415) 555-0100', extension: '7' });
    expect(
      changesUndoing(before, {
        number: '+14155550199',
        rawNumber: '415 555 0199 x12',
        extension: '12',
      }),
    ).toEqual({ number: '+14155550100', rawNumber: '(415) 555-0100', extension: '7' });
  });

  it("can't put back a value the rules refuse, nor a number the row never had", () => {
    expect(changesUndoing(number({ phoneType: 'fax' }), { phoneType: 'work' })).toBeUndefined();
    expect(changesUndoing(number({ status: null }), { status: 'verified' })).toBeUndefined();
    expect(changesUndoing(number({ number: null }), { number: '+14155550199' })).toBeUndefined();
  });
});

describe('describeCellEdit', () => {
  it('names the field, the number as it was, and the new value in the words of the grid', () => {
    const before = number({ number: '+13035550141', phoneType: 'work' });
    expect(describeCellEdit('phoneType', before, { ...before, phoneType: 'voip' })).toBe(
      'Type of +1 303 555 0141 changed to VoIP',
    );
    expect(describeCellEdit('status', before, { ...before, status: 'do_not_call' })).toBe(
      'Status of +1 303 555 0141 changed to Do not call',
    );
    expect(describeCellEdit('extension', before, { ...before, extension: '42' })).toBe(
      'Extension of +1 303 555 0141 changed to 42',
    );
    expect(describeCellEdit('number', before, { ...before, number: '+13035550199' })).toBe(
      'Number +1 303 555 0141 changed to +1 303 555 0199',
    );
  });

  it('says a cleared value is cleared', () => {
    const before = number({ number: '+13035550141', extension: '42' });
    expect(describeCellEdit('extension', before, { ...before, extension: null })).toBe(
      'Extension of +1 303 555 0141 ext. 42 cleared',
    );
  });
});
