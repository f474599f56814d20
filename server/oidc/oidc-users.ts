import { sql, type Kysely } from 'kysely';
import { recordAuditEvent } from '../audit/audit-log';
import type { OidcConfig } from '../config';
import type { Database, Role } from '../db/schema';
import { NoAccess } from '../session/types';

/** The claims of a signed-in person: the ID token's, with the UserInfo endpoint's beside them. */
export type OidcClaims = Readonly<Record<string, unknown>> & { sub: string };

const NO_ACCESS = 'No access';

const anotherAccount = (email: string) =>
  `${email} belongs to another account at the identity provider, or to more than one user here. Ask an admin to check your user.`;

/** The highest role any of the claim's values gives, or undefined when none gives one. */
function roleFromClaim(claims: OidcClaims, roleClaim: NonNullable<OidcConfig['roleClaim']>) {
  let value: unknown = claims;
  for (const key of roleClaim.path) {
    value =
      typeof value === 'object' && value !== null && Object.hasOwn(value, key)
        ? (value as Record<string, unknown>)[key]
        : undefined;
  }
  const values = new Set(
    (Array.isArray(value) ? value : [value]).filter((entry) => typeof entry === 'string'),
  );
  const roles: readonly Role[] = ['admin', 'rep', 'viewer'];
  return roles.find((role) => roleClaim[role].some((name) => values.has(name)));
}

const text = (value: unknown) =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** A first and a last name from the standard claims, falling back to the email's local part. */
function namesOf(claims: OidcClaims, email: string) {
  const given = text(claims.given_name);
  const family = text(claims.family_name);
  if (given !== undefined || family !== undefined) {
    return { first_name: given ?? '', last_name: family ?? '' };
  }
  const [first = email, ...rest] = (text(claims.name) ?? email.split('@')[0] ?? email).split(/\s+/);
  return { first_name: first, last_name: rest.join(' ') };
}

/**
 * The local user a person signed in through the team's provider is (decision 0049): the user holding
 * their `sub`, else the one with their verified email (who then keeps the `sub`), else a new admin when
 * ADMIN_EMAILS lists that email. The role comes from the configured claim when there is one (and is
 * written to the users table, with an audit record, when it changed), else from the table. Anyone else
 * is refused with `NoAccess`; so is a deactivated user. One transaction: a refusal changes nothing.
 */
export function signInOidcUser(
  db: Kysely<Database>,
  config: Pick<OidcConfig, 'roleClaim' | 'adminEmails'>,
  claims: OidcClaims,
  at: string,
): Promise<{ id: number; name: string }> {
  const email = text(claims.email)?.toLowerCase();
  const verifiedEmail = claims.email_verified === true ? email : undefined;
  const who = email ?? 'an account without an email address';
  return db.transaction().execute(async (trx) => {
    const columns = [
      'id',
      'first_name',
      'last_name',
      'role',
      'oidc_subject',
      'deactivated_at',
    ] as const;
    let user = await trx
      .selectFrom('users')
      .select(columns)
      .where('oidc_subject', '=', claims.sub)
      .executeTakeFirst();
    let created = false;
    if (!user) {
      if (verifiedEmail === undefined) {
        throw new NoAccess(
          NO_ACCESS,
          email === undefined
            ? 'The identity provider did not say which email address you signed in with, so you cannot be matched to a user. Ask an admin to check the provider sends the email scope.'
            : `The identity provider has not verified ${email}, so it cannot be matched to a user. Verify it with the provider, or ask an admin.`,
        );
      }
      const matches = await trx
        .selectFrom('users')
        .select(columns)
        .where(sql<string>`lower(email)`, '=', verifiedEmail)
        .orderBy('id')
        .limit(2)
        .execute();
      if (matches.length > 1) throw new NoAccess(NO_ACCESS, anotherAccount(verifiedEmail));
      const matched = matches[0];
      if (matched) {
        // Only a user with no sub yet takes this one: another account's sub for the same email, linked
        // by a sign-in at the same time, is not overwritten; this sub, linked meanwhile, is fine.
        const linked = await trx
          .updateTable('users')
          .set({ oidc_subject: claims.sub })
          .where('id', '=', matched.id)
          .where('oidc_subject', 'is', null)
          .executeTakeFirst();
        user =
          linked.numUpdatedRows === 0n
            ? await trx
                .selectFrom('users')
                .select(columns)
                .where('id', '=', matched.id)
                .executeTakeFirstOrThrow()
            : matched;
        if (user.oidc_subject !== null && user.oidc_subject !== claims.sub) {
          throw new NoAccess(NO_ACCESS, anotherAccount(verifiedEmail));
        }
      } else if (config.adminEmails.includes(verifiedEmail)) {
        // Two first sign-ins at once (two tabs) carry the same sub: one makes the user, the other
        // finds it. Another account with this email, made meanwhile, conflicts on the email instead.
        const inserted = await trx
          .insertInto('users')
          .values({
            ...namesOf(claims, verifiedEmail),
            email: verifiedEmail,
            title: null,
            role: 'admin',
            oidc_subject: claims.sub,
            created_at: at,
            updated_at: at,
          })
          .onConflict((conflict) => conflict.doNothing())
          .returning(columns)
          .executeTakeFirst();
        created = inserted !== undefined;
        user =
          inserted ??
          (await trx
            .selectFrom('users')
            .select(columns)
            .where('oidc_subject', '=', claims.sub)
            .executeTakeFirst());
        if (!user) throw new NoAccess(NO_ACCESS, anotherAccount(verifiedEmail));
      } else {
        throw new NoAccess(
          'No access — ask an admin to add you',
          `You signed in as ${verifiedEmail}, who is not a user of Phone Numbers Admin. Ask an admin to add you (${verifiedEmail}).`,
        );
      }
    }
    if (user.deactivated_at !== null) {
      throw new NoAccess(
        NO_ACCESS,
        `Your access was turned off (${who}). Ask an admin if you need it back.`,
      );
    }
    const name = `${user.first_name} ${user.last_name}`.trim();
    const actor = { userId: user.id, name };
    if (created) {
      await recordAuditEvent(trx, {
        actor,
        action: 'created',
        resourceType: 'user',
        resourceId: user.id,
        prospectId: null,
        before: null,
        after: { email: verifiedEmail, role: 'admin' },
        at,
      });
    }
    let role = user.role;
    if (config.roleClaim) {
      // ADMIN_EMAILS keeps its people in while the provider's groups are being set up.
      const claimed =
        roleFromClaim(claims, config.roleClaim) ??
        (email !== undefined && config.adminEmails.includes(email) ? 'admin' : undefined);
      if (claimed === undefined) {
        throw new NoAccess(
          NO_ACCESS,
          `Your ${config.roleClaim.path.join('.')} at the identity provider give you no role in Phone Numbers Admin (${who}). Ask an admin to add you to a group.`,
        );
      }
      role = claimed;
    }
    if (role !== user.role) {
      await trx
        .updateTable('users')
        .set({ role, updated_at: at })
        .where('id', '=', user.id)
        .execute();
      await recordAuditEvent(trx, {
        actor,
        action: 'roleChanged',
        resourceType: 'user',
        resourceId: user.id,
        prospectId: null,
        before: { role: user.role },
        after: { role },
        at,
      });
    }
    await trx.updateTable('users').set({ last_sign_in_at: at }).where('id', '=', user.id).execute();
    return { id: user.id, name };
  });
}
