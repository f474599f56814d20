import type { APIRequestContext } from '@playwright/test';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { z } from 'zod';

/** A phone number as the API holds it, and what the grid should show for it. */
export interface ApiPhoneNumber {
  id: number;
  number: string;
  extension: string | null;
  phoneType: string;
  status: string;
  countryCode: string | null;
  order: number | null;
  updatedAt: string;
  prospectId: number;
  /** The prospect's name, when the query was not narrowed to one prospect. */
  prospectName: string | undefined;
  /** Readable, in the international format: "+1 702 555 0126 ext. 689". */
  shown: string;
  /**
   * RFC 3966, with the extension as a parameter: "tel:+17025550126;ext=689"; null for a number not to
   * be called, which the grid shows without a link.
   */
  href: string | null;
  /** Why the number is not to be called ("Do not call", "Prospect opted out of calls"), or null. */
  callBlock: string | null;
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
  /** As the API filters them: "+442079460000..+442079460999". */
  numbers?: string;
  /** ISO codes: "GB". */
  countries?: string[];
  /** The numbers of this user's prospects. */
  owner?: number;
}

export interface PhoneNumberPages {
  count: number;
  /** Every page, in order, as the API's links.next lead through them. */
  pages: ApiPhoneNumber[][];
}

/** What the prospect page shows of a prospect, as the API holds it. */
export interface ApiProspectDetails {
  id: number;
  name: string;
  company: string | null;
  title: string | null;
  ownerName: string;
  timeZone: string | null;
  callsOptStatus: string | null;
}

const prospectWithOwner = z.object({
  data: z.object({
    id: z.number(),
    attributes: z.object({
      name: z.string(),
      company: z.string().nullable(),
      title: z.string().nullable(),
      timeZoneIana: z.string().nullable(),
      callsOptStatus: z.string().nullable(),
    }),
  }),
  included: z.tuple([z.object({ attributes: z.object({ name: z.string() }) })]),
});

export type Role = 'admin' | 'rep' | 'viewer';

/** A user as an admin reads them. */
export interface ApiUser {
  id: number;
  name: string;
  role: Role;
  locked: boolean;
}

const optInCollection = z.object({
  data: z.array(
    z.object({
      id: z.number(),
      attributes: z.object({ name: z.string(), callsOptStatus: z.string().nullable() }),
    }),
  ),
});

const userResource = z.object({
  id: z.number(),
  attributes: z.object({
    name: z.string(),
    role: z.enum(['admin', 'rep', 'viewer']),
    locked: z.boolean(),
  }),
});

const userCollection = z.object({ data: z.array(userResource) });

const phoneNumberResource = z.object({
  id: z.number(),
  attributes: z.object({
    number: z.string(),
    extension: z.string().nullable(),
    phoneType: z.string(),
    status: z.string(),
    countryCode: z.string().nullable(),
    order: z.number().nullable(),
    updatedAt: z.string(),
  }),
  relationships: z.object({
    prospect: z.object({ data: z.object({ id: z.number() }) }),
  }),
});
type PhoneNumberResource = z.infer<typeof phoneNumberResource>;

const phoneNumberDocument = z.object({
  data: phoneNumberResource,
  included: z.tuple([
    z.object({ attributes: z.object({ callsOptStatus: z.string().nullable() }) }),
  ]),
});

/** What the grid says in place of a link to dial, as the app decides it (status first). */
function callBlockOf(status: string, callsOptStatus: string | null): string | null {
  if (status === 'do_not_call') return 'Do not call';
  return callsOptStatus === 'opted_out' ? 'Prospect opted out of calls' : null;
}

const phoneNumberCollection = z.object({
  data: z.array(phoneNumberResource),
  included: z
    .array(
      z.object({
        id: z.number(),
        attributes: z.object({ name: z.string(), callsOptStatus: z.string().nullable() }),
      }),
    )
    .default([]),
  links: z.object({ next: z.string().optional() }),
  meta: z.object({ count: z.number() }),
});

/** How the grid shows a number: readable, in the international format, "+1 702 555 0126 ext. 689". */
export function shownAs(number: string, extension: string | null = null): string {
  const international = parsePhoneNumberFromString(number)?.formatInternational() ?? number;
  return extension === null ? international : `${international} ext. ${extension}`;
}

function telHref(number: string, extension: string | null): string {
  return extension === null ? `tel:${number}` : `tel:${number};ext=${extension}`;
}

