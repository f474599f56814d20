import type { APIRequestContext } from '@playwright/test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** A phone number as the API holds it, and what the grid should show for it. */
export interface ApiPhoneNumber {
  number: string;
  extension: string | null;
  phoneType: string;
  status: string;
  prospectId: number;
  /** The prospect's name, when the query was not narrowed to one prospect. */
  prospectName: string | undefined;
  /** Readable, in the international format: "+1 702 555 0126 ext. 689". */
  shown: string;
  /** RFC 3966, with the extension as a parameter: "tel:+17025550126;ext=689". */
  href: string;
  /** The Type and Status columns' words: "VoIP", "Do not call". */
  typeLabel: string;
  statusLabel: string;
}

/** The words the grid and its filters use for the API's values. */
export const TYPE_LABELS: Record<string, string> = {
  mobile: 'Mobile',
  work: 'Work',
  home: 'Home',
  voip: 'VoIP',
  other: 'Other',
};
const STATUS_LABELS: Record<string, string> = {
  unverified: 'Unverified',
  verified: 'Verified',
  invalid: 'Invalid',
  do_not_call: 'Do not call',
};

/** A view of the grid, in the API's terms. */
export interface PhoneNumberQuery {
  prospect?: number;
  /** As the API takes it: "number", "-updatedAt"; the API's own default when left out. */
  sort?: string;
  types?: string[];
  statuses?: string[];
  /** Page size; 50 when left out, like the grid's. */
  size?: number;
}

export interface PhoneNumberPages {
  count: number;
  /** Every page, in order, as the API's links.next lead through them. */
  pages: ApiPhoneNumber[][];
}

export interface ApiProspect {
  id: number;
  name: string;
  numberCount: number;
}

const phoneNumberCollection = z.object({
  data: z.array(
    z.object({
      attributes: z.object({
        number: z.string(),
        extension: z.string().nullable(),
        phoneType: z.string(),
        status: z.string(),
      }),
      relationships: z.object({
        prospect: z.object({ data: z.object({ id: z.number() }) }),
      }),
    }),
  ),
  included: z
    .array(z.object({ id: z.number(), attributes: z.object({ name: z.string() }) }))
    .default([]),
  links: z.object({ next: z.string().optional() }),
  meta: z.object({ count: z.number() }),
});

const phones = z.array(z.string());

const prospectCollection = z.object({
  data: z.array(
    z.object({
      id: z.number(),
      attributes: z.object({
        name: z.string(),
        homePhones: phones,
        mobilePhones: phones,
        workPhones: phones,
        otherPhones: phones,
        voipPhones: phones,
      }),
    }),
  ),
  links: z.object({ next: z.string().optional() }),
});

function shownAs(number: string, extension: string | null): string {
  const international = parsePhoneNumberFromString(number)?.formatInternational() ?? number;
  return extension === null ? international : `${international} ext. ${extension}`;
}

function telHref(number: string, extension: string | null): string {
  return extension === null ? `tel:${number}` : `tel:${number};ext=${extension}`;
}

/** Ada Admin's development token: she sees every prospect and every number. */
const TOKEN = 'dev-admin';

/**
 * The demo server's API, read with a development token: what the grid is compared with. Every call
 * reads the data as it is now, so a spec never relies on what the seed held.
 */
export class DemoApi {
  constructor(private readonly request: APIRequestContext) {}

  private async get(url: string): Promise<unknown> {
    const response = await this.request.get(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok()) {
      throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
    }
    return response.json();
  }

  /** All the pages of a view, following links.next as the grid does. */
  async phoneNumbers(query: PhoneNumberQuery = {}): Promise<PhoneNumberPages> {
    const search = new URLSearchParams({ 'page[size]': String(query.size ?? 50), count: 'true' });
    if (query.sort !== undefined) search.set('sort', query.sort);
    if (query.prospect === undefined) {
      search.set('include', 'prospect');
    } else {
      search.set('filter[prospect][id]', String(query.prospect));
    }
    if (query.types?.length) search.set('filter[phoneType]', query.types.join(','));
    if (query.statuses?.length) search.set('filter[status]', query.statuses.join(','));

    const pages: ApiPhoneNumber[][] = [];
    let count = 0;
    let url: string | undefined = `/api/v2/phoneNumbers?${search.toString()}`;
    while (url !== undefined) {
      const document = phoneNumberCollection.parse(await this.get(url));
      const prospectNames = new Map(
        document.included.map((prospect) => [prospect.id, prospect.attributes.name]),
      );
      pages.push(
        document.data.map(({ attributes, relationships }) => ({
          ...attributes,
          prospectId: relationships.prospect.data.id,
          prospectName: prospectNames.get(relationships.prospect.data.id),
          shown: shownAs(attributes.number, attributes.extension),
          href: telHref(attributes.number, attributes.extension),
          typeLabel: TYPE_LABELS[attributes.phoneType] ?? attributes.phoneType,
          statusLabel: STATUS_LABELS[attributes.status] ?? attributes.status,
        })),
      );
      count = document.meta.count;
      url = document.links.next;
    }
    return { count, pages };
  }

  /** A prospect with no phone numbers at all; the demo data has a few. */
  async prospectWithoutNumbers(): Promise<ApiProspect> {
    const prospect = (await this.prospects()).find((candidate) => candidate.numberCount === 0);
    if (prospect === undefined) throw new Error('Every prospect has phone numbers.');
    return prospect;
  }

  private async prospects(): Promise<ApiProspect[]> {
    const prospects: ApiProspect[] = [];
    let url: string | undefined = '/api/v2/prospects?page[size]=100';
    while (url !== undefined) {
      const document = prospectCollection.parse(await this.get(url));
      for (const { id, attributes } of document.data) {
        const { name, homePhones, mobilePhones, workPhones, otherPhones, voipPhones } = attributes;
        const numberCount = [homePhones, mobilePhones, workPhones, otherPhones, voipPhones].reduce(
          (sum, numbers) => sum + numbers.length,
          0,
        );
        prospects.push({ id, name, numberCount });
      }
      url = document.links.next;
    }
    return prospects;
  }
}
