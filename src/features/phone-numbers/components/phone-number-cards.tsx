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
import Typography from '@mui/material/Typography';
import { createSvgIcon } from '@mui/material/utils';
import { formatInteger } from '@/lib/format';
import { TOUCH_TARGET } from '@/lib/touch-targets';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';
import { formatInternational } from '@contract/phone-number-format';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { useRowRefusals, type RowRefusalsStore } from '../stores/row-refusals-store';
import { callBlockReason } from '../utils/call-block';
import type { PhoneNumberMove } from '../utils/row-refusals';
import { BlockedPhoneNumber, PhoneNumberLink } from './phone-number-link';
import { ProspectLink } from './prospect-link';

const MoreIcon = createSvgIcon(
  <path d="M12 8c1.1 0 2-.9 2-2s-.9-2-2-2-2 .9-2 2 .9 2 2 2m0 2c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2m0 6c-1.1 0-2 .9-2 2s.9 2 2 2 2-.9 2-2-.9-2-2-2" />,
  'More',
);

/** What a row's menu does; absent where the list is read-only. */
export interface PhoneNumberCardActions {
  refusals: RowRefusalsStore;
  onEdit: (row: ListedPhoneNumber) => void;
  onDelete: (row: ListedPhoneNumber) => void;
  onMove: (row: ListedPhoneNumber, move: PhoneNumberMove) => void;
}

export interface PhoneNumberCardsProps {
  rows: readonly ListedPhoneNumber[];
  loading: boolean;
  /** Names each number's prospect, for a list that is not narrowed to one. */
  showProspect: boolean;
  emptyMessage: string;
  actions: PhoneNumberCardActions | undefined;
  /** 1-based. */
  page: number;
  pageSize: number;
  count: number | undefined;
  hasNextPage: boolean;
  onNextPage: () => void;
  onPreviousPage: () => void;
}

const shownOf = (row: ListedPhoneNumber) =>
  row.number === null ? `phone number ${row.id}` : formatInternational(row.number);

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
  const shown = shownOf(row);
  const close = () => {
    setAnchor(null);
  };
  const items: { label: string; refusal: string | undefined; run: () => void }[] = [
    {
      label: 'Edit',
      refusal: refusals.edit,
      run: () => {
        actions.onEdit(row);
      },
    },
    {
      label: 'Delete',
      refusal: refusals.delete,
      run: () => {
        actions.onDelete(row);
      },
    },
    {
      label: 'Make primary',
      refusal: refusals.first,
      run: () => {
        actions.onMove(row, 'first');
      },
    },
    {
      label: 'Move up',
      refusal: refusals.up,
      run: () => {
        actions.onMove(row, 'up');
      },
    },
    {
      label: 'Move down',
      refusal: refusals.down,
      run: () => {
        actions.onMove(row, 'down');
      },
    },
  ];
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
        {items.map(({ label, refusal, run }) => (
          <MenuItem
            key={label}
            aria-disabled={refusal === undefined ? undefined : true}
            sx={{ minHeight: TOUCH_TARGET }}
            onClick={() => {
              if (refusal !== undefined) return;
              close();
              run();
            }}
          >
            <ListItemText
              primary={label}
              secondary={refusal}
              slotProps={{
                primary: { sx: refusal === undefined ? undefined : { color: 'text.disabled' } },
              }}
            />
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}

function NumberLine({ row }: { row: ListedPhoneNumber }) {
  if (row.number === null) return <>—</>;
  const blocked = callBlockReason(row);
  return blocked === undefined ? (
    <PhoneNumberLink number={row.number} extension={row.extension} tabIndex={0} />
  ) : (
    <BlockedPhoneNumber number={row.number} extension={row.extension} reason={blocked} />
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

function rangeOf(page: number, pageSize: number, shown: number, count: number | undefined) {
  const first = (page - 1) * pageSize + 1;
  const last = first + shown - 1;
  const range = `${formatInteger(first)}–${formatInteger(last)}`;
  return count === undefined ? range : `${range} of ${formatInteger(count)}`;
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
                aria-label={shownOf(row)}
                secondaryAction={
                  actions === undefined ? undefined : <RowMenu row={row} actions={actions} />
                }
              >
                <ListItemText
                  primary={<NumberLine row={row} />}
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
          <Typography variant="body2">{rangeOf(page, pageSize, rows.length, count)}</Typography>
          <Button disabled={!hasNextPage} onClick={props.onNextPage} sx={touch}>
            Next page
          </Button>
        </Box>
      ) : null}
    </Stack>
  );
}
