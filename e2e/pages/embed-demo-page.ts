import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { Locator, Page } from '@playwright/test';
import type { ProspectPhoneNumbersElement } from '../prospect-phone-numbers-element';

/** What the element told the page: a `phone-numbers-change` or a `phone-numbers-error` event's detail. */
export interface PanelEvent {
  type: 'phone-numbers-change' | 'phone-numbers-error';
  detail: {
    action?: 'created' | 'updated' | 'deleted' | 'reordered';
    phoneNumber?: { id: number; number: string; extension: string | null };
    message?: string;
    status?: number;
  };
}

/** What a page has outliving it: see `watchForLeaks`. */
export interface Leftovers {
  /** "window resize", "#document keydown", … */
  listeners: string[];
  /** Timeouts, intervals and idle callbacks not yet run nor cleared ("timeout 12"). */
  timers: string[];
  /** Animation frames not yet run nor cancelled. */
  frames: number[];
  observers: number;
}

declare global {
  interface Window {
    __panelEvents?: PanelEvent[];
    __leftovers?: () => Leftovers;
    /** The removed element's token provider, for the next one. */
    __tokenProvider?: ProspectPhoneNumbersElement['accessTokenProvider'];
  }
}

/**
 * public/embed-demo.html: a plain CRM page with deliberately hostile global CSS and the
 * `<prospect-phone-numbers>` custom element, signed in through the server's OAuth page. The element's
 * grid, dialogs and snackbar are reached with the usual page objects: role locators pierce its open
 * shadow root.
 */
export class EmbedDemoPage {
  readonly element: Locator;
  /** The page's own "Recent prospects" buttons, which set the element's prospect-id. */
  readonly recentProspects: Locator;
  /** The page's own content, to compare with and without the element. */
  readonly hostContent: Locator;

  constructor(private readonly page: Page) {
    this.element = page.locator('prospect-phone-numbers');
    this.recentProspects = page.getByRole('navigation', { name: 'Recent prospects' });
    // Anchored at <body>, so that nothing inside the element's shadow root matches.
    this.hostContent = page.locator(
      [
        'body',
        'body > header',
        'body > header > button',
        'body > main',
        'body > main > nav > button',
        'body > main > section',
        'body > main > section > h1',
        'body > main > section > h2',
        'body > main > section > ul > li',
        'body > main > section > table',
      ].join(', '),
    );
  }

  async goto() {
    await this.page.goto('/embed-demo.html');
  }

  showProspect(id: number): Promise<void> {
    return this.recentProspects.getByRole('button', { name: `Prospect ${id}` }).click();
  }

  /** Turns the page's hostile stylesheet off or back on. */
  async setHostileCss(enabled: boolean) {
    await this.page.evaluate((on) => {
      const sheet = document.querySelector<HTMLStyleElement>('#hostile-css')?.sheet;
      if (!sheet) throw new Error('The page has no hostile stylesheet.');
      sheet.disabled = !on;
    }, enabled);
  }

  /** Starts keeping every event the element sends (they bubble to the document), for `events()`. */
  async recordEvents() {
    await this.page.evaluate(() => {
      window.__panelEvents = [];
      for (const type of ['phone-numbers-change', 'phone-numbers-error'] as const) {
        document.addEventListener(type, (event) => {
          if (event instanceof CustomEvent) {
            window.__panelEvents?.push({ type, detail: event.detail });
          }
        });
      }
    });
  }

  events(): Promise<PanelEvent[]> {
    return this.page.evaluate(() => window.__panelEvents ?? []);
  }

  /** Takes the element out of the page, keeping its token provider for `insert`. */
  async remove() {
    await this.page.evaluate(() => {
      const element = document.querySelector<ProspectPhoneNumbersElement>('prospect-phone-numbers');
      if (!element) throw new Error('There is no <prospect-phone-numbers> to remove.');
      window.__tokenProvider = element.accessTokenProvider;
      element.remove();
    });
  }

  /** Puts a new element where the removed one was, for a prospect, with the same token provider. */
  async insert(prospectId: number) {
    await this.page.evaluate((id) => {
      const element = document.createElement(
        'prospect-phone-numbers',
      ) as ProspectPhoneNumbersElement;
      element.setAttribute('prospect-id', String(id));
      element.accessTokenProvider = window.__tokenProvider;
      document.querySelector('#phone-numbers-heading')?.after(element);
    }, prospectId);
  }

  /** The computed values of CSS properties, for every element a locator matches. */
  static stylesOf(locator: Locator, properties: readonly string[]): Promise<string[][]> {
    return locator.evaluateAll(
      (elements, names) =>
        elements.map((element) => {
          const style = getComputedStyle(element);
          return names.map((name) => `${name}: ${style.getPropertyValue(name)}`);
        }),
      properties,
    );
  }

  /** Emotion's style elements outside the element's shadow root, and inside it. */
  emotionStyles(): Promise<{ outside: number; inside: number }> {
    return this.page.evaluate(() => ({
      outside: document.querySelectorAll('style[data-emotion]').length,
      inside:
        document
          .querySelector('prospect-phone-numbers')
          ?.shadowRoot?.querySelectorAll('style[data-emotion]').length ?? 0,
    }));
  }

  /** Elements with MUI's classes in the page itself rather than in the shadow root: escaped popups. */
  muiElementsOutside(): Promise<number> {
    return this.page.evaluate(() => document.querySelectorAll('[class*="Mui"]').length);
  }

  /**
   * The leftovers once they stop changing (the same timers, not only as many): what was under way, a
   * request or a last frame, has ended.
   */
  async settledLeftovers(): Promise<Leftovers> {
    let last = await this.leftovers();
    // A quarter of a second apart: longer than the timers a component starts as it unmounts (100 ms).
    for (let read = 0; read < 40; read++) {
      await this.page.waitForTimeout(250);
      const now = await this.leftovers();
      if (isDeepStrictEqual(now, last)) return now;
      last = now;
    }
    throw new Error(`The page never settled: ${JSON.stringify(last)}`);
  }

  leftovers(): Promise<Leftovers> {
    return this.page.evaluate(() => {
      if (!window.__leftovers) throw new Error('watchForLeaks was not installed before the page.');
      return window.__leftovers();
    });
  }
}

/**
 * Installs, before the page's own scripts, a count of what can outlive a component (e2e/leftovers.js):
 * read it with `EmbedDemoPage.leftovers()`.
 */
export async function watchForLeaks(page: Page): Promise<void> {
  await page.addInitScript({ path: fileURLToPath(new URL('../leftovers.js', import.meta.url)) });
}
