import { Hono } from 'hono';
import type { Kysely } from 'kysely';
import { formatInternational } from '../../contract/phone-number-format';
import { decide, enforce, requireScope, type Principal } from '../auth/governance';
import type { Database } from '../db/schema';
import type { AppEnv } from '../http/app-env';
import { membersNotTaken, readRequiredToOne, readToOne } from '../http/request-document';
import {
  methodNotAllowed,
  notFound,
  refused,
  validationFailed,
  type FieldError,
} from '../http/errors';
import { documentResponse } from '../http/json-api';
import { collectionLinks } from '../http/pagination';
import { parseQuery, type CollectionQuery } from '../http/query';
import type { ResourceContext } from '../http/resource-context';
import {
  idParam,
  requestHeader,
  requestUrl,
  resourceContext,
  searchParams,
} from '../http/route-helpers';
import { limitRequestBody, readRequestResource } from '../http/write-request';
import {
  findProspect,
  prospectResourcesByIds,
  prospectResourcesOfNumbers,
} from '../prospects/repository';
import { withOwnerNames } from '../users/owner-names';
import {
  deletePhoneNumber,
  findPhoneNumber,
  findPhoneNumberToWrite,
  hasDuplicate,
  insertPhoneNumber,
  listPhoneNumbers,
  lockNumbersOf,
  nextOrder,
  updatePhoneNumber,
  type PhoneNumberListRow,
} from './repository';
import { recordPhoneNumberChange } from './audit';
import { changedSince, exchangeOrder, expectedVersion, phoneNumberEtag } from './concurrency';
import { PHONE_NUMBER_TYPE, phoneNumberQuerySpec, phoneNumberResource } from './resource';
import { isSharedFilter } from './shared-numbers';
import { planCreate, planUpdate } from './validation';

interface RouteOptions {
  db: Kysely<Database>;
  now: () => number;
}

function checkIncludes(principal: Principal, query: CollectionQuery) {
  if (query.include.has('prospect')) requireScope(principal, 'prospects', 'read');
}

const duplicateProblem = (number: string, extension: string | null): FieldError => ({
  pointer: '/data/attributes/number',
  detail: `This prospect already has ${formatInternational(number, extension)}.`,
});

const unknownRelationships = (relationships: Record<string, unknown>) =>
  membersNotTaken(
    relationships,
    'relationships',
    ['prospect'],
    (name) => `A phone number has no relationship "${name}"; it has prospect.`,
  );

