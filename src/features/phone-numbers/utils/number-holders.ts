import type { PhoneNumberPage } from '../schemas/phone-number';

export interface NumberHolder {
  prospectId: number;
  /** The prospect's name, or "prospect 12" where the API sent none. */
  name: string;
}

/** The other prospects that hold a number: the first ones by name, and how many more. */
export interface OtherHolders {
  named: NumberHolder[];
  more: number;
}

/**
 * The prospects other than `prospectId` that hold the number, from the numbers stored as it; the
 * number edited (`exceptId`) is not another's. Past the page, each number counted is taken for
 * another prospect's (a prospect rarely holds one number twice, with two extensions).
 */
export function otherHolders(
  page: PhoneNumberPage,
  { prospectId, exceptId }: { prospectId: number; exceptId: number | undefined },
): OtherHolders {
  const holders = new Map<number, NumberHolder>();
  for (const row of page.phoneNumbers) {
    if (row.id === exceptId || row.prospectId === null || row.prospectId === prospectId) continue;
    if (holders.has(row.prospectId)) continue;
    holders.set(row.prospectId, {
      prospectId: row.prospectId,
      name: row.prospectName ?? `prospect ${row.prospectId}`,
    });
  }
  const all = [...holders.values()];
  const unread = Math.max(0, (page.count ?? page.phoneNumbers.length) - page.phoneNumbers.length);
  if (all.length <= 2 && unread === 0) return { named: all, more: 0 };
  return { named: all.slice(0, 1), more: Math.max(0, all.length - 1) + unread };
}
