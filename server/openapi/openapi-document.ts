import { JSON_API_MEDIA_TYPE } from '../../contract/json-api';
import * as z from 'zod/mini';
import {
  phoneNumberCreateDocumentSchema,
  phoneNumberUpdateDocumentSchema,
} from '../../contract/phone-number-documents';
import { phoneNumberWritableAttributesSchema } from '../../contract/phone-number-rules';
import {
  prospectUpdateDocumentSchema,
  ROLES,
  userCreateDocumentSchema,
  userUpdateDocumentSchema,
} from '../../contract/user-documents';
import { MAX_STRING_LENGTH, PHONE_STATUSES, PHONE_TYPES } from '../../contract/phone-number-values';
import { auditEventQuerySpec } from '../audit/resource';
import { SCOPES } from '../auth/scopes';
import { COUNT_LIMIT } from '../http/collection-query';
import { MAX_BODY_BYTES } from '../http/body-limit';
import {
  DEFAULT_PAGE_SIZE,
  MAX_FILTER_RANGES,
  MAX_FILTER_VALUES,
  MAX_PAGE_SIZE,
  filterParameter,
  type QuerySpec,
} from '../http/query';
import { phoneNumberQuerySpec } from '../phone-numbers/resource';
import { prospectQuerySpec } from '../prospects/resource';
import { userQuerySpec } from '../users/resource';

/**
 * The OpenAPI 3.1 description of what this server implements, built from the same query specs the
 * server parses requests with, so the two cannot drift apart.
 */

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const responseRef = (name: string) => ({ $ref: `#/components/responses/${name}` });

const string = (description: string, extra: object = {}) => ({
  type: ['string', 'null'],
  maxLength: MAX_STRING_LENGTH,
  description,
  ...extra,
});
/**
 * A free string at Outreach: writes here take one of `values`, but a number written elsewhere (Outreach,
 * a shared or imported database) may hold another, which reads return as it is (decision 0047).
 */
const freeValue = (values: readonly string[]) => ({
  type: 'string',
  description: `Written here as one of ${values.join(', ')}; read as stored, which may be another value.`,
});
const dateTime = (description: string) => ({
  type: 'string',
  format: 'date-time',
  readOnly: true,
  description,
});

function queryParameters(spec: QuerySpec, type: string, collection: boolean) {
  const parameters: object[] = [];
  if (collection) {
    for (const [name, filter] of Object.entries(spec.filters)) {
      const parameter = filterParameter(name);
      const description =
        filter === 'search'
          ? 'Prefix search on the name, the last name or the company, ignoring case and accents.'
          : (filter.description === undefined ? '' : `${filter.description} `) +
            `Comma-separated values, at most ${MAX_FILTER_VALUES}${filter.ranges ? `, or ranges a..b (neginf / inf for an open end), at most ${MAX_FILTER_RANGES}` : ''}.` +
            (typeof filter.kind === 'object'
              ? ` ${filter.kind.label === undefined ? `One of: ${filter.kind.enum.join(', ')}` : `Each ${filter.kind.label}`}.`
              : '');
      parameters.push({ name: parameter, in: 'query', schema: { type: 'string' }, description });
    }
    parameters.push(
      {
        name: 'sort',
        in: 'query',
        schema: { type: 'string' },
        description: `Comma-separated; prefix - for descending. Sortable: ${Object.keys(spec.sorts).join(', ')}. id breaks ties.`,
      },
      {
        name: 'page[size]',
        in: 'query',
        schema: { type: 'integer', minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE },
      },
      {
        name: 'page[after]',
        in: 'query',
        schema: { type: 'string' },
        description: 'An opaque cursor from links.next. Never build one.',
      },
      {
        name: 'page[before]',
        in: 'query',
        schema: { type: 'string' },
        description: 'An opaque cursor from links.prev. Never build one.',
      },
      {
        name: 'count',
        in: 'query',
        schema: { type: 'boolean', default: false },
        description: `Adds meta.count, the number of matching resources; past ${COUNT_LIMIT} of them, meta.countExceeds: ${COUNT_LIMIT} instead.`,
      },
    );
  }
  for (const [fieldType, fields] of Object.entries(spec.fields)) {
    parameters.push({
      name: `fields[${fieldType}]`,
      in: 'query',
      schema: { type: 'string' },
      description: `Sparse fieldset: a comma-separated subset of ${fields.join(', ')}.`,
    });
  }
  if (spec.includes.length > 0) {
    parameters.push({
      name: 'include',
      in: 'query',
      schema: { type: 'string', enum: spec.includes },
      description: 'Related resources to return in included.',
    });
  }
  if (type !== 'user' && type !== 'auditEvent') {
    parameters.push({
      name: 'provideAuthorizationMeta',
      in: 'query',
      schema: { type: 'boolean', default: false },
      description:
        'Adds meta.canWrite and meta.canDelete: what the current user may do with each resource; a prospect also has meta.canReadHistory.',
    });
  }
  return parameters;
}

