export type Resource = 'phoneNumbers' | 'prospects' | 'users' | 'auditEvents';
export type Action = 'read' | 'write' | 'delete';

/** Outreach-style scopes: "<resource>.<action>" or "<resource>.all" for every action. */
export const SCOPES = [
  'phoneNumbers.read',
  'phoneNumbers.write',
  'phoneNumbers.delete',
  'phoneNumbers.all',
  'prospects.read',
  'prospects.all',
  'users.read',
  'users.all',
  'auditEvents.read',
] as const;

export type Scope = (typeof SCOPES)[number];

/**
 * What the app asks for, and what a token gets when the client names no scope. It holds the writes an
 * admin makes (users, prospects' owners): the role, not the scope, keeps them from everyone else.
 */
export const DEFAULT_SCOPE = 'phoneNumbers.all prospects.all users.all auditEvents.read';

export function isScope(value: string): value is Scope {
  return (SCOPES as readonly string[]).includes(value);
}

/** The narrowest scope that allows the action, named in 403 messages. */
export function scopeNeeded(resource: Resource, action: Action): string {
  return resource === 'phoneNumbers' || action === 'read'
    ? `${resource}.${action}`
    : `${resource}.all`;
}

export function grants(scopes: ReadonlySet<string>, resource: Resource, action: Action): boolean {
  return scopes.has(`${resource}.all`) || scopes.has(scopeNeeded(resource, action));
}
