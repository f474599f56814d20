import { describe, expect, it } from 'vitest';
import { insertUsers } from '../testing/database-rows';
import { interleaveTransactions } from '../testing/interleaved-transactions';
import { useTemporaryDatabases } from '../testing/temporary-database';
import { changeUser } from './repository';

const AT = '2026-12-04T12:00:00.000Z';

describe('the last active admin, on PostgreSQL', () => {
  const openDatabase = useTemporaryDatabases();

  it('lets one of two admins demoting each other at once through; the other waits for it, then is refused', async () => {
    const db = await openDatabase();
    const [ada, bo] = await insertUsers(db, [
      { firstName: 'Ada', lastName: 'Admin', role: 'admin' },
      { firstName: 'Bo', lastName: 'Admin', role: 'admin' },
    ]);
    if (!ada || !bo) throw new Error('The two admins were not written');

    // Ada's demotion is written and held uncommitted while Bo's runs in another transaction; Bo's
    // statement cannot have seen Ada still an admin and gone through meanwhile.
    const { secondWaited, first, second } = await interleaveTransactions(
      db,
      (trx) => changeUser(trx, ada, { role: 'rep' }, AT),
      (trx) => changeUser(trx, bo, { role: 'viewer' }, AT),
    );

    expect(secondWaited).toBe(true);
    expect(first).toBe(true);
    expect(second).toBe(false);
    const admins = await db
      .selectFrom('users')
      .select('id')
      .where('role', '=', 'admin')
      .where('deactivated_at', 'is', null)
      .execute();
    expect(admins).toEqual([{ id: bo.id }]);
  });
});
