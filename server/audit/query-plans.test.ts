import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type OpenedDatabase } from '../db/database';
import { isLongPlan, listCollection, planOf, type QueryExecutor } from '../http/collection-query';
import { encodeCursor, parseQuery } from '../http/query';
import { recordAuditEvent } from './audit-log';
import { auditEventSource } from './repository';
import { auditEventQuerySpec } from './resource';

/**
 * The trail grows with every write and is never pruned: the views the app and the API read (a prospect's
 * history, one resource's history), first page and next, search an index and sort nothing (SQLite's own
 * EXPLAIN QUERY PLAN of the SQL the server runs).
 */

let directory: string;
let database: OpenedDatabase;
beforeAll(async () => {
  directory = mkdtempSync(join(tmpdir(), 'audit-plans-'));
  database = await openDatabase(join(directory, 'plans.sqlite'));
  for (let index = 0; index < 30; index++) {
    await recordAuditEvent(database.db, {
      actor: { userId: 1, name: 'Ada Admin' },
      action: 'updated',
      resourceType: 'phoneNumber',
      resourceId: 3,
      prospectId: 7,
      before: {},
      after: {},
      at: new Date(Date.UTC(2026, 0, 1, 0, index)).toISOString(),
    });
  }
});
afterAll(async () => {
  await database.close();
  rmSync(directory, { recursive: true, force: true });
});

async function plansFor(search: string) {
  const query = parseQuery(new URLSearchParams(search), auditEventQuerySpec);
  const ran: CompiledQuery[] = [];
  const recording: QueryExecutor = {
    executeQuery: (compiled) => {
      if (!('sql' in compiled) || !compiled.sql.startsWith('explain')) {
        ran.push(compiled as CompiledQuery);
      }
      return database.db.executeQuery(compiled);
    },
    getExecutor: () => database.db.getExecutor(),
  };
  await listCollection(recording, auditEventSource(database.db, query), query);
  return Promise.all(
    ran.map(async (compiled) => ({ sql: compiled.sql, plan: await planOf(database.db, compiled) })),
  );
}

/** The cursor of a page that ends at event 11, newest first. */
const after = encodeCursor(parseQuery(new URLSearchParams(), auditEventQuerySpec).sort, {
  values: [11],
  inclusive: false,
});

describe('the audit trail’s query plans', () => {
  it.each([
    'filter[prospect][id]=7&page[size]=20',
    'filter[prospect][id]=7&page[size]=20&count=true',
    `filter[prospect][id]=7&page[size]=20&page[after]=${after}`,
    'filter[resourceType]=phoneNumber&filter[resourceId]=3&page[size]=20',
    `filter[resourceType]=phoneNumber&filter[resourceId]=3&page[size]=20&page[after]=${after}`,
  ])('%s searches an index and sorts nothing', async (search) => {
    const runs = await plansFor(search);
    expect(runs.length).toBeGreaterThan(0);
    for (const { sql, plan } of runs) {
      const context = `${sql}\n${plan.join('\n')}`;
      expect(
        plan.some((detail) => detail.startsWith('SEARCH')),
        context,
      ).toBe(true);
      expect(isLongPlan(plan, true), context).toBe(false);
    }
  });
});
