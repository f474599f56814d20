import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { ISO_COUNTRY_CODES } from '@contract/iso-countries';
import { PHONE_STATUSES, PHONE_TYPES } from '@contract/phone-number-values';
import { formatRegion } from '@/lib/format';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';

interface MultiSelectProps {
  label: string;
  options: readonly string[];
  value: readonly string[];
  getLabel: (value: string) => string;
  onChange: (value: string[]) => void;
}

function MultiSelect({ label, options, value, getLabel, onChange }: MultiSelectProps) {
  return (
    <Autocomplete
      multiple
      size="small"
      sx={{ width: { xs: '100%', sm: 260 } }}
      disableCloseOnSelect
      // A value of another API's that the URL holds (decision 0047) stays an option while it is chosen.
      options={[...options, ...value.filter((chosen) => !options.includes(chosen))]}
      value={[...value]}
      getOptionLabel={getLabel}
      onChange={(_, chosen) => {
        onChange(chosen);
      }}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

let countriesByName: readonly string[] | undefined;
/** The country codes in the order of their names, worked out when the filters first show. */
function countryOptions(): readonly string[] {
  countriesByName ??= [...ISO_COUNTRY_CODES].sort((a, b) =>
    formatRegion(a).localeCompare(formatRegion(b)),
  );
  return countriesByName;
}

interface PhoneNumberFiltersProps {
  types: readonly string[];
  statuses: readonly string[];
  countries: readonly string[];
  onTypesChange: (types: string[]) => void;
  onStatusesChange: (statuses: string[]) => void;
  onCountriesChange: (countries: string[]) => void;
}

/**
 * The server-side filters. Labelled "Filter by …", so that they do not share a name with the grid's
 * "Type", "Status" and "Country" column headers.
 */
export function PhoneNumberFilters(props: PhoneNumberFiltersProps) {
  return (
    <>
      <MultiSelect
        label="Filter by type"
        options={PHONE_TYPES}
        value={props.types}
        getLabel={phoneTypeLabel}
        onChange={props.onTypesChange}
      />
      <MultiSelect
        label="Filter by status"
        options={PHONE_STATUSES}
        value={props.statuses}
        getLabel={phoneStatusLabel}
        onChange={props.onStatusesChange}
      />
      <MultiSelect
        label="Filter by country"
        options={countryOptions()}
        value={props.countries}
        getLabel={formatRegion}
        onChange={props.onCountriesChange}
      />
    </>
  );
}
