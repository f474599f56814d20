import * as z from 'zod/mini';
import { cursorOf, paginationLinksSchema, resourceIdSchema } from '@/lib/json-api-schemas';

/** A resource's attributes as the API showed them on one side of a change; null where it did not exist. */
const snapshotSchema = z.nullable(z.record(z.string(), z.unknown()));

export const auditEventResourceSchema = z.pipe(
  z.object({
    type: z.literal('auditEvent'),
    id: resourceIdSchema,
    attributes: z.object({
      occurredAt: z.string(),
      action: z.string(),
      resourceType: z.string(),
      resourceId: resourceIdSchema,
      actorName: z.string(),
      before: snapshotSchema,
      after: snapshotSchema,
    }),
  }),
  z.transform(({ id, attributes }) => ({ id, ...attributes })),
);

export type AuditEvent = z.output<typeof auditEventResourceSchema>;

/** A page of the trail and the cursor of the next (older) one. */
export const auditEventPageSchema = z.pipe(
  z.object({ data: z.array(auditEventResourceSchema), links: z.optional(paginationLinksSchema) }),
  z.transform(({ data, links }) => ({
    events: data,
    after: cursorOf(links?.next, 'page[after]'),
  })),
);

export type AuditEventPage = z.output<typeof auditEventPageSchema>;
export type AuditEventPageDocument = z.input<typeof auditEventPageSchema>;
