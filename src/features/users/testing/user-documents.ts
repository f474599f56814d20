import { http } from 'msw';
import type * as z from 'zod/mini';
import {
  userCreateDocumentSchema,
  userUpdateDocumentSchema,
  type Role,
} from '@contract/user-documents';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { currentUserDocumentSchema, userResourceSchema, type UserResource } from '../schemas/user';

export const USERS_URL = `${TEST_API_BASE_URL}/users`;

interface UserOptions {
  role?: Role;
  locked?: boolean;
  currentSignInAt?: string | null;
}

/** A user resource as our server sends it to an admin, checked against the app's schema. */
export function userResource(
  id: number,
  name: string,
  { role = 'rep', locked = false, currentSignInAt = null }: UserOptions = {},
): UserResource {
  const resource: UserResource = {
    type: 'user',
    id,
    attributes: {
      name,
      email: `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`,
      role,
      locked,
      currentSignInAt,
    },
  };
  userResourceSchema.parse(resource);
  return resource;
}

/** The demo team, as an admin reads it. */
export const demoUsers = () => [
  userResource(1, 'Ada Admin', { role: 'admin', currentSignInAt: '2026-12-04T09:00:00.000Z' }),
  userResource(2, 'Riley Rep'),
  userResource(3, 'Sam Rep'),
  userResource(4, 'Val Viewer', { role: 'viewer' }),
];

/** GET / (the API root), for the user the session acts for. */
export function currentUserEndpoint(user: UserResource) {
  const document = { meta: { user } };
  currentUserDocumentSchema.parse(document);
  return http.get(TEST_API_BASE_URL, () => jsonApiResponse(document));
}

/**
 * GET /users and /users/{id} over `users`; PATCH /users/{id} that changes them as our server does, or answers with
 * what `refuse` returns for the change; and POST /users that adds one, refusing an email taken in any
 * case as our server does. Keeps every PATCH body in `patches` and every POST body in `posts`.
 */
type SentUserUpdate = z.output<typeof userUpdateDocumentSchema>;
type SentUserCreate = z.output<typeof userCreateDocumentSchema>;

export function usersEndpoint(
  users: UserResource[],
  refuse: (id: number, document: SentUserUpdate) => Response | undefined = () => undefined,
) {
  const patches: SentUserUpdate[] = [];
  const posts: SentUserCreate[] = [];
  const list = http.get(USERS_URL, () => jsonApiResponse({ data: users, links: {} }));
  const one = http.get(`${USERS_URL}/:id`, ({ params }) => {
    const user = users.find(({ id }) => id === Number(params.id));
    return user
      ? jsonApiResponse({ data: user })
      : errorResponse(404, {
          id: 'resourceNotFound',
          title: 'Resource Not Found',
          detail: `There is no user with id ${String(params.id)}.`,
        });
  });
  const patch = http.patch(`${USERS_URL}/:id`, async ({ request, params }) => {
    const document = userUpdateDocumentSchema.parse(await request.json());
    patches.push(document);
    const id = Number(params.id);
    const refusal = refuse(id, document);
    if (refusal) return refusal;
    const index = users.findIndex((user) => user.id === id);
    const user = users[index];
    if (!user) {
      return errorResponse(404, {
        id: 'resourceNotFound',
        title: 'Resource Not Found',
        detail: `There is no user with id ${id}.`,
      });
    }
    const changed = {
      ...user,
      attributes: { ...user.attributes, ...document.data.attributes },
    };
    users[index] = changed;
    return jsonApiResponse({ data: changed });
  });
  const post = http.post(USERS_URL, async ({ request }) => {
    const document = userCreateDocumentSchema.parse(await request.json());
    posts.push(document);
    const { email, firstName = '', lastName = '', role } = document.data.attributes;
    if (users.some((user) => user.attributes.email?.toLowerCase() === email)) {
      return errorResponse(422, {
        id: 'validationError',
        title: 'Validation Error',
        detail: `${email} is already the email of a user; change that user instead.`,
        source: { pointer: '/data/attributes/email' },
      });
    }
    const added: UserResource = {
      type: 'user',
      id: Math.max(0, ...users.map((user) => Number(user.id))) + 1,
      attributes: {
        name: `${firstName} ${lastName}`.trim(),
        email,
        role,
        locked: false,
        currentSignInAt: null,
      },
    };
    users.push(added);
    return jsonApiResponse({ data: added }, 201);
  });
  return { handlers: [list, one, patch, post], patches, posts };
}
