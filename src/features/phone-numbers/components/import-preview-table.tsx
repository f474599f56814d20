import { useMemo, useState } from 'react';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
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

const SHOWN: readonly Shown[] = ['all', 'add', 'duplicate', 'error'];

const SHOWN_LABELS: Record<Shown, string> = {
  all: 'All rows',
  add: 'Will add',
  duplicate: 'Duplicates',
  error: 'Errors',
};

/** Rows on a page of the preview: a file of 10,000 rows is never 10,000 rows of the page. */
export const PREVIEW_PAGE_SIZE = 25;

const RESULT_COLORS: Record<ImportVerdict['kind'], string> = {
  add: 'success.main',
  duplicate: 'text.secondary',
  error: 'error.main',
};

const cellSx = {
  px: 1,
  py: 0.5,
  borderBottom: 1,
  borderColor: 'divider',
  textAlign: 'left',
  verticalAlign: 'top',
} as const;

/**
 * The preview's rows, a page at a time, with each row's result; the rep may show only the errors, the
 * duplicates or what will be added. Plain table elements and buttons: the grid's own table parts are in
 * the page's first chunk, and sharing them with this lazy one would split that chunk.
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
  const shownRows = useMemo(
    () => (shown === 'all' ? rows : rows.filter(({ verdict }) => verdict.kind === shown)),
    [rows, shown],
  );
  const countOf = (kind: Shown) => (kind === 'all' ? rows.length : counts[kind]);
  const first = page * PREVIEW_PAGE_SIZE;
  const last = Math.min(first + PREVIEW_PAGE_SIZE, shownRows.length);

  return (
    <>
      <Stack
        role="group"
        aria-label="Rows shown"
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap', mb: 1 }}
      >
        {SHOWN.map((kind) => (
          <Button
            key={kind}
            size="small"
            variant={shown === kind ? 'contained' : 'outlined'}
            aria-pressed={shown === kind}
            onClick={() => {
              setShown(kind);
              setPage(0);
            }}
          >
            {SHOWN_LABELS[kind]} ({formatInteger(countOf(kind))})
          </Button>
        ))}
      </Stack>
      <Box sx={{ maxHeight: 360, overflow: 'auto' }}>
        <Box
          component="table"
          aria-label="Rows of the file"
          sx={{ width: '100%', borderCollapse: 'collapse', typography: 'body2' }}
        >
          <thead>
            <tr>
              <Box component="th" scope="col" sx={cellSx}>
                Row
              </Box>
              {IMPORT_COLUMNS.map((column) => (
                <Box component="th" scope="col" key={column} sx={cellSx}>
                  {IMPORT_COLUMN_LABELS[column]}
                </Box>
              ))}
              <Box component="th" scope="col" sx={cellSx}>
                Result
              </Box>
            </tr>
          </thead>
          <tbody>
            {shownRows.slice(first, last).map(({ row, cells, verdict }) => (
              <tr key={row}>
                <Box component="td" sx={cellSx}>
                  {row}
                </Box>
                {IMPORT_COLUMNS.map((column) => (
                  <Box component="td" key={column} sx={cellSx}>
                    {cells[column]}
                  </Box>
                ))}
                <Box component="td" sx={{ ...cellSx, color: RESULT_COLORS[verdict.kind] }}>
                  {describeVerdict(verdict)}
                </Box>
              </tr>
            ))}
          </tbody>
        </Box>
      </Box>
      <Stack
        direction="row"
        spacing={1}
        sx={{ alignItems: 'center', justifyContent: 'flex-end', mt: 1 }}
      >
        <Typography variant="body2">
          {shownRows.length === 0
            ? 'No rows'
            : `Rows ${formatInteger(first + 1)}–${formatInteger(last)} of ${formatInteger(shownRows.length)}`}
        </Typography>
        <Button
          size="small"
          disabled={page === 0}
          onClick={() => {
            setPage(page - 1);
          }}
        >
          Previous rows
        </Button>
        <Button
          size="small"
          disabled={last >= shownRows.length}
          onClick={() => {
            setPage(page + 1);
          }}
        >
          Next rows
        </Button>
      </Stack>
    </>
  );
}
