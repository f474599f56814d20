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
  // In the members' order, as a sparse fieldset never reorders them; most fieldsets name one or two.
  const picked: Record<string, unknown> = {};
  for (const name in members) if (wanted.has(name)) picked[name] = members[name];
  return picked;
}

export function wantsField(
  type: string,
  name: string,
  fields: ReadonlyMap<string, ReadonlySet<string>>,
) {
  return fields.get(type)?.has(name) ?? true;
}

/**
 * One answer per owner within a response: its rows share a few owners, and each answer (meta's flags
 * and refusals) depends on nothing else of the row. Keyed by the context, so it lasts one response.
 */
export function perOwner<T>(
  compute: (context: ResourceContext, ownerId: number) => T,
): (context: ResourceContext, ownerId: number) => T {
  const answers = new WeakMap<ResourceContext, Map<number, T>>();
  return (context, ownerId) => {
    let byOwner = answers.get(context);
    if (byOwner === undefined) {
      byOwner = new Map();
      answers.set(context, byOwner);
    }
    let answer = byOwner.get(ownerId);
    if (answer === undefined) {
      answer = compute(context, ownerId);
      byOwner.set(ownerId, answer);
    }
    return answer;
  };
}
