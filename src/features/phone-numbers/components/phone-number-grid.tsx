import {
  useCallback,
  useEffect,
  useInsertionEffect,
  useLayoutEffect,
  useMemo,
  useRef,
} from 'react';
import type { KeyboardEvent, ReactNode, RefObject } from 'react';
import {
  DataGrid,
  GRID_CHECKBOX_SELECTION_COL_DEF,
  gridClasses,
  type GridApi,
  type GridCellParams,
  type GridPaginationModel,
  type GridRenderCellParams,
  type GridRowClassNameParams,
  type GridRowParams,
  type GridRowSelectionModel,
  type GridSortDirection,
  type GridSortModel,
  type MuiEvent,
} from '@mui/x-data-grid';
import type { Theme } from '@mui/material/styles';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import {
  PAGE_SIZES,
  PHONE_NUMBER_SORT_FIELDS,
  type PageSize,
  type PhoneNumberSort,
  type GridDensity,
  type PhoneNumberSortField,
} from '../schemas/phone-number-list-state';
import { pageRangeLabel } from '../utils/page-range';
import { phoneNumberColumns } from './phone-number-columns';
import { PhoneNumberRowCheckbox } from './phone-number-row-checkbox';

export interface PhoneNumberGridProps {
  rows: readonly ListedPhoneNumber[];
  /** Rows are on their way: skeleton rows, and the grid is aria-busy. */
  loading: boolean;
  /** Adds the "Prospect" column, for a list that is not narrowed to one prospect. */
  showProspect: boolean;
  /** Shown in place of rows when there are none. */
  emptyMessage: string;
  sort: PhoneNumberSort;
  onSortChange: (sort: PhoneNumberSort) => void;
  /** 1-based. */
  page: number;
  pageSize: PageSize;
  /** The total the server counted, if it did. */
  count: number | undefined;
  hasNextPage: boolean;
  onNextPage: () => void;
  onPreviousPage: () => void;
  onPageSizeChange: (pageSize: PageSize) => void;
  /** The row's actions, in the last column; no such column without it. */
  renderActions: ((params: GridRenderCellParams<ListedPhoneNumber>) => ReactNode) | undefined;
  /** Whether the row's cells may be edited in place (its `meta.canWrite`, and no write under way). */
  isRowEditable: (row: ListedPhoneNumber) => boolean;
  /** Told when the user tries to edit (double click, Enter) a cell of an editable column they may not. */
  onReadOnlyCell: (row: ListedPhoneNumber) => void;
  /** Saves an edited cell; resolves with the row to show at once, rejects to keep the cell in edit mode. */
  processRowUpdate: (
    newRow: ListedPhoneNumber,
    oldRow: ListedPhoneNumber,
  ) => Promise<ListedPhoneNumber>;
  onProcessRowUpdateError: (error: unknown) => void;
  apiRef: RefObject<GridApi | null>;
  /** Rows with a change not saved yet, marked "Saving…", or "Waiting for network" while paused offline. */
  pendingWrites?: ReadonlyMap<number, { paused: boolean }> | undefined;
  /** As tall as its rows, instead of filling its container. */
  autoHeight: boolean;
  /** How tall the rows are; the grid's own, standard, when not given. */
  density?: GridDensity | undefined;
  /** Checkboxes to select rows for a bulk change (the rows the rep may change); none without it. */
  selection?: PhoneNumberGridSelection | undefined;
}

export interface PhoneNumberGridSelection {
  /** The selected ids, kept identical while they do not change. */
  model: GridRowSelectionModel;
  onChange: (model: GridRowSelectionModel) => void;
}

const SELECTION_SLOTS = { rowCheckbox: PhoneNumberRowCheckbox };

const isRowSelectable = ({ row }: GridRowParams<ListedPhoneNumber>) => row.canWrite;

const SORTING_ORDER: GridSortDirection[] = ['asc', 'desc'];

const isSortField = (field: string): field is PhoneNumberSortField =>
  PHONE_NUMBER_SORT_FIELDS.some((known) => known === field);

