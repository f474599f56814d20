import type { Locator, Page } from '@playwright/test';

/** The confirmation before someone is deactivated or reactivated, titled with their name. */
export class UserStatusDialog {
  readonly dialog: Locator;
  readonly confirmButton: Locator;
  readonly cancelButton: Locator;
  /** Why the server refused, shown in the dialog. */
  readonly failure: Locator;

  constructor(page: Page, verb: 'Deactivate' | 'Reactivate', name: string) {
    this.dialog = page.getByRole('dialog', { name: `${verb} ${name}?` });
    this.confirmButton = this.dialog.getByRole('button', { name: verb, exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
    this.failure = this.dialog.getByRole('alert');
  }
}

/** /users, an admin's page: each user's name, email, role, last sign-in and whether active. */
export class UsersPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The app bar's link here, shown to admins only. */
  readonly usersLink: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Users' });
    this.table = page.getByRole('table', { name: 'Users' });
    this.usersLink = page
      .getByRole('banner')
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Users' });
  }

  async goto() {
    await this.page.goto('/users');
  }

  /** A user's row, by the name that heads it. */
  row(name: string): Locator {
    return this.table
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The select of a user's role; its value is the API's (admin, rep, viewer). */
  roleOf(name: string): Locator {
    return this.row(name).getByRole('combobox', { name: `Role of ${name}` });
  }

  /** Why a role change of this user was refused, in their row. */
  roleRefusal(name: string): Locator {
    return this.row(name).getByRole('alert');
  }

  /** "Active" or "Deactivated". */
  activeCell(name: string): Locator {
    // The name heads the row; the cells after it: Email, Role, Last sign-in, Active, actions.
    return this.row(name).getByRole('cell').nth(3);
  }

  statusButton(name: string, verb: 'Deactivate' | 'Reactivate'): Locator {
    return this.row(name).getByRole('button', { name: verb, exact: true });
  }

  /** Opens the confirmation to deactivate or reactivate someone. */
  async askTo(verb: 'Deactivate' | 'Reactivate', name: string): Promise<UserStatusDialog> {
    await this.statusButton(name, verb).click();
    return new UserStatusDialog(this.page, verb, name);
  }
}
