import { randomBytes } from 'node:crypto';
import type { Context } from 'hono';
import { html, raw } from 'hono/html';
import { authPageLayout, setPageHeaders } from '../auth/sign-in-page';
import type { AppEnv } from '../http/app-env';

/** What the popup posts to the frame that opened it (decision 0046). */
const SIGNED_IN_MESSAGE_TYPE = 'phone-numbers-admin:signed-in';

/** A sign-in that cannot go on: a sentence that says why, and the way back. Never a stack trace. */
export function signInProblemPage(
  c: Context<AppEnv>,
  sentence: string,
  status: 400 | 403 | 429 | 502 | 503 = 400,
): Response | Promise<Response> {
  setPageHeaders(c, undefined);
  return c.html(
    authPageLayout(
      'Sign-in did not work — Phone Numbers Admin',
      html`<h1>Sign-in did not work</h1>
        <p>${sentence}</p>
        <p><a href="/">Back to Phone Numbers Admin</a></p>`,
    ),
    status,
  );
}

/**
 * The provider knows the person, this product does not let them in (not added, turned off): who they
 * signed in as and whom to ask. No session is made.
 */
export function noAccessPage(
  c: Context<AppEnv>,
  heading: string,
  sentence: string,
): Response | Promise<Response> {
  setPageHeaders(c, undefined);
  return c.html(
    authPageLayout(
      `${heading} — Phone Numbers Admin`,
      html`<h1>${heading}</h1>
        <p>${sentence}</p>
        <p><a href="/">Back to Phone Numbers Admin</a></p>`,
    ),
    403,
  );
}

/** JSON in an inline script: `<` escaped, so no value can close the script element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c');

/**
 * The popup's last page: it posts the single-use code to the frame that opened it, to the app's own
 * origin only, and closes. Its one script runs under a nonce; everything else stays refused.
 */
export function handoffPage(c: Context<AppEnv>, code: string): Response | Promise<Response> {
  const nonce = randomBytes(16).toString('base64');
  c.header('Cache-Control', 'no-store');
  c.header('X-Frame-Options', 'DENY');
  c.header(
    'Content-Security-Policy',
    `default-src 'none'; script-src 'nonce-${nonce}'; style-src 'unsafe-inline'; frame-ancestors 'none'`,
  );
  const message = scriptJson({ type: SIGNED_IN_MESSAGE_TYPE, code });
  const targetOrigin = scriptJson(c.var.publicOrigin);
  return c.html(
    authPageLayout(
      'Signed in — Phone Numbers Admin',
      html`<h1>Signed in</h1>
        <p>This window closes by itself. If it stays open, close it and go back to the app.</p>
        <script nonce="${nonce}">
          if (window.opener) {
            window.opener.postMessage(${raw(message)}, ${raw(targetOrigin)});
            window.close();
          }
        </script>`,
    ),
  );
}