function sortModelOf(sort: PhoneNumberSort): GridSortModel {
  return sort.startsWith('-')
    ? [{ field: sort.slice(1), sort: 'desc' }]
    : [{ field: sort, sort: 'asc' }];
}

function sortOf(field: PhoneNumberSortField, direction: GridSortDirection): PhoneNumberSort {
  return direction === 'desc' ? `-${field}` : field;
}

const SAVING_ROW = 'phone-number-row--saving';
const OFFLINE_ROW = 'phone-number-row--offline';
const pendingMark = (theme: Theme, content: string) => ({
  content: `"${content}"`,
  marginLeft: theme.spacing(1),
  ...theme.typography.caption,
  color: theme.palette.text.secondary,
  whiteSpace: 'nowrap',
});

const CHECKBOX = `[data-field="${GRID_CHECKBOX_SELECTION_COL_DEF.field}"]`;
const NUMBER = '[data-field="number"]';
/** The row's checkbox and its Number: they stay at the left edge while the grid scrolls sideways. */
const STICKY = `:is(${CHECKBOX}, ${NUMBER})`;
const { cell, columnHeader, row } = gridClasses;
/** On the grid's root while its rows are scrolled sideways, some columns under the Number. */
const SCROLLED_SIDEWAYS = 'data-scrolled-sideways';

/**
 * The checkbox and Number cells, header and rows, stick to the left edge of the grid's scroller while
 * the other columns scroll under them (decision 0061). Opaque in the grid's own colours, in either
 * scheme: the rows' base colour (`:where`, so that the grid's states win), or the row's own when
 * hovered or selected, which the grid paints opaque.
 */
const stickyColumns = (theme: Theme) => {
  const base = `var(--DataGrid-t-color-background-base, ${theme.palette.background.paper})`;
  return {
    [`& .${columnHeader}${STICKY}, & .${cell}${STICKY}`]: { position: 'sticky', left: 0 },
    [`& ${CHECKBOX} + ${NUMBER}`]: { left: GRID_CHECKBOX_SELECTION_COL_DEF.width },
    // Above the headers' column separators, as the grid's own pinned headers are.
    [`& .${columnHeader}${STICKY}`]: {
      zIndex: 40,
      backgroundColor: `var(--DataGrid-t-header-background-base, ${base})`,
    },
    [`& .${cell}${STICKY}`]: { zIndex: 30 },
    [`& :where(.${cell}${STICKY})`]: { backgroundColor: base },
    [`& .${row}.Mui-selected > .${cell}${STICKY}`]: { backgroundColor: 'inherit' },
    // A touch screen leaves a touched row unpainted (the grid's rule), and the base colour stands.
    '@media (hover: hover)': {
      [`& .${row}:hover > .${cell}${STICKY}`]: { backgroundColor: 'inherit' },
    },
    // Where the grid scrolls sideways, an edge parts the Number from the columns that scroll, and once
    // some have gone under it, a shadow says so.
    [`& .${gridClasses['virtualScroller--hasScrollX']} :is(.${columnHeader}, .${cell})${NUMBER}`]: {
      borderRight: `1px solid ${theme.palette.divider}`,
    },
    [`&[${SCROLLED_SIDEWAYS}] :is(.${columnHeader}, .${cell})${NUMBER}`]: {
      boxShadow: `4px 0 4px -4px ${theme.palette.text.secondary}`,
    },
  };
};

// Links stay readable on the tinted background of a hovered row.
const gridStyle = (theme: Theme) => ({
  '& .MuiDataGrid-cell .MuiLink-root': {
    color: theme.palette.primary.dark,
    ...theme.applyStyles('dark', { color: theme.palette.primary.main }),
  },
  [`& .${SAVING_ROW} ${NUMBER}::after`]: pendingMark(theme, 'Saving…'),
  [`& .${OFFLINE_ROW} ${NUMBER}::after`]: pendingMark(theme, 'Waiting for network'),
  ...stickyColumns(theme),
});

/**
 * A cell, header or control given the focus partly under the sticky Number is scrolled out from under
 * it: the grid scrolls a cell into view as if nothing covered the scroller's left edge.
 */