const idParameter = {
  name: 'id',
  in: 'path',
  required: true,
  schema: { type: 'integer', minimum: 1 },
};

const ERROR_STATUS = {
  badRequest: '400',
  unauthorized: '401',
  forbidden: '403',
  notFound: '404',
  conflict: '409',
  preconditionFailed: '412',
  payloadTooLarge: '413',
  unsupportedMediaType: '415',
  validationError: '422',
  rateLimitExceeded: '429',
  serviceUnavailable: '503',
} as const;

type ErrorName = keyof typeof ERROR_STATUS;

/** An operation's error responses; any of them may find the database unreachable. */
const errors = (...names: ErrorName[]): Record<string, { $ref: string }> =>
  Object.fromEntries(
    [...names, 'serviceUnavailable' as const].map((name) => [
      ERROR_STATUS[name],
      responseRef(name),
    ]),
  );

const ERROR_DESCRIPTIONS: Record<ErrorName, string> = {
  badRequest:
    'A query parameter is not supported or malformed (source.parameter names it), or the body is not JSON.',
  unauthorized:
    'No access token or session cookie, or one that is unknown, revoked or expired (id unauthorized).',
  forbidden:
    'The token lacks a scope (unauthorizedOauthScope), the user may not do this (unauthorizedRequest), or a request authenticated by the session cookie lacks X-Requested-With: XMLHttpRequest (customHeaderRequired).',
  notFound: 'No such resource (resourceNotFound).',
  conflict: "The body's type or id disagrees with the URL (conflict).",
  preconditionFailed:
    'If-Match names a version the resource has left: someone changed it since it was read (preconditionFailed). ETag carries the current tag; detail says when it changed.',
  payloadTooLarge: `The body is larger than ${MAX_BODY_BYTES} bytes (payloadTooLarge).`,
  unsupportedMediaType: `The body is not sent as ${JSON_API_MEDIA_TYPE} (unsupportedMediaType).`,
  validationError:
    'An attribute or relationship is invalid; source.pointer names it (validationError).',
  rateLimitExceeded:
    'Too many requests with this token this hour (rateLimitExceeded); see Retry-After.',
  serviceUnavailable:
    'The database cannot be reached right now (serviceUnavailable); nothing was changed. Try again after Retry-After seconds.',
};

const single = (schema: string) => ({
  content: {
    [JSON_API_MEDIA_TYPE]: {
      schema: { type: 'object', required: ['data'], properties: { data: ref(schema) } },
    },
  },
});
const collection = (schema: string) => ({
  content: {
    [JSON_API_MEDIA_TYPE]: {
      schema: {
        type: 'object',
        required: ['data', 'links'],
        properties: {
          data: { type: 'array', items: ref(schema) },
          included: { type: 'array', items: { type: 'object' } },
          links: ref('collectionLinks'),
          meta: { type: 'object', properties: { count: { type: 'integer' } } },
        },
      },
    },
  },
});

const requestBody = (schema: string) => ({
  required: true,
  content: { [JSON_API_MEDIA_TYPE]: { schema: ref(schema) } },
});

/**
 * The JSON Schemas of the contract's request schemas, by component name: what the server accepts, so
 * the document cannot say otherwise. Checks JSON Schema cannot express (a number libphonenumber holds
 * valid) are left to the descriptions.
 */
function contractSchemas(): Record<string, object> {
  const registry = z.registry<{ id: string }>();
  registry.add(phoneNumberWritableAttributesSchema, { id: 'phoneNumberWritableAttributes' });
  registry.add(phoneNumberCreateDocumentSchema, { id: 'phoneNumberCreateDocument' });
  registry.add(phoneNumberUpdateDocumentSchema, { id: 'phoneNumberUpdateDocument' });
  registry.add(userCreateDocumentSchema, { id: 'userCreateDocument' });
  registry.add(userUpdateDocumentSchema, { id: 'userUpdateDocument' });
  registry.add(prospectUpdateDocumentSchema, { id: 'prospectUpdateDocument' });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'input',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  // Each is a component of this document, not a document of its own: no $schema, no $id.
  for (const schema of Object.values(schemas)) {
    delete schema.$schema;
    delete schema.$id;
  }
  return schemas;
}

