import { useId, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import IconButton from '@mui/material/IconButton';
import List from '@mui/material/List';
import ListItem from '@mui/material/ListItem';
import ListItemText from '@mui/material/ListItemText';
import Menu from '@mui/material/Menu';
import MenuItem from '@mui/material/MenuItem';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { createSvgIcon } from '@mui/material/utils';
import { TOUCH_TARGET } from '@/lib/touch-targets';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import {
  isPhoneNumberSort,
  PHONE_NUMBER_SORTS,
  type PhoneNumberSort,
} from '../schemas/phone-number-list-state';
import { useRowRefusals, type RowRefusalsStore } from '../stores/row-refusals-store';
import { pageRangeLabel } from '../utils/page-range';
import { ROW_ACTIONS, shownNumber, type RowActionHandlers } from '../utils/row-actions';
import { PhoneNumberShown } from './phone-number-link';
import { ProspectLink } from './prospect-link';

const MoreIcon = createSvgIcon(
  <path d="M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2" />,
  'More',
);

/** What a row's menu does; absent where the list is read-only. */
export interface PhoneNumberCardActions extends RowActionHandlers {
  refusals: RowRefusalsStore;
}

export interface PhoneNumberCardsProps {
  rows: readonly ListedPhoneNumber[];
  loading: boolean;
  /** Names each number's prospect, for a list that is not narrowed to one. */
  showProspect: boolean;
  emptyMessage: string;
  /** The view's sort, from the URL, as the grid's column headers set it. */
  sort: PhoneNumberSort;
  onSortChange: (sort: PhoneNumberSort) => void;
  actions: PhoneNumberCardActions | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
  count: number | undefined;
  hasNextPage: boolean;
  onNextPage: () => void;
  onPreviousPage: () => void;
}

/** The sorts the grid's headers offer, each way, by what a rep reads in the list. */
const SORT_LABELS: Record<PhoneNumberSort, string> = {
  number: 'Number, 0 to 9',
  '-number': 'Number, 9 to 0',
  phoneType: 'Type, A to Z',
  '-phoneType': 'Type, Z to A',
  status: 'Status, A to Z',
  '-status': 'Status, Z to A',
  order: 'Order, first to last',
  '-order': 'Order, last to first',
  updatedAt: 'Updated, oldest first',
  '-updatedAt': 'Updated, newest first',
};

interface RowMenuProps {
  row: ListedPhoneNumber;
  actions: PhoneNumberCardActions;
}

/**
 * "Actions for +1 415 555 0100": Edit, Delete, Make primary, Move up, Move down. One the rep may not use
 * stays in the menu, aria-disabled, with the reason under its name.
 */
function RowMenu({ row, actions }: RowMenuProps) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  const refusals = useRowRefusals(actions.refusals, row.id);
  const menuId = useId();
  const shown = shownNumber(row);
  const close = () => {
    setAnchor(null);
  };
  return (
    <>
      <IconButton
        aria-label={`Actions for ${shown}`}
        aria-haspopup="menu"
        aria-expanded={anchor === null ? undefined : true}
        aria-controls={anchor === null ? undefined : menuId}
        sx={{ width: TOUCH_TARGET, height: TOUCH_TARGET }}
        onClick={(event) => {
          setAnchor(event.currentTarget);
        }}
      >
        <MoreIcon />
      </IconButton>
      <Menu
        id={menuId}
        anchorEl={anchor}
        open={anchor !== null}
        onClose={close}
        slotProps={{ list: { 'aria-label': `Actions for ${shown}` } }}
      >
        {ROW_ACTIONS.map(({ key, name, run }) => {
          const refusal = refusals[key];
          return (
            <MenuItem
              key={key}
              aria-disabled={refusal === undefined ? undefined : true}
              sx={{ minHeight: TOUCH_TARGET }}
              onClick={() => {
                if (refusal !== undefined) return;
                close();
                run(actions, row);
              }}
            >
              <ListItemText
                primary={name}
                secondary={refusal}
                slotProps={{
                  primary: { sx: refusal === undefined ? undefined : { color: 'text.disabled' } },
                }}
              />
            </MenuItem>
          );
        })}
      </Menu>
    </>
  );
}

/** "Mobile · Verified", and the prospect's name across prospects. */
function Details({ row, showProspect }: { row: ListedPhoneNumber; showProspect: boolean }) {
  const values = [
    row.phoneType === null ? 'No type' : phoneTypeLabel(row.phoneType),
    row.status === null ? 'No status' : phoneStatusLabel(row.status),
  ].join(' · ');
  return (
    <>
      {values}
      {showProspect && row.prospectId !== null ? (
        <>
          {' · '}
          <ProspectLink prospectId={row.prospectId} tabIndex={0}>
            {row.prospectName ?? `Prospect ${row.prospectId}`}
          </ProspectLink>
        </>
      ) : null}
    </>
  );
}

/**
 * The phone numbers as a list a thumb can use, for phones and narrow panels: each number (a link to dial,
 * or blocked with the reason) with its type and status, and a menu of what can be done with it, gated
 * and explained as the grid's actions are.
 */
export function PhoneNumberCards(props: PhoneNumberCardsProps) {
  const { rows, loading, showProspect, actions, page, pageSize, count, hasNextPage } = props;
  const touch = { minHeight: TOUCH_TARGET, minWidth: TOUCH_TARGET };
  return (
    <Stack spacing={1}>
      <TextField
        select
        label="Sort by"
        value={props.sort}
        onChange={(event) => {
          if (isPhoneNumberSort(event.target.value)) props.onSortChange(event.target.value);
        }}
        sx={{ alignSelf: 'flex-start', minWidth: 240 }}
      >
        {PHONE_NUMBER_SORTS.map((sort) => (
          <MenuItem key={sort} value={sort} sx={touch}>
            {SORT_LABELS[sort]}
          </MenuItem>
        ))}
      </TextField>
      <List aria-label="Phone numbers" aria-busy={loading || undefined} disablePadding>
        {loading && rows.length === 0
          ? [0, 1, 2].map((key) => (
              <ListItem key={key} divider>
                <ListItemText primary={<Skeleton width="60%" />} secondary={<Skeleton />} />
              </ListItem>
            ))
          : rows.map((row) => (
              <ListItem
                key={row.id}
                divider
                aria-label={shownNumber(row)}
                secondaryAction={
                  actions === undefined ? undefined : <RowMenu row={row} actions={actions} />
                }
              >
                <ListItemText
                  primary={<PhoneNumberShown row={row} tabIndex={0} />}
                  secondary={<Details row={row} showProspect={showProspect} />}
                  slotProps={{ primary: { sx: { py: 0.5 } } }}
                />
              </ListItem>
            ))}
      </List>
      {!loading && rows.length === 0 ? (
        <Typography sx={{ color: 'text.secondary', px: 2 }}>{props.emptyMessage}</Typography>
      ) : null}
      {rows.length > 0 && (page > 1 || hasNextPage) ? (
        <Box
          component="nav"
          aria-label="Pages of phone numbers"
          sx={{ display: 'flex', alignItems: 'center', justifyContent: 'space-between', gap: 1 }}
        >
          <Button disabled={page <= 1} onClick={props.onPreviousPage} sx={touch}>
            Previous page
          </Button>
          <Typography variant="body2">
            {pageRangeLabel((page - 1) * pageSize + 1, rows.length, count, hasNextPage)}
          </Typography>
          <Button disabled={!hasNextPage} onClick={props.onNextPage} sx={touch}>
            Next page
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
