import type { Page } from '@playwright/test';
import { seriousViolations, type Violation } from './axe';
import type { ApiPhoneNumber, DemoApi } from './demo-api';
import { expect, TALL_VIEWPORT, test } from './fixtures';
import { BulkActions } from './pages/bulk-actions';
import { ConflictDialog } from './pages/conflict-dialog';
import { PhoneNumbersGrid } from './pages/phone-numbers-grid';
import { PhoneNumbersPage } from './pages/phone-numbers-page';
import { ProspectPage } from './pages/prospect-page';

// axe is injected as an inline script, which the pages' Content-Security-Policy would refuse.
test.use({ bypassCSP: true });

/** Where the grid is shown. */
type Surface = 'all numbers' | 'one prospect' | 'prospect page' | 'embedded panel';

const SURFACES: {
  surface: Surface;
  path: (prospectId: number) => string;
  /** Waits for what the surface shows beside the grid, so that nothing arrives while a state opens. */
  settled?: (page: Page) => Promise<void>;
}[] = [
  { surface: 'all numbers', path: () => '/phone-numbers' },
  { surface: 'one prospect', path: (id) => `/phone-numbers?prospect=${id}` },
  {
    surface: 'prospect page',
    path: (id) => `/prospects/${id}`,
    // Ada is an admin: the Owner select (once the users are in) and the History.
    settled: async (page) => {
      const prospectPage = new ProspectPage(page);
      await expect(prospectPage.heading).toBeVisible();
      await expect(prospectPage.ownerSelect).toBeEnabled();
      await expect(prospectPage.showHistoryButton).toBeVisible();
    },
  },
  { surface: 'embedded panel', path: (id) => `/embed/prospects/${id}/phone-numbers` },
];

interface StateContext {
  page: Page;
  grid: PhoneNumbersGrid;
  /** A number of each status, on screen. */
  byStatus: Record<'unverified' | 'verified' | 'invalid' | 'do_not_call', ApiPhoneNumber>;
  /** A number that a state may delete. */
  disposable: ApiPhoneNumber;
  /** The API as Ada, for a state that needs someone else's change. */
  api: DemoApi;
}

/**
 * A state of the page to scan: something opened on top of the loaded grid. `on` lists the surfaces it
 * exists on (every one when left out). New dialogs and menus are added here.
 */
interface ScannedState {
  name: string;
  on?: Surface[];
  open: (context: StateContext) => Promise<void>;
}

const WITH_ONE_PROSPECT: Surface[] = ['one prospect', 'prospect page', 'embedded panel'];
const APP_PAGE: Surface[] = ['all numbers', 'one prospect'];

