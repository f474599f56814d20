import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import type Axe from 'axe-core';

const axeSource = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

export interface Violation {
  rule: string;
  impact: string | null | undefined;
  help: string;
  /** The offending elements, as axe's selectors. */
  targets: string[];
}

/**
 * Waits until no CSS transition is under way: a dialog still fading in blends its text with the
 * backdrop, which axe reads as too little contrast (and a busy machine draws the fade out). Keyframe
 * animations (a spinner's, a focus ripple's) may never end and are left alone.
 */
async function transitionsEnded(page: Page): Promise<void> {
  await page.waitForFunction(
    () =>
      !document
        .getAnimations()
        .some(
          (animation) => animation instanceof CSSTransition && animation.playState === 'running',
        ),
    undefined,
    { timeout: 10_000 },
  );
}

/**
 * Runs axe-core (every rule but the experimental ones) on the page as it is once its transitions have
 * ended, and says what it found, short enough to read in a failed expectation. The page's
 * Content-Security-Policy forbids the inline script this injects: the spec must run with
 * `bypassCSP: true`.
 */
export async function axeViolations(page: Page): Promise<Violation[]> {
  await transitionsEnded(page);
  await page.addScriptTag({ path: axeSource });
  return page.evaluate(async () => {
    const { axe } = window as unknown as { axe: typeof Axe };
    const { violations } = await axe.run();
    return violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      help: violation.help,
      targets: violation.nodes.map((node) => node.target.join(' ')),
    }));
  });
}

/** What axe rates serious or critical (contrast, missing names, …) on the page as it is now. */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  return (await axeViolations(page)).filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}
