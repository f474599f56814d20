/** The one registered client: the admin app itself, a public client that must use PKCE. */
export const APP_CLIENT_ID = 'phone-numbers-admin';
