import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import Provider, { type Account } from 'oidc-provider';
import { browse, cookieJar, type CookieJar } from './session-client';

/** What a test account's claims are: the standard ones, and groups. */
export interface TestAccount {
  email?: string;
  email_verified?: boolean;
  given_name?: string;
  family_name?: string;
  groups?: string[];
}

export interface TestIdentityProvider {
  issuer: string;
  /** The accounts people sign in as, by their `sub`; tests change them between sign-ins. */
  accounts: Map<string, TestAccount>;
  /** The one client the provider knows: this product's servers, redirecting to `redirectUris`. */
  registerClient: (client: {
    clientId: string;
    clientSecret: string;
    redirectUris: string[];
  }) => void;
  /** While down, every connection is dropped unanswered, as if the provider were unreachable. */
  setDown: (down: boolean) => void;
  close: () => Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider) on an ephemeral port, with its development login and
 * consent pages: the tests sign in through it over HTTP as a browser would. Email and groups are given
 * at UserInfo, as oidc-provider does for the code flow.
 */
export async function startTestIdentityProvider(): Promise<TestIdentityProvider> {
  const accounts = new Map<string, TestAccount>();
  const sockets = new Set<Socket>();
  let down = false;
  let handler: ReturnType<Provider['callback']> | undefined;
  const server: Server = createServer((request, response) => {
    if (handler) handler(request, response);
    else response.writeHead(503).end();
  });
  server.on('connection', (socket) => {
    if (down) {
      socket.destroy();
      return;
    }
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const findAccount = (_context: unknown, id: string): Account | undefined => {
    const account = accounts.get(id);
    return account && { accountId: id, claims: () => Promise.resolve({ sub: id, ...account }) };
  };

  return {
    issuer,
    accounts,
    registerClient: ({ clientId, clientSecret, redirectUris }) => {
      handler = new Provider(issuer, {
        clients: [
          {
            client_id: clientId,
            client_secret: clientSecret,
            redirect_uris: redirectUris,
            token_endpoint_auth_method: 'client_secret_basic',
          },
        ],
        findAccount,
        claims: {
          openid: ['sub', 'groups'],
          email: ['email', 'email_verified'],
          profile: ['given_name', 'family_name'],
        },
        pkce: { required: () => true },
        // Lifetimes set, so that oidc-provider does not print a notice for each default it uses.
        ttl: { Interaction: 600, Session: 3600, Grant: 3600, AccessToken: 3600, IdToken: 3600 },
        features: { devInteractions: { enabled: true } },
        cookies: { keys: ['test-identity-provider'] },
      }).callback();
    },
    setDown: (value) => {
      down = value;
      if (value) for (const socket of sockets) socket.destroy();
    },
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
      });
    },
  };
}

const locationOf = (response: Response, base: string) => {
  const value = response.headers.get('Location');
  if (value === null) throw new Error(`Expected a redirect, got ${response.status}`);
  return new URL(value, base).href;
};

/**
 * A browser's sign-in from the app's /auth/login through the provider's login (as `accountId`) and
 * consent pages, up to the app's callback URL, which is returned unvisited: tests decide what to do
 * with it. The provider's cookies are kept in their own jar (another site).
 */
export async function signInAtProvider(
  appOrigin: string,
  appJar: CookieJar,
  accountId: string,
  query: Record<string, string> = {},
): Promise<string> {
  const login = await browse(
    appJar,
    `${appOrigin}/auth/login?${new URLSearchParams(query).toString()}`,
  );
  if (login.status !== 302) throw new Error(`/auth/login answered ${login.status}`);
  const providerJar = cookieJar();
  let url = locationOf(login, appOrigin);
  for (let step = 0; step < 10; step += 1) {
    if (url.startsWith(`${appOrigin}/`)) return url;
    const page = await browse(providerJar, url);
    if (page.status >= 300 && page.status < 400) {
      url = locationOf(page, url);
      continue;
    }
    const html = await page.text();
    const prompt = /name="prompt" value="(\w+)"/.exec(html)?.[1];
    const action = /<form[^>]* action="([^"]+)"/.exec(html)?.[1];
    if (page.status !== 200 || !prompt || !action) {
      throw new Error(`The provider answered ${page.status}: ${html.slice(0, 500)}`);
    }
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') form.set('login', accountId);
    const submitted = await browse(providerJar, new URL(action, url).href, {
      method: 'POST',
      body: form,
    });
    url = locationOf(submitted, url);
  }
  throw new Error('The provider did not send the browser back to the app');
}
