import { dialogClasses } from '@mui/material/Dialog';
import { createTheme, type Theme } from '@mui/material/styles';
import { AA_TEXT_CONTRAST } from '@/lib/contrast';
import { touchTargetComponents } from '@/lib/touch-targets';

/** The focused element; inside a shadow root the document's activeElement is only its host. */
function focusedElementIn(container: HTMLElement): Element | null {
  const root = container.getRootNode();
  return root instanceof ShadowRoot || root instanceof Document ? root.activeElement : null;
}

export interface PanelThemeOptions {
  /**
   * Where dialogs, menus, listboxes and tooltips open instead of the end of <body>: an element inside a
   * shadow root, so that they are styled by the styles there and not by the page's.
   */
  container?: HTMLElement | undefined;
  /** One palette for good; both, following the system setting, when absent. */
  colorScheme?: 'light' | 'dark' | undefined;
}

/**
 * The panel's own theme, for hosts without one: light and dark, following the system setting unless
 * told one. Given a container, every popup opens inside it; one opened from inside a modal dialog opens
 * inside that dialog, where assistive technology reads it (as in the app's theme).
 */
export function createPanelTheme({ container, colorScheme }: PanelThemeOptions = {}): Theme {
  // Text on a coloured button or alert reads at WCAG AA, as in the app's theme.
  const readable = { contrastThreshold: AA_TEXT_CONTRAST };
  const palette = colorScheme === undefined ? {} : { palette: { mode: colorScheme, ...readable } };
  const colorSchemes =
    colorScheme === undefined
      ? { colorSchemes: { light: { palette: readable }, dark: { palette: readable } } }
      : {};
  const components = touchTargetComponents;
  if (container === undefined) return createTheme({ ...palette, ...colorSchemes, components });

  const popupContainer = () =>
    focusedElementIn(container)?.closest<HTMLElement>(`.${dialogClasses.root}`) ?? container;
  return createTheme({
    ...palette,
    ...colorSchemes,
    components: {
      ...components,
      MuiModal: { defaultProps: { container } },
      MuiPopper: { defaultProps: { container: popupContainer } },
      MuiPopover: { defaultProps: { container: popupContainer } },
    },
  });
}
