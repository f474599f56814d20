/** WCAG 2.5.5's target size, in CSS pixels: what a thumb can hit. */
export const TOUCH_TARGET = 44;

const COARSE = '@media (pointer: coarse)';

/**
 * Theme overrides that make every button, icon button and toggle button at least a thumb's size on a touch screen (a
 * coarse pointer), and leave them as they are under a mouse.
 */
export const touchTargetComponents = {
  MuiButton: { styleOverrides: { root: { [COARSE]: { minHeight: TOUCH_TARGET } } } },
  MuiIconButton: {
    styleOverrides: { root: { [COARSE]: { minWidth: TOUCH_TARGET, minHeight: TOUCH_TARGET } } },
  },
  MuiToggleButton: { styleOverrides: { root: { [COARSE]: { minHeight: TOUCH_TARGET } } } },
} as const;
