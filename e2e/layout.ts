import type { Locator } from '@playwright/test';

/** Where things are on the screen and how they look, for checks a rep would make by eye. */

/** The theme's error colour in the light scheme (MUI's error.main), which a refused value is painted in. */
export const ERROR_RED = 'rgb(211, 47, 47)';

/**
 * The text of each element something else covers at its centre, among those whose centre is in view
 * (inside the viewport and inside the list that scrolls them).
 */
export function coveredOnes(elements: Locator): Promise<string[]> {
  return elements.evaluateAll((all) =>
    all
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        const list = element.closest('[role="listbox"]')?.getBoundingClientRect();
        if (list && (y < list.top || y > list.bottom)) return false;
        const top = document.elementFromPoint(x, y);
        return top !== null && !element.contains(top);
      })
      .map((element) => element.textContent),
  );
}

/** The texts under a locator that run over more than one line. */
export function wrappedTexts(container: Locator): Promise<string[]> {
  return container.evaluate((root) => {
    const wrapped: string[] = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      if (!node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const lines = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)));
      if (lines.size > 1) wrapped.push(node.textContent);
    }
    return wrapped;
  });
}
