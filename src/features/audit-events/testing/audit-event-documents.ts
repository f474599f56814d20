import { http } from 'msw';
import type * as z from 'zod/mini';
import { jsonApiResponse } from '@/testing/json-api-response';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { auditEventPageSchema, auditEventResourceSchema } from '../schemas/audit-event';

type AuditEventResourceInput = z.input<typeof auditEventResourceSchema>;

export const AUDIT_EVENTS_URL = `${TEST_API_BASE_URL}/auditEvents`;

/** A number's attributes as our server records them. */
export function phoneNumberSnapshot(attributes: Record<string, unknown> = {}) {
  return {
    countryCode: 'US',
    createdAt: '2026-08-02T09:37:00.000Z',
    extension: null,
    number: '+13035550141',
    order: 0,
    phoneType: 'mobile',
    rawNumber: '303-555-0141',
    status: 'unverified',
    statusChangedAt: '2026-08-02T09:37:00.000Z',
    updatedAt: '2026-08-02T09:37:00.000Z',
    ...attributes,
  };
}

/** An auditEvent resource as our server sends it, checked against the app's schema. */
export function auditEventResource(
  id: number,
  attributes: Partial<AuditEventResourceInput['attributes']> = {},
): AuditEventResourceInput {
  const resource: AuditEventResourceInput = {
    type: 'auditEvent',
    id,
    attributes: {
      occurredAt: '2026-08-02T09:37:00.000Z',
      action: 'created',
      resourceType: 'phoneNumber',
      resourceId: 1,
      actorName: 'Ada Admin',
      before: null,
      after: phoneNumberSnapshot(),
      ...attributes,
    },
  };
  auditEventResourceSchema.parse(resource);
  return resource;
}

/**
 * GET /auditEvents over fixed events (newest first), in pages of `page[size]` with an opaque
 * `page[after]` as our server writes one. Keeps the URL of every request in `requests`.
 */
export function auditEventsEndpoint(events: readonly AuditEventResourceInput[]) {
  const requests: URL[] = [];
  const handler = http.get(AUDIT_EVENTS_URL, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const size = Number(url.searchParams.get('page[size]') ?? '50');
    const start = Number(url.searchParams.get('page[after]') ?? '0');
    const data = events.slice(start, start + size);
    const next = start + size < events.length ? String(start + size) : undefined;
    const document = {
      data,
      links: {
        first: AUDIT_EVENTS_URL,
        ...(next === undefined ? {} : { next: `${AUDIT_EVENTS_URL}?page[after]=${next}` }),
      },
    };
    auditEventPageSchema.parse(document);
    return jsonApiResponse(document);
  });
  return { handler, requests };
}
