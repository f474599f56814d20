import { prospectAuthorizationMeta } from '../auth/governance';
import type { ProspectRow } from '../db/schema';
import type { QuerySpec } from '../http/query';
import { perOwner, pickFields, wantsField, type ResourceContext } from '../http/resource-context';

export const PROSPECT_TYPE = 'prospect';

export const PROSPECT_FIELDS = [
  'addressCountry',
  'callsOptStatus',
  'company',
  'createdAt',
  'firstName',
  'homePhones',
  'lastName',
  'mobilePhones',
  'name',
  'otherPhones',
  'timeZoneIana',
  'title',
  'updatedAt',
  'voipPhones',
  'workPhones',
  'owner',
] as const;

export const prospectQuerySpec: QuerySpec = {
  filters: {
    id: { column: 'p.id', kind: 'integer', ranges: true },
    'owner.id': { column: 'p.owner_id', kind: 'integer', ranges: false },
    q: 'search',
  },
  sorts: {
    id: { column: 'p.id', kind: 'integer' },
    firstName: { column: 'p.first_name', kind: 'string' },
    lastName: { column: 'p.last_name', kind: 'string' },
    createdAt: { column: 'p.created_at', kind: 'datetime' },
    updatedAt: { column: 'p.updated_at', kind: 'datetime' },
  },
  tieBreak: { attribute: 'id', column: 'p.id', kind: 'integer' },
  defaultSort: ['id'],
  fields: {
    prospect: PROSPECT_FIELDS,
    user: ['email', 'firstName', 'lastName', 'name', 'title', 'createdAt', 'updatedAt'],
  },
  includes: ['owner'],
};

/** A prospect's phone numbers by type, in order; an extension is written the RFC 3966 way (;ext=12). */
export interface ProspectPhones {
  homePhones: string[];
  mobilePhones: string[];
  workPhones: string[];
  otherPhones: string[];
  voipPhones: string[];
}

/** The derived arrays, which cost a look-up of the prospects' numbers. */
export const PHONE_ARRAY_FIELDS = [
  'homePhones',
  'mobilePhones',
  'workPhones',
  'otherPhones',
  'voipPhones',
] as const satisfies readonly (keyof ProspectPhones)[];

export function emptyPhones(): ProspectPhones {
  return { homePhones: [], mobilePhones: [], workPhones: [], otherPhones: [], voipPhones: [] };
}

const PHONE_ARRAY: Record<string, keyof ProspectPhones> = {
  home: 'homePhones',
  mobile: 'mobilePhones',
  work: 'workPhones',
  other: 'otherPhones',
  voip: 'voipPhones',
};

export function groupPhones(
  numbers: readonly {
    prospect_id: number;
    number: string;
    extension: string | null;
    phone_type: string;
  }[],
): Map<number, ProspectPhones> {
  const byProspect = new Map<number, ProspectPhones>();
  for (const row of numbers) {
    let phones = byProspect.get(row.prospect_id);
    if (!phones) byProspect.set(row.prospect_id, (phones = emptyPhones()));
    phones[PHONE_ARRAY[row.phone_type] ?? 'otherPhones'].push(
      row.extension ? `${row.number};ext=${row.extension}` : row.number,
    );
  }
  return byProspect;
}

const prospectMeta = perOwner((context, ownerId) =>
  prospectAuthorizationMeta(context.principal, ownerId, context.ownerNames),
);

/**
 * What a list of phone numbers reads of each one's prospect: its names and whether its calls are
 * opted out, and its owner (for meta).
 */
export interface ProspectSummary {
  id: number;
  first_name: string;
  last_name: string;
  calls_opt_status: string | null;
  owner_id: number;
}

const SUMMARY_FIELDS: ReadonlySet<string> = new Set([
  'callsOptStatus',
  'firstName',
  'lastName',
  'name',
]);

/**
 * Whether a sparse fieldset asks a prospect for no more than its summary gives: what the grid asks of
 * each number's prospect (`fields[prospect]=name,callsOptStatus`).
 */
export function wantsSummaryAlone(fields: ResourceContext['fields']): boolean {
  const wanted = fields.get(PROSPECT_TYPE);
  return wanted !== undefined && [...wanted].every((name) => SUMMARY_FIELDS.has(name));
}

const nameOf = (row: ProspectSummary) => `${row.first_name} ${row.last_name}`.trim();

function resourceOf(
  row: ProspectSummary,
  attributes: Record<string, unknown>,
  context: ResourceContext,
) {
  const { fields } = context;
  return {
    type: PROSPECT_TYPE,
    id: row.id,
    attributes: pickFields(PROSPECT_TYPE, attributes, fields),
    ...(wantsField(PROSPECT_TYPE, 'owner', fields)
      ? { relationships: { owner: { data: { type: 'user', id: row.owner_id } } } }
      : {}),
    links: { self: `${context.apiBase}/prospects/${row.id}` },
    ...(context.authorizationMeta ? { meta: prospectMeta(context, row.owner_id) } : {}),
  };
}

export function prospectResource(
  row: ProspectRow,
  phones: ProspectPhones,
  context: ResourceContext,
) {
  return resourceOf(
    row,
    {
      addressCountry: row.address_country,
      callsOptStatus: row.calls_opt_status,
      company: row.company,
      createdAt: row.created_at,
      firstName: row.first_name,
      lastName: row.last_name,
      name: nameOf(row),
      timeZoneIana: row.time_zone_iana,
      title: row.title,
      updatedAt: row.updated_at,
      ...phones,
    },
    context,
  );
}

/** The same resource as `prospectResource` gives, for a fieldset that `wantsSummaryAlone`. */
export function prospectSummaryResource(row: ProspectSummary, context: ResourceContext) {
  return resourceOf(
    row,
    {
      callsOptStatus: row.calls_opt_status,
      firstName: row.first_name,
      lastName: row.last_name,
      name: nameOf(row),
    },
    context,
  );
}
