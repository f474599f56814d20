import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DemoUser } from './pages/sign-in-page';

export type ProspectOwner = Exclude<DemoUser, 'Val Viewer'>;

/** The demo users who own prospects, with their user ids in the demo seed (server/db/seed.ts). */
const OWNERS: readonly { owner: ProspectOwner; ownerId: number }[] = [
  { owner: 'Ada Admin', ownerId: 1 },
  { owner: 'Riley Rep', ownerId: 2 },
  { owner: 'Sam Rep', ownerId: 3 },
];

/**
 * Prospects per owner. Each is leased once for the life of a server's database, so this bounds the
 * tests that ask for one of an owner's in one run (about 30 ask for Riley's today).
 */
const POOL_SIZE = 100;

/** Far above the demo seed's 60 prospects, so that a pooled id is never a seeded one. */
const FIRST_ID = 1001;

export interface PooledProspect {
  id: number;
  firstName: string;
  lastName: string;
  /** As the API and the Prospect combobox name it: "Pool Riley-007". */
  name: string;
  owner: ProspectOwner;
  ownerId: number;
}

/** Every pooled prospect, owner by owner, each owner's in the order they are leased. */
export const POOL: readonly PooledProspect[] = OWNERS.flatMap(({ owner, ownerId }, ownerIndex) =>
  Array.from({ length: POOL_SIZE }, (_, index) => {
    const firstName = 'Pool';
    const lastName = `${owner.split(' ')[0]!}-${String(index + 1).padStart(3, '0')}`;
    return {
      id: FIRST_ID + ownerIndex * POOL_SIZE + index,
      firstName,
      lastName,
      name: `${firstName} ${lastName}`,
      owner,
      ownerId,
    };
  }),
);

/** Whether a demo user owns prospects, and so has pooled ones to lease. */
export function ownsProspects(user: DemoUser): user is ProspectOwner {
  return OWNERS.some(({ owner }) => owner === user);
}

/**
 * Where the leases of the server on a port are kept, a file per leased prospect. The e2e server empties
 * it as it starts on a fresh database and removes it as it stops.
 */
export function leaseDirectory(port: number | string): string {
  return join(tmpdir(), `phone-numbers-e2e-prospect-leases-${port}`);
}

/**
 * The owner's first pooled prospect that nobody holds, now held by `holder` (a test's title, for whoever
 * reads the directory): its lease file is created only if it does not exist yet, which the file system
 * does atomically, so workers and projects never get the same one.
 */
export function leaseProspect(
  leases: string,
  owner: ProspectOwner,
  holder: string,
): PooledProspect {
  for (const prospect of POOL.filter((candidate) => candidate.owner === owner)) {
    try {
      writeFileSync(join(leases, String(prospect.id)), holder, { flag: 'wx' });
      return prospect;
    } catch (error) {
      if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) throw error;
    }
  }
  throw new Error(`All ${POOL_SIZE} pooled prospects of ${owner}'s are leased in this run.`);
}
