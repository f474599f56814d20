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
  | { allowed: false; reason: 'governance'; detail: string };

const ALLOWED: Decision = { allowed: true };

/** What only an admin may change, said to everyone else. */
const ADMIN_ONLY: Partial<Record<Resource, string>> = {
  users: "add users, change their roles or deactivate them",
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
    };
  }
  if (action === 'read' || principal.role === 'admin') return ALLOWED;
  const adminOnly = ADMIN_ONLY[resource];
  if (adminOnly !== undefined) {
    return {
      allowed: false,
      reason: 'governance',
      detail: `Only an admin can ${adminOnly}; ${principal.name} is not one.`,
    };
  }
  if (principal.role === 'rep') {
    return ownerId === principal.userId
      ? ALLOWED
      : {
          allowed: false,
          reason: 'governance',
          detail: `${principal.name} can change only the records of prospects they own.`,
        };
  }
  return {
    allowed: false,
    reason: 'governance',
    detail: `${principal.name} has read-only access.`,
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
}

/** meta for a phone number, or for a prospect (where it answers: may the user change its phone numbers). */
export function authorizationMeta(principal: Principal, ownerId: number): AuthorizationMeta {
  return {
    canWrite: decide(principal, 'phoneNumbers', 'write', ownerId).allowed,
    canDelete: decide(principal, 'phoneNumbers', 'delete', ownerId).allowed,
  };
}

/** A prospect's meta: its phone numbers' permissions, and whether the user may read its history. */
export function prospectAuthorizationMeta(
  principal: Principal,
  ownerId: number,
): AuthorizationMeta & { canReadHistory: boolean } {
  return {
    ...authorizationMeta(principal, ownerId),
    canReadHistory: decide(principal, 'auditEvents', 'read').allowed,
  };
}
