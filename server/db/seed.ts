import { sql, type Insertable, type Kysely } from 'kysely';
import { parsePhoneNumberInput } from '../../contract/phone-number-rules';
import type { PhoneStatus, PhoneType } from '../../contract/phone-number-values';
import { searchKey } from '../prospects/search-key';
import { engineOf } from './engine';
import { cycle, digits, pick, seededRandom } from './random';
import type { Database, ProspectsTable, Role } from './schema';

export const DEMO_USERS = [
  { id: 1, firstName: 'Ada', lastName: 'Admin', role: 'admin', title: 'Sales Manager' },
  { id: 2, firstName: 'Riley', lastName: 'Rep', role: 'rep', title: 'Account Executive' },
  { id: 3, firstName: 'Sam', lastName: 'Rep', role: 'rep', title: 'Account Executive' },
  {
    id: 4,
    firstName: 'Val',
    lastName: 'Viewer',
    role: 'viewer',
    title: 'Sales Operations Analyst',
  },
] as const satisfies readonly {
  id: number;
  firstName: string;
  lastName: string;
  role: Role;
  title: string;
}[];

export const DEMO_PROSPECT_COUNT = 60;
export const GENERATED_NUMBERS_PER_PROSPECT = 5;

/** Demo data is dated relative to this instant so that every seed is byte-for-byte the same. */
const EPOCH = Date.UTC(2026, 9, 1, 9, 0, 0);
const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;
const iso = (ms: number) => new Date(ms).toISOString();

interface CountryProfile {
  code: string;
  timeZones: readonly string[];
  mobile: (random: () => number) => string;
  fixed: (random: () => number) => string;
}

const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'US',
    timeZones: ['America/New_York', 'America/Chicago', 'America/Denver', 'America/Los_Angeles'],
    mobile: (r) =>
      `+1${pick(r, ['212', '312', '415', '617', '646'])}${200 + Math.floor(r() * 800)}${digits(r, 4)}`,
    fixed: (r) => `+1${pick(r, ['206', '303', '503', '512', '702'])}555${'01' + digits(r, 2)}`,
  },
  {
    code: 'GB',
    timeZones: ['Europe/London'],
    mobile: (r) => `+447${pick(r, ['4', '5', '8'])}${digits(r, 8)}`,
    fixed: (r) => `+44207946${'0' + digits(r, 3)}`,
  },
  {
    code: 'DE',
    timeZones: ['Europe/Berlin'],
    mobile: (r) => `+4915${pick(r, ['1', '2', '7'])}${digits(r, 8)}`,
    fixed: (r) => `+4930${digits(r, 8)}`,
  },
  {
    code: 'FR',
    timeZones: ['Europe/Paris'],
    mobile: (r) => `+3361${digits(r, 7)}`,
    fixed: (r) => `+331${digits(r, 8)}`,
  },
  {
    code: 'IN',
    timeZones: ['Asia/Kolkata'],
    mobile: (r) => `+919${digits(r, 9)}`,
    fixed: (r) => `+9111${'2' + digits(r, 7)}`,
  },
  {
    code: 'BR',
    timeZones: ['America/Sao_Paulo'],
    mobile: (r) => `+55119${digits(r, 8)}`,
    fixed: (r) => `+55113${digits(r, 7)}`,
  },
  {
    code: 'CA',
    timeZones: ['America/Toronto', 'America/Vancouver'],
    mobile: (r) => `+1416${200 + Math.floor(r() * 800)}${digits(r, 4)}`,
    fixed: (r) => `+1604555${'01' + digits(r, 2)}`,
  },
  {
    code: 'JP',
    timeZones: ['Asia/Tokyo'],
    mobile: (r) => `+8180${pick(r, ['1', '2', '3', '4'])}${digits(r, 7)}`,
    fixed: (r) => `+813${digits(r, 8)}`,
  },
];

