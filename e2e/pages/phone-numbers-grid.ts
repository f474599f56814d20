import type { FrameLocator, Locator, Page } from '@playwright/test';
import { DeleteDialog } from './delete-dialog';
import { PhoneNumberDialog } from './phone-number-dialog';

/**
 * Where a grid is found: the page itself (the app, the prospect page, the custom element, whose open shadow
 * root role locators pierce) or a frame (the iframe and Outreach embeddings).
 */
export type GridRoot = Page | FrameLocator;

export type ColumnName =
  | 'Number'
  | 'Type'
  | 'Extension'
  | 'Country'
  | 'Status'
  | 'Order'
  | 'Updated'
  | 'Prospect'
  | 'Actions';

/** The columns whose cells are edited in place. */
export type EditableColumn = 'Number' | 'Type' | 'Extension' | 'Country' | 'Status';

/** The buttons of a row's Actions cell. */
export type RowAction = 'Edit' | 'Delete' | 'Make primary' | 'Move up' | 'Move down';

const ACTION_NAMES: Record<RowAction, [before: string, after: string]> = {
  Edit: ['Edit ', ''],
  Delete: ['Delete ', ''],
  'Make primary': ['Make ', ' primary'],
  'Move up': ['Move ', ' up'],
  'Move down': ['Move ', ' down'],
};

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The cells of a column in the rows a locator matches. A cell names no column: the grid ties it to its
 * header by aria-colindex, so the header is looked up by its name each time the locator is resolved,
 * wherever the column is then (moved, or after a column before it was hidden). XPath, because no role
 * or CSS locator can compare two elements' attributes; it runs from the row, inside a shadow root too.
 */
function cellsOf(rows: Locator, column: ColumnName): Locator {
  const header = `ancestor::*[@role="grid"][1]//*[@role="columnheader"][starts-with(normalize-space(), "${column}")]`;
  return rows.locator(`xpath=.//*[@role="gridcell"][@aria-colindex = ${header}/@aria-colindex]`);
}

/**
 * The "Phone numbers" grid with what goes with it wherever it is shown: its rows, cells and actions, cell
 * editing, Add and its dialog, the Edit and Delete dialogs, the snackbar with Undo, and its pages.
 */
export class PhoneNumbersGrid {
  readonly grid: Locator;
  /** The data rows the grid has rendered (it renders those in view). */
  readonly rows: Locator;
  /** What the grid says in place of rows when there are none. */
  readonly emptyMessage: Locator;
  /** Aria-disabled, and described by the reason, where the view or the user does not allow adding. */
  readonly addButton: Locator;
  readonly addDialog: PhoneNumberDialog;
  readonly editDialog: PhoneNumberDialog;
  readonly deleteDialog: DeleteDialog;
  /** The input of the cell being edited: a text cell's textbox or a select cell's combobox. */
  readonly cellEditor: Locator;
  /** Why the cell being edited refuses its value: the rules' message, or the server's. */
  readonly cellError: Locator;
  /** The cell being edited. */
  readonly editingCell: Locator;
  /** What a write says ("Deleted +1 …", "Type of +1 … changed to Mobile"): closed, or undone, by a button. */
  readonly snackbar: Locator;
  /** The snackbar's "Undo", after a delete or a cell's edit. */
  readonly undoButton: Locator;
  readonly loadError: Locator;
  readonly retryButton: Locator;
  /** The grid's "Select columns" panel, which a column's menu opens with "Manage columns". */
  readonly columnsPanel: Locator;
  /** "1 change waiting for the network, not saved yet…", while changes wait to be sent. */
  readonly pendingChanges: Locator;
  /** "Too many requests — trying again in 5 s", while a 429 is waited out. */
  readonly rateLimitNotice: Locator;
  /** "Your change to … wasn't saved: your session had ended.", with "Apply your change again". */
  readonly keptChange: Locator;
  /** The first header of a grid whose rows can be selected: the checkbox that selects the page's rows. */
  readonly selectAllCheckbox: Locator;