export function phoneNumberRoutes({ db, now }: RouteOptions): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  async function singleDocument(
    row: PhoneNumberListRow,
    query: CollectionQuery,
    given: ResourceContext,
  ) {
    const context = await withOwnerNames(db, given, [row.owner_id]);
    return {
      data: phoneNumberResource(row, context),
      ...(query.include.has('prospect')
        ? { included: await prospectResourcesByIds(db, [row.prospect_id], context) }
        : {}),
    };
  }

  app.get('/', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'phoneNumbers', 'read');
    const query = parseQuery(searchParams(c), phoneNumberQuerySpec);
    checkIncludes(principal, query);
    // The admins' list of shared numbers (decision 0058); a rep's dialog asks by number instead.
    if (query.filters.some(isSharedFilter) && principal.role !== 'admin') {
      throw refused(`Only admins can list shared numbers; ${principal.name} is not an admin.`);
    }
    const { page, meta } = await listPhoneNumbers(db, query);
    const context = await withOwnerNames(
      db,
      resourceContext(c, query),
      page.rows.map((row) => row.owner_id),
    );
    return documentResponse(c, {
      data: page.rows.map((row) => phoneNumberResource(row, context)),
      ...(query.include.has('prospect')
        ? {
            included: await prospectResourcesOfNumbers(db, page.rows, context),
          }
        : {}),
      links: collectionLinks(requestUrl(c), query.sort, page),
      ...(meta === undefined ? {} : { meta }),
    });
  });

  app.get('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'phoneNumbers', 'read');
    const query = parseQuery(searchParams(c), phoneNumberQuerySpec, true);
    checkIncludes(principal, query);
    const id = idParam(c, 'phone number');
    const row = await findPhoneNumber(db, id);
    if (!row) throw notFound(`There is no phone number with id ${id}.`);
    enforce(decide(principal, 'phoneNumbers', 'read', row.owner_id));
    return documentResponse(c, await singleDocument(row, query, resourceContext(c, query)), 200, {
      ETag: phoneNumberEtag(row),
    });
  });

  app.post('/', limitRequestBody, async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'phoneNumbers', 'write');
    const query = parseQuery(searchParams(c), phoneNumberQuerySpec, true);
    checkIncludes(principal, query);
    const resource = await readRequestResource(c, PHONE_NUMBER_TYPE, undefined);
    const prospectRef = readRequiredToOne(
      resource.relationships,
      'prospect',
      'prospect',
      'Say which prospect the number belongs to: relationships.prospect.',
      unknownRelationships(resource.relationships),
    );

    const created = await db.transaction().execute(async (trx) => {
      await lockNumbersOf(trx, prospectRef.id);
      const prospect = await findProspect(trx, prospectRef.id);
      if (!prospect) {
        throw validationFailed([
          {
            pointer: '/data/relationships/prospect',
            detail: `There is no prospect with id ${prospectRef.id}.`,
          },
        ]);
      }
      enforce(decide(principal, 'phoneNumbers', 'write', prospect.owner_id));
      const values = planCreate(resource.attributes, []);
      if (
        await hasDuplicate(trx, {
          prospectId: prospect.id,
          number: values.number,
          extension: values.extension,
        })
      ) {
        throw validationFailed([duplicateProblem(values.number, values.extension)]);
      }
      const at = new Date(now()).toISOString();
      const placed =
        values.sort_order === undefined
          ? await nextOrder(trx, prospect.id, at)
          : { order: values.sort_order, moved: [] };
      const id = await insertPhoneNumber(trx, {
        ...values,
        prospect_id: prospect.id,
        sort_order: placed.order,
        status_changed_at: at,
        created_at: at,
        updated_at: at,
      });
      const row = await findPhoneNumber(trx, id);
      for (const change of [...placed.moved, { before: undefined, after: row }]) {
        await recordPhoneNumberChange(trx, principal, at, change);
      }
      return row;
    });
    if (!created) throw new Error('The new phone number could not be read back');
    const context = resourceContext(c, query);
    const document = await singleDocument(created, query, context);
    return documentResponse(c, document, 201, {
      Location: document.data.links.self,
      ETag: phoneNumberEtag(created),
    });
  });

  app.patch('/:id', limitRequestBody, async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'phoneNumbers', 'write');
    const query = parseQuery(searchParams(c), phoneNumberQuerySpec, true);
    checkIncludes(principal, query);
    const id = idParam(c, 'phone number');
    const resource = await readRequestResource(c, PHONE_NUMBER_TYPE, id);
    const problems = unknownRelationships(resource.relationships);
    const prospectRef = readToOne(resource.relationships, 'prospect', 'prospect');
    if (prospectRef !== undefined && 'problem' in prospectRef) problems.push(prospectRef.problem);
    const ifMatch = requestHeader(c, 'If-Match');

    const updated = await db.transaction().execute(async (trx) => {
      const existing = await findPhoneNumberToWrite(trx, id);
      if (!existing) throw notFound(`There is no phone number with id ${id}.`);
      enforce(decide(principal, 'phoneNumbers', 'write', existing.owner_id));
      const version = expectedVersion(ifMatch, existing);
      if (
        prospectRef !== undefined &&
        'id' in prospectRef &&
        prospectRef.id !== existing.prospect_id
      ) {
        problems.push({
          pointer: '/data/relationships/prospect',
          detail: "A phone number can't move to another prospect; add it there and delete it here.",
        });
      }
      const at = new Date(now()).toISOString();
      const changes = planUpdate(resource.attributes, existing, at, problems);
      if (changes.number !== undefined || changes.extension !== undefined) {
        const number = changes.number ?? existing.number;
        const extension = changes.extension !== undefined ? changes.extension : existing.extension;
        if (
          await hasDuplicate(trx, {
            prospectId: existing.prospect_id,
            number,
            extension,
            exceptId: id,
          })
        ) {
          throw validationFailed([duplicateProblem(number, extension)]);
        }
      }
      if (Object.keys(changes).length === 0) return existing;
      const swapped =
        changes.sort_order === undefined
          ? undefined
          : await exchangeOrder(trx, existing, changes.sort_order, at);
      if (!(await updatePhoneNumber(trx, id, changes, version))) {
        const current = await findPhoneNumber(trx, id);
        if (!current) throw notFound(`There is no phone number with id ${id}.`);
        throw changedSince(current);
      }
      const row = await findPhoneNumber(trx, id);
      for (const change of [...(swapped ? [swapped] : []), { before: existing, after: row }]) {
        await recordPhoneNumberChange(trx, principal, at, change);
      }
      return row;
    });
    if (!updated) throw new Error('The phone number could not be read back');
    return documentResponse(
      c,
      await singleDocument(updated, query, resourceContext(c, query)),
      200,
      {
        ETag: phoneNumberEtag(updated),
      },
    );
  });

  app.delete('/:id', async (c) => {
    const principal = c.get('principal');
    requireScope(principal, 'phoneNumbers', 'delete');
    parseQuery(searchParams(c), phoneNumberQuerySpec, true);
    const id = idParam(c, 'phone number');
    const ifMatch = requestHeader(c, 'If-Match');
    await db.transaction().execute(async (trx) => {
      const existing = await findPhoneNumberToWrite(trx, id);
      if (!existing) throw notFound(`There is no phone number with id ${id}.`);
      enforce(decide(principal, 'phoneNumbers', 'delete', existing.owner_id));
      const version = expectedVersion(ifMatch, existing);
      if (await deletePhoneNumber(trx, id, version)) {
        const at = new Date(now()).toISOString();
        await recordPhoneNumberChange(trx, principal, at, { before: existing, after: undefined });
      } else if (version !== undefined) {
        throw changedSince((await findPhoneNumber(trx, id)) ?? existing);
      }
    });
    return c.body(null, 204, c.var.responseHeaders);
  });

  app.all('/', () => {
    throw methodNotAllowed(['GET', 'POST']);
  });
  app.all('/:id', () => {
    throw methodNotAllowed(['GET', 'PATCH', 'DELETE']);
  });

  return app;
}
