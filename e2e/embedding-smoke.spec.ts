import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { EMBEDDINGS } from './pages/embeddings';

test.use({ demoUser: 'Ada Admin' });

/**
 * The QA kit's smoke scenario, written with page objects only: the same steps against each embedding.
 * A new scenario for every embedding starts from a copy of this one.
 */
test.describe('Smoke: the same scenario in every embedding', () => {
  for (const [embedding, open] of Object.entries(EMBEDDINGS)) {
    test(`${embedding}: the prospect's numbers; add one, change its type, delete it`, async ({
      page,
      baseURL,
      demoUser,
      api,
      addNumber,
      newNumber,
      newProspect,
    }) => {
      const prospect = await newProspect();
      await addNumber(prospect.id, { phoneType: 'mobile' });
      await addNumber(prospect.id, { phoneType: 'home' });
      const numbers = await api.numbersOf(prospect.id);
      const panel = await open(page, {
        appBaseUrl: baseURL!,
        prospectId: prospect.id,
        user: demoUser,
      });

      await expect(panel.rows).toHaveCount(numbers.length);
      await expect(panel.shownNumbers()).toHaveText(numbers.map((number) => number.shown));

      const shown = shownAs(await newNumber());
      await panel.add({ number: shown, type: 'Work' });
      await expect(panel.addDialog.dialog).toBeHidden();
      await expect(panel.numberLink(shown)).toBeVisible();
      await expect(panel.rows).toHaveCount(numbers.length + 1);

      await panel.chooseInCell(shown, 'Type', 'Mobile');
      await expect(panel.cell(shown, 'Type')).toHaveText('Mobile');

      await panel.delete(shown);
      await expect(panel.numberLink(shown)).toHaveCount(0);
      await expect(panel.rows).toHaveCount(numbers.length);
    });
  }
});
