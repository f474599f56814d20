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
