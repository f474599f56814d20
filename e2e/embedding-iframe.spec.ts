import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { FramingHostPage } from './pages/framing-host-page';
import { PhoneNumbersPanel } from './pages/phone-numbers-panel';

/** Allowed to frame the panel by the e2e server's EMBED_ALLOWED_ORIGINS (scripts/e2e-server.ts). */
const HOST = 'https://host.test';
const NOT_ALLOWED = 'https://evil.test';

// As browsers are heading: a frame on another site gets no unpartitioned cookies at all.
test.use({
  launchOptions: {
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS, '--test-third-party-cookie-phaseout'],
  },
});

test.describe('The panel in an iframe on another site', () => {
  test('Riley signs in inside the frame, and the frame grows as he adds a number and shrinks as he deletes it', async ({
    page,
    baseURL,
    demoUser,
    api,
    addNumber,
    newNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const host = new FramingHostPage(page, HOST);
    const panel = new PhoneNumbersPanel(host.frame);
    // A row to start from: an empty grid's message is about as tall as one row.
    await addNumber(prospect.id);
    const number = await newNumber();
    const shown = shownAs(number);

    await host.open(baseURL!, prospect.id);
    const handoff = page.waitForResponse((response) => response.url().endsWith('/auth/handoff'));
    // The frame shares no session with any other tab: it signs in for itself, in a popup.
    await panel.signInInPopup(page, demoUser);
    // Its session is a cookie of its own, partitioned under the host's site (CHIPS), that scripts cannot
    // read: with third-party cookies blocked, it is the only cookie the frame can hold.
    const cookie = (await (await handoff).headerValue('set-cookie')) ?? '';
    expect(cookie).toMatch(/^__Host-pna-frame=/);
    expect(cookie.split(/;\s*/).slice(1)).toEqual(
      expect.arrayContaining(['HttpOnly', 'Secure', 'SameSite=None', 'Partitioned', 'Path=/']),
    );

    const numbers = await api.numbersOf(prospect.id);
    await expect(panel.rows).toHaveCount(numbers.length);
    await expect.poll(() => host.frameFitsContent()).toBe(true);
    const before = await host.frameHeight();

    await panel.add({ number: shown });

    await expect(panel.numberLink(shown)).toBeVisible();
    await expect(panel.rows).toHaveCount(numbers.length + 1);
    await expect.poll(() => host.frameFitsContent()).toBe(true);
    expect(await host.frameHeight()).toBeGreaterThan(before);

    await panel.delete(shown);

    await expect(panel.numberLink(shown)).toHaveCount(0);
    await expect.poll(() => host.frameFitsContent()).toBe(true);
    expect(await host.frameHeight()).toBe(before);
    // The delete is sent once its undo window is over.
    await expect
      .poll(async () => (await api.numbersOf(prospect.id)).map((each) => each.number), {
        timeout: 15_000,
      })
      .not.toContain(number);
  });

  test.describe('as Ada, who may add to any prospect', () => {
    test.use({ demoUser: 'Ada Admin' });

    test('a dialog or a panel opened in a frame shorter than itself gets the room it needs, and gives it back when it closes', async ({
      page,
      baseURL,
      demoUser,
      newProspect,
    }) => {
      const host = new FramingHostPage(page, HOST);
      const panel = new PhoneNumbersPanel(host.frame);
      // A prospect with no numbers: the frame is about as tall as the grid's empty message.
      const prospect = await newProspect();
      await host.open(baseURL!, prospect.id);
      await panel.signInInPopup(page, demoUser);
      await expect(panel.emptyMessage).toBeVisible();
      await expect.poll(() => host.frameFitsContent()).toBe(true);
      const before = await host.frameHeight();

      await panel.addButton.click();

      const dialog = panel.addDialog;
      await expect(dialog.extension).toBeVisible();
      await expect.poll(() => host.frameHeight()).toBeGreaterThan(before);
      // Every field and the buttons show at once, nothing scrolled out of the dialog.
      for (const control of [dialog.number, dialog.country, dialog.type, dialog.extension]) {
        await expect(control).toBeInViewport({ ratio: 1 });
      }
      await expect(dialog.saveButton).toBeInViewport({ ratio: 1 });

      await dialog.cancelButton.click();

      await expect(dialog.dialog).toHaveCount(0);
      await expect.poll(() => host.frameHeight()).toBe(before);
      expect(await host.frameFitsContent()).toBe(true);

      await panel.openColumnsPanel('Type');

      await expect.poll(() => host.frameHeight()).toBeGreaterThan(before);
      const columns = panel.columnsPanel.getByRole('checkbox');
      // The nine columns, and the rows' checkboxes (decision 0063).
      await expect(columns).toHaveCount(10);
      for (const column of await columns.all()) await expect(column).toBeInViewport({ ratio: 1 });

      await page.keyboard.press('Escape');

      await expect(panel.columnsPanel).toHaveCount(0);
      await expect.poll(() => host.frameHeight()).toBe(before);
      expect(await host.frameFitsContent()).toBe(true);
    });
  });

  test('a page on a site not in EMBED_ALLOWED_ORIGINS cannot frame it', async ({
    page,
    baseURL,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const allowed = new FramingHostPage(page, HOST);
    await allowed.open(baseURL!, prospect.id);
    await expect(new PhoneNumbersPanel(allowed.frame).signInButton).toBeVisible();

    const refused = new FramingHostPage(page, NOT_ALLOWED);
    await refused.open(baseURL!, prospect.id);

    await expect(refused.frameLoaded()).toBeAttached();
    // Chromium shows its error page in a frame that the page's policy refuses.
    expect(await refused.framedUrl()).toBe('chrome-error://chromewebdata/');
    await expect(new PhoneNumbersPanel(refused.frame).signInButton).toHaveCount(0);
    expect(await refused.postedHeights()).toEqual([]);
  });
});
