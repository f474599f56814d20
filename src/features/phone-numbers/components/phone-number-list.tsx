import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { usePrefetchQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Tooltip from '@mui/material/Tooltip';
import { GridAddIcon } from '@mui/x-data-grid';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { RateLimitNotice } from '@/components/rate-limit-notice';
import { useApiClient } from '@/lib/api-client-context';
import { formatInteger } from '@/lib/format';
import { isoCountryOrDefault } from '@contract/iso-countries';
import { useNarrow } from '@/lib/use-narrow';
import { useOnlineStatus } from '@/lib/use-online-status';
import { phoneNumberListParams } from '../api/get-phone-numbers';
import { phoneNumberQueries } from '../api/phone-number-queries';
import { usePendingPhoneNumberWrites } from '../api/phone-number-writes';
import {
  changeView,
  firstPage,
  nextPage,
  previousPage,
  sortOf,
  type PhoneNumberListState,
} from '../schemas/phone-number-list-state';
import type { SetPhoneNumberListState } from '../hooks/use-phone-number-list-state';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { describeLoadError, isCursorRefusal } from '../utils/describe-load-error';
import { CellServerErrorContext } from './phone-number-edit-cell';
import { usePhoneNumberEditing } from '../hooks/use-phone-number-editing';
import { PhoneNumberEditingDialogs } from './phone-number-editing-dialogs';
import type { PhoneNumberChange, PhoneNumberFailure } from '../types/phone-number-events';
import { ExportPhoneNumbersButton } from './export-phone-numbers-button';
import { ImportPhoneNumbersButton } from './import-phone-numbers-button';
import { KeptChangesNotice } from './kept-changes-notice';
import { PendingChangesNotice } from './pending-changes-notice';
import { PhoneNumberGrid } from './phone-number-grid';
import { useReportLoadFailure } from '../hooks/use-report-load-failure';
import { useRowSelection } from '../hooks/use-row-selection';

const NO_ROWS: readonly ListedPhoneNumber[] = [];

/** The same height in every state, so that nothing below moves when rows arrive. */
const GRID_HEIGHT = 'max(420px, calc(100dvh - 270px))';

/** Narrower than this (CSS pixels), the numbers are a list, not a grid (decision 0061). */
const NARROW_WIDTH = 600;

// What the selected rows can be made to do loads once a first row is selected (decision 0063).
const PhoneNumberBulkActions = lazy(() => import('./phone-number-bulk-actions'));

const PhoneNumberCards = lazy(() =>
  import('./phone-number-cards').then(({ PhoneNumberCards }) => ({ default: PhoneNumberCards })),
);

export interface PhoneNumberListProps {
  state: PhoneNumberListState;
  onStateChange: SetPhoneNumberListState;
  /** The prospect the view is narrowed to, once loaded: where "Add phone number" adds. */
  prospect?: PhoneNumberListProspect | undefined;
  /** Shows the numbers only: no Add button, no actions, no editable cells. */
  readOnly?: boolean | undefined;
  /** Told after each change the server has accepted. */
  onChange?: ((change: PhoneNumberChange) => void) | undefined;
  /** Told of each load, and each write, that failed. */
  onError?: ((failure: PhoneNumberFailure) => void) | undefined;
  /**
   * As tall as its rows (a panel inside another page, an iframe sized to its content) rather than the
   * height the page leaves it.
   */
  fitContent?: boolean | undefined;
  /** Why the user may import no numbers at all (a viewer), when the page knows; Import CSV says it. */
  importRefusal?: string | undefined;
}

/** What the list needs to know of the prospect it is narrowed to. */
export interface PhoneNumberListProspect {
  id: number;
  /** Free text in Outreach; a new number's country defaults to it when it is an ISO code. */
  addressCountry: string | null;
  /** The prospect's `meta.canWrite`: may the user add, change and delete its phone numbers. */
  canWritePhoneNumbers: boolean;
  /** Why not, naming who can ("Sam Rep owns this prospect…"), when the API says. */
  phoneNumbersRefusal?: string | null | undefined;
}

/** Whether the view is narrowed by a filter other than the prospect or Find a number. */
function isFiltered(state: PhoneNumberListState): boolean {
  return (
    state.types.length > 0 ||
    state.statuses.length > 0 ||
    state.countries.length > 0 ||
    state.owner !== undefined
  );
}

/** Why the order actions can't be used in this view, if they can't. */
function reorderRefusal(state: PhoneNumberListState, hasNextPage: boolean): string | undefined {
  if (state.prospect === undefined) return 'Choose a prospect to put its numbers in order';
  if (sortOf(state) !== 'order') return 'Sort by Order to put the numbers in order';
  if (isFiltered(state) || state.number !== undefined) {
    return 'Clear the filters to put the numbers in order';
  }
  if (state.page > 1 || hasNextPage)
    return "Show all the prospect's numbers on one page to order them";
  return undefined;
}

function emptyMessageOf(state: PhoneNumberListState): string {
  const filtered = isFiltered(state);
  if (state.number !== undefined) {
    return `No phone numbers match ${state.number}${filtered ? ' with these filters' : ''}`;
  }
  if (filtered) {
    return 'No phone numbers match these filters';
  }
  return state.prospect === undefined
    ? 'There are no phone numbers yet'
    : 'No phone numbers for this prospect yet';
}

function phoneNumbers(count: number): string {
  return `${formatInteger(count)} ${count === 1 ? 'phone number' : 'phone numbers'}`;
}

interface LoadErrorProps {
  title: string;
  error: Error;
  onRetry: () => void;
}

function LoadError({ title, error, onRetry }: LoadErrorProps) {
  return (
    <Alert
      severity="error"
      action={
        <Button color="inherit" size="small" onClick={onRetry}>
          Retry
        </Button>
      }
    >
      <AlertTitle>{title}</AlertTitle>
      {describeLoadError(error)}
    </Alert>
  );
}

/**
 * The phone numbers of a view of the grid, in every state a load can be in: loading, shown, empty,
 * failed, refused, and offline with the last rows kept. The view comes from, and goes back to, the URL.
 */
export function PhoneNumberList({
  state,
  onStateChange,
  prospect,
  readOnly,
  onChange,
  onError,
  fitContent = false,
  importRefusal,
}: PhoneNumberListProps) {
  const client = useApiClient();
  const queryClient = useQueryClient();
  const online = useOnlineStatus();
  const pendingWrites = usePendingPhoneNumberWrites();
  const params = useMemo(() => phoneNumberListParams(state), [state]);
  // Asked for while rendering, so the request is under way while the grid below mounts, not after.
  usePrefetchQuery(phoneNumberQueries.list(client, params));
  const { data, error, isPending, isPlaceholderData, refetch } = useQuery(
    phoneNumberQueries.list(client, params),
  );
  const cursorRefused =
    isCursorRefusal(error) && (state.after !== undefined || state.before !== undefined);

  useEffect(() => {
    if (cursorRefused) onStateChange(firstPage(state), { replace: true });
  }, [cursorRefused, state, onStateChange]);

  // A refused cursor is not a failure: the view goes back to the first page.
  useReportLoadFailure(cursorRefused ? null : error, onError);

  const nextCursor = isPlaceholderData ? undefined : data?.nextCursor;
  useEffect(() => {
    if (nextCursor === undefined) return;
    // The next page is ready before it is asked for; a failed prefetch is simply fetched again then.
    queryClient
      .query(phoneNumberQueries.list(client, { ...params, after: nextCursor, before: undefined }))
      .catch(() => undefined);
  }, [client, queryClient, params, nextCursor]);

  const loading = isPending || isPlaceholderData || cursorRefused;
  const reorder = useMemo(
    () => ({ refusal: reorderRefusal(state, nextCursor !== undefined) }),
    [state, nextCursor],
  );
  const editing = usePhoneNumberEditing({
    rows: data?.phoneNumbers ?? NO_ROWS,
    readOnly,
    onChange,
    onError,
    reorder,
    prospect:
      prospect === undefined || prospect.id !== state.prospect
        ? undefined
        : {
            id: prospect.id,
            canWritePhoneNumbers: prospect.canWritePhoneNumbers,
            refusal: prospect.phoneNumbersRefusal ?? null,
            defaultCountry: isoCountryOrDefault(prospect.addressCountry),
          },
  });
  const { rows } = editing;
  const [measured, narrow] = useNarrow(NARROW_WIDTH);
  // Numbers deleted a moment ago (the undo window) are not counted while the server still counts them.
  const count = data?.count === undefined ? undefined : data.count - editing.hiddenCount;
  const emptyMessage = emptyMessageOf(state);
  const selection = useRowSelection(rows, params);
  // The phone list has no checkboxes: its rows are changed one at a time.
  const selecting = readOnly !== true && !narrow;
  const { model: selectionModel, onChange: onSelectionChange } = selection;
  const gridSelection = useMemo(
    () => (selecting ? { model: selectionModel, onChange: onSelectionChange } : undefined),
    [selecting, selectionModel, onSelectionChange],
  );
  const [bulkLoaded, setBulkLoaded] = useState(false);
  if (selecting && !bulkLoaded && selection.rows.length > 0) setBulkLoaded(true);
  const retry = () => void refetch();

  let summary = '';
  if (loading) summary = 'Loading phone numbers…';
  else if (data && rows.length === 0) summary = emptyMessage;
  else if (data) summary = phoneNumbers(count ?? rows.length);

  return (
    <Stack spacing={2}>
      {online ? null : (
        <Alert severity="warning">
          You&apos;re offline. The phone numbers shown are the ones loaded last; they will update
          when the connection is back.
        </Alert>
      )}
      <RateLimitNotice />
      <PendingChangesNotice />
      {readOnly === true ? null : <KeptChangesNotice />}
      {error && data !== undefined && !cursorRefused ? (
        <LoadError title="Couldn't refresh the phone numbers" error={error} onRetry={retry} />
      ) : null}
      {readOnly === true ? null : (
        <Stack
          direction="row"
          spacing={1}
          useFlexGap
          sx={{ justifyContent: 'flex-end', flexWrap: 'wrap' }}
        >
          <ExportPhoneNumbersButton state={state} />
          <ImportPhoneNumbersButton refusal={importRefusal} />
          {editing.canAdd ? (
            <Tooltip title={editing.addRefusal ?? ''} describeChild>
              <Button
                variant="contained"
                startIcon={<GridAddIcon />}
                aria-disabled={editing.addRefusal === undefined ? undefined : true}
                aria-description={editing.addRefusal}
                sx={
                  editing.addRefusal === undefined
                    ? undefined
                    : { opacity: 0.5, cursor: 'not-allowed' }
                }
                onClick={() => {
                  if (editing.addRefusal === undefined) editing.openAddDialog();
                }}
              >
                Add phone number
              </Button>
            </Tooltip>
          ) : null}
        </Stack>
      )}
      {selecting && bulkLoaded ? (
        <Suspense fallback={null}>
          <PhoneNumberBulkActions
            selection={selection}
            pageRows={rows}
            count={count}
            say={editing.say}
            onChange={onChange}
          />
        </Suspense>
      ) : null}
      <Box role="status" sx={visuallyHidden}>
        {summary}
      </Box>
      <Box ref={measured} sx={fitContent || narrow ? undefined : { height: GRID_HEIGHT }}>
        {error && data === undefined && !cursorRefused ? (
          <LoadError title="Couldn't load phone numbers" error={error} onRetry={retry} />
        ) : narrow ? (
          <Suspense fallback={null}>
            <PhoneNumberCards
              rows={rows}
              loading={loading}
              showProspect={state.prospect === undefined}
              emptyMessage={emptyMessage}
              sort={sortOf(state)}
              onSortChange={(sort) => {
                onStateChange((current) => changeView(current, { sort }));
              }}
              actions={editing.actions}
              page={state.page}
              pageSize={state.size}
              count={count}
              hasNextPage={nextCursor !== undefined}
              onNextPage={() => {
                if (nextCursor !== undefined) onStateChange(nextPage(state, nextCursor));
              }}
              onPreviousPage={() => {
                onStateChange(previousPage(state, data?.prevCursor));
              }}
            />
          </Suspense>
        ) : (
          <CellServerErrorContext value={editing.cellServerError}>
            <PhoneNumberGrid
              {...editing.grid}
              pendingWrites={pendingWrites.byId}
              selection={gridSelection}
              autoHeight={fitContent}
              density={state.density}
              rows={rows}
              loading={loading}
              showProspect={state.prospect === undefined}
              emptyMessage={emptyMessage}
              sort={sortOf(state)}
              onSortChange={(sort) => {
                onStateChange((current) => changeView(current, { sort }));
              }}
              page={state.page}
              pageSize={state.size}
              count={count}
              hasNextPage={nextCursor !== undefined}
              onNextPage={() => {
                if (nextCursor !== undefined) onStateChange(nextPage(state, nextCursor));
              }}
              onPreviousPage={() => {
                onStateChange(previousPage(state, data?.prevCursor));
              }}
              onPageSizeChange={(size) => {
                onStateChange((current) => changeView(current, { size }));
              }}
            />
          </CellServerErrorContext>
        )}
      </Box>
      <PhoneNumberEditingDialogs {...editing.dialogs} />
    </Stack>
  );
}
