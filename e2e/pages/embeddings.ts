import type { Page } from '@playwright/test';
import { EmbedDemoPage } from './embed-demo-page';
import { FramingHostPage } from './framing-host-page';
import { OutreachHostPage } from './outreach-host-page';
import { PhoneNumbersPanel } from './phone-numbers-panel';
import { ProspectPage } from './prospect-page';
import { SignInPage, type DemoUser } from './sign-in-page';

/** The ways a host shows the panel (README, "Embedding"). */
export type Embedding = 'React component' | 'custom element' | 'iframe' | 'Outreach extension';

export interface EmbeddingOptions {
  /** The app under test: the spec's `baseURL`. */
  appBaseUrl: string;
  prospectId: number;
  user: DemoUser;
}

/** Allowed to frame the panel by the e2e server's EMBED_ALLOWED_ORIGINS (scripts/e2e-server.ts). */
const FRAMING_HOST = 'https://host.test';
/** An origin the SDK takes an init from; no port, as its check is a suffix match. */
const OUTREACH_HOST = 'https://host.outreach-dev.com';

/**
 * Opens a prospect's panel as each kind of host shows it, signed in as the user the way that host signs
 * in, and returns it once it is ready to use: the same page object then drives every one of them.
 */
export const EMBEDDINGS: Record<
  Embedding,
  (page: Page, options: EmbeddingOptions) => Promise<PhoneNumbersPanel>
> = {
  /** `<PhoneNumbersPanel>` in the app's own prospect page. */
  'React component': async (page, { prospectId, user }) => {
    const prospectPage = new ProspectPage(page);
    await prospectPage.goto(prospectId);
    await new SignInPage(page).signInAs(user);
    return prospectPage.panel;
  },
  /** `<prospect-phone-numbers>` on the plain CRM page, with its hostile CSS, moved to the prospect. */
  'custom element': async (page, { prospectId, user }) => {
    const demoPage = new EmbedDemoPage(page);
    await demoPage.goto();
    await new SignInPage(page).signInAs(user);
    const panel = new PhoneNumbersPanel(page);
    // The page's own prospect first: then the element has the page's token provider, kept for the next.
    await panel.rows.first().waitFor();
    await demoPage.remove();
    await demoPage.insert(prospectId);
    return panel;
  },
  /** `/embed/prospects/<id>/phone-numbers` framed by a page of another site, signed in in a popup. */
  iframe: async (page, { appBaseUrl, prospectId, user }) => {
    const host = new FramingHostPage(page, FRAMING_HOST);
    await host.open(appBaseUrl, prospectId);
    const panel = new PhoneNumbersPanel(host.frame);
    await panel.signInInPopup(page, user);
    return panel;
  },
  /** The Outreach extension's tab, handed the prospect by a stand-in for Outreach, signed in in a popup. */
  'Outreach extension': async (page, { appBaseUrl, prospectId, user }) => {
    const outreach = new OutreachHostPage(page, OUTREACH_HOST);
    await outreach.open(appBaseUrl, prospectId);
    const panel = new PhoneNumbersPanel(outreach.frame);
    await panel.signInInPopup(page, user);
    return panel;
  },
};
