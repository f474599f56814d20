import { describe, expect, it } from 'vitest';
import { auditEventResourceSchema } from '../schemas/audit-event';
import { auditEventResource, phoneNumberSnapshot } from '../testing/audit-event-documents';
import { describeAuditEvent } from './describe-audit-event';

const describeEvent = (attributes: Parameters<typeof auditEventResource>[1]) =>
  describeAuditEvent(auditEventResourceSchema.parse(auditEventResource(1, attributes)));

describe('describeAuditEvent', () => {
  it('names every attribute a change moved, in the grid’s words, and not the server’s times', () => {
    expect(
      describeEvent({
        action: 'updated',
        before: phoneNumberSnapshot({ status: 'verified', order: 2 }),
        after: phoneNumberSnapshot({
          status: 'do_not_call',
          phoneType: 'voip',
          extension: '12',
          order: 0,
          updatedAt: '2026-08-03T10:00:00.000Z',
          statusChangedAt: '2026-08-03T10:00:00.000Z',
        }),
      }),
    ).toBe(
      'Changed Type: Mobile → VoIP, Extension: none → 12, Status: Verified → Do not call, Order: 2 → 0 (+1 303 555 0141 ext. 12)',
    );
  });

  it('says what a number was and became when the number itself changed', () => {
    expect(
      describeEvent({
        action: 'updated',
        before: phoneNumberSnapshot(),
        after: phoneNumberSnapshot({ number: '+442079460123', countryCode: 'GB' }),
      }),
    ).toMatch(
      /^Changed Number: \+1 303 555 0141 → \+44 20 7946 0123, Country: .+\(US\) → .+\(GB\)$/,
    );
  });

  it('keeps a value outside the app’s sets as it came', () => {
    expect(
      describeEvent({ action: 'created', after: phoneNumberSnapshot({ phoneType: 'fax' }) }),
    ).toBe('Added +1 303 555 0141 (fax)');
  });

  it('names a change of another resource by its action and what differs', () => {
    expect(
      describeEvent({
        action: 'ownerChanged',
        resourceType: 'prospect',
        before: { ownerName: 'Riley Rep', updatedAt: '2026-08-02T09:37:00.000Z' },
        after: { ownerName: 'Sam Rep', updatedAt: '2026-08-03T09:37:00.000Z' },
      }),
    ).toBe('Changed the owner: ownerName: Riley Rep → Sam Rep');
  });
});
