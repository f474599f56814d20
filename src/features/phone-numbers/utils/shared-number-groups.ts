import type { ListedPhoneNumber } from '../schemas/phone-number';

export interface SharedNumberHolder {
  phoneNumberId: number;
  prospectId: number;
  /** The prospect's name, or "Prospect 12" where the API sent none. */
  name: string;
  extension: string | null;
}

export interface SharedNumberGroup {
  /** E.164. */
  number: string;
  holders: SharedNumberHolder[];
}

/** The numbers read so far, each with the prospects that hold it, in the order they came (by number). */
export function sharedNumberGroups(rows: readonly ListedPhoneNumber[]): SharedNumberGroup[] {
  const groups = new Map<string, SharedNumberGroup>();
  for (const row of rows) {
    if (row.number === null || row.prospectId === null) continue;
    let group = groups.get(row.number);
    if (group === undefined) {
      group = { number: row.number, holders: [] };
      groups.set(row.number, group);
    }
    group.holders.push({
      phoneNumberId: row.id,
      prospectId: row.prospectId,
      name: row.prospectName ?? `Prospect ${row.prospectId}`,
      extension: row.extension,
    });
  }
  return [...groups.values()];
}
