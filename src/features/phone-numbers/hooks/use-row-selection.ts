import { useCallback, useMemo, useState } from 'react';
import type { GridRowSelectionModel } from '@mui/x-data-grid';
import type { PhoneNumberListParams } from '../api/get-phone-numbers';
import type { ListedPhoneNumber } from '../schemas/phone-number';

export interface RowSelection {
  /** The selected rows: as on screen now, or as they were when selected on another page. */
  rows: readonly ListedPhoneNumber[];
  /** "Select all N matching": every number of the view, on every page, not only these rows. */
  allMatching: boolean;
  /** The view the selection belongs to (its filters and sort; any page). */
  params: PhoneNumberListParams;
  /** For the grid. */
  model: GridRowSelectionModel;
  onChange: (model: GridRowSelectionModel) => void;
  selectAllMatching: () => void;
  /** The selection becomes these rows (those a bulk change could not change, say). */
  select: (rows: readonly ListedPhoneNumber[]) => void;
  clear: () => void;
}

interface Selected {
  view: string;
  byId: ReadonlyMap<number, ListedPhoneNumber>;
  allMatching: boolean;
}

/** The view without its page: a selection lasts through paging, not through another filter or sort. */
const viewOf = (params: PhoneNumberListParams) =>
  JSON.stringify({ ...params, after: undefined, before: undefined, pageSize: undefined });

/** The rows selected for a bulk change, kept across the pages of one view (decision 0063). */
export function useRowSelection(
  rows: readonly ListedPhoneNumber[],
  params: PhoneNumberListParams,
): RowSelection {
  const view = viewOf(params);
  const [stored, setSelected] = useState<Selected>(() => ({
    view,
    byId: new Map(),
    allMatching: false,
  }));
  const selected: Selected =
    stored.view === view ? stored : { view, byId: new Map(), allMatching: false };

  const model = useMemo<GridRowSelectionModel>(
    () => ({ type: 'include', ids: new Set(selected.byId.keys()) }),
    [selected.byId],
  );

  const selectedRows = useMemo(() => {
    const onScreen = new Map(rows.map((row) => [row.id, row]));
    return [...selected.byId.values()].map((row) => onScreen.get(row.id) ?? row);
  }, [rows, selected.byId]);

  const onChange = useCallback(
    (next: GridRowSelectionModel) => {
      const onScreen = new Map(rows.map((row) => [row.id, row]));
      setSelected((current) => {
        const before = current.view === view ? current.byId : new Map<number, ListedPhoneNumber>();
        const byId = new Map<number, ListedPhoneNumber>();
        for (const id of next.ids) {
          const row = onScreen.get(Number(id)) ?? before.get(Number(id));
          if (row !== undefined) byId.set(row.id, row);
        }
        return { view, byId, allMatching: false };
      });
    },
    [rows, view],
  );

  const select = useCallback(
    (chosen: readonly ListedPhoneNumber[]) => {
      setSelected({ view, byId: new Map(chosen.map((row) => [row.id, row])), allMatching: false });
    },
    [view],
  );

  const selectAllMatching = useCallback(() => {
    setSelected((current) => ({
      view,
      byId: current.view === view ? current.byId : new Map(),
      allMatching: true,
    }));
  }, [view]);

  return {
    rows: selectedRows,
    allMatching: selected.allMatching,
    params,
    model,
    onChange,
    selectAllMatching,
    select,
    clear: () => {
      select([]);
    },
  };
}
