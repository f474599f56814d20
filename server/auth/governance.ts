import type { Role } from '../db/schema';
import { missingScope, refused } from '../http/errors';
import { grants, scopeNeeded, type Action, type Resource } from './scopes';

export interface Principal {
  userId: number;
  name: string;
  role: Role;
  scopes: ReadonlySet<string>;
  /** Identifies the access token for rate limiting without holding the token itself. */
  tokenKey: string;
}

export type Decision =
  | { allowed: true }
  | { allowed: false; reason: 'scope'; scope: string }
  | {
      allowed: false;
      reason: 'governance';
      detail: string;
      /** Who stands in the way: the prospect's owner (the user is a rep who is not it), or the user's role. */
      because: 'owner' | 'role';
    };

const ALLOWED: Decision = { allowed: true };

/** What only an admin may change, said to everyone else. */
const ADMIN_ONLY: Partial<Record<Resource, string>> = {
  users: 'add users, change their roles or deactivate them',
  prospects: "reassign a prospect's owner",
};

/**
 * The one authorization rule. The token must carry a scope for the action; then admins may do
 * everything, reps may read everything and change the phone numbers of prospects they own, viewers only
 * read. Users and prospects' owners are changed by admins only (decision 0051); the audit trail is read
 * by admins alone (decision 0050).
 * `ownerId` is the owning user of the prospect the record belongs to (undefined for a collection read).
 * Both enforcement and meta.canWrite/canDelete come from here, so they cannot disagree.
 */
export function decide(
  principal: Principal,
  resource: Resource,
  action: Action,
  ownerId?: number,
): Decision {
  if (!grants(principal.scopes, resource, action)) {
    return { allowed: false, reason: 'scope', scope: scopeNeeded(resource, action) };
  }
  if (resource === 'auditEvents' && principal.role !== 'admin') {
    return {
      allowed: false,
      reason: 'governance',
      detail: `Only admins can read the audit trail; ${principal.name} is not an admin.`,
      because: 'role',
    };
  }
  if (action === 'read' || principal.role === 'admin') return ALLOWED;
  const adminOnly = ADMIN_ONLY[resource];
  if (adminOnly !== undefined) {
    return {
      allowed: false,
      reason: 'governance',
      detail: `Only an admin can ${adminOnly}; ${principal.name} is not one.`,
      because: 'role',
    };
  }
  if (principal.role === 'rep') {
    return ownerId === principal.userId
      ? ALLOWED
      : {
          allowed: false,
          reason: 'governance',
          detail: `${principal.name} can change only the records of prospects they own.`,
          because: 'owner',
        };
  }
  return {
    allowed: false,
    reason: 'governance',
    detail: `${principal.name} has read-only access.`,
    because: 'role',
  };
}

/** Throws the 403 a refused decision calls for. */
export function enforce(decision: Decision): void {
  if (decision.allowed) return;
  throw decision.reason === 'scope' ? missingScope(decision.scope) : refused(decision.detail);
}

/** Refuses a request the token's scopes cannot allow, before anything is loaded. */
export function requireScope(principal: Principal, resource: Resource, action: Action): void {
  if (!grants(principal.scopes, resource, action))
    throw missingScope(scopeNeeded(resource, action));
}

export interface AuthorizationMeta {
  canWrite: boolean;
  canDelete: boolean;
  /** Why canWrite is false, naming who can act; there only then. */
  writeRefusal?: string;
  /** Why canDelete is false, naming who can act; there only then. */
  deleteRefusal?: string;
}

const ROLE_PLURALS: Record<Role, string> = { admin: 'Admins', rep: 'Reps', viewer: 'Viewers' };

/**
 * A refused phone-number write or delete in the words meta gives beside the flag: who can do it
 * instead ("Sam Rep owns this prospect…", "Viewers can't…"), not one sentence for every case.
 */
function refusalOf(
  principal: Principal,
  decision: Decision,
  verb: 'change' | 'delete',
  ownerName: string | undefined,
): string | undefined {
  if (decision.allowed) return undefined;
  if (decision.reason === 'scope') {
    return `Your sign-in doesn't allow you to ${verb} phone numbers; sign in again and allow it`;
  }
  if (decision.because === 'owner') {
    return ownerName === undefined
      ? `Only this prospect's owner or an admin can ${verb} its phone numbers`
      : `${ownerName} owns this prospect; only they or an admin can ${verb} its phone numbers`;
  }
  return `${ROLE_PLURALS[principal.role]} can't ${verb} phone numbers; an admin or the prospect's owner can`;
}

/**
 * The owners whose names the refusals of these records give: those of prospects a rep may not change
 * because someone else owns them. Loaded only for them, so an allowed page costs no look-up.
 */
export function ownersToName(principal: Principal, ownerIds: readonly number[]): number[] {
  return [...new Set(ownerIds)].filter((ownerId) => {
    const decision = decide(principal, 'phoneNumbers', 'write', ownerId);
    return !decision.allowed && decision.reason === 'governance' && decision.because === 'owner';
  });
}

/**
 * meta for a phone number, or for a prospect (where it answers: may the user change its phone numbers),
 * with the reason beside each refused flag. `ownerNames` holds the names `ownersToName` asked for.
 */
export function authorizationMeta(
  principal: Principal,
  ownerId: number,
  ownerNames?: ReadonlyMap<number, string>,
): AuthorizationMeta {
  const write = decide(principal, 'phoneNumbers', 'write', ownerId);
  const remove = decide(principal, 'phoneNumbers', 'delete', ownerId);
  const ownerName = ownerNames?.get(ownerId);
  const writeRefusal = refusalOf(principal, write, 'change', ownerName);
  const deleteRefusal = refusalOf(principal, remove, 'delete', ownerName);
  return {
    canWrite: write.allowed,
    canDelete: remove.allowed,
    ...(writeRefusal === undefined ? {} : { writeRefusal }),
    ...(deleteRefusal === undefined ? {} : { deleteRefusal }),
  };
}

/** A prospect's meta: its phone numbers' permissions, and whether the user may read its history. */
export function prospectAuthorizationMeta(
  principal: Principal,
  ownerId: number,
  ownerNames?: ReadonlyMap<number, string>,
): AuthorizationMeta & { canReadHistory: boolean } {
  return {
    ...authorizationMeta(principal, ownerId, ownerNames),
    canReadHistory: decide(principal, 'auditEvents', 'read').allowed,
  };
}