  constructor(protected readonly root: GridRoot) {
    this.grid = root.getByRole('grid', { name: 'Phone numbers' });
    this.rows = this.grid.getByRole('rowgroup').last().getByRole('row');
    this.emptyMessage = this.grid.getByText(/^No phone numbers /);
    this.addButton = root.getByRole('button', { name: 'Add phone number' });
    this.addDialog = new PhoneNumberDialog(root, 'Add phone number');
    this.editDialog = new PhoneNumberDialog(root, 'Edit phone number');
    this.deleteDialog = new DeleteDialog(root);
    this.cellEditor = this.grid.getByRole('textbox').or(this.grid.getByRole('combobox'));
    this.cellError = root.getByRole('tooltip').getByRole('alert');
    // By the grid's class: while a select cell's menu is open, the grid is hidden from roles.
    this.editingCell = root.locator('.MuiDataGrid-cell--editing');
    this.snackbar = root
      .getByRole('alert')
      .filter({ has: root.getByRole('button', { name: /^(Close|Undo)$/ }) });
    this.undoButton = this.snackbar.getByRole('button', { name: 'Undo' });
    this.loadError = root.getByRole('alert').filter({ hasText: "Couldn't load phone numbers" });
    this.retryButton = this.loadError.getByRole('button', { name: 'Retry' });
    this.columnsPanel = root.getByRole('dialog', { name: 'Select columns' });
    this.pendingChanges = root.getByRole('status').filter({ hasText: 'waiting for the network' });
    this.rateLimitNotice = root.getByRole('status').filter({ hasText: /^Too many requests/ });
    this.keptChange = root.getByRole('alert').filter({ hasText: 'your session had ended' });
    this.selectAllCheckbox = this.grid.getByRole('checkbox', { name: 'Select all rows' });
  }

  /** A number's link to dial it, by how the grid shows it ("+44 20 7946 0123"). */
  numberLink(shown: string): Locator {
    return this.grid.getByRole('link', { name: shown, exact: true });
  }

  /**
   * Why a number is not to be called, where the grid shows it without a link: the crossed-out phone
   * before it, named by the reason ("Do not call", "Prospect opted out of calls").
   */
  callBlock(shown: string): Locator {
    return this.cell(shown, 'Number').getByRole('img');
  }

  /** The row of a number, found by how it is shown ("+1 303 555 0141"), with a link to dial or without. */
  row(number: string): Locator {
    return this.rows.filter({ has: this.root.getByText(number, { exact: true }) });
  }

  /**
   * A button of a row's Actions cell, named after the number without its extension ("+1 303 555 0141").
   * A refused one is aria-disabled, and its accessible description says why.
   */
  rowAction(action: RowAction, number: string): Locator {
    const [before, after] = ACTION_NAMES[action];
    return this.grid.getByRole('button', { name: `${before}${number}${after}`, exact: true });
  }

