import { conflict, validationFailed, type FieldError } from './errors';

/** JSON Pointer (RFC 6901) segment escaping, so odd attribute names still point somewhere exact. */
export const pointerSegment = (name: string): string =>
  name.slice(0, 100).replace(/~/g, '~0').replace(/\//g, '~1');

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function objectAt(value: unknown, pointer: string, detail: string): Record<string, unknown> {
  if (!isPlainObject(value)) throw validationFailed([{ pointer, detail }]);
  return value;
}

const RESOURCE_MEMBERS = new Set(['type', 'id', 'attributes', 'relationships', 'links', 'meta']);

export interface ResourceObject {
  id: number | undefined;
  attributes: Record<string, unknown>;
  relationships: Record<string, unknown>;
}

/** A positive integer id, as a JSON number (Outreach) or a numeric string (JSON:API). */
export function parseId(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^[1-9]\d{0,15}$/.test(value)) {
    const id = Number(value);
    return Number.isSafeInteger(id) ? id : undefined;
  }
  return undefined;
}

/**
 * Checks the shape of a request document holding one resource of `type`. For a PATCH, `expectedId` is the
 * id in the URL: the body must name the same resource (409 otherwise). For a POST, ids are the server's.
 */
export function readResourceObject(
  document: unknown,
  type: string,
  expectedId: number | undefined,
): ResourceObject {
  const top = objectAt(document, '', `Send a JSON:API document: {"data": {"type": "${type}", …}}.`);
  const data = objectAt(top.data, '/data', `data must be one ${type} resource object.`);
  const unknownMember = Object.keys(data).find((name) => !RESOURCE_MEMBERS.has(name));
  if (unknownMember !== undefined) {
    throw validationFailed([
      {
        pointer: `/data/${pointerSegment(unknownMember)}`,
        detail: `A resource object has no "${unknownMember.slice(0, 80)}" member.`,
      },
    ]);
  }
  if (typeof data.type !== 'string') {
    throw validationFailed([{ pointer: '/data/type', detail: `type must be "${type}".` }]);
  }
  if (data.type !== type) {
    throw conflict(
      `This endpoint takes ${type} resources, not "${data.type.slice(0, 80)}".`,
      '/data/type',
    );
  }
  let id: number | undefined;
  if (expectedId === undefined) {
    if (data.id !== undefined) {
      throw validationFailed([
        { pointer: '/data/id', detail: 'The server assigns ids; leave id out.' },
      ]);
    }
  } else {
    if (data.id === undefined) {
      throw validationFailed([
        { pointer: '/data/id', detail: `Include the id of the ${type} you are changing.` },
      ]);
    }
    id = parseId(data.id);
    if (id !== expectedId) {
      throw conflict(
        `The body names another ${type} than the URL, which names ${expectedId}.`,
        '/data/id',
      );
    }
  }
  const attributes =
    data.attributes === undefined
      ? {}
      : objectAt(data.attributes, '/data/attributes', 'attributes must be an object.');
  const relationships =
    data.relationships === undefined
      ? {}
      : objectAt(data.relationships, '/data/relationships', 'relationships must be an object.');
  return { id, attributes, relationships };
}

/**
 * A problem for each of a resource object's attributes or relationships that a write does not take, in
 * the body's order; `detail` gets the name cut to 80 characters.
 */
export function membersNotTaken(
  members: Record<string, unknown>,
  member: 'attributes' | 'relationships',
  taken: readonly string[],
  detail: (name: string) => string,
): FieldError[] {
  return Object.keys(members)
    .filter((name) => !taken.includes(name))
    .map((name) => memberNotTaken(member, name, detail));
}

/** The problem of one attribute or relationship a write does not take (see `membersNotTaken`). */
export const memberNotTaken = (
  member: 'attributes' | 'relationships',
  name: string,
  detail: (name: string) => string,
): FieldError => ({
  pointer: `/data/${member}/${pointerSegment(name)}`,
  detail: detail(name.slice(0, 80)),
});

/** The id of a to-one relationship ({"data": {"type", "id"}}), or a problem explaining what is wrong. */
export function readToOne(
  relationships: Record<string, unknown>,
  name: string,
  type: string,
): { id: number } | { problem: FieldError } | undefined {
  if (!Object.hasOwn(relationships, name)) return undefined;
  const pointer = `/data/relationships/${name}`;
  const relationship = relationships[name];
  const data = isPlainObject(relationship) ? relationship.data : undefined;
  if (!isPlainObject(data) || data.type !== type) {
    return {
      problem: { pointer, detail: `${name} must be {"data": {"type": "${type}", "id": …}}.` },
    };
  }
  const id = parseId(data.id);
  if (id === undefined)
    return { problem: { pointer: `${pointer}/data/id`, detail: `${name} needs a ${type} id.` } };
  return { id };
}

/**
 * The id of a to-one relationship a write needs; `missing` is the problem when it is left out. Throws
 * the write's other problems with this one's, if there are any.
 */
export function readRequiredToOne(
  relationships: Record<string, unknown>,
  name: string,
  type: string,
  missing: string,
  otherProblems: readonly FieldError[],
): { id: number } {
  const ref = readToOne(relationships, name, type) ?? {
    problem: { pointer: `/data/relationships/${name}`, detail: missing },
  };
  if ('problem' in ref) throw validationFailed([...otherProblems, ref.problem]);
  if (otherProblems.length > 0) throw validationFailed([...otherProblems]);
  return ref;
}
