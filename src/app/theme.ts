import { createTheme } from '@mui/material/styles';

/** Light and dark palettes; the provider follows the system setting. */
export const theme = createTheme({ colorSchemes: { light: true, dark: true } });