  /** That action's button in every row the grid has rendered. */
  actionsOfEveryRow(action: RowAction): Locator {
    const [before, after] = ACTION_NAMES[action];
    return this.grid.getByRole('button', {
      name: new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`),
    });
  }

  /** The cell of a column in a number's row. */
  cell(number: string, column: ColumnName): Locator {
    return cellsOf(this.row(number), column);
  }

  /**
   * Opens a cell for editing as a mouse user does, with a double click: at its right end, away from the
   * Number cell's link, which a click would follow to the phone.
   */
  async startEditing(number: string, column: EditableColumn) {
    const cell = this.cell(number, column);
    const box = await cell.boundingBox();
    await cell.dblclick(box ? { position: { x: box.width - 8, y: box.height / 2 } } : {});
  }

  /** Types a value into a text cell (Number, Extension) and commits it with Enter. */
  async editCell(number: string, column: 'Number' | 'Extension', value: string) {
    await this.startEditing(number, column);
    await this.cellEditor.fill(value);
    await this.cellEditor.press('Enter');
  }

  /** Chooses a value in a select cell (Type, Country, Status), which commits it. */
  async chooseInCell(number: string, column: 'Type' | 'Country' | 'Status', option: string) {
    await this.startEditing(number, column);
    await this.root.getByRole('option', { name: option, exact: true }).click();
  }

  /**
   * The colours the cell being edited paints its edges in: each outline, border and inset shadow of the
   * cell and what it holds, as `rgb(…)` strings.
   */
  async editingCellEdgeColours(): Promise<string[]> {
    return this.editingCell.evaluate((cell) =>
      [cell, ...cell.querySelectorAll('*')].flatMap((element) => {
        const style = getComputedStyle(element);
        const pseudo = ['::before', '::after'].map((name) => getComputedStyle(element, name));
        return [style, ...pseudo].flatMap((s) => [
          ...(s.outlineStyle !== 'none' && s.outlineWidth !== '0px' ? [s.outlineColor] : []),
          ...(['Top', 'Right', 'Bottom', 'Left'] as const)
            .filter(
              (side) => s[`border${side}Style`] !== 'none' && s[`border${side}Width`] !== '0px',
            )
            .map((side) => s[`border${side}Color`]),
          ...(s.boxShadow.match(/rgba?\([^)]*\)/g) ?? []),
        ]);
      }),
    );
  }

  /** Types into the Country cell's search, key by key as a rep does, without choosing anything. */
  async typeInCountryCell(number: string, text: string) {
    await this.startEditing(number, 'Country');
    await this.cellEditor.pressSequentially(text);
  }

  /** A column's header; a sorted one is also named by its "Sort" button, hence the prefix. */
  columnHeader(name: ColumnName): Locator {
    return this.grid.getByRole('columnheader', { name: new RegExp(`^${name}( |$)`) });
  }

  /** Opens the columns panel from a column's menu, whose button shows as the header is hovered. */
  async openColumnsPanel(from: ColumnName) {
    await this.columnHeader(from).hover();
    await this.columnHeader(from)
      .getByRole('button', { name: `${from} column menu` })
      .click();
    await this.root.getByRole('menuitem', { name: 'Manage columns' }).click();
  }

  /** The cells of a column in the rendered rows, top to bottom. */
  cells(name: ColumnName): Locator {
    return cellsOf(this.rows, name);
  }

  /**
   * What a rep cannot read of the Number column where the grid shows rows: for its header and each row
   * in view, "row N: …" when its Number cell is not rendered, lies outside the grid, has something else
   * on top at its centre, or lets what scrolls under it show through (a background not opaque). Read in
   * one go, at whatever moment it is called: while the grid scrolls too.
   */
  numberColumnOutOfSight(): Promise<string[]> {
    return this.grid.evaluate((grid) => {
      const header = [...grid.querySelectorAll('[role="columnheader"]')].find((each) =>
        each.textContent.trim().startsWith('Number'),
      );
      if (header === undefined) return ['no Number header'];
      const column = header.getAttribute('aria-colindex');
      const gridBox = grid.getBoundingClientRect();
      const headerBottom = header.getBoundingClientRect().bottom;
      const pages = grid.querySelector('[role="navigation"]');
      // The sideways scrollbar, up to 16 px, lies over the last pixels above the pages.
      const rowsBottom =
        Math.min(pages?.getBoundingClientRect().top ?? gridBox.bottom, innerHeight) - 16;
      const body = [...grid.querySelectorAll('[role="rowgroup"]')].at(-1);
      const rows = [...(body?.querySelectorAll('[role="row"]') ?? [])].filter((row) => {
        const box = row.getBoundingClientRect();
        const middle = box.top + box.height / 2;
        return middle > headerBottom && middle < rowsBottom;
      });
      const problems: string[] = [];
      for (const [name, cell] of [
        ['header', header] as const,
        ...rows.map(
          (row) =>
            [
              `row ${row.getAttribute('aria-rowindex')}`,
              row.querySelector(`[role="gridcell"][aria-colindex="${column}"]`),
            ] as const,
        ),
      ]) {
        if (cell === null) {
          problems.push(`${name}: no Number cell`);
          continue;
        }
        const box = cell.getBoundingClientRect();
        const x = box.left + box.width / 2;
        const y = box.top + box.height / 2;
        if (box.left < gridBox.left - 1 || box.right > gridBox.right + 1) {
          problems.push(`${name}: outside the grid, at x ${Math.round(box.left)}`);
        } else if (!cell.contains(document.elementFromPoint(x, y))) {
          problems.push(`${name}: covered`);
        } else {
          // rgba(…, alpha), or color(srgb … / alpha) for a colour the grid mixes; opaque without one.
          const colour = getComputedStyle(cell).backgroundColor;
          const [, rgba, mixed] = /^rgba\(.*,\s*([\d.]+)\)$|\/\s*([\d.]+)\)$/.exec(colour) ?? [];
          const alpha = Number(rgba ?? mixed ?? 1);
          if (alpha < 1) problems.push(`${name}: see-through, ${colour}`);
        }
      }
      return problems;
    });
  }

  /** The Number cells of the rendered rows, top to bottom: each reads as the number is shown. */
  shownNumbers(): Locator {
    return this.cells('Number');
  }

  /** Adds a number through the "Add phone number" dialog: what is given, the dialog's defaults otherwise. */
  async add(fields: Parameters<PhoneNumberDialog['fill']>[0]) {
    await this.addButton.click();
    await this.addDialog.fill(fields);
    await this.addDialog.save();
  }

  /** Deletes a number, by how the grid shows it, through its row's Delete and the confirmation. */
  async delete(number: string) {
    await this.rowAction('Delete', number).click();
    await this.deleteDialog.confirm();
  }
}
