import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { REQUESTS_AT_ONCE } from '@/lib/run-bounded';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { createTestApiClient } from '@/testing/render-with-providers';
import { PHONE_NUMBERS_URL, phoneNumberResource } from '../testing/phone-number-documents';
import { importPhoneNumbers, type ImportableRow } from './import-phone-numbers';

const client = createTestApiClient();

/** A row to add: `index` numbers it, from +1 415 555 0100 on. */
function row(index: number, prospectId: number): ImportableRow {
  const number = `+1415555${String(100 + index).padStart(4, '0')}`;
  return {
    row: index + 2,
    cells: {
      prospectId: String(prospectId),
      number,
      phoneType: '',
      extension: '',
      countryCode: '',
      status: '',
    },
    verdict: {
      kind: 'add',
      phoneNumber: {
        prospectId,
        draft: {
          number,
          rawNumber: number,
          countryCode: 'US',
          phoneType: 'other',
          extension: null,
        },
        status: undefined,
      },
    },
  };
}

interface Posted {
  prospectId: number;
  number: string;
}

/**
 * POST /phoneNumbers that answers after a tick, keeping what was sent and the most writes under way at
 * once; `refuse` may answer a number otherwise.
 */
function serveWrites(
  refuse: (number: string, attempt: number) => Response | undefined = () => undefined,
) {
  const posted: Posted[] = [];
  const attempts = new Map<string, number>();
  let inFlight = 0;
  let mostInFlight = 0;
  server.use(
    http.post(PHONE_NUMBERS_URL, async ({ request }) => {
      inFlight += 1;
      mostInFlight = Math.max(mostInFlight, inFlight);
      const body = (await request.json()) as {
        data: {
          attributes: { number: string };
          relationships: { prospect: { data: { id: number } } };
        };
      };
      const number = body.data.attributes.number;
      const attempt = (attempts.get(number) ?? 0) + 1;
      attempts.set(number, attempt);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight -= 1;
      const refusal = refuse(number, attempt);
      if (refusal !== undefined) return refusal;
      const prospectId = body.data.relationships.prospect.data.id;
      posted.push({ prospectId, number });
      return jsonApiResponse(
        { data: phoneNumberResource(posted.length, { number }, { prospectId }) },
        201,
      );
    }),
  );
  return { posted, mostInFlight: () => mostInFlight };
}

describe('importPhoneNumbers', () => {
  it("writes at most four at a time, one per prospect, each prospect's rows in the file's order", async () => {
    const writes = serveWrites();
    const rows = Array.from({ length: 40 }, (_, index) => row(index, (index % 8) + 1));
    const progress: number[] = [];

    const outcome = await importPhoneNumbers(client, rows, {
      stop: new AbortController().signal,
      onProgress: ({ done }) => progress.push(done),
    });

    expect(outcome).toEqual({ added: 40, refused: [], notSent: [] });
    expect(writes.mostInFlight()).toBe(REQUESTS_AT_ONCE);
    for (let prospectId = 1; prospectId <= 8; prospectId += 1) {
      const expected = rows
        .filter(({ verdict }) => verdict.phoneNumber.prospectId === prospectId)
        .map(({ verdict }) => verdict.phoneNumber.draft.number);
      expect(
        writes.posted.filter((each) => each.prospectId === prospectId).map(({ number }) => number),
      ).toEqual(expected);
    }
    expect(progress.at(-1)).toBe(40);
  });

  it("goes on after a refused row, with the server's reason, and waits out a 429", async () => {
    const rows = [row(0, 1), row(1, 1), row(2, 1)];
    const writes = serveWrites((number, attempt) => {
      if (number === '+14155550100') {
        return errorResponse(403, {
          id: 'unauthorizedRequest',
          title: 'Refused',
          detail: 'Riley Rep can change only the records of prospects they own.',
        });
      }
      if (number === '+14155550101' && attempt === 1) {
        const tooMany = errorResponse(429, { id: 'rateLimitExceeded', title: 'Too many requests' });
        tooMany.headers.set('Retry-After', '1');
        return tooMany;
      }
      return undefined;
    });

    const outcome = await importPhoneNumbers(client, rows, {
      stop: new AbortController().signal,
      onProgress: () => undefined,
    });

    expect(outcome.added).toBe(2);
    expect(outcome.refused).toEqual([
      { row: rows[0], reason: 'Riley Rep can change only the records of prospects they own.' },
    ]);
    expect(writes.posted.map(({ number }) => number)).toEqual(['+14155550101', '+14155550102']);
  });

  it('sends nothing more once stopped, and counts what was not sent', async () => {
    const writes = serveWrites();
    const rows = Array.from({ length: 20 }, (_, index) => row(index, index + 1));
    const stop = new AbortController();

    const outcome = await importPhoneNumbers(client, rows, {
      stop: stop.signal,
      onProgress: ({ done }) => {
        if (done === 2) stop.abort();
      },
    });

    // The writes under way when Cancel came are answered and counted; nothing after them is sent.
    expect(outcome.added).toBe(writes.posted.length);
    expect(outcome.added).toBeLessThanOrEqual(2 + REQUESTS_AT_ONCE);
    expect(outcome.notSent).toHaveLength(20 - outcome.added);
    expect(outcome.refused).toEqual([]);
  });
});
