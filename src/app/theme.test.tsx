import Autocomplete from '@mui/material/Autocomplete';
import Dialog from '@mui/material/Dialog';
import MenuItem from '@mui/material/MenuItem';
import { getContrastRatio, ThemeProvider, useTheme } from '@mui/material/styles';
import TextField from '@mui/material/TextField';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { AA_TEXT_CONTRAST } from '@/lib/contrast';
import { theme } from './theme';

function TypeSelect() {
  return (
    <TextField select label="Type" defaultValue="work">
      <MenuItem value="mobile">Mobile</MenuItem>
      <MenuItem value="work">Work</MenuItem>
    </TextField>
  );
}

function CountryAutocomplete() {
  return (
    <Autocomplete
      options={['France', 'Germany']}
      renderInput={(params) => <TextField {...params} label="Country" />}
    />
  );
}

describe('theme: where popups open', () => {
  it('opens a popup of the page inside <main>', async () => {
    const user = userEvent.setup();
    render(
      <ThemeProvider theme={theme}>
        <main>
          <TypeSelect />
        </main>
      </ThemeProvider>,
    );

    await user.click(screen.getByRole('combobox', { name: 'Type' }));

    expect(within(screen.getByRole('main')).getByRole('listbox')).toBeVisible();
  });

  it("opens a modal dialog's menus and listboxes inside the dialog, where assistive technology reads them", async () => {
    const user = userEvent.setup();
    render(
      <ThemeProvider theme={theme}>
        <main>
          <p>The page behind the dialog</p>
        </main>
        <Dialog open aria-label="Add phone number">
          <TypeSelect />
          <CountryAutocomplete />
        </Dialog>
      </ThemeProvider>,
    );

    await user.click(screen.getByRole('combobox', { name: 'Type' }));
    await user.click(screen.getByRole('option', { name: 'Mobile' }));
    expect(screen.getByRole('combobox', { name: 'Type' })).toHaveTextContent('Mobile');

    await user.click(screen.getByRole('combobox', { name: 'Country' }));
    await user.click(screen.getByRole('option', { name: 'Germany' }));
    expect(screen.getByRole('combobox', { name: 'Country' })).toHaveValue('Germany');
  });
});

const COLORS = ['primary', 'secondary', 'error', 'warning', 'info', 'success'] as const;

/** Each palette colour as "main on contrastText", in the scheme the provider chose. */
function PaletteColors() {
  const { palette } = useTheme();
  return (
    <ul aria-label={palette.mode}>
      {COLORS.map((color) => (
        <li key={color} aria-label={color}>
          {palette[color].main} on {palette[color].contrastText}
        </li>
      ))}
    </ul>
  );
}

describe('theme: text on coloured buttons', () => {
  it.each(['light', 'dark'] as const)(
    'reads at AA on every coloured button in the %s scheme (the dark red Delete was 3.68:1)',
    (scheme) => {
      render(
        <ThemeProvider theme={theme} defaultMode={scheme} storageManager={null} noSsr>
          <PaletteColors />
        </ThemeProvider>,
      );

      const colors = screen.getByRole('list', { name: scheme });
      for (const color of COLORS) {
        const shown = within(colors).getByRole('listitem', { name: color }).textContent;
        const [main = '', text = ''] = shown.split(' on ');
        expect(getContrastRatio(main, text)).toBeGreaterThanOrEqual(AA_TEXT_CONTRAST);
      }
    },
  );
});
