import type { FrameLocator, Locator, Page } from '@playwright/test';

/**
 * A page of another site that frames the panel and sizes the frame from its height messages, as the
 * README shows a host doing. Playwright's routing serves it at any origin the spec names, so no server
 * runs for it. It keeps every height it is told in `window.postedHeights`.
 */
function hostHtml(appOrigin: string, frameUrl: string): string {
  return `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>CRM: prospect</title></head>
  <body style="margin: 0; font-family: sans-serif">
    <h1>Prospect in our CRM</h1>
    <iframe id="phone-numbers" title="Phone numbers" src="${frameUrl}"
      style="display: block; width: 100%; height: 120px; border: 0"></iframe>
    <p>Below the frame.</p>
    <script>
      window.postedHeights = [];
      const frame = document.getElementById('phone-numbers');
      frame.addEventListener('load', () => { document.body.dataset.frameLoaded = 'true'; });
      window.addEventListener('message', (event) => {
        if (event.origin !== ${JSON.stringify(appOrigin)} || event.source !== frame.contentWindow) return;
        if (event.data?.type !== 'phone-numbers:height') return;
        window.postedHeights.push(event.data.height);
        frame.style.height = event.data.height + 'px';
      });
    </script>
  </body>
</html>`;
}

export class FramingHostPage {
  /** The <iframe> element, as tall as the host made it. */
  readonly frameElement: Locator;
  /** What is inside the frame. */
  readonly frame: FrameLocator;

  constructor(
    private readonly page: Page,
    /**
     * Where the host page is served from: "https://host.test". An https origin, so that the frame is a
     * secure context, as the app's sign-in needs (Web Crypto).
     */
    readonly origin: string,
  ) {
    this.frameElement = page.getByTitle('Phone numbers');
    this.frame = this.frameElement.contentFrame();
  }

  /** Opens the host page, framing the panel of a prospect from the app at `appBaseUrl`. */
  async open(appBaseUrl: string, prospectId: number) {
    // The host is a public site to Chromium, the app under test a local one, which Local Network Access
    // lets a page frame only with the user's leave. A deployed app is public too and needs none.
    await this.page.context().grantPermissions(['local-network-access'], { origin: this.origin });
    const appOrigin = new URL(appBaseUrl).origin;
    const frameUrl = `${appOrigin}/embed/prospects/${prospectId}/phone-numbers`;
    await this.page.route(`${this.origin}/**`, (route) =>
      route.fulfill({ contentType: 'text/html', body: hostHtml(appOrigin, frameUrl) }),
    );
    await this.page.goto(`${this.origin}/prospects/${prospectId}`);
  }

  /** The frame's height in CSS pixels, as the host page has set it. */
  async frameHeight(): Promise<number> {
    return (await this.frameElement.boundingBox())?.height ?? 0;
  }

  /** The height of what the frame shows, in CSS pixels rounded up, however tall the frame is. */
  async contentHeight(): Promise<number> {
    return Math.ceil((await this.frame.locator('html').boundingBox())?.height ?? 0);
  }

  /** Whether the frame is exactly as tall as what it shows: the host has its latest height. */
  async frameFitsContent(): Promise<boolean> {
    return (await this.frameHeight()) === (await this.contentHeight());
  }

  /** Every height the frame has posted, in order. */
  async postedHeights(): Promise<number[]> {
    return this.page.evaluate(
      () => (window as unknown as { postedHeights: number[] }).postedHeights,
    );
  }

  /** The address of the document the frame holds now. */
  async framedUrl(): Promise<string | undefined> {
    return (await (await this.frameElement.elementHandle()).contentFrame())?.url();
  }

  /** Whether the browser has finished loading the frame, whatever it ended up showing. */
  frameLoaded(): Locator {
    return this.page.locator('body[data-frame-loaded="true"]');
  }
}
