import type { Context } from 'hono';
import { html } from 'hono/html';
import type { UserRow } from '../db/schema';

/**
 * The pages of /oauth/authorize: the demo sign-in, its error pages, and the headers they go out with.
 * They run no script and cannot be framed (decisions 0006, 0021). Their forms post only here; the
 * policy names the redirect URI's origin too because the answer to a post is a redirect there.
 */

/** What the sign-in page's forms post back: the authorization request it was opened with. */
interface SignInRequest {
  client_id: string;
  scope: string;
  state?: string | undefined;
  /** Absent for the simulator's confidential client, which, as at Outreach, uses no PKCE. */
  code_challenge?: string | undefined;
}

export function setPageHeaders(c: Context, redirect: URL | undefined) {
  c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; style-src 'unsafe-inline'; form-action 'self' ${redirect?.origin ?? ''}; frame-ancestors 'none'`,
  );
}

/** The frame of the sign-in pages, here and in /auth: a title and a little style around the body. */
export const authPageLayout = (title: string, body: unknown) =>
  html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title}</title>
        <style>
          :root {
            color-scheme: light dark;
            font-family: system-ui, sans-serif;
          }
          body {
            margin: 0;
            display: grid;
            place-items: center;
            min-height: 100vh;
            background: Canvas;
            color: CanvasText;
          }
          main {
            max-width: 28rem;
            padding: 2rem;
          }
          h1 {
            font-size: 1.5rem;
            margin: 0 0 0.5rem;
          }
          ul {
            list-style: none;
            padding: 0;
            display: grid;
            gap: 0.75rem;
          }
          button {
            width: 100%;
            padding: 0.75rem 1rem;
            font: inherit;
            font-weight: 600;
            text-align: left;
            border: 1px solid GrayText;
            border-radius: 0.5rem;
            background: ButtonFace;
            color: ButtonText;
            cursor: pointer;
          }
          button:focus-visible {
            outline: 3px solid Highlight;
            outline-offset: 2px;
          }
          .role {
            display: block;
            font-weight: 400;
            font-size: 0.875rem;
            margin-top: 0.25rem;
          }
          .secondary {
            border-style: dashed;
            font-weight: 400;
          }
        </style>
      </head>
      <body>
        <main>${body}</main>
      </body>
    </html>`;

const ROLE_TEXT: Record<UserRow['role'], string> = {
  admin: 'Admin: can change every phone number',
  rep: "Rep: can change their own prospects' numbers",
  viewer: 'Viewer: can look, not change',
};

function hiddenFields(request: SignInRequest, redirectUri: string) {
  return html`<input type="hidden" name="client_id" value="${request.client_id}" />
    <input type="hidden" name="redirect_uri" value="${redirectUri}" />
    <input type="hidden" name="response_type" value="code" />
    <input type="hidden" name="scope" value="${request.scope}" />
    <input type="hidden" name="state" value="${request.state ?? ''}" />
    ${
      request.code_challenge === undefined
        ? ''
        : html`<input type="hidden" name="code_challenge" value="${request.code_challenge}" />
            <input type="hidden" name="code_challenge_method" value="S256" />`
    }`;
}

const DEMO_HEADING = {
  title: 'Sign in — Phone Numbers Admin',
  heading: 'Sign in to Phone Numbers Admin',
  text: 'This is the demo sign-in of the local server. Choose who you are:',
};

/** The simulator's page stands for Outreach's consent page, which the app sends its users to. */
const simulatorHeading = (scope: string) => ({
  title: 'Sign in — Outreach (simulator)',
  heading: 'Outreach (simulator)',
  text: `Phone Numbers Admin asks to use your Outreach account (${scope}). This is the local Outreach simulator; choose who you are:`,
});

/**
 * "Continue as …" for each user, and Cancel; each button posts the request back with its answer.
 * `simulated`: the page is the Outreach simulator's consent page (decision 0046).
 */
export const signInPage = (
  users: readonly UserRow[],
  request: SignInRequest,
  redirectUri: string,
  simulated = false,
) => {
  const { title, heading, text } = simulated ? simulatorHeading(request.scope) : DEMO_HEADING;
  return authPageLayout(
    title,
    html`<h1>${heading}</h1>
      <p>${text}</p>
      <ul>
        ${users.map(
          (user) =>
            html`<li>
              <form method="post" action="/oauth/authorize">
                ${hiddenFields(request, redirectUri)}
                <input type="hidden" name="user_id" value="${user.id}" />
                <button type="submit">
                  Continue as ${user.first_name} ${user.last_name}
                  <span class="role">${ROLE_TEXT[user.role]}</span>
                </button>
              </form>
            </li>`,
        )}
        <li>
          <form method="post" action="/oauth/authorize">
            ${hiddenFields(request, redirectUri)}
            <input type="hidden" name="deny" value="1" />
            <button type="submit" class="secondary">Cancel</button>
          </form>
        </li>
      </ul>`,
  );
};

/** The page for a link that may not redirect at all: an unknown client or redirect URI. */
export const invalidLinkPage = (reason: string) =>
  authPageLayout(
    'Sign-in link not valid',
    html`<h1>This sign-in link is not valid</h1>
      <p>The link is broken: ${reason}.</p>`,
  );

/** A "Continue as …" post that another site's page sent (decision 0046, CSRF). */
export const crossSitePostPage = () =>
  authPageLayout(
    'Sign-in refused',
    html`<h1>This sign-in was refused</h1>
      <p>
        It was sent from a page of another site, not from this sign-in page. Start again from the
        app.
      </p>`,
  );

export const tooManyAttemptsPage = (detail: string) =>
  authPageLayout(
    'Too many sign-in attempts',
    html`<h1>Too many sign-in attempts</h1>
      <p>${detail}</p>`,
  );
