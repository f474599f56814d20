import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { OutreachHostPage } from './pages/outreach-host-page';
import { PhoneNumbersPanel } from './pages/phone-numbers-panel';

/** Allowed to frame the app by the e2e server's EMBED_ALLOWED_ORIGINS (scripts/e2e-server.ts). */
const OUTREACH = 'https://host.outreach-dev.com';

test.describe('The panel as an Outreach prospect tab', () => {
  test("Riley opens the tab of a prospect in Outreach, signs in in a popup, and sees that prospect's numbers; a delete is told to Outreach, naming the number", async ({
    page,
    baseURL,
    demoUser,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const added = await addNumber(prospect.id);
    const outreach = new OutreachHostPage(page, OUTREACH);
    const panel = new PhoneNumbersPanel(outreach.frame);

    await outreach.open(baseURL!, prospect.id);
    // Outreach never hands an extension a token: the tab signs in for itself, in a popup.
    await panel.signInInPopup(page, demoUser);

    const numbers = await api.numbersOf(prospect.id);
    await expect(panel.rows).toHaveCount(numbers.length);
    await expect(panel.numberLink(shownAs(added.number))).toBeVisible();
    expect((await outreach.messages()).map((message) => message.type)).toContain('cxt:sdk:ready');

    await panel.delete(shownAs(added.number));

    await expect(panel.numberLink(shownAs(added.number))).toHaveCount(0);
    // Told once the delete is sent, at the end of its undo window.
    await expect
      .poll(async () => (await outreach.messages()).filter((m) => m.type === 'cxt:sdk:notify'), {
        timeout: 15_000,
      })
      .toEqual([
        expect.objectContaining({
          type: 'cxt:sdk:notify',
          notificationText: `Deleted ${shownAs(added.number, added.extension)}`,
          notificationType: 'success',
        }),
      ]);
    expect((await api.numbersOf(prospect.id)).map((each) => each.number)).not.toContain(
      added.number,
    );
  });
});
