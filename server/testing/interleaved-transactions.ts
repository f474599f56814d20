import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema';

/** A promise and the function that settles it, to hold a transaction open. */
function gate() {
  let open = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

/**
 * Runs `first` in a transaction held open once it has run, then `second` in another transaction. Says
 * whether `second` was still waiting 300 ms later (for a lock `first` holds), then lets `first` commit
 * and gives both results.
 */
export async function interleaveTransactions<First, Second>(
  db: Kysely<Database>,
  first: (trx: Transaction<Database>) => Promise<First>,
  second: (trx: Transaction<Database>) => Promise<Second>,
): Promise<{ secondWaited: boolean; first: First; second: Second }> {
  const held = gate();
  const written = gate();
  const firstDone = db.transaction().execute(async (trx) => {
    const result = await first(trx);
    written.open();
    await held.opened;
    return result;
  });
  await written.opened;
  const secondDone = db.transaction().execute(second);
  const early = await Promise.race([
    secondDone.then(() => 'finished'),
    new Promise((resolve) =>
      setTimeout(() => {
        resolve('waiting');
      }, 300),
    ),
  ]);
  held.open();
  return { secondWaited: early === 'waiting', first: await firstDone, second: await secondDone };
}
