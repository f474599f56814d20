import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { GRID_DENSITIES, type GridDensity } from '../schemas/phone-number-list-state';

const LABELS: Record<GridDensity, string> = {
  compact: 'Compact',
  standard: 'Standard',
  comfortable: 'Comfortable',
};

interface PhoneNumberDensityProps {
  value: GridDensity;
  onChange: (density: GridDensity) => void;
}

/**
 * "Row density": how tall the grid's rows are, through the DataGrid's `density` (decision 0059). Outside
 * the grid, so that the rows keep the height the page gives them.
 */
export function PhoneNumberDensity({ value, onChange }: PhoneNumberDensityProps) {
  return (
    <ToggleButtonGroup
      aria-label="Row density"
      size="small"
      exclusive
      value={value}
      // Below 600 px the numbers are a list (decision 0061), which has no rows to make denser.
      sx={{ alignSelf: 'flex-end', display: { xs: 'none', sm: 'inline-flex' } }}
      onChange={(_, density: GridDensity | null) => {
        // Pressing the chosen density again keeps it: one is always chosen.
        if (density !== null) onChange(density);
      }}
    >
      {GRID_DENSITIES.map((density) => (
        <ToggleButton key={density} value={density}>
          {LABELS[density]}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
}
