import { ManifestTranslator, validate } from '@outreach/extensibility-sdk';
import { describe, expect, it } from 'vitest';
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