function apiPhoneNumber(
  { id, attributes, relationships }: PhoneNumberResource,
  prospect: { name?: string; callsOptStatus: string | null },
): ApiPhoneNumber {
  const callBlock = callBlockOf(attributes.status, prospect.callsOptStatus);
  return {
    id,
    ...attributes,
    prospectId: relationships.prospect.data.id,
    prospectName: prospect.name,
    shown: shownAs(attributes.number, attributes.extension),
    href: callBlock === null ? telHref(attributes.number, attributes.extension) : null,
    callBlock,
    typeLabel: TYPE_LABELS[attributes.phoneType] ?? attributes.phoneType,
    statusLabel: STATUS_LABELS[attributes.status] ?? attributes.status,
  };
}

/** What a spec gives to arrange a number; the API's defaults for the rest (status unverified, order last). */
export interface NewPhoneNumber {
  /** E.164, or as a rep would type it in countryCode's format. */
  number: string;
  phoneType?: string;
  extension?: string | null;
  countryCode?: string;
  status?: string;
  order?: number;
}

/** Ofcom keeps 020 7946 0000 to 0999 for drama: valid London numbers that ring nobody. */
const FRESH_PREFIX = '+44207946';
const FRESH_COUNT = 1000;
const freshNumber = (index: number) => `${FRESH_PREFIX}${String(index).padStart(4, '0')}`;