function revealFromUnderNumber(event: FocusEvent) {
  if (!(event.target instanceof Element)) return;
  const focused = event.target.closest('[data-field]');
  const scroller = focused?.closest(`.${gridClasses.virtualScroller}`);
  const number = focused?.closest('[role="row"]')?.querySelector(NUMBER);
  if (!focused || !(scroller instanceof HTMLElement) || !number || focused.matches(STICKY)) return;
  const covered = number.getBoundingClientRect().right - focused.getBoundingClientRect().left;
  if (covered > 0) scroller.scrollLeft -= covered;
}

/** Marks the grid's root with SCROLLED_SIDEWAYS while its scroller is not at its left edge. */
function markScrolledSideways(this: HTMLElement, event: Event) {
  const scroller = event.target;
  if (scroller instanceof HTMLElement && scroller.classList.contains(gridClasses.virtualScroller)) {
    this.toggleAttribute(SCROLLED_SIDEWAYS, scroller.scrollLeft > 0);
  }
}

/**
 * One page of phone numbers in an MUI X DataGrid whose sorting and paging happen on the server: the grid
 * only reports what the user asked for, and cursor paging moves one page at a time.
 *
 * Every prop given to the DataGrid keeps its identity until what it says changes: the grid hands its
 * props to each cell, and a new object or function would render every cell again on each state change
 * around it (a mutation pending, a refetch), where only a changed row needs to.
 */
