import { ISO_COUNTRY_CODES } from '../../contract/iso-countries';
import { PHONE_STATUSES, PHONE_TYPES } from '../../contract/phone-number-values';
import { authorizationMeta } from '../auth/governance';
import type { PhoneNumberRow } from '../db/schema';
import type { QuerySpec } from '../http/query';
import { perOwner, pickFields, wantsField, type ResourceContext } from '../http/resource-context';
import { PROSPECT_FIELDS } from '../prospects/resource';
import { phoneNumberEtag } from './concurrency';
import { NUMBER_SEARCH_DESCRIPTION, numberFilterSpec, numberSearchFilters } from './number-search';
import type { PhoneNumberListRow } from './repository';
import { sharedFilterSpec } from './shared-numbers';

export const PHONE_NUMBER_TYPE = 'phoneNumber';

export const PHONE_NUMBER_ATTRIBUTES = [
  'countryCode',
  'createdAt',
  'extension',
  'number',
  'order',
  'phoneType',
  'rawNumber',
  'status',
  'statusChangedAt',
  'updatedAt',
] as const;

const types = { enum: PHONE_TYPES };
const statuses = { enum: PHONE_STATUSES };
const countries = { enum: ISO_COUNTRY_CODES, label: 'an ISO 3166-1 alpha-2 code such as US or GB' };

/**
 * Filterable and sortable attributes as Outreach marks them, plus id, and the filters reps ask for:
 * country and the prospect's owner (decision 0059).
 */
export const phoneNumberQuerySpec: QuerySpec = {
  filters: {
    id: { column: 'pn.id', kind: 'integer', ranges: true },
    countryCode: { column: 'pn.country_code', kind: countries, ranges: false, countFirst: true },
    number: {
      ...numberFilterSpec,
      interpret: numberSearchFilters,
      description: NUMBER_SEARCH_DESCRIPTION,
    },
    order: { column: 'pn.sort_order', kind: 'integer', ranges: true },
    phoneType: { column: 'pn.phone_type', kind: types, ranges: false },
    status: { column: 'pn.status', kind: statuses, ranges: false },
    statusChangedAt: { column: 'pn.status_changed_at', kind: 'datetime', ranges: true },
    updatedAt: { column: 'pn.updated_at', kind: 'datetime', ranges: true },
    'prospect.id': { column: 'pn.prospect_id', kind: 'integer', ranges: false },
    // The condition is the repository's: the numbers of the prospects these users own.
    'prospect.owner.id': {
      column: 'pn.prospect_id',
      kind: 'integer',
      ranges: false,
      countFirst: true,
      description: 'The numbers of the prospects these users own.',
    },
    // Ours, not Outreach's (decision 0058).
    shared: sharedFilterSpec,
  },
  sorts: {
    id: { column: 'pn.id', kind: 'integer' },
    number: { column: 'pn.number', kind: 'string' },
    order: { column: 'pn.sort_order', kind: 'integer' },
    // Sorted as text: a page's cursor holds the value of its last row, which a number written elsewhere
    // may hold outside the closed sets (decision 0047).
    phoneType: { column: 'pn.phone_type', kind: 'string' },
    status: { column: 'pn.status', kind: 'string' },
    statusChangedAt: { column: 'pn.status_changed_at', kind: 'datetime' },
    updatedAt: { column: 'pn.updated_at', kind: 'datetime' },
  },
  tieBreak: { attribute: 'id', column: 'pn.id', kind: 'integer' },
  defaultSort: ['id'],
  fields: {
    phoneNumber: [...PHONE_NUMBER_ATTRIBUTES, 'prospect'],
    prospect: PROSPECT_FIELDS,
  },
  includes: ['prospect'],
};

/** A number's attributes as the API shows them: in its resources and in the audit trail. */
export function phoneNumberAttributes(row: PhoneNumberRow) {
  return {
    countryCode: row.country_code,
    createdAt: row.created_at,
    extension: row.extension,
    number: row.number,
    order: row.sort_order,
    phoneType: row.phone_type,
    rawNumber: row.raw_number,
    status: row.status,
    statusChangedAt: row.status_changed_at,
    updatedAt: row.updated_at,
  };
}

const numberMeta = perOwner((context, ownerId) =>
  authorizationMeta(context.principal, ownerId, context.ownerNames),
);

export function phoneNumberResource(row: PhoneNumberListRow, context: ResourceContext) {
  const { fields } = context;
  return {
    type: PHONE_NUMBER_TYPE,
    id: row.id,
    attributes: pickFields(PHONE_NUMBER_TYPE, phoneNumberAttributes(row), fields),
    ...(wantsField(PHONE_NUMBER_TYPE, 'prospect', fields)
      ? { relationships: { prospect: { data: { type: 'prospect', id: row.prospect_id } } } }
      : {}),
    links: { self: `${context.apiBase}/phoneNumbers/${row.id}` },
    // The ETag of each number in a collection too, where a header cannot carry one per row.
    meta: {
      ...(context.authorizationMeta ? numberMeta(context, row.owner_id) : {}),
      etag: phoneNumberEtag(row),
    },
  };
}
