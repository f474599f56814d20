import { formatInternational } from '@contract/phone-number-format';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import type { PhoneNumberMove, RowActionRefusals } from './row-refusals';

/** How a row's number is named in its actions' labels: "+1 415 555 0100", or "phone number 12". */
export const shownNumber = (row: ListedPhoneNumber) =>
  row.number === null ? `phone number ${row.id}` : formatInternational(row.number);

/** What a row's actions do, wherever they are offered: the grid's buttons, the phone list's menu. */
export interface RowActionHandlers {
  onEdit: (row: ListedPhoneNumber) => void;
  onDelete: (row: ListedPhoneNumber) => void;
  onMove: (row: ListedPhoneNumber, move: PhoneNumberMove) => void;
}

export interface RowAction {
  /** Which of the row's refusals gates it. */
  key: keyof RowActionRefusals;
  /** Its name in a menu that is already the number's: "Make primary". */
  name: string;
  /** Its name on its own, after the number: "Make +1 415 555 0100 primary". */
  label: (shown: string) => string;
  run: (handlers: RowActionHandlers, row: ListedPhoneNumber) => void;
}

/** A row's actions, in the order they are offered. */
export const ROW_ACTIONS: readonly RowAction[] = [
  {
    key: 'edit',
    name: 'Edit',
    label: (shown) => `Edit ${shown}`,
    run: (handlers, row) => {
      handlers.onEdit(row);
    },
  },
  {
    key: 'delete',
    name: 'Delete',
    label: (shown) => `Delete ${shown}`,
    run: (handlers, row) => {
      handlers.onDelete(row);
    },
  },
  {
    key: 'first',
    name: 'Make primary',
    label: (shown) => `Make ${shown} primary`,
    run: (handlers, row) => {
      handlers.onMove(row, 'first');
    },
  },
  {
    key: 'up',
    name: 'Move up',
    label: (shown) => `Move ${shown} up`,
    run: (handlers, row) => {
      handlers.onMove(row, 'up');
    },
  },
  {
    key: 'down',
    name: 'Move down',
    label: (shown) => `Move ${shown} down`,
    run: (handlers, row) => {
      handlers.onMove(row, 'down');
    },
  },
];
