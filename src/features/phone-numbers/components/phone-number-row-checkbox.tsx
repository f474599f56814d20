import { forwardRef } from 'react';
import Tooltip from '@mui/material/Tooltip';
import { GridRowCheckbox, useGridApiContext, type GridRowCheckboxProps } from '@mui/x-data-grid';
import { formatInternational } from '@contract/phone-number-format';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { selectionRefusal } from '../utils/row-refusals';

/**
 * A row's checkbox, named by its number ("Select +1 303 555 0141"); on a row the rep may not change it is
 * disabled, and says why as its description and its tooltip.
 */
export const PhoneNumberRowCheckbox = forwardRef<HTMLButtonElement, GridRowCheckboxProps>(
  function PhoneNumberRowCheckbox(props, ref) {
    const apiRef = useGridApiContext();
    const row = apiRef.current.getRow<ListedPhoneNumber>(props.rowId);
    const refusal = row === null ? undefined : selectionRefusal(row);
    const name =
      row?.number == null ? 'this phone number' : formatInternational(row.number, row.extension);
    const checkbox = (
      <GridRowCheckbox
        {...props}
        ref={ref}
        slotProps={{
          ...props.slotProps,
          htmlInput: {
            ...props.slotProps?.htmlInput,
            'aria-label': `Select ${name}`,
            'aria-description': refusal,
          },
        }}
      />
    );
    if (refusal === undefined) return checkbox;
    // A disabled input gets no pointer events: the tooltip listens on the span around it.
    return (
      <Tooltip title={refusal}>
        <span>{checkbox}</span>
      </Tooltip>
    );
  },
);
