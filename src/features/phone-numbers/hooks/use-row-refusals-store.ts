import { useLayoutEffect, useState } from 'react';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { RowRefusalsStore } from '../stores/row-refusals-store';
import { refusalsOf, type ReorderContext } from '../utils/row-refusals';

/**
 * The refusals of the rows on screen, published after each render to a store the actions cells read
 * (decision 0023): the actions renderer, and with it the grid's columns, never change.
 */
export function useRowRefusalsStore(
  rows: readonly ListedPhoneNumber[],
  reorder: ReorderContext,
): RowRefusalsStore {
  const [store] = useState(() => new RowRefusalsStore());
  useLayoutEffect(() => {
    store.publish(
      new Map(rows.map((row, index) => [row.id, refusalsOf(row, index, rows, reorder)])),
    );
  }, [store, rows, reorder]);
  return store;
}
