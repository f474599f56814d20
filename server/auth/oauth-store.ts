import type { Insertable, Kysely, Selectable } from 'kysely';
import type { Database, OauthCodesTable, OauthTokensTable, UserRow } from '../db/schema';

/**
 * What the OAuth endpoints read and write: the users one may sign in as, authorization codes, and the
 * refresh tokens they redeem. Codes and tokens are found and kept by their hashes only. Every function
 * takes the database or the transaction it is to run in.
 */

type AuthorizationCodeRow = Selectable<OauthCodesTable>;
type TokenRow = Selectable<OauthTokensTable>;

/** The users the sign-in page offers, in its order: the active ones (decision 0051). */
export function usersToSignInAs(db: Kysely<Database>): Promise<UserRow[]> {
  return db
    .selectFrom('users')
    .selectAll()
    .where('deactivated_at', 'is', null)
    .orderBy('id')
    .execute();
}

/** Whether one may sign in as this user: they exist and are not deactivated. */
export async function isActiveUser(db: Kysely<Database>, userId: number): Promise<boolean> {
  const user = await db
    .selectFrom('users')
    .select('id')
    .where('id', '=', userId)
    .where('deactivated_at', 'is', null)
    .executeTakeFirst();
  return user !== undefined;
}

/** Keeps when a user last signed in, for admins to see. */
export async function recordSignIn(db: Kysely<Database>, userId: number, at: string) {
  await db.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', userId).execute();
}

/** Keeps a new, unspent authorization code. */
export async function storeAuthorizationCode(
  db: Kysely<Database>,
  code: Omit<Insertable<OauthCodesTable>, 'consumed_at'>,
): Promise<void> {
  await db
    .insertInto('oauth_codes')
    .values({ ...code, consumed_at: null })
    .execute();
}

export function findAuthorizationCode(
  db: Kysely<Database>,
  codeHash: string,
): Promise<AuthorizationCodeRow | undefined> {
  return db
    .selectFrom('oauth_codes')
    .selectAll()
    .where('code_hash', '=', codeHash)
    .executeTakeFirst();
}

/**
 * Marks a code used unless a request already has, in one conditional update: of any number of requests
 * racing to spend a code, exactly one is told true (decision 0026). Reading first and marking after
 * would let several through.
 */
export async function spendAuthorizationCode(
  db: Kysely<Database>,
  codeHash: string,
  spentAt: string,
): Promise<boolean> {
  const spent = await db
    .updateTable('oauth_codes')
    .set({ consumed_at: spentAt })
    .where('code_hash', '=', codeHash)
    .where('consumed_at', 'is', null)
    .executeTakeFirst();
  return spent.numUpdatedRows !== 0n;
}

/** A refresh token, revoked or not, so that a used one coming back is recognised as a replay. */
export function findRefreshToken(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<TokenRow | undefined> {
  return db
    .selectFrom('oauth_tokens')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('kind', '=', 'refresh')
    .executeTakeFirst();
}

/**
 * Revokes a refresh token unless a request already has, in one conditional update: of any number of
 * requests racing to rotate it, exactly one is told true (decision 0026).
 */
export async function spendRefreshToken(
  db: Kysely<Database>,
  tokenHash: string,
  spentAt: string,
): Promise<boolean> {
  const spent = await db
    .updateTable('oauth_tokens')
    .set({ revoked_at: spentAt })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return spent.numUpdatedRows !== 0n;
}

/** The family (the session) of an access or refresh token, if the token is known. */
export async function findTokenFamily(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<string | undefined> {
  const stored = await db
    .selectFrom('oauth_tokens')
    .select('family_id')
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
  return stored?.family_id;
}
