import { describe, expect, it } from 'vitest';
import { configFromEnvironment } from './config';

const invalid = (env: NodeJS.ProcessEnv) => {
  try {
    configFromEnvironment(env);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error('The configuration was accepted');
};

describe('CORS_ALLOWED_ORIGINS', () => {
  it('allows no origin by default', () => {
    expect(configFromEnvironment({}).corsAllowedOrigins).toEqual([]);
    expect(configFromEnvironment({ CORS_ALLOWED_ORIGINS: '' }).corsAllowedOrigins).toEqual([]);
  });

  it('takes exact origins, separated by commas', () => {
    const config = configFromEnvironment({
      CORS_ALLOWED_ORIGINS: 'https://crm.example.com, http://localhost:8080',
    });
    expect(config.corsAllowedOrigins).toEqual(['https://crm.example.com', 'http://localhost:8080']);
  });

  it('refuses anything a browser would not send as an Origin, naming the variable', () => {
    for (const entry of [
      'https://crm.example.com/',
      'https://crm.example.com/app',
      'crm.example.com',
      'https://*.example.com',
      'HTTPS://CRM.EXAMPLE.COM',
      'ftp://files.example.com',
      '*',
      'null',
    ]) {
      const message = invalid({ CORS_ALLOWED_ORIGINS: `https://ok.example.com,${entry}` });
      expect(message, entry).toContain('CORS_ALLOWED_ORIGINS');
      expect(message, entry).toContain(JSON.stringify(entry));
    }
  });
});

describe('EMBED_ALLOWED_ORIGINS', () => {
  it('lets this origin and Outreach frame the embedded pages by default', () => {
    expect(configFromEnvironment({}).embedAllowedOrigins).toEqual([
      "'self'",
      'https://*.outreach.io',
    ]);
  });

  it("takes 'self', origins and https wildcards over a domain, separated by commas or spaces", () => {
    const config = configFromEnvironment({
      EMBED_ALLOWED_ORIGINS: "'self' https://*.crm.example.com,http://host.test",
    });
    expect(config.embedAllowedOrigins).toEqual([
      "'self'",
      'https://*.crm.example.com',
      'http://host.test',
    ]);
  });

  it('refuses what is not one of those, naming the variable', () => {
    for (const entry of [
      '*',
      'https://*',
      'https://*.com',
      'http://*.example.com',
      'https://*.example.com/path',
      'self',
      "'none'",
      "'unsafe-inline'",
      'https://crm.example.com/',
      'https://crm.example.com;script-src',
    ]) {
      const message = invalid({ EMBED_ALLOWED_ORIGINS: entry });
      expect(message, entry).toContain('EMBED_ALLOWED_ORIGINS');
    }
  });
});

describe('PUBLIC_ORIGIN', () => {
  it('is unset by default, and takes one exact origin', () => {
    expect(configFromEnvironment({}).publicOrigin).toBeUndefined();
    expect(
      configFromEnvironment({ PUBLIC_ORIGIN: 'https://phones.example.com' }).publicOrigin,
    ).toBe('https://phones.example.com');
  });

  it('refuses a URL with a path or a slash, or two origins, naming the variable', () => {
    for (const value of [
      'https://phones.example.com/',
      'https://phones.example.com/app',
      'phones.example.com',
      'https://a.example.com,https://b.example.com',
    ]) {
      expect(invalid({ PUBLIC_ORIGIN: value }), value).toContain('PUBLIC_ORIGIN must be an origin');
    }
  });
});

describe('rate limits', () => {
  it('default to 10,000 API requests per user, 100,000 per address and 1,000 /oauth requests an hour', () => {
    expect(configFromEnvironment({})).toMatchObject({
      rateLimitPerHour: 10_000,
      rateLimitPerAddressPerHour: 100_000,
      oauthRateLimitPerHour: 1_000,
    });
  });

  it('refuses limits that are not positive whole numbers, naming the variable', () => {
    const message = invalid({
      ADDRESS_RATE_LIMIT: '0',
      OAUTH_RATE_LIMIT: 'lots',
    });
    expect(message).toContain('ADDRESS_RATE_LIMIT must be at least 1');
    expect(message).toContain('OAUTH_RATE_LIMIT must be a whole number');
  });
});

describe('OUTREACH_SIMULATOR', () => {
  it('is off by default', () => {
    expect(configFromEnvironment({}).outreachSimulator).toBeUndefined();
  });

  it('knows one confidential client, with development defaults', () => {
    expect(configFromEnvironment({ OUTREACH_SIMULATOR: '1' }).outreachSimulator).toEqual({
      clientId: 'outreach-simulator',
      clientSecret: 'outreach-simulator-secret',
      redirectUris: ['http://localhost:4173/auth/callback'],
    });
    expect(
      configFromEnvironment({
        OUTREACH_SIMULATOR: '1',
        SIMULATOR_REDIRECT_URIS:
          'https://a.example/auth/callback, http://localhost:5173/auth/callback',
      }).outreachSimulator?.redirectUris,
    ).toEqual(['https://a.example/auth/callback', 'http://localhost:5173/auth/callback']);
  });

  it('refuses to run in production, and redirect URIs that are not absolute http(s) URLs', () => {
    expect(invalid({ OUTREACH_SIMULATOR: '1', NODE_ENV: 'production' })).toContain(
      'NODE_ENV=production',
    );
    expect(
      invalid({ OUTREACH_SIMULATOR: '1', SIMULATOR_REDIRECT_URIS: '/auth/callback' }),
    ).toContain('SIMULATOR_REDIRECT_URIS');
    expect(invalid({ OUTREACH_SIMULATOR: 'yes' })).toContain('OUTREACH_SIMULATOR');
  });
});

describe('AUTH_MODE', () => {
  const key = `k1:${Buffer.alloc(32, 1).toString('base64')}`;
  const outreach = {
    AUTH_MODE: 'outreach',
    OUTREACH_CLIENT_ID: 'client-id',
    OUTREACH_CLIENT_SECRET: 'client-secret',
    TOKEN_ENCRYPTION_KEYS: key,
    PUBLIC_ORIGIN: 'https://phones.example.com',
  };

  it('is demo by default, with no key and no Outreach settings', () => {
    expect(configFromEnvironment({})).toMatchObject({
      authMode: 'demo',
      tokenEncryptionKeys: [],
      outreach: undefined,
    });
  });

  it('refuses demo mode in production, naming both variables', () => {
    for (const env of [{ NODE_ENV: 'production' }, { NODE_ENV: 'production', AUTH_MODE: 'demo' }]) {
      const message = invalid(env);
      expect(message).toContain('AUTH_MODE=demo');
      expect(message).toContain('NODE_ENV=production');
    }
  });

  it('refuses a mode it does not know', () => {
    expect(invalid({ AUTH_MODE: 'saml' })).toContain('AUTH_MODE is demo, outreach or oidc');
  });

  it("outreach: takes the client's settings, with Outreach's URLs by default", () => {
    expect(configFromEnvironment({ ...outreach, NODE_ENV: 'production' })).toMatchObject({
      authMode: 'outreach',
      production: true,
      tokenEncryptionKeys: [{ id: 'k1', key: Buffer.alloc(32, 1) }],
      outreach: {
        clientId: 'client-id',
        clientSecret: 'client-secret',
        oauthUrl: 'https://api.outreach.io/oauth',
        apiUrl: 'https://api.outreach.io/api/v2',
      },
    });
    expect(
      configFromEnvironment({
        ...outreach,
        PUBLIC_ORIGIN: 'http://localhost:4173',
        OUTREACH_OAUTH_URL: 'http://127.0.0.1:4999/oauth/',
        OUTREACH_API_URL: 'http://localhost:4999/api/v2',
      }).outreach,
    ).toMatchObject({
      oauthUrl: 'http://127.0.0.1:4999/oauth',
      apiUrl: 'http://localhost:4999/api/v2',
    });
  });

  it('outreach: names each variable that is missing', () => {
    const message = invalid({ AUTH_MODE: 'outreach' });
    for (const name of [
      'OUTREACH_CLIENT_ID',
      'OUTREACH_CLIENT_SECRET',
      'TOKEN_ENCRYPTION_KEYS',
      'PUBLIC_ORIGIN',
    ]) {
      expect(message).toContain(name);
    }
  });

  it('outreach: needs HTTPS, but for this machine', () => {
    expect(invalid({ ...outreach, PUBLIC_ORIGIN: 'http://phones.example.com' })).toContain(
      'PUBLIC_ORIGIN=https://',
    );
    expect(invalid({ ...outreach, PUBLIC_ORIGIN: 'http://192.168.1.20:4173' })).toContain(
      'PUBLIC_ORIGIN=https://',
    );
    expect(invalid({ ...outreach, OUTREACH_API_URL: 'http://api.outreach.io/api/v2' })).toContain(
      'OUTREACH_API_URL must be an https:// URL',
    );
    expect(invalid({ ...outreach, OUTREACH_OAUTH_URL: 'https://x.example/oauth?a=1' })).toContain(
      'OUTREACH_OAUTH_URL',
    );
  });

  it('TOKEN_ENCRYPTION_KEYS: kid:base64 pairs, the first encrypting; each wrong one named, never echoed', () => {
    const second = `k2:${Buffer.alloc(32, 2).toString('base64url')}`;
    expect(
      configFromEnvironment({ TOKEN_ENCRYPTION_KEYS: `${key}, ${second}` }).tokenEncryptionKeys.map(
        (entry) => entry.id,
      ),
    ).toEqual(['k1', 'k2']);
    const short = Buffer.alloc(31, 3).toString('base64');
    const message = invalid({
      TOKEN_ENCRYPTION_KEYS: `${key},k1:${Buffer.alloc(32).toString('base64')},k3:${short}`,
    });
    expect(message).toContain('"k1" twice');
    expect(message).toContain('the key of "k3" is not 32 bytes');
    expect(message).not.toContain(short);
  });
});

describe('AUTH_MODE=oidc', () => {
  const oidc = {
    AUTH_MODE: 'oidc',
    OIDC_ISSUER: 'https://sso.example.com/realms/acme',
    OIDC_CLIENT_ID: 'phone-numbers-admin',
    OIDC_CLIENT_SECRET: 'client-secret',
    PUBLIC_ORIGIN: 'https://phones.example.com',
  };

  it("takes the provider's settings, with openid email profile, no role claim and no admin emails by default", () => {
    expect(configFromEnvironment({ ...oidc, NODE_ENV: 'production' })).toMatchObject({
      authMode: 'oidc',
      production: true,
      outreach: undefined,
      oidc: {
        issuer: 'https://sso.example.com/realms/acme',
        clientId: 'phone-numbers-admin',
        clientSecret: 'client-secret',
        scopes: ['openid', 'email', 'profile'],
        roleClaim: undefined,
        adminEmails: [],
      },
    });
  });

  it('maps values of a role claim to roles, group names with spaces too, and lower-cases admin emails', () => {
    const config = configFromEnvironment({
      ...oidc,
      OIDC_SCOPES: 'openid email profile groups',
      OIDC_ROLE_CLAIM: 'realm_access.roles',
      OIDC_ADMIN_GROUPS: '/Phone Admins, phone-admin',
      OIDC_REP_GROUPS: 'sales',
      ADMIN_EMAILS: 'Ada@Example.com bo@example.com',
    });
    expect(config.oidc).toMatchObject({
      scopes: ['openid', 'email', 'profile', 'groups'],
      roleClaim: {
        path: ['realm_access', 'roles'],
        admin: ['/Phone Admins', 'phone-admin'],
        rep: ['sales'],
        viewer: [],
      },
      adminEmails: ['ada@example.com', 'bo@example.com'],
    });
  });

  it('names each variable that is missing', () => {
    const message = invalid({ AUTH_MODE: 'oidc' });
    for (const name of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'PUBLIC_ORIGIN']) {
      expect(message).toContain(name);
    }
  });

  it('needs HTTPS, but for this machine outside production', () => {
    expect(invalid({ ...oidc, OIDC_ISSUER: 'http://sso.example.com/realms/acme' })).toContain(
      'OIDC_ISSUER must be',
    );
    expect(invalid({ ...oidc, OIDC_ISSUER: 'https://sso.example.com/?realm=acme' })).toContain(
      'OIDC_ISSUER must be',
    );
    expect(invalid({ ...oidc, OIDC_ISSUER: 'sso.example.com' })).toContain('OIDC_ISSUER must be');
    expect(invalid({ ...oidc, PUBLIC_ORIGIN: 'http://phones.example.com' })).toContain(
      'PUBLIC_ORIGIN=https://',
    );
    const local = { ...oidc, OIDC_ISSUER: 'http://localhost:8080/realms/acme' };
    expect(configFromEnvironment(local).oidc?.issuer).toBe('http://localhost:8080/realms/acme');
    expect(invalid({ ...local, NODE_ENV: 'production' })).toContain(
      'OIDC_ISSUER must be https:// with NODE_ENV=production',
    );
  });

  it('refuses scopes without openid, a role claim without groups and groups without a claim, and emails that are not', () => {
    expect(invalid({ ...oidc, OIDC_SCOPES: 'email profile' })).toContain(
      'OIDC_SCOPES must include openid',
    );
    expect(invalid({ ...oidc, OIDC_ROLE_CLAIM: 'groups' })).toContain(
      'OIDC_ROLE_CLAIM=groups needs OIDC_ADMIN_GROUPS, OIDC_REP_GROUPS or OIDC_VIEWER_GROUPS',
    );
    expect(invalid({ ...oidc, OIDC_REP_GROUPS: 'sales' })).toContain('need OIDC_ROLE_CLAIM');
    expect(invalid({ ...oidc, OIDC_ROLE_CLAIM: 'groups[0]', OIDC_REP_GROUPS: 'sales' })).toContain(
      'OIDC_ROLE_CLAIM is a claim name',
    );
    const message = invalid({ ...oidc, ADMIN_EMAILS: 'ada@example.com,ada' });
    expect(message).toContain('ADMIN_EMAILS takes email addresses');
    expect(message).toContain('"ada"');
  });
});

