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

/** "Add user": the new person's email, names and role. */
export class AddUserDialog {
  readonly dialog: Locator;
  readonly email: Locator;
  readonly firstName: Locator;
  readonly lastName: Locator;
  readonly role: Locator;
  readonly addButton: Locator;
  readonly cancelButton: Locator;

  constructor(page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Add user' });
    this.email = this.dialog.getByLabel('Email');
    this.firstName = this.dialog.getByLabel('First name');
    this.lastName = this.dialog.getByLabel('Last name');
    this.role = this.dialog.getByRole('combobox', { name: 'Role' });
    this.addButton = this.dialog.getByRole('button', { name: 'Add', exact: true });
    this.cancelButton = this.dialog.getByRole('button', { name: 'Cancel' });
  }

  /** Types the person in and adds them. */
  async add(person: {
    email: string;
    firstName: string;
    lastName: string;
    role: 'Admin' | 'Rep' | 'Viewer';
  }) {
    await this.email.fill(person.email);
    await this.firstName.fill(person.firstName);
    await this.lastName.fill(person.lastName);
    await this.role.selectOption({ label: person.role });
    await this.addButton.click();
  }
}

/** /users, an admin's page: each user's name, email, role, last sign-in and whether active. */
export class UsersPage {
  readonly heading: Locator;
  readonly table: Locator;
  /** The app bar's link here, shown to admins only. */
  readonly usersLink: Locator;

  /** Opens "Add user". */
  readonly addUserButton: Locator;

  constructor(private readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: 'Users' });
    this.addUserButton = page.getByRole('button', { name: 'Add user' });
    this.table = page.getByRole('table', { name: 'Users' });
    this.usersLink = page
      .getByRole('banner')
      .getByRole('navigation', { name: 'Pages' })
      .getByRole('link', { name: 'Users' });
  }

  async goto() {
    await this.page.goto('/users');
  }

  async openAddUser(): Promise<AddUserDialog> {
    await this.addUserButton.click();
    return new AddUserDialog(this.page);
  }

  /** The snackbar that says someone was added. */
  addedNotice(name: string): Locator {
    return this.page.getByRole('alert').filter({ hasText: `Added ${name}` });
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
