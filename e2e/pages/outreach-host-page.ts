import type { FrameLocator, Locator, Page } from '@playwright/test';

/** What an Outreach host page posts and receives: the SDK's messages are JSON strings. */
export interface CxtMessage {
  type: string;
  notificationText?: string;
  notificationType?: string;
}

/**
 * A stand-in for Outreach: a prospect page that loads the extension in a tab's iframe, answers its
 * `cxt:sdk:ready` with a `cxt:sdk:init` naming the prospect (`pro.id`) and keeps every message the
 * extension sends in `window.cxtMessages`. Served by Playwright's routing at an Outreach origin (the SDK
 * accepts an init only from one ending in outreach.io, outreach-staging.com or outreach-dev.com).
 */
function hostHtml(appOrigin: string, prospectId: number, manifest: unknown): string {
  const init = {
    type: 'cxt:sdk:init',
    context: [
      { key: 'pro.id', value: String(prospectId) },
      { key: 'usr.id', value: '2' },
    ],
    locale: 'en',
    theme: 'light',
    userIdentifier: '2',
    sessionId: 'e2e-session',
    configuration: [],
    locationSearchParams: [],
    application: manifest,
  };
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Outreach: prospect</title></head>
  <body>
    <h1>Prospect in Outreach</h1>
    <iframe id="extension" title="Phone numbers tab" src="${appOrigin}/embed/outreach/phone-numbers"
      style="width: 100%; height: 700px; border: 0"></iframe>
    <script>
      window.cxtMessages = [];
      const frame = document.getElementById('extension');
      window.addEventListener('message', (event) => {
        if (event.origin !== ${JSON.stringify(appOrigin)} || typeof event.data !== 'string') return;
        const message = JSON.parse(event.data);
        window.cxtMessages.push(message);
        if (message.type === 'cxt:sdk:ready') {
          frame.contentWindow.postMessage(JSON.stringify(${JSON.stringify(init)}), ${JSON.stringify(appOrigin)});
        }
      });
    </script>
  </body>
</html>`;
}

export class OutreachHostPage {
  /** What is inside the extension's frame. */
  readonly frame: FrameLocator;

  constructor(
    private readonly page: Page,
    /** Where the stand-in is served: "https://host.outreach-dev.com" (no port: the SDK's check is a suffix). */
    readonly origin: string,
  ) {
    this.frame = page.getByTitle('Phone numbers tab').contentFrame();
  }

  /** Opens the stand-in's page of a prospect, whose tab loads the extension from `appBaseUrl`. */
  async open(appBaseUrl: string, prospectId: number) {
    const appOrigin = new URL(appBaseUrl).origin;
    const manifest: unknown = await (
      await this.page.request.get(`${appOrigin}/outreach-extension-manifest.json`)
    ).json();
    await this.page.route(`${this.origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostHtml(appOrigin, prospectId, manifest) }),
    );
    await this.page.goto(`${this.origin}/prospects/${prospectId}`);
  }

  /** Every message the extension has posted to Outreach, in order. */
  async messages(): Promise<CxtMessage[]> {
    return this.page.evaluate(
      () => (window as unknown as { cxtMessages: CxtMessage[] }).cxtMessages,
    );
  }

  /** The heading of the stand-in's own page, outside the frame. */
  heading(): Locator {
    return this.page.getByRole('heading', { name: 'Prospect in Outreach' });
  }
}
