import { PostgresAdapter, type Kysely } from 'kysely';

/** The database engines the store runs on: SQLite (the embedded default) or PostgreSQL (DATABASE_URL). */
export type Engine = 'sqlite' | 'postgres';

/** The engine behind a Kysely instance or transaction, told by its dialect's adapter. */
export function engineOf(db: Pick<Kysely<unknown>, 'getExecutor'>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Whether a database location is a PostgreSQL connection URL rather than an SQLite file. */
export const isPostgresUrl = (location: string) => /^postgres(?:ql)?:\/\//i.test(location);
