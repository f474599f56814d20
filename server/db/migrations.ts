import {
  Migrator,
  sql,
  type ColumnDefinitionBuilder,
  type Kysely,
  type Migration,
  type MigrationProvider,
} from 'kysely';
import { engineOf, type Engine } from './engine';

/**
 * Where the engines differ, as column types: ids are SQLite's autoincrement rowid or a PostgreSQL identity
 * (by default, so the seed can name its ids); text compares byte by byte on both, as SQLite's does, whatever
 * collation the PostgreSQL database was created with (sorts, keyset cursors and the prefix search's
 * upper bound rely on it); epoch milliseconds need PostgreSQL's bigint.
 */
function columnTypes(engine: Engine) {
  const postgres = engine === 'postgres';
  return {
    id: (c: ColumnDefinitionBuilder) =>
      postgres ? c.primaryKey().generatedByDefaultAsIdentity() : c.primaryKey().autoIncrement(),
    text: postgres ? sql`text collate "C"` : sql`text`,
    epochMs: postgres ? sql`bigint` : sql`integer`,
  };
}

/** The triggers that keep row_counts and phone_number_counts, on SQLite: one update per row. */
async function createCountTriggersSqlite(db: Kysely<unknown>): Promise<void> {
  for (const table of ['users', 'prospects']) {
    await sql`create trigger ${sql.raw(`${table}_counted_in`)} after insert on ${sql.table(table)}
      begin update row_counts set row_count = row_count + 1 where table_name = ${sql.lit(table)}; end`.execute(
      db,
    );
    await sql`create trigger ${sql.raw(`${table}_counted_out`)} after delete on ${sql.table(table)}
      begin update row_counts set row_count = row_count - 1 where table_name = ${sql.lit(table)}; end`.execute(
      db,
    );
  }
  const add = (row: 'new' | 'old', delta: '+ 1' | '- 1') =>
    sql.raw(`insert into phone_number_counts (phone_type, status, row_count)
      values (${row}.phone_type, ${row}.status, ${delta === '+ 1' ? 1 : -1})
      on conflict (phone_type, status) do update set row_count = row_count ${delta};`);
  await sql`create trigger phone_numbers_counted_in after insert on phone_numbers
    begin ${add('new', '+ 1')} end`.execute(db);
  await sql`create trigger phone_numbers_counted_out after delete on phone_numbers
    begin ${add('old', '- 1')} end`.execute(db);
  await sql`create trigger phone_numbers_counted_again after update of phone_type, status on phone_numbers
    when old.phone_type is not new.phone_type or old.status is not new.status
    begin ${add('old', '- 1')} ${add('new', '+ 1')} end`.execute(db);
}

/**
 * The same counts on PostgreSQL, kept once per statement from its transition tables: a row trigger
 * would update the same few count rows once per row, and PostgreSQL slows with each version of a row one
 * transaction leaves behind (100,000 numbers inserted in one statement took over a minute).
 */
async function createCountTriggersPostgres(db: Kysely<unknown>): Promise<void> {
  const trigger = async (name: string, event: string, transitions: string, body: string) => {
    await sql
      .raw(
        `create function ${name}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`,
      )
      .execute(db);
    await sql
      .raw(
        `create trigger ${name} after ${event} referencing ${transitions} for each statement execute function ${name}()`,
      )
      .execute(db);
  };
  for (const table of ['users', 'prospects']) {
    const count = (sign: '+' | '-', rows: string) =>
      `update row_counts set row_count = row_count ${sign} (select count(*) from ${rows}) where table_name = '${table}';`;
    await trigger(
      `${table}_counted_in`,
      `insert on ${table}`,
      'new table as added',
      count('+', 'added'),
    );
    await trigger(
      `${table}_counted_out`,
      `delete on ${table}`,
      'old table as removed',
      count('-', 'removed'),
    );
  }
  // Changes by type and status, net of what a statement both removes and adds; zeros are left alone.
  const apply = (changes: string) => `
    insert into phone_number_counts (phone_type, status, row_count)
      select phone_type, status, sum(delta) from (${changes}) as changes
      group by phone_type, status having sum(delta) <> 0
    on conflict (phone_type, status)
      do update set row_count = phone_number_counts.row_count + excluded.row_count;`;
  const rows = (table: string, delta: 1 | -1) =>
    `select phone_type, status, ${delta} as delta from ${table}`;
  await trigger(
    'phone_numbers_counted_in',
    'insert on phone_numbers',
    'new table as added',
    apply(rows('added', 1)),
  );
  await trigger(
    'phone_numbers_counted_out',
    'delete on phone_numbers',
    'old table as removed',
    apply(rows('removed', -1)),
  );
  // Transition tables take no column list: every update statement is counted again, its nets mostly zero.
  await trigger(
    'phone_numbers_counted_again',
    'update on phone_numbers',
    'old table as before new table as after',
    apply(`${rows('before', -1)} union all ${rows('after', 1)}`),
  );
}

