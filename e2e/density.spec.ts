import { expect, test } from './fixtures';

test.describe('Row density', () => {
  test('Riley makes the rows compact, then comfortable; the density stays after a reload', async ({
    page,
    phoneNumbersPage,
  }) => {
    await phoneNumbersPage.goto();
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect(phoneNumbersPage.density('Standard')).toHaveAttribute('aria-pressed', 'true');
    const standard = await phoneNumbersPage.rowHeight();

    await phoneNumbersPage.density('Compact').click();

    await expect(page).toHaveURL(/\/phone-numbers\?density=compact$/);
    await expect.poll(() => phoneNumbersPage.rowHeight()).toBeLessThan(standard);

    await phoneNumbersPage.density('Comfortable').click();

    await expect(page).toHaveURL(/\/phone-numbers\?density=comfortable$/);
    await expect.poll(() => phoneNumbersPage.rowHeight()).toBeGreaterThan(standard);

    await page.reload();

    await expect(phoneNumbersPage.density('Comfortable')).toHaveAttribute('aria-pressed', 'true');
    await expect(phoneNumbersPage.rows.first()).toBeVisible();
    await expect.poll(() => phoneNumbersPage.rowHeight()).toBeGreaterThan(standard);
  });
});
