import { useMemo, useState } from 'react';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TablePagination from '@mui/material/TablePagination';
import TableRow from '@mui/material/TableRow';
import ToggleButton from '@mui/material/ToggleButton';
import ToggleButtonGroup from '@mui/material/ToggleButtonGroup';
import { formatInteger } from '@/lib/format';
import {
  IMPORT_COLUMN_LABELS,
  IMPORT_COLUMNS,
  describeVerdict,
  type ImportCounts,
  type ImportRow,
  type ImportVerdict,
} from '../utils/phone-numbers-import';

type Shown = 'all' | ImportVerdict['kind'];

const SHOWN_LABELS: Record<Shown, string> = {
  all: 'All rows',
  add: 'Will add',
  duplicate: 'Duplicates',
  error: 'Errors',
};

const SHOWN: readonly Shown[] = ['all', 'add', 'duplicate', 'error'];

const PAGE_SIZES = [25, 50, 100];

const RESULT_COLORS: Record<ImportVerdict['kind'], string> = {
  add: 'success.main',
  duplicate: 'text.secondary',
  error: 'error.main',
};

/**
 * The preview's rows, a page at a time (a file of 10,000 rows is never 10,000 rows of the page), with
 * each row's result; the rep may show only the errors, the duplicates or what will be added.
 */
export function ImportPreviewTable({
  rows,
  counts,
}: {
  rows: readonly ImportRow[];
  counts: ImportCounts;
}) {
  const [shown, setShown] = useState<Shown>('all');
  const [page, setPage] = useState(0);
  const [pageSize, setPageSize] = useState(25);
  const shownRows = useMemo(
    () => (shown === 'all' ? rows : rows.filter(({ verdict }) => verdict.kind === shown)),
    [rows, shown],
  );
  const countOf = (kind: Shown) => (kind === 'all' ? rows.length : counts[kind]);

  return (
    <>
      <ToggleButtonGroup
        exclusive
        size="small"
        aria-label="Rows shown"
        value={shown}
        onChange={(_event, value: Shown | null) => {
          if (value === null) return;
          setShown(value);
          setPage(0);
        }}
        sx={{ flexWrap: 'wrap', mb: 1 }}
      >
        {SHOWN.map((kind) => (
          <ToggleButton key={kind} value={kind}>
            {SHOWN_LABELS[kind]} ({formatInteger(countOf(kind))})
          </ToggleButton>
        ))}
      </ToggleButtonGroup>
      <TableContainer sx={{ maxHeight: 360 }}>
        <Table size="small" stickyHeader aria-label="Rows of the file">
          <TableHead>
            <TableRow>
              <TableCell>Row</TableCell>
              {IMPORT_COLUMNS.map((column) => (
                <TableCell key={column}>{IMPORT_COLUMN_LABELS[column]}</TableCell>
              ))}
              <TableCell>Result</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {shownRows
              .slice(page * pageSize, (page + 1) * pageSize)
              .map(({ row, cells, verdict }) => (
                <TableRow key={row}>
                  <TableCell>{row}</TableCell>
                  {IMPORT_COLUMNS.map((column) => (
                    <TableCell key={column}>{cells[column]}</TableCell>
                  ))}
                  <TableCell sx={{ color: RESULT_COLORS[verdict.kind] }}>
                    {describeVerdict(verdict)}
                  </TableCell>
                </TableRow>
              ))}
          </TableBody>
        </Table>
      </TableContainer>
      <TablePagination
        component="div"
        count={shownRows.length}
        page={page}
        rowsPerPage={pageSize}
        rowsPerPageOptions={PAGE_SIZES}
        onPageChange={(_event, next) => {
          setPage(next);
        }}
        onRowsPerPageChange={(event) => {
          setPageSize(Number(event.target.value));
          setPage(0);
        }}
      />
    </>
  );
}
