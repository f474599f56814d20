import {
  darken,
  decomposeColor,
  getContrastRatio,
  lighten,
  recomposeColor,
} from '@mui/material/styles';

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

/** `overlay` laid over `background` at `opacity` (0–1), as a tinted background shows: one opaque colour. */
export function mixColors(background: string, overlay: string, opacity: number): string {
  const [r1 = 0, g1 = 0, b1 = 0] = decomposeColor(background).values;
  const [r2 = 0, g2 = 0, b2 = 0] = decomposeColor(overlay).values;
  const mix = (under: number, over: number) => Math.round(under * (1 - opacity) + over * opacity);
  return recomposeColor({ type: 'rgb', values: [mix(r1, r2), mix(g1, g2), mix(b1, b2)] });
}
