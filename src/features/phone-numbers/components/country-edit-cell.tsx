import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { formatRegion } from '@/lib/format';
import { ISO_COUNTRY_CODES, isIsoCountryCode } from '@contract/iso-countries';
import { withCellError, type EditCellProps } from './phone-number-edit-cell';

let countriesByName: readonly string[] | undefined;

/** Every ISO country, by its name in the browser's language; made when a Country cell is first edited. */
function countryCodesByName(): readonly string[] {
  countriesByName ??= ISO_COUNTRY_CODES.map((code) => ({ code, name: formatRegion(code) }))
    .sort((a, b) => a.name.localeCompare(b.name))
    .map(({ code }) => code);
  return countriesByName;
}

/**
 * The Country cell's editor: a searchable list, as the Add dialog's Country field is. Typing only narrows
 * the list; a country is chosen, and saved, by a click or by Enter on the highlighted one. Tab, Escape or
 * leaving the cell saves nothing new.
 */
function CountryPickerCell({ api, id, field, value, hasFocus, error }: EditCellProps) {
  const input = useRef<HTMLInputElement>(null);
  // The value being set for the country just picked, which the edit waits for before it ends.
  const chosen = useRef<Promise<unknown>>(Promise.resolve());
  useLayoutEffect(() => {
    if (!hasFocus) return;
    input.current?.focus();
    // What is typed replaces the country shown, as in a search box.
    input.current?.select();
  }, [hasFocus]);

  const stopEnterUnlessListClosed = (event: KeyboardEvent) => {
    // Enter picks the highlighted country (onChange below saves it); the grid must not also take it as
    // "save the cell as it is" while the rep is still choosing.
    if (event.key === 'Enter' && input.current?.getAttribute('aria-expanded') === 'true') {
      event.stopPropagation();
    }
  };

  return (
    <Autocomplete
      options={countryCodesByName()}
      value={typeof value === 'string' && isIsoCountryCode(value) ? value : null}
      getOptionLabel={formatRegion}
      autoHighlight
      openOnFocus
      fullWidth
      onKeyDown={stopEnterUnlessListClosed}
      onChange={(event, code) => {
        if (code === null) return;
        chosen.current = Promise.resolve(api.setEditCellValue({ id, field, value: code }, event));
      }}
      onClose={(_, reason) => {
        // Picking the country the cell already has is a choice too: it ends the edit, saving nothing.
        if (reason !== 'selectOption') return;
        void chosen.current.then(() => {
          api.stopCellEditMode({ id, field });
        });
      }}
      renderInput={(params) => (
        <TextField
          {...params}
          variant="standard"
          inputRef={input}
          error={error === true}
          slotProps={{
            ...params.slotProps,
            htmlInput: { ...params.slotProps.htmlInput, 'aria-label': 'Country' },
          }}
          sx={{ alignSelf: 'center', px: 1 }}
        />
      )}
    />
  );
}

export const CountryEditCell = withCellError(CountryPickerCell);
