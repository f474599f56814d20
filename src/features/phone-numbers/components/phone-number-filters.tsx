import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import {
  PHONE_STATUSES,
  PHONE_TYPES,
  type PhoneStatus,
  type PhoneType,
} from '@contract/phone-number-values';
import { phoneStatusLabel, phoneTypeLabel } from '../utils/phone-number-labels';

interface MultiSelectProps<T extends string> {
  label: string;
  options: readonly T[];
  value: readonly T[];
  getLabel: (value: T) => string;
  onChange: (value: T[]) => void;
}

function MultiSelect<T extends string>({
  label,
  options,
  value,
  getLabel,
  onChange,
}: MultiSelectProps<T>) {
  return (
    <Autocomplete
      multiple
      size="small"
      sx={{ width: { xs: '100%', sm: 260 } }}
      disableCloseOnSelect
      options={options}
      value={[...value]}
      getOptionLabel={getLabel}
      onChange={(_, chosen) => {
        onChange(chosen);
      }}
      renderInput={(params) => <TextField {...params} label={label} />}
    />
  );
}

interface PhoneNumberFiltersProps {
  types: readonly PhoneType[];
  statuses: readonly PhoneStatus[];
  onTypesChange: (types: PhoneType[]) => void;
  onStatusesChange: (statuses: PhoneStatus[]) => void;
}

/**
 * The server-side filters. Labelled "Filter by …", so that they do not share a name with the grid's
 * "Type" and "Status" column headers.
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
    </>
  );
}