export function PhoneNumberGrid(props: PhoneNumberGridProps) {
  const { rows, loading, showProspect, emptyMessage, sort, page, pageSize, count, hasNextPage } =
    props;
  const { renderActions, isRowEditable } = props;
  const columns = useMemo(
    () => phoneNumberColumns({ showProspect, renderActions }),
    [showProspect, renderActions],
  );
  const sortModel = useMemo(() => sortModelOf(sort), [sort]);
  const paginationModel = useMemo(() => ({ page: page - 1, pageSize }), [page, pageSize]);
  // Nothing to count before the first rows arrive.
  const range =
    loading && rows.length === 0
      ? ''
      : pageRangeLabel((page - 1) * pageSize + 1, rows.length, count, hasNextPage);
  const localeText = useMemo(
    () => ({ noRowsLabel: emptyMessage, paginationDisplayedRows: () => range }),
    [emptyMessage, range],
  );
  const previousDisabled = loading || page === 1;
  const nextDisabled = loading || !hasNextPage;
  const slotProps = useMemo(
    () => ({
      main: { 'aria-busy': loading },
      // The pages are a way through the list: a landmark that says where one is ("1–50 of 145").
      footer: { role: 'navigation', 'aria-label': 'Phone number pages' },
      loadingOverlay: { variant: 'skeleton', noRowsVariant: 'skeleton' } as const,
      basePagination: {
        material: {
          slotProps: {
            actions: {
              previousButton: { disabled: previousDisabled },
              nextButton: { disabled: nextDisabled },
            },
          },
        },
      },
    }),
    [loading, previousDisabled, nextDisabled],
  );
  const { pendingWrites } = props;
  const getRowClassName = useCallback(
    ({ row }: GridRowClassNameParams<ListedPhoneNumber>) => {
      const write = pendingWrites?.get(row.id);
      if (write === undefined) return '';
      return write.paused ? OFFLINE_ROW : SAVING_ROW;
    },
    [pendingWrites],
  );
  const isCellEditable = useCallback(
    (params: GridCellParams<ListedPhoneNumber>) => isRowEditable(params.row),
    [isRowEditable],
  );

  // The handlers read the latest props when they are called; they never change themselves. Updated in an
  // insertion effect, which runs before any layout effect: the grid's own may call them.
  const latest = useRef(props);
  useInsertionEffect(() => {
    latest.current = props;
  });

  const handlePaginationModelChange = useCallback((model: GridPaginationModel) => {
    const current = latest.current;
    if (model.pageSize !== current.pageSize) {
      const size = PAGE_SIZES.find((known) => known === model.pageSize);
      if (size !== undefined) current.onPageSizeChange(size);
    } else if (model.page > current.page - 1) {
      if (current.hasNextPage) current.onNextPage();
    } else if (model.page < current.page - 1) {
      current.onPreviousPage();
    }
  }, []);

  // A cell that could be edited in another row but not in this one says why, where a grid says nothing.
  const explainReadOnly = useCallback((params: GridCellParams<ListedPhoneNumber>) => {
    if (params.colDef.editable === true && !params.isEditable && params.cellMode === 'view') {
      latest.current.onReadOnlyCell(params.row);
    }
  }, []);
  const handleCellKeyDown = useCallback(
    (params: GridCellParams<ListedPhoneNumber>, event: MuiEvent<KeyboardEvent>) => {
      if (event.key === 'Enter') explainReadOnly(params);
    },
    [explainReadOnly],
  );

  const handleSortModelChange = useCallback(([first]: GridSortModel) => {
    if (first && isSortField(first.field)) {
      latest.current.onSortChange(sortOf(first.field, first.sort));
    }
  }, []);

  // Every column is rendered, the rows still only those in view: the grid drops the columns left of
  // its viewport while it scrolls, and the sticky ones with them (decision 0061). The grid turns that
  // back on as it mounts, when autoHeight changes, and after fitting a column to its content, which is
  // why a double click on a column's edge fits nothing here (disableAutosize).
  const { apiRef, autoHeight } = props;
  useEffect(() => {
    apiRef.current?.unstable_setColumnVirtualization(false);
  }, [apiRef, autoHeight]);

  useEffect(() => {
    const root = apiRef.current?.rootElementRef.current;
    root?.addEventListener('focusin', revealFromUnderNumber);
    // A scroll does not bubble: heard on its way down to the scroller.
    root?.addEventListener('scroll', markScrolledSideways, { capture: true, passive: true });
    return () => {
      root?.removeEventListener('focusin', revealFromUnderNumber);
      root?.removeEventListener('scroll', markScrolledSideways, { capture: true });
    };
  }, [apiRef]);

  // The grid takes a controlled selection into its state in a passive effect, and its checkboxes show
  // it in a render scheduled after that: a click's tick came a task later than the click, and
  // Playwright's check(), reading it at once, saw it unticked. Taken in here, before the commit ends.
  const { selection } = props;
  const selectionModel = selection?.model;
  useLayoutEffect(() => {
    if (selectionModel !== undefined) apiRef.current?.setRowSelectionModel(selectionModel);
  }, [apiRef, selectionModel]);

  return (
    <DataGrid
      apiRef={apiRef}
      autoHeight={autoHeight}
      density={props.density}
      aria-label="Phone numbers"
      sx={gridStyle}
      rows={rows}
      columns={columns}
      loading={loading}
      sortingMode="server"
      sortModel={sortModel}
      sortingOrder={SORTING_ORDER}
      onSortModelChange={handleSortModelChange}
      disableColumnFilter
      disableAutosize
      paginationMode="server"
      // Cursor pages: the count stays unknown to the grid, which would otherwise move to the page it
      // computes from it; the buttons and the range below follow the server's links instead.
      rowCount={-1}
      paginationModel={paginationModel}
      onPaginationModelChange={handlePaginationModelChange}
      pageSizeOptions={PAGE_SIZES}
      disableRowSelectionOnClick
      checkboxSelection={selection !== undefined}
      isRowSelectable={isRowSelectable}
      // Rows selected on another page stay selected; the grid never selects by "all but these".
      keepNonExistentRowsSelected
      disableRowSelectionExcludeModel
      rowSelectionModel={selection?.model}
      onRowSelectionModelChange={selection?.onChange}
      slots={SELECTION_SLOTS}
      isCellEditable={isCellEditable}
      onCellDoubleClick={explainReadOnly}
      onCellKeyDown={handleCellKeyDown}
      getRowClassName={getRowClassName}
      processRowUpdate={props.processRowUpdate}
      onProcessRowUpdateError={props.onProcessRowUpdateError}
      localeText={localeText}
      slotProps={slotProps}
    />
  );
}