const FIRST_NAMES = [
  'Olivia',
  'Liam',
  'Emma',
  'Noah',
  'Amelia',
  'Oliver',
  'Sophia',
  'Elijah',
  'Isabella',
  'Mateo',
  'Mia',
  'Lucas',
  'Charlotte',
  'Levi',
  'Harper',
  'José',
  'Zoë',
  'Hiroshi',
  'Priya',
  'Léa',
  'Jürgen',
  'Aoife',
  'Chloé',
  'Rahul',
  'Ana',
  'Marcus',
  'Yuki',
  'Fatima',
  'Björn',
  'Grace',
];
const LAST_NAMES = [
  'García',
  'Smith',
  'Johnson',
  'Nguyen',
  'Müller',
  'Dubois',
  'Tanaka',
  'Patel',
  'Silva',
  "O'Brien",
  'Brown',
  'Rossi',
  'Kowalski',
  'Jensen',
  'Cohen',
  'Okafor',
  'Martin',
  'Schmidt',
  'Sato',
  'Costa',
];
const COMPANIES = [
  'Acme Corporation',
  'Globex',
  'Initech',
  'Umbrella Health',
  'Stark Industries',
  'Wayne Enterprises',
  'Hooli',
  'Pied Piper',
  'Soylent Foods',
  'Vandelay Industries',
  'Tyrell Systems',
  'Cyberdyne',
  'Wonka Confectionery',
  'Oceanic Airlines',
  'Gringotts Bank',
  'Nakatomi Trading',
  'Zorg Logistics',
  'Massive Dynamic',
  'Aperture Labs',
  'Blue Sun',
];
const TITLES = [
  'VP of Sales',
  'Head of Procurement',
  'CTO',
  'Operations Manager',
  'Director of IT',
  'Chief Financial Officer',
  'Purchasing Lead',
  'Engineering Manager',
  null,
];
const TYPE_WEIGHTS: readonly PhoneType[] = [
  'work',
  'work',
  'mobile',
  'mobile',
  'mobile',
  'home',
  'voip',
  'other',
];
const STATUS_WEIGHTS: readonly PhoneStatus[] = [
  'unverified',
  'unverified',
  'verified',
  'verified',
  'verified',
  'invalid',
  'do_not_call',
];
const CALL_OPT: readonly (string | null)[] = [
  null,
  null,
  null,
  'opted_in',
  'opted_in',
  'opted_out',
];

type ProspectInsert = Insertable<ProspectsTable>;

function prospectRow(
  fields: Omit<ProspectInsert, 'search_name' | 'search_last_name' | 'search_company'>,
): ProspectInsert {
  return {
    ...fields,
    search_name: searchKey(`${fields.first_name} ${fields.last_name}`),
    search_last_name: searchKey(fields.last_name),
    search_company: searchKey(fields.company),
  };
}

async function insertUsers(db: Kysely<Database>): Promise<void> {
  await db
    .insertInto('users')
    .values(
      DEMO_USERS.map((user) => ({
        id: user.id,
        first_name: user.firstName,
        last_name: user.lastName,
        email: `${user.firstName}.${user.lastName}@example.com`.toLowerCase(),
        title: user.title,
        role: user.role,
        created_at: iso(EPOCH - 400 * DAY),
        updated_at: iso(EPOCH - 400 * DAY),
      })),
    )
    .execute();
}

/** Riley and Sam own two fifths each, Ada the rest. */
function ownerFor(index: number): number {
  const slot = index % 5;
  return slot < 2 ? 2 : slot < 4 ? 3 : 1;
}

/** A valid number of the wanted kind, checked with the same rules the API applies to input. */
function demoNumber(
  random: () => number,
  country: CountryProfile,
  type: PhoneType,
  taken: Set<string>,
) {
  for (let attempt = 0; attempt < 100; attempt++) {
    const candidate = type === 'mobile' ? country.mobile(random) : country.fixed(random);
    const parsed = parsePhoneNumberInput(candidate, country.code);
    if (parsed.ok && !taken.has(parsed.e164)) {
      taken.add(parsed.e164);
      return parsed.e164;
    }
  }
  throw new Error(`Could not generate a valid ${country.code} ${type} number`);
}

