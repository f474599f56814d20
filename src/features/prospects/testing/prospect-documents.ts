import { http } from 'msw';
import type * as z from 'zod/mini';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { prospectCollectionSchema, prospectResourceSchema } from '../schemas/prospect';
import {
  prospectProfileDocumentSchema,
  type ProspectProfileDocument,
} from '../schemas/prospect-profile';

type ProspectResourceInput = z.input<typeof prospectResourceSchema>;

export const PROSPECTS_URL = `${TEST_API_BASE_URL}/prospects`;

/** A prospect resource as our server sends it, checked against the app's schema. */
export function prospectResource(id: number, name: string, company: string): ProspectResourceInput {
  const resource: ProspectResourceInput = { type: 'prospect', id, attributes: { name, company } };
  prospectResourceSchema.parse(resource);
  return resource;
}

/**
 * GET /prospects (the search) and GET /prospects/{id} over a fixed set of prospects: the search finds
 * those whose full name, last name or company starts with `filter[q]`, as our server's does. Keeps the
 * URL of every request in `requests`.
 */
export function prospectsEndpoint(prospects: readonly ProspectResourceInput[]) {
  const requests: URL[] = [];
  const search = http.get(PROSPECTS_URL, ({ request }) => {
    const url = new URL(request.url);
    requests.push(url);
    const text = (url.searchParams.get('filter[q]') ?? '').toLowerCase();
    const found = prospects.filter(({ attributes: { name, company } }) =>
      [name, name?.split(' ').at(-1), company].some((value) =>
        value?.toLowerCase().startsWith(text),
      ),
    );
    const document = { data: found };
    prospectCollectionSchema.parse(document);
    return jsonApiResponse(document);
  });
  const detail = http.get(`${PROSPECTS_URL}/:id`, ({ request, params }) => {
    requests.push(new URL(request.url));
    const prospect = prospects.find(({ id }) => String(id) === params.id);
    return prospect
      ? jsonApiResponse({ data: prospect })
      : errorResponse(404, {
          id: 'resourceNotFound',
          title: 'Resource Not Found',
          detail: `There is no prospect with id ${String(params.id)}.`,
        });
  });
  return { handlers: [search, detail], requests };
}

interface ProfileOptions {
  name?: string;
  company?: string | null;
  title?: string | null;
  timeZoneIana?: string | null;
  callsOptStatus?: string | null;
  owner?: { id: number; name: string };
  /** meta.canReadHistory, as our server sends it to an admin; absent as from Outreach. */
  canReadHistory?: boolean;
}

/**
 * GET /prospects/{id} with `include=owner`, as our server answers it: the prospect with its owner
 * included. Checked against both schemas, since the panel reads the same URL for its own needs.
 */
export function prospectProfileDocument(
  id: number,
  {
    name = 'Olivia García',
    company = 'Acme Corporation',
    title = 'Head of Procurement',
    timeZoneIana = 'Europe/Madrid',
    callsOptStatus = 'opted_in',
    owner = { id: 2, name: 'Riley Rep' },
    canReadHistory,
  }: ProfileOptions = {},
): ProspectProfileDocument {
  const document: ProspectProfileDocument = {
    data: {
      type: 'prospect',
      id,
      attributes: { name, company, title, timeZoneIana, callsOptStatus },
      relationships: { owner: { data: { type: 'user', id: owner.id } } },
      ...(canReadHistory === undefined ? {} : { meta: { canReadHistory } }),
    },
    included: [{ type: 'user', id: owner.id, attributes: { name: owner.name } }],
  };
  prospectProfileDocumentSchema.parse(document);
  prospectResourceSchema.parse(document.data);
  return document;
}
