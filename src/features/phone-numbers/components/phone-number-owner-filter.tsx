import Chip from '@mui/material/Chip';
import FormControlLabel from '@mui/material/FormControlLabel';
import Switch from '@mui/material/Switch';
import Tooltip from '@mui/material/Tooltip';

interface PhoneNumberOwnerFilterProps {
  /** The user whose prospects' numbers the view shows (the URL's `owner`). */
  owner: number | undefined;
  /** The signed-in user. */
  me: number;
  /** The other user's name, once known, when `owner` is not `me`. */
  ownerName: string | undefined;
  /** Why the filter can't be used in this view, if it can't (a prospect is chosen). */
  refusal: string | undefined;
  onChange: (owner: number | undefined) => void;
}

/**
 * "My prospects": only the numbers of the prospects the signed-in user owns, filtered by the server
 * (decision 0059). A link shared by someone else may hold their id: that view is named after its
 * owner ("Sam Rep's prospects"), and can be cleared, rather than shown as if it were unfiltered.
 */
export function PhoneNumberOwnerFilter({
  owner,
  me,
  ownerName,
  refusal,
  onChange,
}: PhoneNumberOwnerFilterProps) {
  const mine = owner === me;
  return (
    <>
      <Tooltip title={refusal ?? ''} describeChild>
        <FormControlLabel
          sx={{ alignSelf: { sm: 'flex-start' }, mt: { sm: 0.5 }, mx: 0 }}
          label="My prospects"
          control={
            <Switch
              checked={mine}
              slotProps={{
                input: {
                  'aria-disabled': refusal === undefined ? undefined : true,
                  'aria-description': refusal,
                },
              }}
              sx={refusal === undefined ? undefined : { opacity: 0.5, cursor: 'not-allowed' }}
              onChange={(event) => {
                if (refusal === undefined) onChange(event.target.checked ? me : undefined);
              }}
            />
          }
        />
      </Tooltip>
      {owner !== undefined && !mine ? (
        <Chip
          label={ownerName === undefined ? "Another user's prospects" : `${ownerName}'s prospects`}
          sx={{ alignSelf: { sm: 'flex-start' }, mt: { sm: 1 } }}
          onDelete={() => {
            onChange(undefined);
          }}
        />
      ) : null}
    </>
  );
}
