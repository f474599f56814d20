import { screen, within } from '@testing-library/react';

/** The "Phone numbers" grid on screen. */
export const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });

function found<T>(element: T | null, what: string): T {
  if (element === null) throw new Error(`No ${what} on screen`);
  return element;
}

/** The row whose number link reads `shown`, once it is there. */
export const rowOf = async (shown: string) =>
  found(
    (await within(grid()).findByRole('link', { name: shown })).closest<HTMLElement>('[role="row"]'),
    `row of ${shown}`,
  );

/** A row's cell of a field (`phoneType`, `status`, …). */
export const cellOf = (row: HTMLElement, field: string) =>
  found(
    row.querySelector<HTMLElement>(`[role="gridcell"][data-field="${field}"]`),
    `${field} cell`,
  );
