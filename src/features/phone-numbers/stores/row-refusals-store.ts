import { useSyncExternalStore } from 'react';
import type { RowActionRefusals } from '../utils/row-refusals';

/** Every action refused, without a reason to show: what a row's actions read before its refusals are known. */
const UNKNOWN: RowActionRefusals = {
  edit: '',
  delete: '',
  first: '',
  up: '',
  down: '',
};

const KEYS = ['edit', 'delete', 'first', 'up', 'down'] as const;

const sameRefusals = (a: RowActionRefusals, b: RowActionRefusals) =>
  KEYS.every((key) => a[key] === b[key]);

/**
 * The refusals of each row on screen, kept outside the grid's columns: when a row changes, moves or goes,
 * only the actions cells whose refusals changed render again, not every cell of the grid (which is what
 * a new `renderCell` for the column would cost).
 */
export class RowRefusalsStore {
  #byId = new Map<number, RowActionRefusals>();
  readonly #listeners = new Set<() => void>();

  subscribe = (listener: () => void) => {
    this.#listeners.add(listener);
    return () => {
      this.#listeners.delete(listener);
    };
  };

  get(id: number): RowActionRefusals {
    return this.#byId.get(id) ?? UNKNOWN;
  }

  /** Takes the refusals of the rows now on screen; keeps each unchanged one, so its cell is left alone. */
  publish(next: ReadonlyMap<number, RowActionRefusals>) {
    let changed = next.size !== this.#byId.size;
    const byId = new Map<number, RowActionRefusals>();
    for (const [id, refusals] of next) {
      const known = this.#byId.get(id);
      if (known !== undefined && sameRefusals(known, refusals)) {
        byId.set(id, known);
      } else {
        byId.set(id, refusals);
        changed = true;
      }
    }
    this.#byId = byId;
    if (changed) for (const listener of this.#listeners) listener();
  }
}

/** The refusals of one row, re-rendering its caller only when they change. */
export function useRowRefusals(store: RowRefusalsStore, id: number): RowActionRefusals {
  return useSyncExternalStore(store.subscribe, () => store.get(id));
}