async function seedDemo(db: Kysely<Database>): Promise<void> {
  const random = seededRandom(20261127);
  const prospects: ProspectInsert[] = [];
  const counts: number[] = [];
  for (let index = 0; index < DEMO_PROSPECT_COUNT; index++) {
    const country = cycle(COUNTRIES, index);
    const createdAt = EPOCH - (DEMO_PROSPECT_COUNT - index) * DAY;
    prospects.push(
      prospectRow({
        id: index + 1,
        owner_id: ownerFor(index),
        first_name: cycle(FIRST_NAMES, index),
        last_name: cycle(LAST_NAMES, index * 7),
        company: cycle(COMPANIES, index * 3),
        title: pick(random, TITLES),
        address_country: country.code,
        time_zone_iana: pick(random, country.timeZones),
        calls_opt_status: pick(random, CALL_OPT),
        created_at: iso(createdAt),
        updated_at: iso(createdAt + Math.floor(random() * 20) * DAY),
      }),
    );
    // The first prospect has six numbers and every ninth from the third has none, so both ends are there.
    counts.push(index === 0 ? 6 : index % 9 === 2 ? 0 : 1 + Math.floor(random() * 6));
  }
  await db.insertInto('prospects').values(prospects).execute();

  const numbers: Insertable<Database['phone_numbers']>[] = [];
  prospects.forEach((prospect, index) => {
    const country = cycle(COUNTRIES, index);
    const taken = new Set<string>();
    const prospectCreated = Date.parse(prospect.created_at);
    for (let order = 0; order < cycle(counts, index); order++) {
      const phoneType = pick(random, TYPE_WEIGHTS);
      const status = pick(random, STATUS_WEIGHTS);
      const number = demoNumber(random, country, phoneType, taken);
      const createdAt = prospectCreated + (order + 1) * 37 * MINUTE;
      const updatedAt =
        createdAt + Math.floor(random() * 40) * DAY + Math.floor(random() * 600) * MINUTE;
      numbers.push({
        prospect_id: index + 1,
        number,
        raw_number: number,
        extension:
          phoneType === 'work' && random() < 0.3 ? String(100 + Math.floor(random() * 900)) : null,
        country_code: country.code,
        phone_type: phoneType,
        status,
        sort_order: order,
        status_changed_at: iso(status === 'unverified' ? createdAt : updatedAt),
        created_at: iso(createdAt),
        updated_at: iso(updatedAt),
      });
    }
  });
  if (numbers.length > 0) await db.insertInto('phone_numbers').values(numbers).execute();
}

const GENERATED_TYPES: readonly PhoneType[] = ['work', 'mobile', 'home', 'voip', 'other'];
const GENERATED_COUNTRIES = COUNTRIES.filter((c) =>
  ['US', 'CA', 'GB', 'DE', 'IN', 'BR'].includes(c.code),
);
const BATCH_ROWS = 2000;

/**
 * A large deterministic data set: `prospectCount` prospects with five numbers each. Numbers come from
 * patterns known to be valid (the seed test samples them through the API's rules) rather than being
 * parsed one by one, which keeps a million rows well under a minute.
 */
async function seedGenerated(db: Kysely<Database>, prospectCount: number): Promise<void> {
  const random = seededRandom(7);
  for (let start = 0; start < prospectCount; start += BATCH_ROWS) {
    const end = Math.min(prospectCount, start + BATCH_ROWS);
    const prospects: ProspectInsert[] = [];
    const numbers: Insertable<Database['phone_numbers']>[] = [];
    for (let index = start; index < end; index++) {
      const id = index + 1;
      const country = cycle(GENERATED_COUNTRIES, index);
      const createdAt = EPOCH - (prospectCount - index) * MINUTE;
      prospects.push(
        prospectRow({
          id,
          owner_id: ownerFor(index),
          first_name: cycle(FIRST_NAMES, index),
          last_name: cycle(LAST_NAMES, Math.floor(index / FIRST_NAMES.length)),
          company: `${cycle(COMPANIES, index)} ${Math.floor(index / COMPANIES.length) % 1000}`,
          title: cycle(TITLES, index),
          address_country: country.code,
          time_zone_iana: cycle(country.timeZones, 0),
          calls_opt_status: cycle(CALL_OPT, index),
          created_at: iso(createdAt),
          updated_at: iso(createdAt),
        }),
      );
      const taken = new Set<string>();
      for (let order = 0; order < GENERATED_NUMBERS_PER_PROSPECT; order++) {
        const phoneType = cycle(GENERATED_TYPES, order);
        let number: string;
        do {
          number = phoneType === 'mobile' ? country.mobile(random) : country.fixed(random);
        } while (taken.has(number));
        taken.add(number);
        const at = createdAt + order * 1000 + Math.floor(random() * 30 * DAY);
        const status = cycle(STATUS_WEIGHTS, index + order);
        numbers.push({
          prospect_id: id,
          number,
          raw_number: number,
          extension: null,
          country_code: country.code,
          phone_type: phoneType,
          status,
          sort_order: order,
          status_changed_at: iso(at),
          created_at: iso(createdAt),
          updated_at: iso(at),
        });
      }
    }
    await db.insertInto('prospects').values(prospects).execute();
    for (let offset = 0; offset < numbers.length; offset += BATCH_ROWS) {
      await db
        .insertInto('phone_numbers')
        .values(numbers.slice(offset, offset + BATCH_ROWS))
        .execute();
    }
  }
}

