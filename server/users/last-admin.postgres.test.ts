import { describe, expect, it } from 'vitest';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { changeUser, findUsers } from './repository';

const AT = '2026-12-04T12:00:00.000Z';

/** A promise and the function that settles it, to hold a transaction open. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

describe('the last active admin, on PostgreSQL', () => {
  const openDatabase = useTemporaryDatabases();

  it('lets one of two admins demoting each other at once through; the other waits for it, then is refused', async () => {
    const db = await openDatabase();
    const inserted = await db
      .insertInto('users')
      .values(
        ['Ada', 'Bo'].map((name) => ({
          first_name: name,
          last_name: 'Admin',
          email: `${name.toLowerCase()}@example.com`,
          title: null,
          role: 'admin' as const,
          created_at: AT,
          updated_at: AT,
        })),
      )
      .returning('id')
      .execute();
    const [ada, bo] = await findUsers(
      db,
      inserted.map(({ id }) => id),
    );
    if (!ada || !bo) throw new Error('The two admins were not written');

    // Ada's demotion is written and held uncommitted while Bo's runs in another transaction.
    const held = gate();
    const written = gate();
    const first = db.transaction().execute(async (trx) => {
      const changed = await changeUser(trx, ada, { role: 'rep' }, AT);
      written.open();
      await held.opened;
      return changed;
    });
    await written.opened;
    const second = db.transaction().execute((trx) => changeUser(trx, bo, { role: 'viewer' }, AT));
    // Bo's statement cannot have seen Ada still an admin and gone through meanwhile.
    const early = await Promise.race([
      second.then(() => 'finished'),
      new Promise((resolve) =>
        setTimeout(() => {
          resolve('waiting');
        }, 300),
      ),
    ]);
    held.open();

    expect(early).toBe('waiting');
    expect(await first).toBe(true);
    expect(await second).toBe(false);
    const admins = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .execute();
    expect(admins).toEqual([{ id: bo.id }]);
  });
});
