import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { ApiError } from '@/lib/api-error';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { createTestApiClient, TEST_API_BASE_URL } from '@/testing/render-with-providers';
import type { ImportRow } from '../utils/phone-numbers-import';
import { checkImportRows } from './check-import-rows';

const row = (prospectId: number): ImportRow => ({
  row: 2,
  cells: {
    prospectId: String(prospectId),
    number: '+14155550100',
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
        number: '+14155550100',
        rawNumber: '+14155550100',
        countryCode: 'US',
        phoneType: 'other',
        extension: null,
      },
      status: undefined,
    },
  },
});

describe('checkImportRows', () => {
  it("fails as a whole, with the server's reason, when the prospects cannot be read", async () => {
    server.use(
      http.get(`${TEST_API_BASE_URL}/prospects`, () =>
        errorResponse(503, {
          id: 'serviceUnavailable',
          title: 'Service Unavailable',
          detail: 'The database is not answering.',
        }),
      ),
    );

    const check = checkImportRows(createTestApiClient(), [row(1), row(2)], {
      signal: new AbortController().signal,
      onProgress: () => undefined,
    });

    await expect(check).rejects.toBeInstanceOf(ApiError);
    await expect(check).rejects.toMatchObject({ status: 503 });
  });
});
