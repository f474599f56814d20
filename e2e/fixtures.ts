import { test as base } from '@playwright/test';
import { DemoApi, type ApiPhoneNumber, type NewPhoneNumber } from './demo-api';
import type { DeleteDialog } from './pages/delete-dialog';
import type { PhoneNumberDialog } from './pages/phone-number-dialog';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { SignInPage, type DemoUser } from './pages/sign-in-page';
import {
  leaseDirectory,
  leaseProspect,
  ownsProspects,
  type PooledProspect,
  type ProspectOwner,
} from './prospect-pool';

interface Fixtures {
  /** Who `phoneNumbersPage` signs in as; change it with test.use({ demoUser: 'Val Viewer' }). */
  demoUser: DemoUser;
  signInPage: SignInPage;
  /** The app's /phone-numbers page, signed in as `demoUser` through the server's real OAuth page. */
  phoneNumbersPage: PhoneNumbersPage;
  /** `phoneNumbersPage`'s "Add phone number" dialog, once the page opens it. */
  addDialog: PhoneNumberDialog;
  /** `phoneNumbersPage`'s "Edit phone number" dialog, once the page opens it. */
  editDialog: PhoneNumberDialog;
  /** `phoneNumbersPage`'s "Delete phone number?" dialog, once the page opens it. */
  deleteDialog: DeleteDialog;
  /** The same server's API with the `dev-admin` token, to compare the page with and to arrange data. */
  api: DemoApi;
  /** A valid number, in E.164, that no prospect has yet and this test has not been given before. */
  newNumber: () => Promise<string>;
  /**
   * Adds a new number (a `newNumber`, work, unless told otherwise) to a prospect through the API; it is
   * deleted after the test.
   */
  addNumber: (prospectId: number, attributes?: Partial<NewPhoneNumber>) => Promise<ApiPhoneNumber>;
  /**
   * A prospect of the owner's (`demoUser` unless told) that no other test of the run gets, with no
   * numbers until the test adds some: id, name and owner.
   */
  newProspect: (owner?: ProspectOwner) => Promise<PooledProspect>;
  /** A `newProspect` of `demoUser`'s with an `addNumber` of each type given, in that order. */
  prospectWithNumbers: (
    ...phoneTypes: string[]
  ) => Promise<{ prospect: PooledProspect; numbers: ApiPhoneNumber[] }>;
}

export const test = base.extend<Fixtures>({
  demoUser: ['Riley Rep', { option: true }],
  signInPage: async ({ page }, use) => {
    await use(new SignInPage(page));
  },
  phoneNumbersPage: async ({ page, signInPage, demoUser }, use) => {
    await signInPage.goto('/phone-numbers');
    await signInPage.signInAs(demoUser);
    await use(new PhoneNumbersPage(page));
  },
  addDialog: async ({ phoneNumbersPage }, use) => {
    await use(phoneNumbersPage.addDialog);
  },
  editDialog: async ({ phoneNumbersPage }, use) => {
    await use(phoneNumbersPage.editDialog);
  },
  deleteDialog: async ({ phoneNumbersPage }, use) => {
    await use(phoneNumbersPage.deleteDialog);
  },
  api: async ({ request }, use) => {
    await use(new DemoApi(request));
  },
  newNumber: async ({ api }, use, testInfo) => {
    const given = new Set<string>();
    await use(async () => {
      const number = await api.unusedNumber(testInfo.titlePath.join(' › '), given);
      given.add(number);
      return number;
    });
  },
  addNumber: async ({ api, newNumber }, use) => {
    const added: number[] = [];
    await use(async (prospectId, attributes) => {
      const phoneNumber = await api.createPhoneNumber(prospectId, {
        number: await newNumber(),
        ...attributes,
      });
      added.push(phoneNumber.id);
      return phoneNumber;
    });
    // Gone again after the test, so that a run on the same database finds the prospects as they were.
    for (const id of added) await api.deletePhoneNumber(id);
  },
  newProspect: async ({ api, baseURL, demoUser }, use, testInfo) => {
    // The server this test's project runs against keeps its own leases (scripts/e2e-server.ts).
    const leases = leaseDirectory(new URL(baseURL!).port);
    await use(async (owner) => {
      const wanted = owner ?? demoUser;
      if (!ownsProspects(wanted)) throw new Error(`${wanted} owns no prospects: name an owner.`);
      const prospect = leaseProspect(leases, wanted, testInfo.titlePath.join(' › '));
      const held = await api.prospect(prospect.id);
      if (held.name !== prospect.name || held.ownerName !== prospect.owner) {
        throw new Error(
          `The server holds prospect ${prospect.id} as ${held.ownerName}'s ${held.name}, not as the pool of scripts/e2e-server.ts.`,
        );
      }
      return prospect;
    });
  },
  prospectWithNumbers: async ({ newProspect, addNumber }, use) => {
    await use(async (...phoneTypes) => {
      const prospect = await newProspect();
      const numbers: ApiPhoneNumber[] = [];
      for (const phoneType of phoneTypes) numbers.push(await addNumber(prospect.id, { phoneType }));
      return { prospect, numbers };
    });
  },
});

/** Tall enough for the grid to render every row of a page of 25 (it renders only the rows in view). */
export const TALL_VIEWPORT = { width: 1280, height: 1600 };

export { expect } from '@playwright/test';
