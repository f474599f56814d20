import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seededRandom } from '../db/random';
import { collection, createPhoneNumber, type CollectionDocument } from '../testing/fixtures';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

const random = seededRandom(99);
const pick = (max: number) => Math.floor(random() * max);
let serial = 0;

/** A valid number that sorts anywhere among the seeded ones: US, GB or DE. */
function anyNumber(): string {
  serial += 1;
  const tail = String(serial).padStart(3, '0');
  const choices = [
    `+1312${200 + pick(800)}${String(pick(10_000)).padStart(4, '0')}`,
    `+442079460${tail}`,
    `+4930${10_000_000 + pick(80_000_000)}`,
  ];
  return choices[pick(choices.length)] ?? choices[0]!;
}

const relative = (link: string) => {
  const url = new URL(link);
  return url.pathname + url.search;
};

async function idsMatching(query: string): Promise<Set<number>> {
  const rows = collection(
    await server.request('GET', `/api/v2/phoneNumbers?${query}&page[size]=1000`),
  ).data;
  return new Set(rows.map((row) => row.id));
}

/**
 * Walks the collection page by page in one direction while inserting and deleting rows between pages, and
 * checks that every row present from start to end was seen exactly once.
 */
async function walkWhileChanging(query: string, direction: 'next' | 'prev') {
  const before = await idsMatching(query);
  const deleted = new Set<number>();
  const seen: number[] = [];
  let link: string | undefined;
  let page: CollectionDocument;
  if (direction === 'next') {
    page = collection(await server.request('GET', `/api/v2/phoneNumbers?${query}&page[size]=7`));
  } else {
    let last = collection(
      await server.request('GET', `/api/v2/phoneNumbers?${query}&page[size]=7`),
    );
    while (last.links.next)
      last = collection(await server.request('GET', relative(last.links.next)));
    page = last;
  }
  for (let guard = 0; guard < 500; guard++) {
    seen.push(...page.data.map((row) => row.id));
    const candidates = [...before].filter((id) => !deleted.has(id));
    for (let i = 0; i < 2 && candidates.length > 0; i++) {
      const victim = candidates.splice(pick(candidates.length), 1)[0]!;
      const response = await server.request('DELETE', `/api/v2/phoneNumbers/${victim}`);
      expect(response.status).toBe(204);
      deleted.add(victim);
    }
    for (let i = 0; i < 3; i++) {
      await createPhoneNumber(
        server,
        { number: anyNumber(), phoneType: i === 0 ? 'home' : 'mobile' },
        1 + pick(60),
      );
    }
    link = page.links[direction];
    if (link === undefined) break;
    page = collection(await server.request('GET', relative(link)));
  }
  const survivors = [...before].filter((id) => !deleted.has(id));
  const counts = new Map<number, number>();
  for (const id of seen) counts.set(id, (counts.get(id) ?? 0) + 1);
  expect([...counts.values()].every((count) => count === 1)).toBe(true);
  for (const id of survivors) expect(counts.get(id)).toBe(1);
  for (const id of seen) expect(deleted.has(id) && !before.has(id)).toBe(false);
  expect(survivors.length).toBeGreaterThan(20);
}

describe('cursor pagination under concurrent inserts and deletes', () => {
  it('finds every surviving row exactly once walking forward through a filtered, sorted collection', async () => {
    await walkWhileChanging('filter[phoneType]=mobile,home,work&sort=-number', 'next');
  });

  it('does the same walking backward with links.prev', async () => {
    await walkWhileChanging('filter[phoneType]=mobile,home&sort=order,-updatedAt', 'prev');
  });

  it('links from an empty page back to the rows before it', async () => {
    const query = 'filter[prospect][id]=1&sort=order&page[size]=2';
    let page = collection(await server.request('GET', `/api/v2/phoneNumbers?${query}`));
    while (page.links.next)
      page = collection(await server.request('GET', relative(page.links.next)));
    const lastIds = page.data.map((row) => row.id);
    const previous = collection(await server.request('GET', relative(page.links.prev!)));
    for (const row of previous.data) expect(lastIds).not.toContain(row.id);
    const beyond = new URL(previous.links.next!);
    for (const id of lastIds) await server.request('DELETE', `/api/v2/phoneNumbers/${id}`);
    const empty = collection(await server.request('GET', beyond.pathname + beyond.search));
    expect(empty.data).toEqual([]);
    expect(empty.links.next).toBeUndefined();
    const back = collection(await server.request('GET', relative(empty.links.prev!)));
    expect(back.data.map((row) => row.id)).toEqual(previous.data.map((row) => row.id));
  });
});