describe('SHARED_STATE', () => {
  const sharedState = (env: NodeJS.ProcessEnv) => configFromEnvironment(env).sharedState;

  it('keeps state in memory on SQLite and in the database on PostgreSQL, unless told', () => {
    expect(sharedState({})).toBe('memory');
    expect(sharedState({ DATABASE_URL: 'postgres://db.example.com/phones' })).toBe('database');
    expect(sharedState({ DATABASE_URL: 'postgresql://db.example.com/phones' })).toBe('database');
    expect(sharedState({ SHARED_STATE: 'database' })).toBe('database');
    expect(
      sharedState({ SHARED_STATE: 'memory', DATABASE_URL: 'postgres://db.example.com/phones' }),
    ).toBe('memory');
  });

  it('is memory or database', () => {
    expect(invalid({ SHARED_STATE: 'redis' })).toContain('SHARED_STATE is memory or database');
  });
});

describe('DATABASE_URL', () => {
  it('keeps the SQLite file unless a PostgreSQL URL is given', () => {
    expect(configFromEnvironment({}).databaseUrl).toBeUndefined();
    const url = 'postgres://app:secret@db.internal:5432/phone_numbers';
    expect(configFromEnvironment({ DATABASE_URL: url }).databaseUrl).toBe(url);
  });

  it('refuses anything but a postgres:// URL, naming the variable', () => {
    for (const value of ['mysql://db/phone_numbers', '.data/phone-numbers.sqlite']) {
      expect(invalid({ DATABASE_URL: value }), value).toContain('DATABASE_URL must be');
    }
  });
});