/**
 * Schema changes, in order. Each is written with Kysely's schema builder and built for the engine it
 * runs on, so that the two differ only where the databases do (`columnTypes`, and the triggers that keep
 * counts). A name, once run somewhere, never changes.
 */
const migrations: Record<string, Migration> = {
  '0001-initial': {
    async up(db: Kysely<unknown>) {
      const { id, text } = columnTypes(engineOf(db));
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', id)
        .addColumn('first_name', text, (c) => c.notNull())
        .addColumn('last_name', text, (c) => c.notNull())
        .addColumn('email', text, (c) => c.notNull().unique())
        .addColumn('title', text)
        .addColumn('role', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('prospects')
        .addColumn('id', 'integer', id)
        .addColumn('owner_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('first_name', text, (c) => c.notNull())
        .addColumn('last_name', text, (c) => c.notNull())
        .addColumn('company', text)
        .addColumn('title', text)
        .addColumn('address_country', text)
        .addColumn('time_zone_iana', text)
        .addColumn('calls_opt_status', text)
        .addColumn('search_name', text, (c) => c.notNull())
        .addColumn('search_last_name', text, (c) => c.notNull())
        .addColumn('search_company', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('prospects_owner')
        .on('prospects')
        .columns(['owner_id', 'id'])
        .execute();
      await db.schema
        .createIndex('prospects_search_name')
        .on('prospects')
        .column('search_name')
        .execute();
      await db.schema
        .createIndex('prospects_search_last_name')
        .on('prospects')
        .column('search_last_name')
        .execute();
      await db.schema
        .createIndex('prospects_search_company')
        .on('prospects')
        .column('search_company')
        .execute();

      await db.schema
        .createTable('phone_numbers')
        .addColumn('id', 'integer', id)
        .addColumn('prospect_id', 'integer', (c) =>
          c.notNull().references('prospects.id').onDelete('cascade'),
        )
        .addColumn('number', text, (c) => c.notNull())
        .addColumn('raw_number', text)
        .addColumn('extension', text)
        .addColumn('country_code', text)
        .addColumn('phone_type', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .addColumn('status_changed_at', text, (c) => c.notNull())
        .addColumn('created_at', text, (c) => c.notNull())
        .addColumn('updated_at', text, (c) => c.notNull())
        .execute();
      // One prospect cannot hold the same number and extension twice; the API checks first and answers 422,
      // this index keeps the rule true whatever writes the table.
      await db.schema
        .createIndex('phone_numbers_unique_per_prospect')
        .on('phone_numbers')
        .unique()
        .columns(['prospect_id', 'number'])
        .expression(sql`coalesce(extension, '')`)
        .execute();
      await db.schema
        .createIndex('phone_numbers_prospect_order')
        .on('phone_numbers')
        .columns(['prospect_id', 'sort_order', 'id'])
        .execute();
      await db.schema
        .createIndex('phone_numbers_updated')
        .on('phone_numbers')
        .columns(['updated_at', 'id'])
        .execute();
      await db.schema
        .createIndex('phone_numbers_status_changed')
        .on('phone_numbers')
        .columns(['status_changed_at', 'id'])
        .execute();
      await db.schema
        .createIndex('phone_numbers_number')
        .on('phone_numbers')
        .columns(['number', 'id'])
        .execute();

      await db.schema
        .createTable('oauth_codes')
        .addColumn('code_hash', text, (c) => c.primaryKey())
        .addColumn('client_id', text, (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('redirect_uri', text, (c) => c.notNull())
        .addColumn('code_challenge', text, (c) => c.notNull())
        .addColumn('scope', text, (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull())
        .addColumn('consumed_at', text)
        .execute();

      await db.schema
        .createTable('oauth_tokens')
        .addColumn('token_hash', text, (c) => c.primaryKey())
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('family_id', text, (c) => c.notNull())
        .addColumn('client_id', text, (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('scope', text, (c) => c.notNull())
        .addColumn('expires_at', text, (c) => c.notNull())
        .addColumn('revoked_at', text)
        .addColumn('created_at', text, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('oauth_tokens_family')
        .on('oauth_tokens')
        .column('family_id')
        .execute();
    },
  },
  // A write precondition (If-Match) needs a value that changes with every write: updated_at has a
  // millisecond's resolution, and two writes in one millisecond must still differ.
  '2026_12_03_conflicts_phone_number_version': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('phone_numbers')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .execute();
    },
  },
  '2026_12_03_querycost_indexes_and_counts': {
    // An index for every column a collection filters or sorts by, each ending in id (the tie-break), so a
    // page of any single filter or sort is an index search or walk; and counts kept by triggers, so that
    // count=true on a whole collection, or on phone numbers by type and status, reads a few rows.
    async up(db: Kysely<unknown>) {
      const engine = engineOf(db);
      const { text } = columnTypes(engine);
      const indexes: [string, string, string[]][] = [
        ['phone_numbers_order', 'phone_numbers', ['sort_order', 'id']],
        ['phone_numbers_type', 'phone_numbers', ['phone_type', 'id']],
        ['phone_numbers_status', 'phone_numbers', ['status', 'id']],
        ['prospects_first_name', 'prospects', ['first_name', 'id']],
        ['prospects_last_name', 'prospects', ['last_name', 'id']],
        ['prospects_created', 'prospects', ['created_at', 'id']],
        ['prospects_updated', 'prospects', ['updated_at', 'id']],
        ['users_first_name', 'users', ['first_name', 'id']],
        ['users_last_name', 'users', ['last_name', 'id']],
      ];
      for (const [name, table, columns] of indexes) {
        await db.schema.createIndex(name).on(table).columns(columns).execute();
      }

      await db.schema
        .createTable('row_counts')
        .addColumn('table_name', text, (c) => c.primaryKey())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .execute();
      for (const table of ['users', 'prospects']) {
        await sql`insert into row_counts (table_name, row_count)
        select ${table}, count(*) from ${sql.table(table)}`.execute(db);
      }
      await db.schema
        .createTable('phone_number_counts')
        .addColumn('phone_type', text, (c) => c.notNull())
        .addColumn('status', text, (c) => c.notNull())
        .addColumn('row_count', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('phone_number_counts_key', ['phone_type', 'status'])
        .execute();
      await sql`insert into phone_number_counts (phone_type, status, row_count)
      select phone_type, status, count(*) from phone_numbers group by phone_type, status`.execute(
        db,
      );
      await (engine === 'postgres'
        ? createCountTriggersPostgres(db)
        : createCountTriggersSqlite(db));
    },
  },
  // The browser app's sessions and sign-ins (decision 0046). Times are epoch milliseconds: a session
  // is read on every cookie request, and its expiry compared there.
  '2026_12_04_bff_sessions': {
    async up(db: Kysely<unknown>) {
      const { text, epochMs } = columnTypes(engineOf(db));
      await db.schema
        .createTable('sessions')
        .addColumn('id_hash', text, (c) => c.primaryKey())
        .addColumn('kind', text, (c) => c.notNull())
        .addColumn('mode', text, (c) => c.notNull())
        .addColumn('subject', text, (c) => c.notNull())
        .addColumn('display_name', text)
        .addColumn('created_at', epochMs, (c) => c.notNull())
        .addColumn('last_seen_at', epochMs, (c) => c.notNull())
        .addColumn('idle_expires_at', epochMs, (c) => c.notNull())
        .addColumn('absolute_expires_at', epochMs, (c) => c.notNull())
        .addColumn('access_token_enc', text)
        .addColumn('refresh_token_enc', text)
        .addColumn('access_expires_at', epochMs)
        .addColumn('refresh_claimed_until', epochMs)
        .execute();
      await db.schema
        .createIndex('sessions_idle_expiry')
        .on('sessions')
        .column('idle_expires_at')
        .execute();

      await db.schema
        .createTable('sign_in_attempts')
        .addColumn('state_hash', text, (c) => c.primaryKey())
        .addColumn('browser_hash', text, (c) => c.notNull())
        .addColumn('code_verifier', text, (c) => c.notNull())
        .addColumn('return_to', text, (c) => c.notNull())
        .addColumn('popup', 'integer', (c) => c.notNull())
        .addColumn('expires_at', epochMs, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('sign_in_handoffs')
        .addColumn('code_hash', text, (c) => c.primaryKey())
        .addColumn('mode', text, (c) => c.notNull())
        .addColumn('subject', text, (c) => c.notNull())
        .addColumn('display_name', text)
        .addColumn('access_token_enc', text)
        .addColumn('refresh_token_enc', text)
        .addColumn('access_expires_at', epochMs)
        .addColumn('expires_at', epochMs, (c) => c.notNull())
        .execute();
    },
  },
  // Teams (issue 14): people matched to their identity provider's subject, deactivated without losing
  // what they did, their last sign-in shown to admins; and the audit trail of every accepted change.
  '2026_12_04_team_accounts': {
    async up(db: Kysely<unknown>) {
      const { id, text } = columnTypes(engineOf(db));
      await db.schema.alterTable('users').addColumn('oidc_subject', text).execute();
      await db.schema.alterTable('users').addColumn('deactivated_at', text).execute();
      await db.schema.alterTable('users').addColumn('last_sign_in_at', text).execute();
      await db.schema
        .createIndex('users_oidc_subject')
        .on('users')
        .unique()
        .column('oidc_subject')
        .execute();
      await db.schema.createIndex('users_email').on('users').column('email').execute();

      await db.schema
        .createTable('audit_events')
        .addColumn('id', 'integer', id)
        .addColumn('occurred_at', text, (c) => c.notNull())
        .addColumn('actor_user_id', 'integer', (c) => c.notNull())
        .addColumn('actor_name', text, (c) => c.notNull())
        .addColumn('action', text, (c) => c.notNull())
        .addColumn('resource_type', text, (c) => c.notNull())
        .addColumn('resource_id', 'integer', (c) => c.notNull())
        // No foreign keys: the trail outlives the numbers, prospects and users it names.
        .addColumn('prospect_id', 'integer')
        .addColumn('before_json', text)
        .addColumn('after_json', text)
        .execute();
      await db.schema
        .createIndex('audit_events_prospect')
        .on('audit_events')
        .columns(['prospect_id', 'id'])
        .execute();
      await db.schema
        .createIndex('audit_events_resource')
        .on('audit_events')
        .columns(['resource_type', 'resource_id', 'id'])
        .execute();
    },
  },
  // OpenID Connect sign-in (issue 14): the nonce sent with the authorization request is kept with the
  // attempt, so that the ID token that comes back can be checked against it.
  '2026_12_04_oidc_nonce': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .alterTable('sign_in_attempts')
        .addColumn('nonce', columnTypes(engineOf(db)).text, (c) => c.notNull().defaultTo(''))
        .execute();
    },
  },
  // Several server processes (issue 14): rate-limit windows every process counts in (decision 0052).
  // On PostgreSQL the table is unlogged: a count is written without the WAL flush every commit would
  // wait for, and a crash only empties it, which starts everyone's window again.
  '2026_12_04_shared_limits': {
    async up(db: Kysely<unknown>) {
      const engine = engineOf(db);
      const { text, epochMs } = columnTypes(engine);
      const table = db.schema.createTable('rate_limits');
      await (engine === 'postgres' ? table.modifyFront(sql`unlogged`) : table)
        .addColumn('bucket', text, (c) => c.primaryKey())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addColumn('reset_at', epochMs, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('rate_limits_reset')
        .on('rate_limits')
        .column('reset_at')
        .execute();
    },
  },
  // Several server processes (issue 14): each keeps the principals of tokens it has seen, and hears
  // from PostgreSQL when one may have changed (decision 0052). Triggers, not the code that writes: a user
  // or token changed by any statement, an admin's SQL included, is heard. PostgreSQL sends a transaction's
  // notifications when it commits, and one of each payload per transaction. SQLite has no notifications:
  // there, SHARED_STATE=database reads the principal on every request.
  '2026_12_04_tokens_and_users_watched': {
    async up(db: Kysely<unknown>) {
      if (engineOf(db) !== 'postgres') return;
      const notify = async (name: string, userId: string) => {
        await sql
          .raw(
            `create function ${name}() returns trigger language plpgsql as $$
              begin perform pg_notify('principal_changes', ${userId}::text); return null; end $$`,
          )
          .execute(db);
      };
      await notify('user_changed', 'old.id');
      await notify('access_token_changed', 'old.user_id');
      await sql`create trigger users_principal_changed after update on users for each row
        when (old.role is distinct from new.role
          or old.deactivated_at is distinct from new.deactivated_at
          or old.first_name is distinct from new.first_name
          or old.last_name is distinct from new.last_name)
        execute function user_changed()`.execute(db);
      await sql`create trigger users_principal_deleted after delete on users for each row
        execute function user_changed()`.execute(db);
      await sql`create trigger oauth_tokens_principal_changed after update on oauth_tokens for each row
        when (old.kind = 'access' and old.revoked_at is distinct from new.revoked_at)
        execute function access_token_changed()`.execute(db);
      await sql`create trigger oauth_tokens_principal_deleted after delete on oauth_tokens for each row
        when (old.kind = 'access' and old.revoked_at is null)
        execute function access_token_changed()`.execute(db);
    },
  },
  // Adding people (issue 14): an email belongs to one user whatever its case, so that an admin adding
  // someone twice at once, in two cases, adds them once (the POST inserts and lets this index refuse),
  // and so that the sign-in matches one user by email. A database already holding two users whose
  // emails differ only in case stops here, unchanged, naming them: which one is the person is for an
  // admin to say, not for a migration to guess.
  '2026_12_04_users_email_any_case': {
    async up(db: Kysely<unknown>) {
      const ids =
        engineOf(db) === 'postgres'
          ? sql`string_agg(id::text, ', ' order by id)`
          : sql`group_concat(id, ', ' order by id)`;
      const duplicates = await sql<{ email: string; ids: string }>`
        select lower(email) as email, ${ids} as ids from users
        group by lower(email) having count(*) > 1 order by lower(email)`.execute(db);
      if (duplicates.rows.length > 0) {
        const named = duplicates.rows.map((row) => `${row.email} (users ${row.ids})`).join('; ');
        throw new Error(
          `Users share an email address in different case: ${named}. Give each of them an address of their own, or delete the extra users, then start again (this migration changed nothing)`,
        );
      }
      await db.schema
        .createIndex('users_email_any_case')
        .on('users')
        .unique()
        .expression(sql`lower(email)`)
        .execute();
    },
  },
  // Find a number (issue 16): the digits of each number, last first, kept by the database itself (a
  // generated column, so that every write, the seed and bulk inserts alike, keeps it right) and indexed,
  // so that "the numbers ending in these digits" is a range of that index (decision 0053).
  '2026_12_05_phone_numbers_digits_reversed': {
    async up(db: Kysely<unknown>) {
      const postgres = engineOf(db) === 'postgres';
      // SQLite has no reverse(): the number's first 20 characters one by one, last first (substr past
      // the end is ''), without the "+". E.164 has at most 15 digits.
      const characters = Array.from(
        { length: 20 },
        (_, index) => `substr(number, ${20 - index}, 1)`,
      );
      const reversed = sql.raw(`replace(${characters.join(' || ')}, '+', '')`);
      await sql`alter table phone_numbers add column number_digits_reversed
        ${postgres ? sql`text collate "C"` : sql`text`}
        generated always as (${reversed}) ${postgres ? sql`stored` : sql`virtual`}`.execute(db);
      await db.schema
        .createIndex('phone_numbers_digits_reversed')
        .on('phone_numbers')
        .columns(['number_digits_reversed', 'id'])
        .execute();
    },
  },
  // Find a number, when a number, or the end of one, is on thousands of numbers (a switchboard's, or the
  // seed's shared landlines): the indexes hold the grid's sort, `updated_at`, too, so that the newest
  // page of the matches is read from the index alone: in order for a whole number, sorted from the
  // index entries for the end of one; then only the page's rows are read (decision 0053).
  '2026_12_06_phone_numbers_digits_reversed_updated': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('phone_numbers_digits_reversed_updated')
        .on('phone_numbers')
        .columns(['number_digits_reversed', 'updated_at', 'id'])
        .execute();
      await db.schema.dropIndex('phone_numbers_digits_reversed').execute();
      await db.schema
        .createIndex('phone_numbers_number_updated')
        .on('phone_numbers')
        .columns(['number', 'updated_at', 'id'])
        .execute();
    },
  },
  // The grid's Country filter (issue 16): the numbers of a country are a range of this index, in id
  // order like every filter's (decision 0059).
  '2026_12_07_phone_numbers_country': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createIndex('phone_numbers_country')
        .on('phone_numbers')
        .columns(['country_code', 'id'])
        .execute();
    },
  },
};

const provider: MigrationProvider = {
  getMigrations: () => Promise.resolve(migrations),
};

/**
 * Runs the migrations not yet run. On PostgreSQL, Kysely runs them all in one transaction under a lock:
 * when one fails, none of them has changed anything, and a second process starting at the same time waits.
 */
export async function migrateToLatest(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results?.find((result) => result.status === 'Error');
  if (error !== undefined || failed) {
    const reason = error instanceof Error ? `: ${error.message}` : '';
    const unchanged =
      engineOf(db) === 'postgres'
        ? ' No migration of this start was kept: the database is as it was.'
        : '';
    throw new Error(
      `Database migration ${failed?.migrationName ?? ''} failed${reason}.${unchanged}`,
      { cause: error },
    );
  }
}
