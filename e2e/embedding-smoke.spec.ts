import { shownAs } from './demo-api';
import { expect, test } from './fixtures';
import { EMBEDDINGS, type Embedding } from './pages/embeddings';

/** A prospect per embedding, that no other spec changes. */
const PROSPECTS: Record<Embedding, number> = {
  'React component': 13,
  'custom element': 14,
  iframe: 18,
  'Outreach extension': 19,
};

test.use({ demoUser: 'Ada Admin' });

/**
 * The QA kit's smoke scenario, written with page objects only: the same steps against each embedding.
 * A new scenario for every embedding starts from a copy of this one.
 */
test.describe('Smoke: the same scenario in every embedding', () => {
  for (const [embedding, prospectId] of Object.entries(PROSPECTS) as [Embedding, number][]) {
    test(`${embedding}: the prospect's numbers; add one, change its type, delete it`, async ({
      page,
      baseURL,
      demoUser,
      api,
      newNumber,
    }) => {
      const numbers = await api.numbersOf(prospectId);
      const panel = await EMBEDDINGS[embedding](page, {
        appBaseUrl: baseURL!,
        prospectId,
        user: demoUser,
      });

      await expect(panel.rows).toHaveCount(numbers.length);
      await expect(await panel.numberLinks()).toHaveText(numbers.map((number) => number.shown));

      const shown = shownAs(await newNumber());
      await panel.add({ number: shown, type: 'Work' });
      await expect(panel.addDialog.dialog).toBeHidden();
      await expect(panel.numberLink(shown)).toBeVisible();
      await expect(panel.rows).toHaveCount(numbers.length + 1);

      await panel.chooseInCell(shown, 'Type', 'Mobile');
      await expect(await panel.cell(shown, 'Type')).toHaveText('Mobile');

      await panel.delete(shown);
      await expect(panel.numberLink(shown)).toHaveCount(0);
      await expect(panel.rows).toHaveCount(numbers.length);
    });
  }
});
