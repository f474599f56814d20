import { describe, expect, it } from 'vitest';
import { readAppConfig } from './app-config';

const ORIGIN = 'https://admin.example.com';

describe('readAppConfig', () => {
  it('points at the serving origin when nothing is configured', () => {
    expect(readAppConfig({ MODE: 'production' }, ORIGIN)).toEqual({
      apiBaseUrl: 'https://admin.example.com/api/v2',
      oauth: {
        authorizeUrl: 'https://admin.example.com/oauth/authorize',
        tokenUrl: 'https://admin.example.com/oauth/token',
        revokeUrl: 'https://admin.example.com/oauth/revoke',
        clientId: 'phone-numbers-admin',
        scope: 'phoneNumbers.all prospects.read users.read',
      },
    });
  });

  it('takes every value from the VITE_ variables, without a trailing slash on the API root', () => {
    const config = readAppConfig(
      {
        VITE_API_BASE_URL: 'https://api.outreach.io/api/v2/',
        VITE_OAUTH_AUTHORIZE_URL: 'https://api.outreach.io/oauth/authorize',
        VITE_OAUTH_TOKEN_URL: 'https://tokens.example.com/outreach/token',
        VITE_OAUTH_REVOKE_URL: 'https://tokens.example.com/outreach/revoke',
        VITE_OAUTH_CLIENT_ID: 'outreach-app-id',
        VITE_OAUTH_SCOPE: 'phoneNumbers.read prospects.read',
      },
      ORIGIN,
    );

    expect(config).toEqual({
      apiBaseUrl: 'https://api.outreach.io/api/v2',
      oauth: {
        authorizeUrl: 'https://api.outreach.io/oauth/authorize',
        tokenUrl: 'https://tokens.example.com/outreach/token',
        revokeUrl: 'https://tokens.example.com/outreach/revoke',
        clientId: 'outreach-app-id',
        scope: 'phoneNumbers.read prospects.read',
      },
    });
  });

  it('reads an empty variable as unset', () => {
    const config = readAppConfig({ VITE_API_BASE_URL: '', VITE_OAUTH_CLIENT_ID: '' }, ORIGIN);

    expect(config.apiBaseUrl).toBe('https://admin.example.com/api/v2');
    expect(config.oauth.clientId).toBe('phone-numbers-admin');
  });

  it('refuses a value that is not an http(s) URL, naming the variable', () => {
    expect(() => readAppConfig({ VITE_API_BASE_URL: 'javascript:alert(1)' }, ORIGIN)).toThrow(
      /VITE_API_BASE_URL must be an http or https URL/,
    );
    expect(() => readAppConfig({ VITE_OAUTH_TOKEN_URL: 'api.outreach.io/token' }, ORIGIN)).toThrow(
      /VITE_OAUTH_TOKEN_URL/,
    );
  });
});
