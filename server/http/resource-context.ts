import type { Principal } from '../auth/governance';

/** What shapes the resources of one response. */
export interface ResourceContext {
  /** Absolute base of the API, e.g. http://localhost:4173/api/v2, for links. */
  apiBase: string;
  principal: Principal;
  authorizationMeta: boolean;
  fields: ReadonlyMap<string, ReadonlySet<string>>;
  /** Names of the prospects' owners that authorization meta's refusals name (`withOwnerNames`). */
  ownerNames?: ReadonlyMap<number, string>;
}

/** Keeps the members a sparse fieldset asks for (all of them when there is none for the type). */
export function pickFields(
  type: string,
  members: Record<string, unknown>,
  fields: ReadonlyMap<string, ReadonlySet<string>>,
): Record<string, unknown> {
  const wanted = fields.get(type);
  if (!wanted) return members;
  return Object.fromEntries(Object.entries(members).filter(([name]) => wanted.has(name)));
}

export function wantsField(
  type: string,
  name: string,
  fields: ReadonlyMap<string, ReadonlySet<string>>,
) {
  return fields.get(type)?.has(name) ?? true;
}