/**
 * Numbers with values Outreach allows and our closed sets do not (its status and phoneType are free
 * strings): the Outreach simulator's seed adds them, so that the app is seen to show and keep them.
 * On prospects 1 and 7 (Riley's) and 9 (Sam's), at orders after the demo numbers.
 */
export const OUTREACH_LIKE_NUMBERS = [
  { prospectId: 1, number: '+12025550101', phoneType: 'mobile', status: 'pending' },
  { prospectId: 7, number: '+12025550102', phoneType: 'fax', status: 'verified' },
  { prospectId: 9, number: '+12025550103', phoneType: 'pager', status: 'bad_number' },
] as const;

async function seedOutreachLike(db: Kysely<Database>): Promise<void> {
  const at = iso(EPOCH);
  // A small generated data set may not reach prospect 9.
  const existing = await db
    .selectFrom('prospects')
    .select('id')
    .where(
      'id',
      'in',
      OUTREACH_LIKE_NUMBERS.map(({ prospectId }) => prospectId),
    )
    .execute();
  const present = new Set(existing.map(({ id }) => id));
  const numbers = OUTREACH_LIKE_NUMBERS.filter(({ prospectId }) => present.has(prospectId));
  if (numbers.length === 0) return;
  await db
    .insertInto('phone_numbers')
    .values(
      numbers.map(({ prospectId, number, phoneType, status }) => ({
        prospect_id: prospectId,
        number,
        raw_number: number,
        extension: null,
        country_code: 'US',
        phone_type: phoneType,
        status,
        sort_order: 10,
        status_changed_at: at,
        created_at: at,
        updated_at: at,
      })),
    )
    .execute();
}

/**
 * The seed names its users' and prospects' ids; a PostgreSQL identity does not see those, and would next
 * hand out 1. SQLite's autoincrement continues after the highest id by itself.
 */
async function moveIdentitiesPast(
  db: Kysely<Database>,
  tables: readonly ('users' | 'prospects')[],
) {
  for (const table of tables) {
    await sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce(max(id), 0) + 1, false)
      from ${sql.table(table)}`.execute(db);
  }
}

export interface SeedOptions {
  /** A generated data set of this many prospects instead of the demo prospects. */
  prospects?: number | undefined;
  /** The Outreach simulator's seed: the demo data and `OUTREACH_LIKE_NUMBERS`. */
  outreachLike?: boolean | undefined;
}

/** Seeds an empty database and leaves a seeded one alone. Returns whether it seeded. */
export async function seedIfEmpty(
  db: Kysely<Database>,
  options: SeedOptions = {},
): Promise<boolean> {
  const existing = await db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return false;
  await db.transaction().execute(async (trx) => {
    await insertUsers(trx);
    if (options.prospects === undefined) await seedDemo(trx);
    else await seedGenerated(trx, options.prospects);
    if (options.outreachLike) await seedOutreachLike(trx);
    if (engineOf(trx) === 'postgres') await moveIdentitiesPast(trx, ['users', 'prospects']);
  });
  // A large data set just loaded, before autovacuum gets to it: the planner's statistics, and the
  // visibility map, without which an index-only scan (a count, a search's page keys) reads the table row
  // of every index entry it meets.
  if (options.prospects !== undefined && engineOf(db) === 'postgres') {
    await sql`vacuum analyze`.execute(db);
  }
  return true;
}
