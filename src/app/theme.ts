import { dialogClasses } from '@mui/material/Dialog';
import { createTheme } from '@mui/material/styles';
import { touchTargetComponents } from '@/lib/touch-targets';
import { AA_TEXT_CONTRAST } from '@/lib/contrast';

/**
 * Popups (menus, listboxes, tooltips) open inside the page's <main> instead of at the end of <body>, so
 * that all content sits in a landmark while they are open; without a <main> they fall back to <body>.
 * One opened from inside a modal dialog opens inside that dialog: the modal hides everything around it
 * from assistive technology, <main> included.
 */
const popupContainer = () =>
  document.activeElement?.closest<HTMLElement>(`.${dialogClasses.root}`) ??
  document.querySelector('main');

/**
 * Light and dark palettes; the provider follows the system setting. Text on a coloured button or alert
 * is white or black, whichever reads at WCAG AA (MUI's default threshold, 3:1, put white on the dark
 * scheme's red Delete button, 3.68:1).
 */
export const theme = createTheme({
  colorSchemes: {
    light: { palette: { contrastThreshold: AA_TEXT_CONTRAST } },
    dark: { palette: { contrastThreshold: AA_TEXT_CONTRAST } },
  },
  components: {
    ...touchTargetComponents,
    MuiPopper: { defaultProps: { container: popupContainer } },
    MuiPopover: { defaultProps: { container: popupContainer } },
  },
});
