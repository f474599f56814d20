import { Link as RouterLink } from 'react-router';
import Chip from '@mui/material/Chip';
import Link from '@mui/material/Link';
import type { GridColDef } from '@mui/x-data-grid';
import { RelativeTime } from '@/components/relative-time';
import { formatInteger, formatRegion } from '@/lib/format';
import type { PhoneNumberRow } from '../schemas/phone-number';
import { phoneStatusColor, phoneStatusLabel, phoneTypeLabel } from './phone-number-labels';
import { PhoneNumberLink } from './phone-number-link';

const MISSING = '—';

type Column = GridColDef<PhoneNumberRow> & { field: keyof PhoneNumberRow };

/** Sortable only where the server sorts; each column formats its own value for the browser's locale. */
export function phoneNumberColumns({ showProspect }: { showProspect: boolean }): Column[] {
  const columns: Column[] = [
    {
      field: 'number',
      headerName: 'Number',
      flex: 1.4,
      minWidth: 210,
      renderCell: ({ row, tabIndex }) =>
        row.number === null ? (
          MISSING
        ) : (
          <PhoneNumberLink number={row.number} extension={row.extension} tabIndex={tabIndex} />
        ),
    },
    {
      field: 'phoneType',
      headerName: 'Type',
      minWidth: 100,
      valueFormatter: (_, row) =>
        row.phoneType === null ? MISSING : phoneTypeLabel(row.phoneType),
    },
    {
      field: 'extension',
      headerName: 'Extension',
      sortable: false,
      minWidth: 100,
      valueFormatter: (_, row) => row.extension ?? MISSING,
    },
    {
      field: 'countryCode',
      headerName: 'Country',
      sortable: false,
      flex: 1,
      minWidth: 170,
      valueFormatter: (_, row) =>
        row.countryCode === null ? MISSING : formatRegion(row.countryCode),
    },
    {
      field: 'status',
      headerName: 'Status',
      minWidth: 130,
      renderCell: ({ row }) =>
        row.status === null ? (
          MISSING
        ) : (
          <Chip
            size="small"
            variant="outlined"
            color={phoneStatusColor(row.status)}
            label={phoneStatusLabel(row.status)}
          />
        ),
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
          <Link component={RouterLink} to={`/prospects/${row.prospectId}`} tabIndex={tabIndex}>
            {row.prospectName ?? `Prospect ${row.prospectId}`}
          </Link>
        ),
    });
  }
  return columns;
}
