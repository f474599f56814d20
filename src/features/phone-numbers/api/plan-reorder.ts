import { MAX_ORDER } from '@contract/phone-number-values';

export type ReorderMove = 'first' | 'up' | 'down';

export interface OrderedRow {
  id: number;
  /** Null where an API sends none; it sorts after every number, as Postgres sorts nulls ascending. */
  order: number | null;
}

export interface OrderPatch {
  id: number;
  order: number;
}

/** The shown sequence after the move, or undefined when the move changes nothing. */
function moved(rows: readonly OrderedRow[], id: number, move: ReorderMove) {
  const from = rows.findIndex((row) => row.id === id);
  const row = rows[from];
  if (row === undefined) throw new Error(`Phone number ${id} is not among the rows to reorder.`);
  const to = move === 'first' ? 0 : move === 'up' ? from - 1 : from + 1;
  if (to < 0 || to >= rows.length || to === from) return undefined;
  const rest = rows.filter((_, index) => index !== from);
  return [...rest.slice(0, to), row, ...rest.slice(to)];
}

const orderOf = (row: OrderedRow) => row.order ?? Infinity;

/**
 * Whether rows `i` and `j` of the target can keep their orders with the `j - i - 1` rows between them
 * renumbered. Renumbered rows get distinct integers strictly between their neighbours' orders: a new tie
 * would lean on the server's id tie-break, which Outreach does not document. A tie the data already has
 * stands, if its ids are in the shown order. Index -1 and `target.length` are the ends of the list.
 */
function canKeepBoth(target: readonly OrderedRow[], i: number, j: number): boolean {
  const between = j - i - 1;
  const lower = target[i];
  const upper = target[j];
  const low = lower === undefined ? -1 : orderOf(lower);
  const high = upper === undefined ? MAX_ORDER + 1 : orderOf(upper);
  if (between === 0) {
    if (lower === undefined || upper === undefined) return true;
    return low < high || (low === high && lower.id < upper.id);
  }
  // Nothing can be renumbered after a null order: any number would sort before it.
  return low !== Infinity && Math.min(high, MAX_ORDER + 1) - low - 1 >= between;
}

/**
 * `count` orders strictly between `low` and `high`: spread out, so that a later move finds room, and just
 * after `low` at the end of the list, as the server numbers a new row (the highest order plus one).
 */
function ordersBetween(low: number, high: number | undefined, count: number): number[] {
  return Array.from({ length: count }, (_, k) =>
    high === undefined ? low + k + 1 : low + Math.floor(((k + 1) * (high - low)) / (count + 1)),
  );
}

/**
 * The fewest order changes that show `id` moved first, up or down, every other row keeping its place
 * relative to the rest. `rows` are one prospect's numbers in their shown order; the server sorts by order,
 * then id. A move that changes nothing needs no change.
 *
 * The rows kept as they are form the longest chain whose neighbours leave room for the rows between them
 * (dynamic programming over pairs, O(n²)); on a tie between chains, the moved row is the one renumbered.
 */
export function planReorder(
  rows: readonly OrderedRow[],
  id: number,
  move: ReorderMove,
): OrderPatch[] {
  const target = moved(rows, id, move);
  if (target === undefined) return [];
  const n = target.length;
  // Keeping a row is worth 2, keeping the moved row 1: more rows kept always wins, then the others.
  const worth = (index: number) => (target[index]?.id === id ? 1 : 2);
  // best[j + 1]: the most a chain from the start of the list up to row j (kept) is worth; -1 if none fits.
  const best: number[] = [0];
  const previous: number[] = [-1];
  for (let j = 0; j <= n; j += 1) {
    let bestWorth = -1;
    let bestFrom = -1;
    for (let i = -1; i < j; i += 1) {
      const from = best[i + 1] ?? -1;
      if (from >= 0 && canKeepBoth(target, i, j) && from > bestWorth) {
        bestWorth = from;
        bestFrom = i;
      }
    }
    best[j + 1] = bestWorth < 0 ? -1 : bestWorth + (j < n ? worth(j) : 0);
    previous[j + 1] = bestFrom;
  }

  const patches: OrderPatch[] = [];
  for (let j = n; j >= 0;) {
    const i = previous[j + 1] ?? -1;
    const lower = target[i];
    const upper = target[j];
    const low = lower === undefined ? -1 : orderOf(lower);
    const orders = ordersBetween(
      low,
      upper === undefined || upper.order === null ? undefined : upper.order,
      j - i - 1,
    );
    orders.forEach((order, k) => {
      const row = target[i + 1 + k];
      if (row !== undefined) patches.push({ id: row.id, order });
    });
    j = i;
  }
  return patches.sort((a, b) => a.order - b.order);
}
