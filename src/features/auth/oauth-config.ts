/** The app as an OAuth client of the local server (a public client, so PKCE stands in for a secret). */
export const OAUTH_CLIENT_ID = 'phone-numbers-admin';
export const OAUTH_SCOPE = 'phoneNumbers.all prospects.read users.read';
export const CALLBACK_PATH = '/auth/callback';

export const authorizationEndpoint = (origin: string) => `${origin}/oauth/authorize`;
export const tokenEndpoint = (origin: string) => `${origin}/oauth/token`;
export const redirectUri = (origin: string) => `${origin}${CALLBACK_PATH}`;
export const revocationEndpoint = (origin: string) => `${origin}/oauth/revoke`;
