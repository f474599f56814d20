/**
 * The app's API root: `/api/v2` on the origin it is served from, always. The browser holds only the
 * server's session cookie, which goes to this origin alone; the server answers `/api/v2` itself or
 * proxies it to Outreach (docs/decisions/0046), so there is no other API to point a build at.
 */
export const appApiBaseUrl = `${window.location.origin}/api/v2`;
