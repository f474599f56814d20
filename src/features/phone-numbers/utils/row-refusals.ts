import type { ListedPhoneNumber } from '../schemas/phone-number';

/** What a refusal says where the API gives no reason (Outreach). */
export const NO_WRITE = "You don't have permission to change this prospect's phone numbers";
export const NO_DELETE = "You don't have permission to delete this prospect's phone numbers";

export type PhoneNumberMove = 'first' | 'up' | 'down';

/** Why each action of a row can't be used now; an action without a reason can. */
export interface RowActionRefusals {
  edit?: string | undefined;
  delete?: string | undefined;
  first?: string | undefined;
  up?: string | undefined;
  down?: string | undefined;
}

/** Why the numbers of this view can't be put in order, if they can't. */
export interface ReorderContext {
  /** Undefined when the rows on screen are all of one prospect's numbers, sorted by order. */
  refusal: string | undefined;
}

/** What a row's actions may not do, and why, given its flags and its place among the rows on screen. */
export function refusalsOf(
  row: ListedPhoneNumber,
  index: number,
  rows: readonly ListedPhoneNumber[],
  reorder: ReorderContext,
): RowActionRefusals {
  const edit = row.canWrite ? undefined : (row.writeRefusal ?? NO_WRITE);
  const move = edit ?? reorder.refusal;
  const first = index === 0;
  const last = index === rows.length - 1;
  return {
    edit,
    delete: row.canDelete ? undefined : (row.deleteRefusal ?? NO_DELETE),
    first: move ?? (first ? 'This is already the primary number' : undefined),
    up: move ?? (first ? 'This is already the first number' : undefined),
    down: move ?? (last ? 'This is already the last number' : undefined),
  };
}

/** Why the row can't be selected for a bulk change, if it can't: a change of the selection writes it. */
export function selectionRefusal(row: ListedPhoneNumber): string | undefined {
  return row.canWrite ? undefined : (row.writeRefusal ?? NO_WRITE);
}
