import { forwardRef, memo, type ReactElement, type Ref } from 'react';
import IconButton, { type IconButtonProps } from '@mui/material/IconButton';
import Tooltip from '@mui/material/Tooltip';
import { createSvgIcon } from '@mui/material/utils';
import {
  GridActionsCell,
  GridArrowDownwardIcon,
  GridArrowUpwardIcon,
  GridDeleteIcon,
  type GridRenderCellParams,
} from '@mui/x-data-grid';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { useRowRefusals, type RowRefusalsStore } from '../stores/row-refusals-store';
import { ROW_ACTIONS, shownNumber, type RowActionHandlers } from '../utils/row-actions';
import type { RowActionRefusals } from '../utils/row-refusals';

const EditIcon = createSvgIcon(
  <path d="M3 17.25V21h3.75L17.81 9.94l-3.75-3.75zM20.71 7.04a1 1 0 0 0 0-1.41l-2.34-2.34a1 1 0 0 0-1.41 0l-1.83 1.83 3.75 3.75z" />,
  'Edit',
);

const MakePrimaryIcon = createSvgIcon(
  <path d="M8 11h3v10h2V11h3l-4-4zM4 3v2h16V3z" />,
  'MakePrimary',
);

const ICONS: Record<keyof RowActionRefusals, ReactElement> = {
  edit: <EditIcon fontSize="inherit" />,
  delete: <GridDeleteIcon fontSize="inherit" />,
  first: <MakePrimaryIcon fontSize="inherit" />,
  up: <GridArrowUpwardIcon fontSize="inherit" />,
  down: <GridArrowDownwardIcon fontSize="inherit" />,
};

export interface PhoneNumberRowActionsProps extends RowActionHandlers {
  params: GridRenderCellParams<ListedPhoneNumber>;
  /** Where the row's refusals are read from; the cell renders again when they change. */
  refusals: RowRefusalsStore;
}

interface RowActionProps extends Omit<IconButtonProps, 'children'> {
  label: string;
  icon: ReactElement;
  /** Set when the action can't be used: the button stays reachable and says why (its click is a no-op). */
  refusal: string | undefined;
}

/**
 * An icon button whose tooltip names it, or says why it can't be used. A refused action is aria-disabled
 * rather than disabled, so that keyboard and screen-reader users reach it and hear the reason too.
 */
const RowAction = forwardRef(function RowAction(
  { label, icon, refusal, ...other }: RowActionProps,
  ref: Ref<HTMLButtonElement>,
) {
  const refused = refusal !== undefined;
  return (
    <Tooltip title={refusal ?? label} describeChild={refused}>
      <IconButton
        ref={ref}
        size="small"
        aria-label={label}
        aria-disabled={refused || undefined}
        aria-description={refusal}
        sx={refused ? { opacity: 0.38, cursor: 'not-allowed' } : undefined}
        {...other}
      >
        {icon}
      </IconButton>
    </Tooltip>
  );
});

/**
 * The actions of a row: Edit, Delete, Make primary, Move up, Move down, each named after the number.
 * Renders again only when what it shows changes: its row, its focus, its refusals (read from the store)
 * or its handlers, not every time the grid renders its cells with fresh params.
 */
export const PhoneNumberRowActions = memo(function PhoneNumberRowActions({
  params,
  refusals: store,
  ...handlers
}: PhoneNumberRowActionsProps) {
  const { row } = params;
  const refusals = useRowRefusals(store, row.id);
  const shown = shownNumber(row);
  return (
    <GridActionsCell {...params} suppressChildrenValidation>
      {ROW_ACTIONS.map(({ key, label, run }) => (
        <RowAction
          key={key}
          label={label(shown)}
          icon={ICONS[key]}
          refusal={refusals[key]}
          onClick={() => {
            if (refusals[key] === undefined) run(handlers, row);
          }}
        />
      ))}
    </GridActionsCell>
  );
}, sameActions);

function sameActions(before: PhoneNumberRowActionsProps, after: PhoneNumberRowActionsProps) {
  const a = before.params;
  const b = after.params;
  return (
    a.id === b.id &&
    a.row === b.row &&
    a.hasFocus === b.hasFocus &&
    a.tabIndex === b.tabIndex &&
    before.refusals === after.refusals &&
    before.onEdit === after.onEdit &&
    before.onDelete === after.onDelete &&
    before.onMove === after.onMove
  );
}
