import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_ORDER } from '@contract/phone-number-values';
import { planReorder, type OrderedRow, type OrderPatch, type ReorderMove } from './plan-reorder';

/** Rows with ids 1, 2, … and the given orders, in that shown order. */
const rowsOf = (...orders: (number | null)[]): OrderedRow[] =>
  orders.map((order, index) => ({ id: index + 1, order }));

/** As the server sorts: by order, nulls last, then by id. */
const byOrderThenId = (a: OrderedRow, b: OrderedRow) =>
  (a.order ?? Infinity) - (b.order ?? Infinity) || a.id - b.id;

function applied(rows: readonly OrderedRow[], patches: readonly OrderPatch[]): OrderedRow[] {
  const orders = new Map(patches.map((patch) => [patch.id, patch.order]));
  return rows.map((row) => ({ id: row.id, order: orders.get(row.id) ?? row.order }));
}

function expectedIds(rows: readonly OrderedRow[], id: number, move: ReorderMove): number[] {
  const ids = rows.map((row) => row.id);
  const from = ids.indexOf(id);
  const to = move === 'first' ? 0 : move === 'up' ? Math.max(from - 1, 0) : from + 1;
  if (to >= ids.length) return ids;
  ids.splice(from, 1);
  ids.splice(to, 0, id);
  return ids;
}

/** Whether the patches show the rows in the expected sequence and give no changed row another's order. */
function works(rows: readonly OrderedRow[], patches: readonly OrderPatch[], expected: number[]) {
  const after = applied(rows, patches);
  const shown = [...after].sort(byOrderThenId).map((row) => row.id);
  const patched = new Set(patches.map((patch) => patch.id));
  const newTie = after.some(
    (row) =>
      patched.has(row.id) && after.some((other) => other !== row && other.order === row.order),
  );
  return !newTie && shown.join() === expected.join();
}

/** Every way to change `size` rows' orders to values in 0..highest, tried until one works. */
function someChangeOfSize(
  rows: readonly OrderedRow[],
  size: number,
  highest: number,
  expected: number[],
): boolean {
  const choose = (start: number, chosen: number[]): boolean => {
    if (chosen.length === size) return assign(chosen, []);
    for (let index = start; index < rows.length; index += 1) {
      if (choose(index + 1, [...chosen, index])) return true;
    }
    return false;
  };
  const assign = (chosen: number[], orders: number[]): boolean => {
    if (orders.length === chosen.length) {
      const patches = chosen.map((index, k) => ({ id: rows[index]!.id, order: orders[k]! }));
      return works(rows, patches, expected);
    }
    for (let order = 0; order <= highest; order += 1) {
      if (assign(chosen, [...orders, order])) return true;
    }
    return false;
  };
  return choose(0, []);
}

function fewestChanges(rows: readonly OrderedRow[], expected: number[]): number {
  const highest = Math.max(0, ...rows.map((row) => row.order ?? 0)) + rows.length + 1;
  for (let size = 0; size <= rows.length; size += 1) {
    if (someChangeOfSize(rows, size, highest, expected)) return size;
  }
  throw new Error('Renumbering every row always works.');
}

/** Rows with distinct ids and orders that tie, leave gaps or are missing, shown as the server sorts them. */
const shownRows = (maxLength: number) =>
  fc
    .uniqueArray(
      fc.record({
        id: fc.integer({ min: 1, max: 40 }),
        order: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null, freq: 5 }),
      }),
      { minLength: 1, maxLength, selector: (row) => row.id },
    )
    .map((rows) => rows.sort(byOrderThenId));

const aMove = fc.constantFrom<ReorderMove>('first', 'up', 'down');

