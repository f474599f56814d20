import { describe, expect, it, vi } from 'vitest';
import { RowRefusalsStore } from './row-refusals-store';

describe('RowRefusalsStore', () => {
  it('refuses every action of a row it has not been told about', () => {
    const store = new RowRefusalsStore();

    expect(Object.values(store.get(1))).toEqual(['', '', '', '', '']);
  });

  it("keeps a row's refusals as they were when they did not change, so its cell is left alone", () => {
    const store = new RowRefusalsStore();
    const listener = vi.fn();
    store.subscribe(listener);
    store.publish(
      new Map([
        [1, { up: 'This is already the first number' }],
        [2, {}],
      ]),
    );
    const first = store.get(1);
    const second = store.get(2);
    listener.mockClear();

    store.publish(
      new Map([
        [1, { up: 'This is already the first number' }],
        [2, {}],
      ]),
    );

    expect(store.get(1)).toBe(first);
    expect(store.get(2)).toBe(second);
    expect(listener).not.toHaveBeenCalled();
  });

  it('tells its subscribers when a row moves, and gives the new refusals', () => {
    const store = new RowRefusalsStore();
    store.publish(
      new Map([
        [1, { up: 'This is already the first number' }],
        [2, { down: 'last' }],
      ]),
    );
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);

    store.publish(
      new Map([
        [2, { up: 'This is already the first number' }],
        [1, { down: 'last' }],
      ]),
    );

    expect(listener).toHaveBeenCalledTimes(1);
    expect(store.get(2)).toEqual({ up: 'This is already the first number' });
    unsubscribe();
    store.publish(new Map([[1, {}]]));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
