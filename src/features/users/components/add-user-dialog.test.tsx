import { screen, waitFor, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import { demoUsers, USERS_URL, usersEndpoint } from '../testing/user-documents';
import { UsersTable } from './users-table';

function renderTable() {
  const endpoint = usersEndpoint(demoUsers());
  server.use(...endpoint.handlers);
  return { ...renderWithProviders(<UsersTable />), endpoint };
}

/** Opens "Add user" and finds its fields by their labels. */
async function openDialog(user: ReturnType<typeof renderTable>['user']) {
  await user.click(await screen.findByRole('button', { name: 'Add user' }));
  const dialog = screen.getByRole('dialog', { name: 'Add user' });
  return {
    dialog,
    email: within(dialog).getByRole('textbox', { name: 'Email' }),
    firstName: within(dialog).getByRole('textbox', { name: 'First name' }),
    lastName: within(dialog).getByRole('textbox', { name: 'Last name' }),
    role: within(dialog).getByRole('combobox', { name: 'Role' }),
    add: within(dialog).getByRole('button', { name: 'Add' }),
  };
}

describe('Add user', () => {
  it('adds someone: the dialog closes, the list shows them, and a snackbar says so', async () => {
    const { user, endpoint } = renderTable();
    const form = await openDialog(user);
    expect(form.role).toHaveValue('viewer');

    await user.type(form.email, ' Noor.Newcomer@Example.com ');
    await user.type(form.firstName, 'Noor');
    await user.type(form.lastName, 'Newcomer');
    await user.selectOptions(form.role, 'Rep');
    await user.click(form.add);

    expect(await screen.findByText('Added Noor Newcomer')).toBeVisible();
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const table = screen.getByRole('table', { name: 'Users' });
    const row = within(table).getByRole('rowheader', { name: 'Noor Newcomer' }).closest('tr');
    expect(row).toHaveTextContent('noor.newcomer@example.com');
    expect(endpoint.posts).toEqual([
      {
        data: {
          type: 'user',
          attributes: {
            email: 'noor.newcomer@example.com',
            firstName: 'Noor',
            lastName: 'Newcomer',
            role: 'rep',
          },
        },
      },
    ]);
  });

  it('says at the Email field what is wrong before sending anything', async () => {
    const { user, endpoint } = renderTable();
    const form = await openDialog(user);

    await user.click(form.add);
    expect(form.email).toHaveAttribute('aria-invalid', 'true');
    expect(form.email).toHaveAccessibleDescription(
      'Enter an email address, such as name@example.com.',
    );
    expect(form.email).toHaveFocus();
    expect(endpoint.posts).toEqual([]);
  });

  it('shows a taken email at the Email field, and keeps everything typed', async () => {
    const { user, endpoint } = renderTable();
    const form = await openDialog(user);

    await user.type(form.email, 'Sam.Rep@example.com');
    await user.type(form.firstName, 'Sam');
    await user.selectOptions(form.role, 'Admin');
    await user.click(form.add);

    await waitFor(() => {
      expect(form.email).toHaveAccessibleDescription(
        'sam.rep@example.com is already the email of a user; change that user instead.',
      );
    });
    expect(form.email).toHaveAttribute('aria-invalid', 'true');
    expect(form.email).toHaveValue('Sam.Rep@example.com');
    expect(form.firstName).toHaveValue('Sam');
    expect(form.role).toHaveValue('admin');
    expect(screen.getByRole('dialog', { name: 'Add user' })).toBeVisible();
    expect(endpoint.posts).toHaveLength(1);
  });

  it('shows a refusal that names no field above the fields', async () => {
    const { user } = renderTable();
    server.use(
      http.post(USERS_URL, () =>
        errorResponse(403, {
          id: 'unauthorizedRequest',
          title: 'Unauthorized Request',
          detail:
            'Only an admin can add users, change their roles or deactivate them; Ada Admin is not one.',
        }),
      ),
    );
    const form = await openDialog(user);

    await user.type(form.email, 'noor@example.com');
    await user.click(form.add);

    expect(await within(form.dialog).findByRole('alert')).toHaveTextContent(
      'Only an admin can add users, change their roles or deactivate them; Ada Admin is not one.',
    );
    expect(form.email).toHaveValue('noor@example.com');
  });

  it('says so when the server cannot be reached', async () => {
    const { user } = renderTable();
    server.use(http.post(USERS_URL, () => HttpResponse.error()));
    const form = await openDialog(user);

    await user.type(form.email, 'noor@example.com');
    await user.click(form.add);

    expect(await within(form.dialog).findByRole('alert')).toHaveTextContent(
      'The server could not be reached.',
    );
  });

  it('opens empty again after Cancel', async () => {
    const { user } = renderTable();
    const form = await openDialog(user);
    await user.type(form.email, 'noor@example.com');
    await user.click(within(form.dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });

    expect((await openDialog(user)).email).toHaveValue('');
  });
});
