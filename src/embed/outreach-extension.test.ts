import { ManifestTranslator, validate } from '@outreach/extensibility-sdk';
import { describe, expect, it } from 'vitest';
import { phoneNumberResourceSchema } from '@/features/phone-numbers/schemas/phone-number';
import { phoneNumberResource } from '@/features/phone-numbers/testing/phone-number-documents';
import { changeToast } from './outreach-extension';
import manifestText from '/public/outreach-extension-manifest.json?raw';

describe('the example Outreach extension manifest', () => {
  const manifest: unknown = JSON.parse(manifestText);
  const application = ManifestTranslator.hydrate(manifest as Parameters<typeof validate>[0]);

  it("passes the SDK's own validation, the extension's included", () => {
    expect(validate(application)).toEqual([]);
    expect(application.extensions.map((extension) => extension.validate())).toEqual([[]]);
  });

  it('is a prospect tab that gets the prospect and the user, with the scopes the panel needs', () => {
    expect(application.extensions).toMatchObject([
      { type: 'tab-prospect', context: ['pro.id', 'usr.id'] },
    ]);
    expect(application.extensions[0]?.host.url).toMatch(/\/embed\/outreach\/phone-numbers$/);
    expect(application.api?.scopes).toEqual(['phoneNumbers.all', 'prospects.read', 'users.read']);
  });
});

describe("Outreach's toast after a change", () => {
  const phoneNumber = phoneNumberResourceSchema.parse(
    phoneNumberResource(3, { number: '+14155550100', extension: '12' }),
  );

  it('names the number deleted, as the app does', () => {
    expect(changeToast({ action: 'deleted', phoneNumber })).toBe('Deleted +1 415 555 0100 ext. 12');
    expect(changeToast({ action: 'deleted', phoneNumber: { ...phoneNumber, number: null } })).toBe(
      'Phone number deleted',
    );
  });

  it('says what was done for the other changes', () => {
    expect(changeToast({ action: 'updated', phoneNumber })).toBe('Phone number saved');
  });
});
