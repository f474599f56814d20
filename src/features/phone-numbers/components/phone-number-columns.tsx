import { memo, type ReactNode } from 'react';
import Box from '@mui/material/Box';
import Chip from '@mui/material/Chip';
import Tooltip from '@mui/material/Tooltip';
import { darken, lighten, type Theme } from '@mui/material/styles';
import type { GridColDef, GridRenderCellParams } from '@mui/x-data-grid';
import { RelativeTime } from '@/components/relative-time';
import { mixColors, readableOn } from '@/lib/contrast';
import { formatInteger, formatRegion } from '@/lib/format';
import { markInvisibleCharacters } from '@contract/invisible-characters';
import { ISO_COUNTRY_CODES } from '@contract/iso-countries';
import { formatInternational } from '@contract/phone-number-format';
import { isPhoneStatus, isPhoneType } from '@contract/phone-number-values';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';
import { CountryEditCell } from './country-edit-cell';
import { SelectEditCell, TextEditCell } from './phone-number-edit-cell';
import {
  optionsKeeping,
  PHONE_STATUS_OPTIONS,
  PHONE_TYPE_OPTIONS,
  phoneStatusColor,
  UNLISTED_VALUE_HINT,
  type PhoneStatusColor,
} from '../utils/phone-number-labels';
import { PhoneNumberShown } from './phone-number-link';
import { ProspectLink } from './prospect-link';

const MISSING = '—';

/**
 * The status in its colour, or the nearest shade of it that reads on the row, hovered or not (the
 * warning orange on white does not). A status this app does not know is shown as it came, in a dashed
 * outline that says so when hovered.
 */
const StatusChip = memo(function StatusChip({ status }: { status: string }) {
  if (!isPhoneStatus(status)) {
    return (
      <Tooltip title={UNLISTED_VALUE_HINT} describeChild>
        <Chip size="small" variant="outlined" label={status} sx={{ borderStyle: 'dashed' }} />
      </Tooltip>
    );
  }
  const color = phoneStatusColor(status);
  return (
    <Chip
      size="small"
      variant="outlined"
      color={color}
      label={phoneStatusLabel(status)}
      sx={color === 'default' ? undefined : (theme) => ({ color: readableInRow(theme, color) })}
    />
  );
});

/** A type this app does not know, as it came, dotted underneath like an abbreviation that says more. */
function UnlistedType({ type }: { type: string }) {
  return (
    <Tooltip title={UNLISTED_VALUE_HINT} describeChild>
      <Box component="span" sx={{ textDecoration: 'underline dotted' }}>
        {type}
      </Box>
    </Tooltip>
  );
}

function readableInRow(theme: Theme, color: Exclude<PhoneStatusColor, 'default'>) {
  const { paper } = theme.palette.background;
  const { hoverOpacity, selectedOpacity } = theme.palette.action;
  // The grid tints a hovered row towards the text colour by hoverOpacity; twice that leaves a margin for
  // the grid's own base colour, a shade off the paper's in the dark scheme.
  const tint = 2 * hoverOpacity;
  const hovered = theme.palette.mode === 'dark' ? lighten(paper, tint) : darken(paper, tint);
  // A selected row is tinted with the primary colour, by selectedOpacity, and more when hovered.
  const selected = mixColors(hovered, theme.palette.primary.main, selectedOpacity + hoverOpacity);
  return readableOn(theme.palette[color].main, [paper, hovered, selected]);
}

type Column = GridColDef<ListedPhoneNumber> & { field: keyof ListedPhoneNumber | 'actions' };

export interface PhoneNumberColumnsOptions {
  showProspect: boolean;
  /** The row's actions (Edit, Delete, order), in a last column; no such column without it. */
  renderActions: ((params: GridRenderCellParams<ListedPhoneNumber>) => ReactNode) | undefined;
}

let countryOptions: { value: string; label: string }[] | undefined;

/** Every ISO country by its name in the browser's language, made when a Country cell is first edited. */
function countryOptionsOf() {
  countryOptions ??= ISO_COUNTRY_CODES.map((code) => ({
    value: code,
    label: formatRegion(code),
  })).sort((a, b) => a.label.localeCompare(b.label));
  return countryOptions;
}