const rateLimitHeaders = {
  'X-RateLimit-Limit': {
    schema: { type: 'integer' },
    description: 'Requests allowed per hour for this token.',
  },
  'X-RateLimit-Remaining': {
    schema: { type: 'integer' },
    description: 'Requests left in this window.',
  },
  'X-RateLimit-Reset': {
    schema: { type: 'integer' },
    description: 'Epoch seconds when the window ends.',
  },
};

const ETAG_HEADER = {
  ETag: {
    schema: { type: 'string' },
    description:
      "Weak tag of the resource's version, also in meta.etag; send it back in If-Match to write only what you read.",
  },
};

const ifMatchParameter = {
  name: 'If-Match',
  in: 'header',
  required: false,
  schema: { type: 'string' },
  description:
    'An ETag (or meta.etag) as read, a list of them, or *: the write happens only while the resource is at that version, else 412 preconditionFailed. Without it the last write wins.',
};

const ok = (description: string, body: object) => ({
  description,
  headers: rateLimitHeaders,
  ...body,
});

/** A 201 and its errors: the created resource of `type`, Location naming it, and `headers` besides. */
const createdResponses = (description: string, type: string, headers: object = {}) => ({
  201: {
    ...ok(description, single(type)),
    headers: {
      ...rateLimitHeaders,
      ...headers,
      Location: { schema: { type: 'string', format: 'uri' } },
    },
  },
  ...errors(
    'badRequest',
    'unauthorized',
    'forbidden',
    'conflict',
    'payloadTooLarge',
    'unsupportedMediaType',
    'validationError',
    'rateLimitExceeded',
  ),
});

const readOnlyResource = (
  type: string,
  attributes: Record<string, object>,
  relationships?: object,
) => ({
  type: 'object',
  required: ['type', 'id', 'attributes'],
  properties: {
    type: { const: type },
    id: { type: 'integer' },
    attributes: { type: 'object', properties: attributes, additionalProperties: false },
    ...(relationships ? { relationships } : {}),
    links: { type: 'object', properties: { self: { type: 'string', format: 'uri' } } },
    meta: ref('authorizationMeta'),
  },
});

