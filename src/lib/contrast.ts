import { darken, getContrastRatio, lighten } from '@mui/material/styles';

/** WCAG 2 AA: the contrast normal-sized text needs against its background. */
export const AA_TEXT_CONTRAST = 4.5;

/**
 * The colour itself when text in it reads at AA on each of the backgrounds it is shown on (a row, the
 * row hovered), else the nearest shade that does: darker on light backgrounds, lighter on dark ones.
 * MUI's warning orange, #ed6c02, is 3.1:1 on white.
 */
export function readableOn(color: string, backgrounds: readonly [string, ...string[]]): string {
  const reads = (shade: string) =>
    backgrounds.every((background) => getContrastRatio(shade, background) >= AA_TEXT_CONTRAST);
  if (reads(color)) return color;
  const [first] = backgrounds;
  const darker = getContrastRatio(first, '#000') > getContrastRatio(first, '#fff');
  for (let step = 1; step < 10; step++) {
    const shade = darker ? darken(color, step / 10) : lighten(color, step / 10);
    if (reads(shade)) return shade;
  }
  return darker ? '#000' : '#fff';
}
