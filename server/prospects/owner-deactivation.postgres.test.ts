import type { Kysely } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from '../db/schema';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { changeUser, findUsers } from '../users/repository';
import { changeOwner, findProspect } from './repository';

const AT = '2026-12-04T12:00:00.000Z';

/** A promise and the function that settles it, to hold a transaction open. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/** Whether a promise is still pending after 300 ms: the statement behind it waits for a lock. */
const stillWaiting = (promise: Promise<unknown>) =>
  Promise.race([
    promise.then(() => 'finished'),
    new Promise((resolve) =>
      setTimeout(() => {
        resolve('waiting');
      }, 300),
    ),
  ]);

/** An admin who owns a prospect, and a rep, Bo, to give it to. */
async function ownerAndRep(db: Kysely<Database>) {
  const users = await db
    .insertInto('users')
    .values(
      (['admin', 'rep'] as const).map((role) => ({
        first_name: role === 'admin' ? 'Ada' : 'Bo',
        last_name: 'Team',
        email: `${role}@example.com`,
        title: null,
        role,
        created_at: AT,
        updated_at: AT,
      })),
    )
    .returning('id')
    .execute();
  const [ada, bo] = await findUsers(
    db,
    users.map(({ id }) => id),
  );
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
    const held = gate();
    const written = gate();
    const deactivation = db.transaction().execute(async (trx) => {
      const changed = await changeUser(trx, bo, { deactivated_at: AT }, AT);
      written.open();
      await held.opened;
      return changed;
    });
    await written.opened;
    const reassignment = db.transaction().execute((trx) => changeOwner(trx, prospectId, bo.id, AT));
    const early = await stillWaiting(reassignment);
    held.open();

    expect(early).toBe('waiting');
    expect(await deactivation).toBe(true);
    expect(await reassignment).toBe(false);
    expect((await findProspect(db, prospectId))?.owner_id).toBe(ada.id);
  });

  it('makes a deactivation wait for a reassignment to that user in flight', async () => {
    const db = await openDatabase();
    const { bo, prospectId } = await ownerAndRep(db);

    const held = gate();
    const written = gate();
    const reassignment = db.transaction().execute(async (trx) => {
      const changed = await changeOwner(trx, prospectId, bo.id, AT);
      written.open();
      await held.opened;
      return changed;
    });
    await written.opened;
    const deactivation = db
      .transaction()
      .execute((trx) => changeUser(trx, bo, { deactivated_at: AT }, AT));
    const early = await stillWaiting(deactivation);
    held.open();

    expect(early).toBe('waiting');
    expect(await reassignment).toBe(true);
    expect(await deactivation).toBe(true);
  });
});
