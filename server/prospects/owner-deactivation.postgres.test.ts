import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { insertUsers } from '../testing/database-rows';
import { interleaveTransactions } from '../testing/interleaved-transactions';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { changeUser } from '../users/repository';
import { changeOwner, findProspect } from './repository';

const AT = '2026-12-04T12:00:00.000Z';

/** An admin who owns a prospect, and a rep, Bo, to give it to. */
async function ownerAndRep(db: Kysely<Database>) {
  const [ada, bo] = await insertUsers(db, [
    { firstName: 'Ada', lastName: 'Team', role: 'admin' },
    { firstName: 'Bo', lastName: 'Team', role: 'rep' },
  ]);
  if (!ada || !bo) throw new Error('The users were not written');
  const { id: prospectId } = await db
    .insertInto('prospects')
    .values({
      owner_id: ada.id,
      first_name: 'Pat',
      last_name: 'Prospect',
      company: null,
      title: null,
      address_country: null,
      time_zone_iana: null,
      calls_opt_status: null,
      search_name: 'pat prospect',
      search_last_name: 'prospect',
      search_company: '',
      created_at: AT,
      updated_at: AT,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { ada, bo, prospectId };
}

describe("a prospect's new owner deactivated at the same time, on PostgreSQL", () => {
  const openDatabase = useTemporaryDatabases();

  it('waits for a deactivation in flight, then refuses to give the prospect to them', async () => {
    const db = await openDatabase();
    const { ada, bo, prospectId } = await ownerAndRep(db);

    // Bo's deactivation is written and held uncommitted while the prospect is given to Bo.
    const { secondWaited, first, second } = await interleaveTransactions(
      db,
      (trx) => changeUser(trx, bo, { deactivated_at: AT }, AT),
      (trx) => changeOwner(trx, prospectId, bo.id, AT),
    );

    expect(secondWaited).toBe(true);
    expect(first).toBe(true);
    expect(second).toBe(false);
    expect((await findProspect(db, prospectId))?.owner_id).toBe(ada.id);
  });

  it('makes a deactivation wait for a reassignment to that user in flight', async () => {
    const db = await openDatabase();
    const { bo, prospectId } = await ownerAndRep(db);

    const { secondWaited, first, second } = await interleaveTransactions(
      db,
      (trx) => changeOwner(trx, prospectId, bo.id, AT),
      (trx) => changeUser(trx, bo, { deactivated_at: AT }, AT),
    );

    expect(secondWaited).toBe(true);
    expect(first).toBe(true);
    expect(second).toBe(true);
  });
});