/**
 * Sortable only where the server sorts; each column formats its own value for the browser's locale.
 * Number, Type, Extension, Country and Status are edited in place where the row allows it; what is typed
 * is checked by the rules when the rep commits it (Enter, Tab, leaving the cell), not at every key.
 */
export function phoneNumberColumns({
  showProspect,
  renderActions,
}: PhoneNumberColumnsOptions): Column[] {
  const columns: Column[] = [
    {
      field: 'number',
      headerName: 'Number',
      flex: 1.4,
      minWidth: 210,
      editable: true,
      // Edited as it reads, "+1 415 555 0100"; the rules turn what is typed back into E.164.
      valueGetter: (value: string | null) => (value === null ? null : formatInternational(value)),
      renderEditCell: (params) => <TextEditCell {...params} />,
      renderCell: ({ row, tabIndex }) => <PhoneNumberShown row={row} tabIndex={tabIndex} />,
    },
    {
      field: 'phoneType',
      headerName: 'Type',
      minWidth: 100,
      editable: true,
      type: 'singleSelect',
      // The row's own type stays the editor's value when it is not one of ours (decision 0047).
      valueOptions: ({ row }) => optionsKeeping(PHONE_TYPE_OPTIONS, row?.phoneType ?? null),
      renderEditCell: (params) => <SelectEditCell {...params} />,
      valueFormatter: (_, row) =>
        row.phoneType === null ? MISSING : phoneTypeLabel(row.phoneType),
      renderCell: ({ row }) =>
        row.phoneType === null ? (
          MISSING
        ) : isPhoneType(row.phoneType) ? (
          phoneTypeLabel(row.phoneType)
        ) : (
          <UnlistedType type={row.phoneType} />
        ),
    },
    {
      field: 'extension',
      headerName: 'Extension',
      sortable: false,
      minWidth: 100,
      editable: true,
      renderEditCell: (params) => <TextEditCell {...params} />,
      valueFormatter: (_, row) =>
        row.extension === null ? MISSING : markInvisibleCharacters(row.extension),
    },
    {
      field: 'countryCode',
      headerName: 'Country',
      sortable: false,
      flex: 1,
      minWidth: 170,
      editable: true,
      type: 'singleSelect',
      valueOptions: countryOptionsOf,
      renderEditCell: (params) => <CountryEditCell {...params} />,
      valueFormatter: (_, row) =>
        row.countryCode === null ? MISSING : formatRegion(row.countryCode),
    },
    {
      field: 'status',
      headerName: 'Status',
      minWidth: 130,
      editable: true,
      type: 'singleSelect',
      valueOptions: ({ row }) => optionsKeeping(PHONE_STATUS_OPTIONS, row?.status ?? null),
      renderEditCell: (params) => <SelectEditCell {...params} />,
      renderCell: ({ row }) => (row.status === null ? MISSING : <StatusChip status={row.status} />),
    },
    {
      field: 'order',
      headerName: 'Order',
      type: 'number',
      minWidth: 100,
      valueFormatter: (_, row) => (row.order === null ? MISSING : formatInteger(row.order)),
    },
    {
      field: 'updatedAt',
      headerName: 'Updated',
      minWidth: 140,
      // The latest change first is what one looks for.
      sortingOrder: ['desc', 'asc'],
      renderCell: ({ row, tabIndex }) =>
        row.updatedAt === null ? (
          MISSING
        ) : (
          <RelativeTime dateTime={row.updatedAt} tabIndex={tabIndex} />
        ),
    },
  ];
  if (showProspect) {
    columns.push({
      field: 'prospectName',
      headerName: 'Prospect',
      sortable: false,
      flex: 1,
      minWidth: 170,
      renderCell: ({ row, tabIndex }) =>
        row.prospectId === null ? (
          MISSING
        ) : (
          <ProspectLink prospectId={row.prospectId} tabIndex={tabIndex}>
            {row.prospectName ?? `Prospect ${row.prospectId}`}
          </ProspectLink>
        ),
    });
  }
  if (renderActions) {
    columns.push({
      field: 'actions',
      headerName: 'Actions',
      type: 'actions',
      width: 200,
      renderCell: renderActions,
    });
  }
  return columns;
}