export function openApiDocument() {
  const contract = contractSchemas();
  const { properties: writableAttributes } = contract.phoneNumberWritableAttributes as {
    properties: Record<string, object>;
  };
  const tags = (name: string) => [name];

  return {
    openapi: '3.1.0',
    info: {
      title: 'Phone Numbers Admin API',
      version: '2',
      description:
        'An implementation of the Outreach REST API v2 (JSON:API) for phone numbers, prospects and users. Ids are JSON integers, as Outreach sends them. Every error is a JSON:API error document.',
    },
    servers: [{ url: '/api/v2' }],
    security: [{ bearerAuth: [] }, { oauth2: [] }, { sessionCookie: [] }],
    paths: {
      '/': {
        get: {
          tags: tags('Token'),
          summary: 'Who the access token acts for, and its scopes',
          responses: {
            200: ok('meta.user is the user resource; meta.token.scopes the granted scopes.', {
              content: {
                [JSON_API_MEDIA_TYPE]: {
                  schema: {
                    type: 'object',
                    required: ['meta'],
                    properties: {
                      meta: {
                        type: 'object',
                        properties: {
                          user: ref('user'),
                          token: {
                            type: 'object',
                            properties: { scopes: { type: 'array', items: { type: 'string' } } },
                          },
                        },
                      },
                    },
                  },
                },
              },
            }),
            ...errors('unauthorized', 'forbidden', 'rateLimitExceeded'),
          },
        },
      },
      '/phoneNumbers': {
        get: {
          tags: tags('Phone Number'),
          summary: 'List phone numbers',
          parameters: queryParameters(phoneNumberQuerySpec, 'phoneNumber', true),
          responses: {
            200: ok('A page of phone numbers.', collection('phoneNumber')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'rateLimitExceeded'),
          },
        },
        post: {
          tags: tags('Phone Number'),
          summary: 'Create a phone number',
          parameters: queryParameters(phoneNumberQuerySpec, 'phoneNumber', false),
          requestBody: requestBody('phoneNumberCreateDocument'),
          responses: createdResponses(
            'Created; Location names the new resource.',
            'phoneNumber',
            ETAG_HEADER,
          ),
        },
      },
      '/phoneNumbers/{id}': {
        get: {
          tags: tags('Phone Number'),
          summary: 'Get a phone number',
          parameters: [idParameter, ...queryParameters(phoneNumberQuerySpec, 'phoneNumber', false)],
          responses: {
            200: {
              ...ok('The phone number.', single('phoneNumber')),
              headers: { ...rateLimitHeaders, ...ETAG_HEADER },
            },
            ...errors('badRequest', 'unauthorized', 'forbidden', 'notFound', 'rateLimitExceeded'),
          },
        },
        patch: {
          tags: tags('Phone Number'),
          summary: 'Update a phone number (only the attributes sent change)',
          parameters: [
            idParameter,
            ifMatchParameter,
            ...queryParameters(phoneNumberQuerySpec, 'phoneNumber', false),
          ],
          requestBody: requestBody('phoneNumberUpdateDocument'),
          responses: {
            200: {
              ...ok(
                "The updated phone number. Setting an order another of the prospect's numbers holds gives that number this one's old order (they swap).",
                single('phoneNumber'),
              ),
              headers: { ...rateLimitHeaders, ...ETAG_HEADER },
            },
            ...errors(
              'badRequest',
              'unauthorized',
              'forbidden',
              'notFound',
              'conflict',
              'preconditionFailed',
              'payloadTooLarge',
              'unsupportedMediaType',
              'validationError',
              'rateLimitExceeded',
            ),
          },
        },
        delete: {
          tags: tags('Phone Number'),
          summary: 'Delete a phone number',
          parameters: [idParameter, ifMatchParameter],
          responses: {
            204: { description: 'Deleted.', headers: rateLimitHeaders },
            ...errors(
              'badRequest',
              'unauthorized',
              'forbidden',
              'notFound',
              'preconditionFailed',
              'rateLimitExceeded',
            ),
          },
        },
      },
      '/prospects': {
        get: {
          tags: tags('Prospect'),
          summary: 'List prospects',
          parameters: queryParameters(prospectQuerySpec, 'prospect', true),
          responses: {
            200: ok('A page of prospects.', collection('prospect')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'rateLimitExceeded'),
          },
        },
      },
      '/prospects/{id}': {
        get: {
          tags: tags('Prospect'),
          summary: 'Get a prospect',
          parameters: [idParameter, ...queryParameters(prospectQuerySpec, 'prospect', false)],
          responses: {
            200: ok('The prospect.', single('prospect')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'notFound', 'rateLimitExceeded'),
          },
        },
        patch: {
          tags: tags('Prospect'),
          summary: "Reassign a prospect's owner (admins only)",
          description:
            'relationships.owner names the new owner, an active user; nothing else of a prospect is written. Recorded in the audit trail.',
          parameters: [idParameter, ...queryParameters(prospectQuerySpec, 'prospect', false)],
          requestBody: requestBody('prospectUpdateDocument'),
          responses: {
            200: ok('The prospect, with its new owner.', single('prospect')),
            ...errors(
              'badRequest',
              'unauthorized',
              'forbidden',
              'notFound',
              'conflict',
              'payloadTooLarge',
              'unsupportedMediaType',
              'validationError',
              'rateLimitExceeded',
            ),
          },
        },
      },
      '/users': {
        get: {
          tags: tags('User'),
          summary: 'List users',
          parameters: queryParameters(userQuerySpec, 'user', true),
          responses: {
            200: ok('A page of users.', collection('user')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'rateLimitExceeded'),
          },
        },
        post: {
          tags: tags('User'),
          summary: 'Add a user (admins only)',
          description:
            'The person can then sign in: in oidc mode they are matched by this email, which is stored lower-cased. An email another user has, in any case, is a 422 on /data/attributes/email. Without firstName and lastName the user is named after the email. Recorded in the audit trail.',
          parameters: queryParameters(userQuerySpec, 'user', false),
          requestBody: requestBody('userCreateDocument'),
          responses: createdResponses('Created; Location names the new user.', 'user'),
        },
      },
      '/users/{id}': {
        get: {
          tags: tags('User'),
          summary: 'Get a user',
          parameters: [idParameter, ...queryParameters(userQuerySpec, 'user', false)],
          responses: {
            200: ok('The user.', single('user')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'notFound', 'rateLimitExceeded'),
          },
        },
        patch: {
          tags: tags('User'),
          summary: "Change a user's role, or deactivate or reactivate them (admins only)",
          description:
            'locked: true deactivates the user: their sessions and tokens end at once and they cannot sign in; locked: false reactivates them. A role change applies from their next request. A change that would leave no active admin is a 422. Recorded in the audit trail.',
          parameters: [idParameter, ...queryParameters(userQuerySpec, 'user', false)],
          requestBody: requestBody('userUpdateDocument'),
          responses: {
            200: ok('The user, changed.', single('user')),
            ...errors(
              'badRequest',
              'unauthorized',
              'forbidden',
              'notFound',
              'conflict',
              'payloadTooLarge',
              'unsupportedMediaType',
              'validationError',
              'rateLimitExceeded',
            ),
          },
        },
      },
      '/auditEvents': {
        get: {
          tags: tags('Audit Event'),
          summary: 'List the audit trail, newest first (admins only, scope auditEvents.read)',
          description:
            'Every accepted create, change, delete and reorder of a phone number (and the changes of users and prospects recorded by their routes), written in the same transaction as the change. filter[resourceId] needs filter[resourceType].',
          parameters: queryParameters(auditEventQuerySpec, 'auditEvent', true),
          responses: {
            200: ok('A page of audit events.', collection('auditEvent')),
            ...errors('badRequest', 'unauthorized', 'forbidden', 'rateLimitExceeded'),
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: { type: 'http', scheme: 'bearer' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: '__Host-pna-session',
          description:
            "The browser app's session (GET /auth/login signs in). Every request with it must send X-Requested-With: XMLHttpRequest.",
        },
        oauth2: {
          type: 'oauth2',
          description:
            'Authorization code with PKCE (S256) for the public client phone-numbers-admin; refresh tokens rotate.',
          flows: {
            authorizationCode: {
              authorizationUrl: '/oauth/authorize',
              tokenUrl: '/oauth/token',
              refreshUrl: '/oauth/token',
              'x-revocationUrl': '/oauth/revoke',
              scopes: Object.fromEntries(
                SCOPES.map((scope) => [
                  scope,
                  scope.endsWith('.all') ? 'Every action' : `${scope.split('.')[1]} access`,
                ]),
              ),
            },
          },
        },
      },
      schemas: {
        ...contract,
        phoneNumber: readOnlyResource(
          'phoneNumber',
          {
            ...writableAttributes,
            number: { type: 'string', description: 'E.164, e.g. +14155550100.' },
            phoneType: freeValue(PHONE_TYPES),
            status: freeValue(PHONE_STATUSES),
            createdAt: dateTime('When the number was created.'),
            updatedAt: dateTime('When the number last changed.'),
            statusChangedAt: dateTime('When status last changed.'),
          },
          { type: 'object', properties: { prospect: ref('toOne') } },
        ),
        prospect: readOnlyResource(
          'prospect',
          {
            firstName: string('First name.'),
            lastName: string('Last name.'),
            name: string('Full name.'),
            company: string('Company.'),
            title: string('Job title.'),
            addressCountry: string('Country (ISO 3166-1 alpha-2 in the demo data).'),
            timeZoneIana: string('IANA time zone.'),
            callsOptStatus: string('opted_in, opted_out or null.'),
            createdAt: dateTime('When the prospect was created.'),
            updatedAt: dateTime('When the prospect last changed.'),
            ...Object.fromEntries(
              ['homePhones', 'mobilePhones', 'workPhones', 'otherPhones', 'voipPhones'].map(
                (name) => [
                  name,
                  {
                    type: 'array',
                    items: { type: 'string' },
                    readOnly: true,
                    description: 'E.164 numbers of that type in order; ";ext=" marks an extension.',
                  },
                ],
              ),
            ),
          },
          { type: 'object', properties: { owner: ref('toOne') } },
        ),
        user: readOnlyResource('user', {
          firstName: string('First name.'),
          lastName: string('Last name.'),
          name: string('Full name.'),
          email: string('Email address.'),
          title: string('Job title.'),
          createdAt: dateTime('When the user was created.'),
          updatedAt: dateTime('When the user last changed.'),
          role: {
            type: 'string',
            enum: ROLES,
            description:
              'What the user may do: admin everything, rep the numbers of their own prospects, viewer only read. Shown to admins, and to the user themself.',
          },
          locked: {
            type: 'boolean',
            description:
              'Whether the user is deactivated (locked out). Shown to admins, and to the user themself.',
          },
          currentSignInAt: {
            type: ['string', 'null'],
            format: 'date-time',
            readOnly: true,
            description:
              'When the user most recently signed in; null if never. Shown to admins, and to the user themself.',
          },
        }),
        auditEvent: {
          type: 'object',
          required: ['type', 'id', 'attributes'],
          properties: {
            type: { const: 'auditEvent' },
            id: { type: 'integer' },
            attributes: {
              type: 'object',
              additionalProperties: false,
              properties: {
                occurredAt: dateTime("When the change was written, by the server's clock."),
                action: {
                  type: 'string',
                  description:
                    'created, updated, deleted, reordered (only order moved, asked for or swapped), roleChanged, deactivated, reactivated, ownerChanged.',
                },
                resourceType: { type: 'string', enum: ['phoneNumber', 'prospect', 'user'] },
                resourceId: { type: 'integer' },
                actorName: { type: 'string', description: 'Who made the change, as named then.' },
                before: {
                  type: ['object', 'null'],
                  description:
                    "The resource's attributes as the API showed them before the change; null for a create.",
                },
                after: {
                  type: ['object', 'null'],
                  description:
                    "The resource's attributes as the API showed them after the change; null for a delete.",
                },
              },
            },
            relationships: {
              type: 'object',
              properties: {
                actor: ref('toOne'),
                prospect: {
                  type: 'object',
                  description: 'The prospect the change belongs to; data is null for a user.',
                  properties: {
                    data: {
                      type: ['object', 'null'],
                      required: ['type', 'id'],
                      properties: { type: { const: 'prospect' }, id: { type: 'integer' } },
                    },
                  },
                },
              },
            },
          },
        },
        toOne: {
          type: 'object',
          properties: {
            data: {
              type: 'object',
              required: ['type', 'id'],
              properties: { type: { type: 'string' }, id: { type: ['integer', 'string'] } },
            },
          },
        },
        authorizationMeta: {
          type: 'object',
          description:
            'canWrite and canDelete with provideAuthorizationMeta=true, and beside a false one the reason (writeRefusal, deleteRefusal); a phone number always has etag.',
          properties: {
            canWrite: { type: 'boolean' },
            canDelete: { type: 'boolean' },
            writeRefusal: {
              type: 'string',
              description:
                'When canWrite is false: why, naming who can change the phone numbers (the owner, or which role).',
            },
            deleteRefusal: {
              type: 'string',
              description: 'When canDelete is false: why, naming who can delete the phone numbers.',
            },
            canReadHistory: {
              type: 'boolean',
              description:
                "A prospect's: whether the user may read its history (GET /auditEvents).",
            },
            etag: {
              type: 'string',
              description:
                "The phone number's ETag, for If-Match; here because a collection has no header per resource.",
            },
          },
        },
        collectionLinks: {
          type: 'object',
          required: ['first'],
          properties: {
            self: { type: 'string', format: 'uri' },
            first: { type: 'string', format: 'uri' },
            prev: { type: 'string', format: 'uri' },
            next: { type: 'string', format: 'uri' },
          },
        },
        errorDocument: {
          type: 'object',
          required: ['errors'],
          properties: {
            errors: {
              type: 'array',
              items: {
                type: 'object',
                required: ['id', 'title', 'detail'],
                properties: {
                  id: { type: 'string' },
                  title: { type: 'string' },
                  detail: { type: 'string' },
                  status: { type: 'string' },
                  source: {
                    type: 'object',
                    properties: { pointer: { type: 'string' }, parameter: { type: 'string' } },
                  },
                },
              },
            },
          },
        },
      },
      responses: Object.fromEntries(
        Object.entries(ERROR_DESCRIPTIONS).map(([name, description]) => [
          name,
          {
            description,
            headers:
              name === 'rateLimitExceeded' || name === 'serviceUnavailable'
                ? { ...rateLimitHeaders, 'Retry-After': { schema: { type: 'integer' } } }
                : rateLimitHeaders,
            content: { [JSON_API_MEDIA_TYPE]: { schema: ref('errorDocument') } },
          },
        ]),
      ),
    },
  };
}
