import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/test-server';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
}
interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
}

async function document(): Promise<OpenApi> {
  const response = await server.request('GET', '/api/v2/openapi.json', { token: null });
  expect(response.status).toBe(200);
  expect(response.headers.get('Content-Type')).toBe('application/json');
  return response.json as OpenApi;
}

const IMPLEMENTED = [
  'GET /',
  'GET /phoneNumbers',
  'POST /phoneNumbers',
  'GET /phoneNumbers/{id}',
  'PATCH /phoneNumbers/{id}',
  'DELETE /phoneNumbers/{id}',
  'GET /prospects',
  'GET /prospects/{id}',
  'GET /users',
  'GET /users/{id}',
];

const SAMPLE_VALUES: Record<string, string> = {
  'page[size]': '10',
  count: 'true',
  provideAuthorizationMeta: 'true',
  sort: 'id',
  include: '',
};

describe('GET /api/v2/openapi.json', () => {
  it('is served without a token and describes exactly the operations the server implements', async () => {
    const openApi = await document();
    expect(openApi.openapi).toBe('3.1.0');
    const documented = Object.entries(openApi.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual([...IMPLEMENTED].sort());
  });

  it('lists the error responses of every operation, with 401 and 429 everywhere', async () => {
    const openApi = await document();
    for (const [path, operations] of Object.entries(openApi.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(
          expect.arrayContaining(['401', '429']),
        );
        if (method === 'post' || method === 'patch') {
          expect(Object.keys(operation.responses)).toEqual(
            expect.arrayContaining(['409', '413', '415', '422']),
          );
        }
      }
    }
  });

  it('documents only query parameters the server accepts', async () => {
    const openApi = await document();
    for (const [path, operations] of Object.entries(openApi.paths)) {
      const operation = operations.get;
      if (!operation) continue;
      const concrete = path.replace('{id}', '1');
      for (const parameter of operation.parameters ?? []) {
        if (parameter.in !== 'query') continue;
        const value = SAMPLE_VALUES[parameter.name] ?? '1';
        const response = await server.request(
          'GET',
          `/api/v2${concrete}?${encodeURIComponent(parameter.name)}=${value}`,
        );
        const errors = (response.json as { errors?: { detail: string }[] }).errors ?? [];
        for (const error of errors) {
          expect(error.detail, `${parameter.name} on ${path}`).not.toMatch(
            /Unknown query parameter|is not supported/,
          );
        }
      }
    }
  });
});