/** FNV-1a: a test's title picks where in the range its numbers start. */
function hash(text: string): number {
  let value = 0x811c9dc5;
  for (const char of text) {
    value = Math.imul(value ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return value;
}

/** Ada Admin's development token: she sees every prospect and every number. */
const TOKEN = 'dev-admin';
const headers = {
  Authorization: `Bearer ${TOKEN}`,
  'Content-Type': 'application/vnd.api+json',
};

/**
 * The demo server's API with a development token: what the grid is compared with, and how a spec
 * arranges the numbers it changes. Every call reads the data as it is now, so a spec never relies on what
 * the seed held.
 */
export class DemoApi {
  constructor(private readonly request: APIRequestContext) {}

  private async get(url: string): Promise<unknown> {
    const response = await this.request
      .get(url, { headers })
      // A kept-alive connection the server closed just as it was reused (idle past the server's
      // keep-alive timeout while the page was being driven): a GET is asked again, once.
      .catch(async (error: unknown) => {
        if (!String(error).includes('ECONNRESET')) throw error;
        return this.request.get(url, { headers });
      });
    if (!response.ok()) {
      throw new Error(`GET ${url}: ${response.status()} ${await response.text()}`);
    }
    return response.json();
  }

  /** All the pages of a view, following links.next as the grid does. */
  async phoneNumbers(query: PhoneNumberQuery = {}): Promise<PhoneNumberPages> {
    const search = new URLSearchParams({
      'page[size]': String(query.size ?? 50),
      count: 'true',
      include: 'prospect',
      'fields[prospect]': 'name,callsOptStatus',
    });
    if (query.sort !== undefined) search.set('sort', query.sort);
    if (query.prospect !== undefined) search.set('filter[prospect][id]', String(query.prospect));
    if (query.types?.length) search.set('filter[phoneType]', query.types.join(','));
    if (query.statuses?.length) search.set('filter[status]', query.statuses.join(','));
    if (query.numbers !== undefined) search.set('filter[number]', query.numbers);
    if (query.countries?.length) search.set('filter[countryCode]', query.countries.join(','));
    if (query.owner !== undefined) search.set('filter[prospect][owner][id]', String(query.owner));

    const pages: ApiPhoneNumber[][] = [];
    let count = 0;
    let url: string | undefined = `/api/v2/phoneNumbers?${search.toString()}`;
    while (url !== undefined) {
      const document = phoneNumberCollection.parse(await this.get(url));
      const prospects = new Map(
        document.included.map((prospect) => [prospect.id, prospect.attributes]),
      );
      pages.push(
        document.data.map((resource) => {
          const prospect = prospects.get(resource.relationships.prospect.data.id);
          // Named only across prospects, as the grid names them.
          return apiPhoneNumber(resource, {
            ...(query.prospect === undefined ? { name: prospect?.name } : {}),
            callsOptStatus: prospect?.callsOptStatus ?? null,
          });
        }),
      );
      count = document.meta.count;
      url = document.links.next;
    }
    return { count, pages };
  }

  /** A prospect's numbers in their order, as its grid lists them by default. */
  async numbersOf(prospectId: number): Promise<ApiPhoneNumber[]> {
    return (await this.phoneNumbers({ prospect: prospectId, sort: 'order' })).pages.flat();
  }

  /** One number as it is now; undefined once it is deleted. */
  async phoneNumber(id: number): Promise<ApiPhoneNumber | undefined> {
    const response = await this.request.get(
      `/api/v2/phoneNumbers/${id}?include=prospect&fields[prospect]=callsOptStatus`,
      { headers },
    );
    if (response.status() === 404) return undefined;
    if (!response.ok()) {
      throw new Error(`GET phone number ${id}: ${response.status()} ${await response.text()}`);
    }
    const { data, included } = phoneNumberDocument.parse(await response.json());
    return apiPhoneNumber(data, included[0].attributes);
  }

  /** Adds a number to a prospect, as Ada, for a spec to change or delete. */
  async createPhoneNumber(prospectId: number, attributes: NewPhoneNumber): Promise<ApiPhoneNumber> {
    const response = await this.request.post(
      '/api/v2/phoneNumbers?include=prospect&fields[prospect]=callsOptStatus',
      {
        headers,
        data: JSON.stringify({
          data: {
            type: 'phoneNumber',
            attributes: { phoneType: 'work', ...attributes },
            relationships: { prospect: { data: { type: 'prospect', id: prospectId } } },
          },
        }),
      },
    );
    if (response.status() !== 201) {
      throw new Error(`POST phone number: ${response.status()} ${await response.text()}`);
    }
    const { data, included } = phoneNumberDocument.parse(await response.json());
    return apiPhoneNumber(data, included[0].attributes);
  }

  /** Changes a number's attributes, as Ada: someone else's change, made while a spec's page is open. */
  async updatePhoneNumber(id: number, attributes: Partial<NewPhoneNumber>): Promise<void> {
    const response = await this.request.patch(`/api/v2/phoneNumbers/${id}`, {
      headers,
      data: JSON.stringify({ data: { type: 'phoneNumber', id, attributes } }),
    });
    if (!response.ok()) {
      throw new Error(`PATCH phone number ${id}: ${response.status()} ${await response.text()}`);
    }
  }

  /** Deletes a number, as Ada; one already gone is fine. */
  async deletePhoneNumber(id: number): Promise<void> {
    const response = await this.request.delete(`/api/v2/phoneNumbers/${id}`, { headers });
    if (response.status() !== 204 && response.status() !== 404) {
      throw new Error(`DELETE phone number ${id}: ${response.status()} ${await response.text()}`);
    }
  }

  /**
   * A number no prospect has yet, in E.164, from 020 7946 0xxx. Where a test starts looking comes from
   * `seed` (its title), so tests running side by side rarely reach for the same one; `skip` lists numbers
   * it has picked and not added yet.
   */
  async unusedNumber(seed: string, skip: ReadonlySet<string> = new Set()): Promise<string> {
    const range = `${freshNumber(0)}..${freshNumber(FRESH_COUNT - 1)}`;
    const taken = new Set(
      (await this.phoneNumbers({ numbers: range, size: FRESH_COUNT })).pages
        .flat()
        .map((phoneNumber) => phoneNumber.number),
    );
    const start = hash(seed) % FRESH_COUNT;
    for (let step = 0; step < FRESH_COUNT; step++) {
      const candidate = freshNumber((start + step) % FRESH_COUNT);
      if (!taken.has(candidate) && !skip.has(candidate)) return candidate;
    }
    throw new Error(`Every number from ${range} is taken.`);
  }

  /** The seeded prospects whose calls are opted out, by id and name. */
  async prospectsOptedOutOfCalls(): Promise<{ id: number; name: string }[]> {
    const { data } = optInCollection.parse(
      await this.get('/api/v2/prospects?page[size]=1000&fields[prospect]=name,callsOptStatus'),
    );
    return data
      .filter((prospect) => prospect.attributes.callsOptStatus === 'opted_out')
      .map((prospect) => ({ id: prospect.id, name: prospect.attributes.name }));
  }

  /** A prospect's details and its owner's name. */
  async prospect(id: number): Promise<ApiProspectDetails> {
    const { data, included } = prospectWithOwner.parse(
      await this.get(`/api/v2/prospects/${id}?include=owner`),
    );
    const { name, company, title, timeZoneIana, callsOptStatus } = data.attributes;
    return {
      id: data.id,
      name,
      company,
      title,
      ownerName: included[0].attributes.name,
      timeZone: timeZoneIana,
      callsOptStatus,
    };
  }

  /** A user by name, as Ada reads them: role, and whether locked out (deactivated). */
  async user(name: string): Promise<ApiUser> {
    const { data } = userCollection.parse(await this.get('/api/v2/users?page[size]=1000'));
    const found = data.find((user) => user.attributes.name === name);
    if (!found) throw new Error(`There is no user named ${name}.`);
    return { id: found.id, ...found.attributes };
  }

  /** Changes a user's role or whether they are locked out, as Ada. */
  async updateUser(id: number, attributes: { role?: Role; locked?: boolean }): Promise<void> {
    const response = await this.request.patch(`/api/v2/users/${id}`, {
      headers,
      data: JSON.stringify({ data: { type: 'user', id, attributes } }),
    });
    if (!response.ok()) {
      throw new Error(`PATCH user ${id}: ${response.status()} ${await response.text()}`);
    }
  }
}
