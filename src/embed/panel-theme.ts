import { createTheme, type Theme } from '@mui/material/styles';

/** The panel's own theme, for hosts without one: light and dark, following the system setting. */
export function createPanelTheme(): Theme {
  return createTheme({ colorSchemes: { light: true, dark: true } });
}
