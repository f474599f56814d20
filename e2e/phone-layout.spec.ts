import { axeViolations } from './axe';
import { expect, test } from './fixtures';
import { wrappedTexts } from './layout';
import { PhoneNumberCards } from './pages/phone-number-cards';

// A rep on a phone: 390 × 844, a touch screen.

// bypassCSP: axe is injected as an inline script.
test.use({
  viewport: { width: 390, height: 844 },
  hasTouch: true,
  isMobile: true,
  bypassCSP: true,
});

test.describe('On a phone', () => {
  test('the numbers are a list; Riley edits one and deletes another from their menus, and the right ones change', async ({
    page,
    phoneNumbersPage,
    editDialog,
    deleteDialog,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const first = await addNumber(prospect.id);
    const second = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    const cards = new PhoneNumberCards(page);

    await expect(cards.items).toHaveCount(2);
    await expect(phoneNumbersPage.grid).toHaveCount(0);
    await expect(cards.item(second.shown)).toContainText('Work · Unverified');

    await cards.act(second.shown, 'Edit');
    await expect(editDialog.number).toHaveValue(second.shown);
    await editDialog.fill({ type: 'Mobile' });
    await editDialog.save();
    await expect(cards.item(second.shown)).toContainText('Mobile · Unverified');
    expect(await api.phoneNumber(second.id)).toMatchObject({ phoneType: 'mobile' });

    await cards.act(first.shown, 'Delete');
    await expect(deleteDialog.dialog).toContainText(`${first.shown} (Work) will be deleted.`);
    await deleteDialog.confirm();
    await expect(cards.item(first.shown)).toHaveCount(0);
    await expect(phoneNumbersPage.snackbar).toContainText(`Deleted ${first.shown}`);
    await expect.poll(() => api.phoneNumber(first.id)).toBeUndefined();
    expect(await api.phoneNumber(second.id)).toMatchObject({ phoneType: 'mobile' });
  });

  test("what Riley may not do to Sam's number stays in its menu, saying who can", async ({
    page,
    phoneNumbersPage,
    api,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect('Sam Rep');
    const number = await addNumber(prospect.id);
    await phoneNumbersPage.chooseProspect(prospect.name);
    const cards = new PhoneNumberCards(page);

    await cards.menuButton(number.shown).tap();
    const edit = cards.menuItem('Edit');
    await expect(edit).toHaveAttribute('aria-disabled', 'true');
    await expect(edit).toContainText('Sam Rep owns this prospect');
    await expect(cards.menuItem('Delete')).toHaveAttribute('aria-disabled', 'true');
    // Refused, it does nothing: a tap on it opens no dialog.
    await edit.tap({ force: true });
    await expect(page.getByRole('dialog', { name: 'Edit phone number' })).toHaveCount(0);
    expect(await api.phoneNumber(number.id)).toEqual(number);
  });

  test('Riley sorts the list with "Sort by", kept in the URL as the grid keeps it', async ({
    page,
    phoneNumbersPage,
    addNumber,
    newProspect,
  }) => {
    const prospect = await newProspect();
    const numbers = [await addNumber(prospect.id), await addNumber(prospect.id)];
    await phoneNumbersPage.chooseProspect(prospect.name);
    const cards = new PhoneNumberCards(page);
    await expect(cards.items).toHaveCount(2);
    await expect(cards.sortBy).toHaveText('Order, first to last');
    const box = await cards.sortBy.boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);

    // The server sorts by the stored E.164 number; one way or the other, the list's order changes.
    const [smaller, larger] = numbers.sort((a, b) => a.number.localeCompare(b.number));
    await cards.sort('Number, 0 to 9');
    await expect(page).toHaveURL(/[?&]sort=number(&|$)/);
    await expect(cards.items.first()).toHaveAccessibleName(smaller!.shown);
    await cards.sort('Number, 9 to 0');
    await expect(page).toHaveURL(/[?&]sort=-number(&|$)/);
    await expect(cards.items.first()).toHaveAccessibleName(larger!.shown);
    await expect(cards.items.last()).toHaveAccessibleName(smaller!.shown);
    await page.reload();
    await expect(cards.sortBy).toHaveText('Number, 9 to 0');
    await expect(cards.items.first()).toHaveAccessibleName(larger!.shown);
  });

  for (const user of ['Riley Rep', 'Ada Admin'] as const) {
    test.describe(`as ${user}`, () => {
      test.use({ demoUser: user });

      test("the app bar is one line, every control is a thumb's size, and axe finds nothing", async ({
        page,
        phoneNumbersPage,
        addNumber,
        newProspect,
      }) => {
        const prospect = await newProspect();
        const number = await addNumber(prospect.id);
        await phoneNumbersPage.chooseProspect(prospect.name);
        const cards = new PhoneNumberCards(page);
        await expect(cards.item(number.shown)).toBeVisible();

        const bar = page.getByRole('banner');
        expect(await wrappedTexts(bar)).toEqual([]);
        expect((await bar.boundingBox())?.height).toBeLessThanOrEqual(64);
        const small: string[] = [];
        for (const control of await page.getByRole('button').all()) {
          const box = await control.boundingBox();
          if (box && (box.width < 44 || box.height < 44)) {
            const name = (await control.getAttribute('aria-label')) ?? (await control.innerText());
            small.push(`${name}: ${box.width}×${box.height}`);
          }
        }
        expect(small).toEqual([]);
        expect(await axeViolations(page)).toEqual([]);
      });
    });
  }
});
