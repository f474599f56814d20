import type { Kysely } from 'kysely';
import { ownersToName } from '../auth/governance';
import type { Database } from '../db/schema';
import type { ResourceContext } from '../http/resource-context';
import { findUsers } from './repository';

/**
 * The context with the names of the owners its records' refusals name ("Sam Rep owns this prospect"),
 * in one look-up, made only when authorization meta is asked for and some record is refused for its
 * owner.
 */
export async function withOwnerNames(
  db: Kysely<Database>,
  context: ResourceContext,
  ownerIds: readonly number[],
): Promise<ResourceContext> {
  if (!context.authorizationMeta) return context;
  const named = ownersToName(context.principal, ownerIds);
  if (named.length === 0) return context;
  const owners = await findUsers(db, named);
  return {
    ...context,
    ownerNames: new Map(
      owners.map((owner) => [owner.id, `${owner.first_name} ${owner.last_name}`.trim()]),
    ),
  };
}
