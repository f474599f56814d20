import { dialogClasses } from '@mui/material/Dialog';
import { createTheme } from '@mui/material/styles';

/**
 * Popups (menus, listboxes, tooltips) open inside the page's <main> instead of at the end of <body>, so
 * that all content sits in a landmark while they are open; without a <main> they fall back to <body>.
 * One opened from inside a modal dialog opens inside that dialog: the modal hides everything around it
 * from assistive technology, <main> included.
 */
const popupContainer = () =>
  document.activeElement?.closest<HTMLElement>(`.${dialogClasses.root}`) ??
  document.querySelector('main');

/** Light and dark palettes; the provider follows the system setting. */
export const theme = createTheme({
  colorSchemes: { light: true, dark: true },
  components: {
    MuiPopper: { defaultProps: { container: popupContainer } },
    MuiPopover: { defaultProps: { container: popupContainer } },
  },
});
