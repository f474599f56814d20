/** Where the authorization server sends the user back to; the endpoints come from the app's config. */
export const CALLBACK_PATH = '/auth/callback';

export const redirectUri = (origin: string) => `${origin}${CALLBACK_PATH}`;
