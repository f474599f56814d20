import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useApiClient } from '@/lib/api-client-context';
import { useDebouncedValue } from '@/lib/use-debounced-value';
import { prospectQueries } from '../api/prospect-queries';
import type { Prospect } from '../schemas/prospect';

/** Long enough to skip the keystrokes of a word, short enough to feel immediate. */
export const PROSPECT_SEARCH_DEBOUNCE_MS = 250;

/** "Olivia García · Acme Corporation". */
export function prospectLabel(prospect: Prospect): string {
  return [prospect.name ?? `Prospect ${prospect.id}`, prospect.company]
    .filter((part) => part !== null && part !== '')
    .join(' · ');
}

interface ProspectComboboxProps {
  /** The chosen prospect's id, or undefined for none. */
  prospectId: number | undefined;
  onChange: (prospectId: number | undefined) => void;
}

/** Finds a prospect by the start of its name or company, searched on the server as the user types. */
export function ProspectCombobox({ prospectId, onChange }: ProspectComboboxProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const searchText = useDebouncedValue(text.trim(), PROSPECT_SEARCH_DEBOUNCE_MS);
  const typing = searchText !== text.trim();
  // Searches only once the typing pauses: no request for every keystroke on the way.
  const search = useQuery({
    ...prospectQueries.search(client, searchText),
    enabled: open && !typing,
  });
  const chosen = useQuery(prospectQueries.detail(client, prospectId));
  const searching = open && (typing || search.isFetching);

  return (
    <Autocomplete
      sx={{ width: { xs: '100%', sm: 360 } }}
      size="small"
      clearOnEscape
      open={open}
      onOpen={() => {
        setOpen(true);
      }}
      onClose={() => {
        setOpen(false);
      }}
      value={chosen.data ?? null}
      options={search.data ?? []}
      // The server has filtered already.
      filterOptions={(options) => options}
      getOptionLabel={prospectLabel}
      isOptionEqualToValue={(option, value) => option.id === value.id}
      // Keyed by id: two prospects may share a name and a company.
      getOptionKey={(option) => option.id}
      loading={searching}
      loadingText="Searching…"
      noOptionsText={searchText === '' ? 'No prospects yet' : 'No prospect matches'}
      onInputChange={(_, value, reason) => {
        // Typing searches; showing the chosen prospect's label does not.
        if (reason === 'input' || reason === 'clear') setText(value);
      }}
      onChange={(_, prospect) => {
        // The option is what the detail query would fetch: the chosen name shows at once.
        if (prospect) {
          queryClient.setQueryData(prospectQueries.detail(client, prospect.id).queryKey, prospect);
        }
        setText('');
        onChange(prospect?.id);
      }}
      renderInput={(params) => (
        <TextField {...params} label="Prospect" placeholder="Search by name or company" />
      )}
    />
  );
}