const STATES: ScannedState[] = [
  { name: 'the rows, one of each status', open: async () => {} },
  {
    name: 'the Add dialog',
    on: WITH_ONE_PROSPECT,
    open: async ({ grid }) => {
      await grid.addButton.click();
      await expect(grid.addDialog.dialog).toBeVisible();
    },
  },
  {
    name: "the Add dialog's Country listbox",
    on: WITH_ONE_PROSPECT,
    open: async ({ page, grid }) => {
      await grid.addButton.click();
      await grid.addDialog.country.click();
      await expect(page.getByRole('listbox')).toBeVisible();
    },
  },
  {
    name: "the Add dialog's Type listbox",
    on: WITH_ONE_PROSPECT,
    open: async ({ page, grid }) => {
      await grid.addButton.click();
      await grid.addDialog.type.click();
      await expect(page.getByRole('listbox')).toBeVisible();
    },
  },
  {
    name: 'the Add dialog refusing a number',
    on: WITH_ONE_PROSPECT,
    open: async ({ grid }) => {
      await grid.addButton.click();
      await grid.addDialog.fill({ number: '12' });
      await grid.addDialog.save();
      await expect(grid.addDialog.number).toHaveAttribute('aria-invalid', 'true');
    },
  },
  {
    name: 'the Edit dialog',
    open: async ({ grid, byStatus }) => {
      await grid.rowAction('Edit', byStatus.do_not_call.shown).click();
      await expect(grid.editDialog.dialog).toBeVisible();
    },
  },
  {
    name: 'the "Phone number changed" dialog',
    open: async ({ page, grid, byStatus, api }) => {
      const { id, shown } = byStatus.unverified;
      await grid.rowAction('Edit', shown).click();
      await grid.editDialog.fill({ extension: '77' });
      // Meanwhile someone else changes its type.
      const now = await api.phoneNumber(id);
      await api.updatePhoneNumber(id, {
        phoneType: now?.phoneType === 'mobile' ? 'home' : 'mobile',
      });
      await grid.editDialog.save();
      await expect(new ConflictDialog(page).applyButton).toBeVisible();
    },
  },
  {
    name: 'the Delete confirmation',
    open: async ({ grid, byStatus }) => {
      await grid.rowAction('Delete', byStatus.do_not_call.shown).click();
      await expect(grid.deleteDialog.cancelButton).toBeFocused();
    },
  },
  {
    name: "a column's menu",
    open: async ({ page, grid }) => {
      await grid.columnHeader('Number').hover();
      await grid.columnHeader('Number').getByRole('button', { name: 'Number column menu' }).click();
      await expect(page.getByRole('menu')).toBeVisible();
    },
  },
  {
    name: 'the columns panel',
    open: async ({ grid }) => {
      await grid.openColumnsPanel('Number');
      await expect(grid.columnsPanel).toBeVisible();
    },
  },
  ...(['Number', 'Extension'] as const).map((column): ScannedState => ({
    name: `the ${column} editor`,
    open: async ({ grid, byStatus }) => {
      await grid.startEditing(byStatus.verified.shown, column);
      await expect(grid.cellEditor).toBeFocused();
    },
  })),
  ...(['Type', 'Status', 'Country'] as const).map((column): ScannedState => ({
    name: `the ${column} editor's listbox`,
    open: async ({ page, grid, byStatus }) => {
      await grid.startEditing(byStatus.verified.shown, column);
      await expect(page.getByRole('listbox')).toBeVisible();
    },
  })),
  {
    name: 'a cell refusing what was typed',
    open: async ({ grid, byStatus }) => {
      await grid.startEditing(byStatus.verified.shown, 'Number');
      await grid.cellEditor.fill('12');
      await grid.cellEditor.press('Enter');
      await expect(grid.cellError).toBeVisible();
    },
  },
  {
    name: 'the Prospect listbox',
    on: APP_PAGE,
    open: async ({ page }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await phoneNumbersPage.prospectCombobox.fill('a');
      await expect(page.getByRole('listbox')).toBeVisible();
    },
  },
  {
    name: 'the status filter with every status chosen',
    on: APP_PAGE,
    open: async ({ page }) => {
      const phoneNumbersPage = new PhoneNumbersPage(page);
      await phoneNumbersPage.statusFilter.click();
      await expect(page.getByRole('listbox')).toBeVisible();
      for (const label of ['Unverified', 'Verified', 'Invalid', 'Do not call']) {
        await page.getByRole('option', { name: label, exact: true }).click();
      }
    },
  },
  {
    name: "the selected rows' toolbar with its Change status menu",
    open: async ({ page, byStatus }) => {
      const bulk = new BulkActions(page);
      await bulk.select(byStatus.verified.shown, byStatus.invalid.shown);
      await bulk.changeStatusButton.click();
      await expect(bulk.menu).toBeVisible();
    },
  },
  {
    name: 'the confirmation of a bulk delete',
    open: async ({ page, byStatus }) => {
      const bulk = new BulkActions(page);
      await bulk.select(byStatus.verified.shown, byStatus.invalid.shown);
      await bulk.deleteButton.click();
      await expect(bulk.deleteDialog).toBeVisible();
    },
  },
  // Last: it deletes a number for good.
  {
    name: 'the snackbar after a delete, with Undo',
    open: async ({ grid, disposable }) => {
      await grid.delete(disposable.shown);
      await expect(grid.undoButton).toBeVisible();
    },
  },
];

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`axe finds nothing serious with every dialog, menu and editor open, ${colorScheme}`, () => {
    test.use({ colorScheme, viewport: TALL_VIEWPORT });
    // One surface after the other: on "all numbers", the newest first, the numbers its siblings add
    // side by side would push its own out of the rows in view.
    test.describe.configure({ mode: 'default' });

    for (const { surface, path, settled } of SURFACES) {
      test(`on ${surface}`, async ({ page, signInPage, addNumber, api, newProspect }) => {
        test.setTimeout(600_000);
        const prospectId = (await newProspect('Ada Admin')).id;
        const byStatus: StateContext['byStatus'] = {
          unverified: await addNumber(prospectId, { status: 'unverified' }),
          verified: await addNumber(prospectId, { status: 'verified' }),
          invalid: await addNumber(prospectId, { status: 'invalid' }),
          do_not_call: await addNumber(prospectId, { status: 'do_not_call' }),
        };
        const disposable = await addNumber(prospectId);
        const grid = new PhoneNumbersGrid(page);
        // Ada Admin may change every number: every dialog, menu and editor can be opened.
        await signInPage.goto('/phone-numbers');
        await signInPage.signInButton.click();
        await signInPage.continueAs('Ada Admin').click();
        // The first sign-in on a server just started, while the other scheme's test starts too, is slow.
        await expect(signInPage.signOutButton).toBeVisible({ timeout: 30_000 });

        const found: Record<string, Violation[]> = {};
        for (const state of STATES) {
          if (state.on !== undefined && !state.on.includes(surface)) continue;
          await page.goto(path(prospectId));
          await expect(page.locator('html')).toHaveCSS('color-scheme', colorScheme);
          await expect(grid.grid).toHaveAttribute('aria-busy', 'false');
          await settled?.(page);
          for (const shown of [...Object.values(byStatus), disposable].map((each) => each.shown)) {
            await expect(grid.row(shown)).toBeVisible();
          }
          // The "Do not call" number is scanned as it is shown: without a link, its reason beside it.
          await expect(grid.callBlock(byStatus.do_not_call.shown)).toHaveAccessibleName(
            'Do not call',
          );
          await state.open({ page, grid, byStatus, disposable, api });
          const violations = await seriousViolations(page);
          if (violations.length > 0) found[state.name] = violations;
        }
        expect(found).toEqual({});
      });
    }
  });
}
