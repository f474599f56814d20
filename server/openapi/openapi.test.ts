import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneNumberDocument } from '../testing/fixtures';
import { validatorAt } from '../testing/openapi-responses';
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
  'PATCH /prospects/{id}',
  'GET /users',
  'POST /users',
  'GET /users/{id}',
  'GET /auditEvents',
  'PATCH /users/{id}',
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

  it('describes the bodies the server takes: what its schema refuses, the server refuses too', async () => {
    const creates = validatorAt('/components/schemas/phoneNumberCreateDocument');
    const bodies: [string, Record<string, unknown>, boolean][] = [
      ['a number', { number: '+1 415 555 0190', phoneType: 'work' }, true],
      ['an extension', { number: '+14155550191', extension: '12' }, true],
      ['no country', { number: '+14155550192', countryCode: null }, true],
      ['an unknown attribute', { number: '+14155550193', pager: true }, false],
      ['a read-only attribute', { number: '+14155550194', createdAt: '2026-01-01' }, false],
      ['an unknown type', { number: '+14155550195', phoneType: 'pager' }, false],
      ['an unknown status', { number: '+14155550196', status: 'maybe' }, false],
      ['a negative order', { number: '+14155550197', order: -1 }, false],
      ['an order past the largest', { number: '+14155550198', order: 2 ** 31 }, false],
      ['letters in the extension', { number: '+14155550199', extension: '12a' }, false],
      ['a number as a number', { number: 14155550100 }, false],
      ['a number too long to read', { number: '1'.repeat(256) }, false],
    ];
    for (const [what, attributes, valid] of bodies) {
      const body = phoneNumberDocument(attributes, 1);
      expect(creates(body), `${what}: the document's schema`).toBe(valid);
      const response = await server.request('POST', '/api/v2/phoneNumbers', { body });
      expect(response.status, `${what}: the server`).toBe(valid ? 201 : 422);
    }
  });

  it('describes what an admin sends about users and owners: the schema and the server agree', async () => {
    const users = validatorAt('/components/schemas/userUpdateDocument');
    const userBodies: [string, Record<string, unknown>, boolean][] = [
      ['a role', { role: 'viewer' }, true],
      ['locked', { locked: false }, true],
      ['both', { role: 'rep', locked: false }, true],
      ['an unknown role', { role: 'owner' }, false],
      ['locked as a string', { locked: 'yes' }, false],
      ['an attribute not written here', { email: 'sam@example.com' }, false],
    ];
    for (const [what, attributes, valid] of userBodies) {
      const body = { data: { type: 'user', id: 3, attributes } };
      expect(users(body), `${what}: the document's schema`).toBe(valid);
      const response = await server.request('PATCH', '/api/v2/users/3', { body });
      expect(response.status, `${what}: the server`).toBe(valid ? 200 : 422);
    }

    const creates = validatorAt('/components/schemas/userCreateDocument');
    const createBodies: [string, Record<string, unknown>, boolean][] = [
      ['an email and a role', { email: 'pat.new@example.com', role: 'rep' }, true],
      [
        'names and a title',
        {
          email: 'kim.new@example.com',
          firstName: 'Kim',
          lastName: 'New',
          title: null,
          role: 'admin',
        },
        true,
      ],
      ['spaces around the email', { email: ' lee.new@example.com ', role: 'viewer' }, true],
      ['no email', { role: 'rep' }, false],
      ['no role', { email: 'ash.new@example.com' }, false],
      ['no email address', { email: 'ash.new', role: 'rep' }, false],
      ['an unknown role', { email: 'ash.new@example.com', role: 'owner' }, false],
      [
        'an attribute not written here',
        { email: 'ash.new@example.com', role: 'rep', locked: true },
        false,
      ],
    ];
    for (const [what, attributes, valid] of createBodies) {
      const body = { data: { type: 'user', attributes } };
      expect(creates(body), `${what}: the document's schema`).toBe(valid);
      const response = await server.request('POST', '/api/v2/users', { body });
      expect(response.status, `${what}: the server`).toBe(valid ? 201 : 422);
    }

    const prospects = validatorAt('/components/schemas/prospectUpdateDocument');
    const owner = (id: unknown) => ({ owner: { data: { type: 'user', id } } });
    const prospectBodies: [string, Record<string, unknown>, boolean][] = [
      ['an owner', { relationships: owner(2) }, true],
      ['an owner by a string id', { relationships: owner('3') }, true],
      ['no owner', { relationships: {} }, false],
      ['an id that is no id', { relationships: owner('sam') }, false],
      ['another relationship', { relationships: { ...owner(2), account: owner(1).owner } }, false],
    ];
    for (const [what, members, valid] of prospectBodies) {
      const body = { data: { type: 'prospect', id: 4, ...members } };
      expect(prospects(body), `${what}: the document's schema`).toBe(valid);
      const response = await server.request('PATCH', '/api/v2/prospects/4', { body });
      expect(response.status, `${what}: the server`).toBe(valid ? 200 : 422);
    }
  });
});
