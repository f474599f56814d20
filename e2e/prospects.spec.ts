import { expect, test } from './fixtures';
import { ProspectsPage } from './pages/prospects-page';

test.describe('Prospects', () => {
  test('Riley Rep signs in and sees the seeded prospects', async ({ prospectsPage }) => {
    await expect(prospectsPage.heading).toBeVisible();
    await expect(prospectsPage.summary).toHaveText('Showing 50 of 60 prospects');
    await expect(prospectsPage.rows).toHaveCount(50);
    await expect(prospectsPage.rows.first().getByRole('rowheader')).toHaveText('Olivia García');
    expect(await prospectsPage.cellsOf('Olivia García')).toEqual(['Acme Corporation', 'Riley Rep']);

    await prospectsPage.loadMoreButton.click();

    await expect(prospectsPage.summary).toHaveText('Showing 60 of 60 prospects');
    await expect(prospectsPage.rows).toHaveCount(60);
    await expect(prospectsPage.loadMoreButton).toBeHidden();
  });

  test('a failed load shows the error in place, and Retry loads the prospects', async ({
    page,
    signInPage,
  }) => {
    await page.route('**/api/v2/prospects?*', (route) =>
      route.fulfill({
        status: 500,
        contentType: 'application/vnd.api+json',
        json: {
          errors: [
            {
              id: 'internalServerError',
              title: 'Internal Server Error',
              detail: 'The prospects could not be read.',
              status: '500',
            },
          ],
        },
      }),
    );
    const prospectsPage = new ProspectsPage(page);
    await signInPage.goto();
    await signInPage.signInAs('Riley Rep');

    await expect(prospectsPage.loadError).toBeVisible();
    await expect(prospectsPage.loadError).toContainText('The prospects could not be read.');
    await expect(prospectsPage.table).toBeHidden();

    await page.unrouteAll();
    await prospectsPage.retryButton.click();

    await expect(prospectsPage.row('Olivia García')).toBeVisible();
    await expect(prospectsPage.loadError).toBeHidden();
  });
});
