import { z } from 'zod';
import {
  RefreshRefused,
  SignInFailure,
  type SignInProvider,
  type SignedInIdentity,
  type UpstreamTokens,
} from '../session/types';

/** What the app does at Outreach: read and change phone numbers, read prospects and users. */
export const OUTREACH_SCOPE = 'phoneNumbers.all prospects.read users.read';

/** How long any one call to Outreach's token endpoint or API root may take. */
const UPSTREAM_TIMEOUT_MS = 10_000;

export interface OutreachProviderOptions {
  clientId: string;
  clientSecret: string;
  /** Outreach's OAuth base, e.g. https://api.outreach.io/oauth (authorize and token are under it). */
  oauthUrl: string;
  /** Outreach's API root, e.g. https://api.outreach.io/api/v2: asked who signed in. */
  apiUrl: string;
  fetch?: typeof globalThis.fetch;
  /** The clock, epoch milliseconds: an access token's `expires_in` counts from it. */
  now?: () => number;
  timeoutMs?: number;
}

/** Outreach's flow has no nonce and nothing to read from the callback but its code. */
export interface OutreachSignInProvider extends SignInProvider {
  authorizationUrl: (request: { state: string; redirectUri: string; codeVerifier: string }) => URL;
  redeem: (callback: {
    code: string;
    redirectUri: string;
    codeVerifier: string;
  }) => Promise<SignedInIdentity>;
}

/** Outreach could not be asked (down, slow, or an answer that is not a token): worth trying again. */
export class OutreachUnavailable extends Error {}

const tokenResponseSchema = z.object({
  access_token: z.string().min(1),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1).optional(),
});

const tokenErrorSchema = z.object({ error: z.string(), error_description: z.string().optional() });

const userIdSchema = z.union([z.number().int(), z.string().min(1)]).transform(String);
const namesSchema = z.object({
  name: z.string().nullish(),
  firstName: z.string().nullish(),
  lastName: z.string().nullish(),
});

/**
 * `GET <apiUrl>`'s `meta.user`: a user resource (`{id, attributes: {name, …}}`, as this product's own
 * server answers) or the user's fields side by side with its id.
 */
const apiRootSchema = z.object({
  meta: z.object({
    user: namesSchema.extend({ id: userIdSchema, attributes: namesSchema.optional() }),
  }),
});

function displayName(names: z.infer<typeof namesSchema> | undefined): string | undefined {
  if (!names) return undefined;
  const joined = [names.firstName, names.lastName].filter(Boolean).join(' ');
  return names.name ?? (joined === '' ? undefined : joined);
}

/**
 * Outreach's authorization-code flow as a confidential client (decision 0046): the client secret goes
 * with every token request; there is no PKCE, so the session layer's verifier is not sent. Who signed in
 * comes from the API root, asked with the new access token.
 */
export function createOutreachProvider(options: OutreachProviderOptions): OutreachSignInProvider {
  const {
    clientId,
    clientSecret,
    oauthUrl,
    apiUrl,
    fetch = globalThis.fetch,
    now = Date.now,
    timeoutMs = UPSTREAM_TIMEOUT_MS,
  } = options;
  const seconds = timeoutMs / 1000;

  /** Calls Outreach; a timeout or a network failure becomes OutreachUnavailable. */
  async function call(url: string, init: RequestInit): Promise<Response> {
    try {
      return await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      const timedOut = error instanceof Error && error.name === 'TimeoutError';
      throw new OutreachUnavailable(
        timedOut ? `Outreach did not answer in ${seconds} s.` : 'Outreach could not be reached.',
        { cause: error },
      );
    }
  }

  async function jsonOf(response: Response): Promise<unknown> {
    try {
      return await response.json();
    } catch (error) {
      throw new OutreachUnavailable(
        `Outreach answered ${response.status} with a body that is not JSON.`,
        { cause: error },
      );
    }
  }

  /** Asks the token endpoint for tokens; an OAuth error comes back as `{ error }`. */
  async function requestTokens(
    grant: Record<string, string>,
  ): Promise<{ tokens: UpstreamTokens } | { error: string; description: string | undefined }> {
    const requestedAt = now();
    const response = await call(`${oauthUrl}/token`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
      },
      body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, ...grant }),
    });
    const body = await jsonOf(response);
    if (response.ok) {
      const parsed = tokenResponseSchema.safeParse(body);
      if (!parsed.success) throw new OutreachUnavailable('Outreach answered without a token.');
      return {
        tokens: {
          accessToken: parsed.data.access_token,
          // Where a refresh does not rotate the refresh token, the one sent stays valid.
          refreshToken: parsed.data.refresh_token ?? grant.refresh_token ?? '',
          expiresAt: requestedAt + parsed.data.expires_in * 1000,
        },
      };
    }
    const refused = tokenErrorSchema.safeParse(body);
    if (response.status >= 500 || response.status === 429 || !refused.success) {
      throw new OutreachUnavailable(`Outreach's token endpoint answered ${response.status}.`);
    }
    return { error: refused.data.error, description: refused.data.error_description };
  }

  async function identify(tokens: UpstreamTokens): Promise<SignedInIdentity> {
    const response = await call(apiUrl, {
      headers: {
        Authorization: `Bearer ${tokens.accessToken}`,
        Accept: 'application/vnd.api+json',
      },
    });
    if (!response.ok) {
      throw new SignInFailure(
        `Outreach did not say who you are (it answered ${response.status}). Try signing in again.`,
      );
    }
    const parsed = apiRootSchema.safeParse(await jsonOf(response));
    if (!parsed.success) {
      throw new SignInFailure('Outreach did not say who you are. Try signing in again.');
    }
    const user = parsed.data.meta.user;
    return {
      subject: user.id,
      displayName: displayName(user.attributes) ?? displayName(user),
      tokens,
    };
  }

  return {
    mode: 'outreach',

    authorizationUrl: ({ state, redirectUri }) => {
      const url = new URL(`${oauthUrl}/authorize`);
      url.search = new URLSearchParams({
        client_id: clientId,
        redirect_uri: redirectUri,
        response_type: 'code',
        scope: OUTREACH_SCOPE,
        state,
      }).toString();
      return url;
    },

    redeem: async ({ code, redirectUri }) => {
      try {
        const answer = await requestTokens({
          grant_type: 'authorization_code',
          code,
          redirect_uri: redirectUri,
        });
        if ('error' in answer) {
          throw new SignInFailure(
            answer.error === 'invalid_grant'
              ? 'Outreach did not accept this sign-in: the link expired or was already used. Sign in again.'
              : `Outreach refused the sign-in (${answer.error}). Ask whoever set up Phone Numbers Admin to check its Outreach app settings.`,
          );
        }
        return await identify(answer.tokens);
      } catch (error) {
        if (!(error instanceof OutreachUnavailable)) throw error;
        throw new SignInFailure(`${error.message} Try signing in again in a moment.`, {
          cause: error,
        });
      }
    },

    refresh: async (refreshToken) => {
      const answer = await requestTokens({
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      });
      if ('error' in answer) {
        if (answer.error === 'invalid_grant') {
          throw new RefreshRefused(answer.description ?? 'Outreach refused the refresh token.');
        }
        throw new OutreachUnavailable(`Outreach refused to refresh the tokens (${answer.error}).`);
      }
      return answer.tokens;
    },
  };
}