describe('planReorder', () => {
  it.each<[string, OrderedRow[], number, ReorderMove, OrderPatch[]]>([
    [
      'makes a number primary below a first order above 0',
      rowsOf(2, 3, 5),
      3,
      'first',
      [{ id: 3, order: 0 }],
    ],
    [
      'makes a number primary when 0 is taken',
      rowsOf(0, 1, 2),
      3,
      'first',
      [
        { id: 1, order: 3 },
        { id: 2, order: 4 },
      ],
    ],
    [
      'swaps neighbours with consecutive orders',
      rowsOf(0, 1, 2, 3),
      3,
      'up',
      [
        { id: 3, order: 1 },
        { id: 2, order: 2 },
      ],
    ],
    ['moves into a gap with one change', rowsOf(0, 5, 6), 3, 'up', [{ id: 3, order: 2 }]],
    ['moves the last number up past its neighbour', rowsOf(0, 1), 2, 'up', [{ id: 1, order: 2 }]],
    [
      'moves down by changing the moved number',
      rowsOf(0, 10, 20),
      1,
      'down',
      [{ id: 1, order: 15 }],
    ],
    [
      'renumbers what follows when every order ties',
      rowsOf(0, 0, 0, 0),
      3,
      'first',
      [
        { id: 1, order: 1 },
        { id: 2, order: 2 },
        { id: 4, order: 3 },
      ],
    ],
    ['keeps a tie the data has', rowsOf(0, 0, 1), 3, 'up', [{ id: 2, order: 2 }]],
    [
      'numbers a row with no order before the rows without one',
      rowsOf(0, null, null),
      3,
      'up',
      [{ id: 3, order: 1 }],
    ],
    [
      'numbers a row moved first among rows without order',
      rowsOf(null, null),
      2,
      'first',
      [{ id: 2, order: 0 }],
    ],
    ['leaves the first number where it is when moved first', rowsOf(3, 1), 1, 'first', []],
    ['leaves the first number where it is when moved up', rowsOf(0, 1), 1, 'up', []],
    ['leaves the last number where it is when moved down', rowsOf(0, 1), 2, 'down', []],
  ])('%s', (_, rows, id, move, patches) => {
    expect(planReorder(rows, id, move)).toEqual(patches);
  });

  it('refuses a row that is not among the rows', () => {
    expect(() => planReorder(rowsOf(0, 1), 9, 'up')).toThrow('Phone number 9');
  });

  it('never goes above the largest order the API takes', () => {
    const rows = rowsOf(MAX_ORDER - 1, MAX_ORDER);
    const patches = planReorder(rows, 1, 'down');

    expect(works(rows, patches, [2, 1])).toBe(true);
    expect(patches.every((patch) => patch.order <= MAX_ORDER)).toBe(true);
  });

  it('shows the expected sequence with the fewest changes (brute force, up to 5 rows)', () => {
    fc.assert(
      fc.property(shownRows(5), fc.nat(), aMove, (rows, pick, move) => {
        const id = rows[pick % rows.length]!.id;
        const expected = expectedIds(rows, id, move);
        const patches = planReorder(rows, id, move);

        expect(works(rows, patches, expected)).toBe(true);
        expect(patches).toHaveLength(fewestChanges(rows, expected));
      }),
      { numRuns: 300 },
    );
  });

  it('shows the expected sequence in whole orders ≥ 0, never changing more than renumbering would', () => {
    fc.assert(
      fc.property(shownRows(30), fc.nat(), aMove, (rows, pick, move) => {
        const id = rows[pick % rows.length]!.id;
        const expected = expectedIds(rows, id, move);
        const patches = planReorder(rows, id, move);
        const renumbered = expected.filter((rowId, index) => {
          const row = rows.find((candidate) => candidate.id === rowId);
          return row?.order !== index;
        });

        expect(works(rows, patches, expected)).toBe(true);
        expect(patches.every((patch) => Number.isInteger(patch.order) && patch.order >= 0)).toBe(
          true,
        );
        expect(patches.length).toBeLessThanOrEqual(renumbered.length);
      }),
      { numRuns: 500 },
    );
  });
});
