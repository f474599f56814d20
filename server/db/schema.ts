import type { ColumnType, Generated, GeneratedAlways, Insertable, Selectable } from 'kysely';
import type { AuthMode } from '../session/types';

export type Role = 'admin' | 'rep' | 'viewer';

export interface UsersTable {
  id: Generated<number>;
  first_name: string;
  last_name: string;
  email: string;
  title: string | null;
  role: Role;
  created_at: string;
  updated_at: string;
  /** The identity provider's `sub` for this person, once they have signed in through it. */
  oidc_subject: Generated<string | null>;
  /** Set when an admin deactivates the user: no sign-in, no API access, their sessions ended. */
  deactivated_at: Generated<string | null>;
  last_sign_in_at: Generated<string | null>;
}

export interface ProspectsTable {
  id: Generated<number>;
  owner_id: number;
  first_name: string;
  last_name: string;
  company: string | null;
  title: string | null;
  address_country: string | null;
  time_zone_iana: string | null;
  calls_opt_status: string | null;
  /** Lower-cased, accent-free copies that make prefix search index-friendly on any database. */
  search_name: string;
  search_last_name: string;
  search_company: string;
  created_at: string;
  updated_at: string;
}

export interface PhoneNumbersTable {
  id: Generated<number>;
  prospect_id: number;
  number: string;
  raw_number: string | null;
  extension: string | null;
  country_code: string | null;
  phone_type: string;
  status: string;
  sort_order: number;
  status_changed_at: string;
  created_at: string;
  updated_at: string;
  /** 1 for a new number, one more with each write: what its ETag is made of. */
  version: Generated<number>;
  /** The number's digits, last first ("+13035550141" → "14105553031"), computed by the database. */
  number_digits_reversed: GeneratedAlways<string>;
}

export interface OauthCodesTable {
  code_hash: string;
  client_id: string;
  user_id: number;
  redirect_uri: string;
  code_challenge: string;
  scope: string;
  expires_at: string;
  consumed_at: string | null;
}

export interface OauthTokensTable {
  token_hash: string;
  kind: 'access' | 'refresh';
  family_id: string;
  client_id: string;
  user_id: number;
  scope: string;
  expires_at: string;
  revoked_at: string | null;
  created_at: string;
}

/**
 * The browser app's sessions (decision 0046), by the SHA-256 of their id; times in epoch milliseconds.
 * Upstream tokens are sealed by the token cipher (`kid.iv.ciphertext.tag`).
 */
export interface SessionsTable {
  id_hash: string;
  kind: 'top' | 'frame';
  mode: AuthMode;
  subject: string;
  display_name: string | null;
  created_at: number;
  last_seen_at: number;
  idle_expires_at: number;
  absolute_expires_at: number;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  access_expires_at: number | null;
  /** Until when one request holds the right to refresh the tokens (one refresh at a time). */
  refresh_claimed_until: number | null;
}

/** Sign-ins under way, by the SHA-256 of their state; bound to a browser by the sign-in cookie's hash. */
export interface SignInAttemptsTable {
  state_hash: string;
  browser_hash: string;
  code_verifier: string;
  /** The OpenID Connect nonce the ID token must carry (sent, and checked, in oidc mode only). */
  nonce: Generated<string>;
  return_to: string;
  /** 1 when a frame's popup started it. */
  popup: number;
  expires_at: number;
}

/** A popup sign-in's single-use code for its frame, by the code's SHA-256: the session to create. */
export interface SignInHandoffsTable {
  code_hash: string;
  mode: AuthMode;
  subject: string;
  display_name: string | null;
  access_token_enc: string | null;
  refresh_token_enc: string | null;
  access_expires_at: number | null;
  expires_at: number;
}

/** Row counts kept by triggers (migration 2026_12_03_querycost_indexes_and_counts). */
export interface RowCountsTable {
  table_name: 'users' | 'prospects';
  row_count: number;
}

export interface PhoneNumberCountsTable {
  phone_type: string;
  status: string;
  row_count: number;
}

/**
 * One accepted change (issue 14): who made it, when, to what, and the resource's attributes before and
 * after (JSON; null before a create and after a delete). Written in the transaction of the change.
 */
export interface AuditEventsTable {
  id: Generated<number>;
  occurred_at: string;
  actor_user_id: number;
  actor_name: string;
  action: AuditAction;
  resource_type: AuditResourceType;
  resource_id: number;
  /** The prospect the change belongs to (a phone number's, or the prospect itself); null for a user. */
  prospect_id: number | null;
  before_json: string | null;
  after_json: string | null;
}

export type AuditAction =
  | 'created'
  | 'updated'
  | 'deleted'
  | 'reordered'
  | 'roleChanged'
  | 'deactivated'
  | 'reactivated'
  | 'ownerChanged';

export type AuditResourceType = 'phoneNumber' | 'user' | 'prospect';

/** A rate limiter's window for one key, where every server process counts it (decision 0052). */
export interface RateLimitsTable {
  /** The limiter's name and the key, such as `api-user:user:3`. */
  bucket: string;
  /** Requests counted in the window, refused ones too. */
  hits: number;
  /** When the window ends, in epoch milliseconds (a bigint, which PostgreSQL's driver reads as a string). */
  reset_at: ColumnType<number | string, number, number>;
}

export interface Database {
  users: UsersTable;
  prospects: ProspectsTable;
  phone_numbers: PhoneNumbersTable;
  oauth_codes: OauthCodesTable;
  oauth_tokens: OauthTokensTable;
  row_counts: RowCountsTable;
  phone_number_counts: PhoneNumberCountsTable;
  sessions: SessionsTable;
  sign_in_attempts: SignInAttemptsTable;
  sign_in_handoffs: SignInHandoffsTable;
  audit_events: AuditEventsTable;
  rate_limits: RateLimitsTable;
}

export type UserRow = Selectable<UsersTable>;
export type ProspectRow = Selectable<ProspectsTable>;
/** A number as the API reads it; the search column stays in the database. */
export type PhoneNumberRow = Omit<Selectable<PhoneNumbersTable>, 'number_digits_reversed'>;
export type NewPhoneNumber = Insertable<PhoneNumbersTable>;
