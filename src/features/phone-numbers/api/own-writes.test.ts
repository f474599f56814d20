import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import { ownWritesOf } from './own-writes';

/** A write that answers when told, with the version it leaves; `sentWith` is the If-Match it got. */
function pendingWrite(leaves: string) {
  let answer: () => void = () => undefined;
  const answered = new Promise<void>((resolve) => {
    answer = resolve;
  });
  const write = {
    sentWith: undefined as string | null | undefined,
    answer,
    run: async (etag: string | null) => {
      write.sentWith = etag;
      await answered;
      return { etag: leaves };
    },
  };
  return write;
}

describe('ownWritesOf', () => {
  it('sends a second edit made from the same version after the first, from the version the first left', async () => {
    const writes = ownWritesOf(new QueryClient());
    const first = pendingWrite('W/"2"');
    const second = pendingWrite('W/"3"');

    const firstDone = writes.run(1, 'W/"1"', first.run);
    const secondDone = writes.run(1, 'W/"1"', second.run);
    await expect.poll(() => first.sentWith).toBe('W/"1"');
    expect(second.sentWith).toBeUndefined();

    first.answer();
    await firstDone;
    await expect.poll(() => second.sentWith).toBe('W/"2"');
    second.answer();
    await secondDone;

    // A third, made from the first version too, follows both own writes.
    const third = pendingWrite('W/"4"');
    third.answer();
    await writes.run(1, 'W/"1"', third.run);
    expect(third.sentWith).toBe('W/"3"');
  });

  it("leaves a version the app did not move on as it is, and another number's writes apart", async () => {
    const writes = ownWritesOf(new QueryClient());
    const own = pendingWrite('W/"2"');
    own.answer();
    await writes.run(1, 'W/"1"', own.run);

    // A colleague's write made version 5: an edit made from it, or from 9, is sent as it was made.
    const fromColleague = pendingWrite('W/"6"');
    fromColleague.answer();
    await writes.run(1, 'W/"5"', fromColleague.run);
    expect(fromColleague.sentWith).toBe('W/"5"');

    const other = pendingWrite('W/"2"');
    other.answer();
    await writes.run(2, 'W/"1"', other.run);
    expect(other.sentWith).toBe('W/"1"');
  });

  it('goes on after a refused write, and sends no If-Match where the API gave no version', async () => {
    const writes = ownWritesOf(new QueryClient());
    await expect(writes.run(1, 'W/"1"', () => Promise.reject(new Error('412')))).rejects.toThrow(
      '412',
    );
    const next = pendingWrite('W/"2"');
    next.answer();
    await writes.run(1, null, next.run);
    expect(next.sentWith).toBeNull();
  });
});
