import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  currentUserEndpoint,
  demoUsers,
  userResource,
  usersEndpoint,
} from '@/features/users/testing/user-documents';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { UsersRoute } from './users-route';

const ADA = userResource(1, 'Ada Admin', { role: 'admin' });

const LAST_ADMIN = {
  id: 'validationError',
  title: 'Validation Error',
  detail: 'Ada Admin is the last active admin; make someone else an admin first.',
  source: { pointer: '/data/attributes/role' },
};

function renderPage(refuse?: Parameters<typeof usersEndpoint>[1], signedInAs = ADA) {
  const endpoint = usersEndpoint(demoUsers(), refuse);
  server.use(currentUserEndpoint(signedInAs), ...endpoint.handlers);
  return { ...renderRoute(<UsersRoute />, { path: '/users', url: '/users' }), endpoint };
}

/** The table row of a user, found by the name in its header cell. */
async function rowOf(name: string) {
  const table = await screen.findByRole('table', { name: 'Users' });
  const header = within(table).getByRole('rowheader', { name });
  const row = header.closest('tr');
  if (!row) throw new Error(`No row for ${name}`);
  return row;
}

describe('UsersRoute', () => {
  it("lists each user's name, email, role, last sign-in and whether active", async () => {
    renderPage();

    const table = await screen.findByRole('table', { name: 'Users' });
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((header) => header.textContent),
    ).toEqual(['Name', 'Email', 'Role', 'Last sign-in', 'Active', 'Actions']);
    const sam = await rowOf('Sam Rep');
    expect(sam).toHaveTextContent('sam.rep@example.com');
    expect(within(sam).getByRole('combobox', { name: 'Role of Sam Rep' })).toHaveValue('rep');
    expect(sam).toHaveTextContent('Never');
    expect(sam).toHaveTextContent('Active');
    const ada = await rowOf('Ada Admin');
    expect(within(ada).getByRole('time')).toHaveAttribute('datetime', '2026-12-04T09:00:00.000Z');
  });

  it('changes a role as soon as another is chosen', async () => {
    const { user, endpoint } = renderPage();

    const role = within(await rowOf('Riley Rep')).getByRole('combobox', {
      name: 'Role of Riley Rep',
    });
    await user.selectOptions(role, 'Viewer');

    await waitFor(() => {
      expect(role).toBeEnabled();
    });
    expect(role).toHaveValue('viewer');
    expect(endpoint.patches).toEqual([
      { data: { type: 'user', id: 2, attributes: { role: 'viewer' } } },
    ]);
  });

  it('shows a refused role change in its row, keeps the choice, and can retry or cancel it', async () => {
    let refusals = 0;
    const { user, endpoint } = renderPage(() => {
      refusals += 1;
      return errorResponse(422, LAST_ADMIN);
    });

    const row = await rowOf('Ada Admin');
    const role = within(row).getByRole('combobox', { name: 'Role of Ada Admin' });
    await user.selectOptions(role, 'Rep');

    expect(await within(row).findByRole('alert')).toHaveTextContent(
      'Role not changed: Ada Admin is the last active admin; make someone else an admin first.',
    );
    expect(role).toHaveValue('rep');

    await user.click(within(row).getByRole('button', { name: 'Retry' }));
    await waitFor(() => {
      expect(refusals).toBe(2);
    });
    expect(await within(row).findByRole('alert')).toBeVisible();
    expect(endpoint.patches).toHaveLength(2);

    await user.click(within(row).getByRole('button', { name: 'Cancel' }));
    expect(within(row).queryByRole('alert')).not.toBeInTheDocument();
    expect(role).toHaveValue('admin');
  });

  it('deactivates someone after a confirmation that names them, and can reactivate them', async () => {
    const { user, endpoint } = renderPage();

    await user.click(within(await rowOf('Sam Rep')).getByRole('button', { name: 'Deactivate' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Sam Rep?' });
    expect(dialog).toHaveTextContent('Sam Rep will be signed out everywhere at once');
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    const sam = await rowOf('Sam Rep');
    expect(sam).toHaveTextContent('Deactivated');
    expect(endpoint.patches.at(-1)).toEqual({
      data: { type: 'user', id: 3, attributes: { locked: true } },
    });

    await user.click(within(sam).getByRole('button', { name: 'Reactivate' }));
    await user.click(
      within(screen.getByRole('dialog', { name: 'Reactivate Sam Rep?' })).getByRole('button', {
        name: 'Reactivate',
      }),
    );
    await waitFor(() => {
      expect(sam).toHaveTextContent('Active');
    });
    expect(endpoint.patches.at(-1)?.data.attributes).toEqual({ locked: false });
  });

  it('keeps the dialog open with the reason when a deactivation is refused; Cancel changes nothing', async () => {
    const { user } = renderPage(() =>
      errorResponse(403, {
        id: 'unauthorizedRequest',
        title: 'Unauthorized Request',
        detail:
          'Only an admin can add users, change their roles or deactivate them; Ada Admin is not one.',
      }),
    );

    await user.click(within(await rowOf('Val Viewer')).getByRole('button', { name: 'Deactivate' }));
    const dialog = screen.getByRole('dialog', { name: 'Deactivate Val Viewer?' });
    await user.click(within(dialog).getByRole('button', { name: 'Deactivate' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Only an admin can add users, change their roles or deactivate them; Ada Admin is not one.',
    );
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(await rowOf('Val Viewer')).toHaveTextContent('Active');
  });

  it('shows no users to someone who is not an admin', async () => {
    renderPage(undefined, userResource(2, 'Riley Rep'));

    expect(await screen.findByText(/^Only admins can manage users/)).toBeVisible();
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
