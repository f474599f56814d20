import { act, screen, waitFor, within } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  prospectResource,
  prospectsEndpoint,
} from '@/features/prospects/testing/prospect-documents';
import { currentUserEndpoint, userResource } from '@/features/users/testing/user-documents';
import { NUMBER_SEARCH_DEBOUNCE_MS } from '@/features/phone-numbers/components/phone-number-search';
import { demoUsers, usersEndpoint } from '@/features/users/testing/user-documents';
import { sessionIn, TEST_USER } from '@/testing/auth-session-stub';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { PhoneNumbersRoute } from './phone-numbers-route';

const prospects = [
  prospectResource(1, 'Olivia García', 'Acme Corporation'),
  prospectResource(2, 'Liam Patel', 'Umbrella Health'),
];

/** Each prospect has one number, +1 415 555 01<id>; all numbers are both. */
function phoneNumbers() {
  return phoneNumbersEndpoint((url) => {
    const prospectId = url.searchParams.get('filter[prospect][id]');
    const ids = prospectId === null ? [1, 2] : [Number(prospectId)];
    return phoneNumberCollection(
      ids.map((id) =>
        phoneNumberResource(
          id,
          { number: `+141555501${String(id).padStart(2, '0')}` },
          { prospectId: id },
        ),
      ),
      { meta: { count: ids.length } },
    );
  });
}

const signedIn = sessionIn({ status: 'signed-in', user: TEST_USER });

beforeEach(() => {
  server.use(currentUserEndpoint(userResource(TEST_USER.id, TEST_USER.name)));
});

function renderPage(url = '/phone-numbers') {
  return renderRoute(
    <AuthSessionContext value={signedIn}>
      <PhoneNumbersRoute />
    </AuthSessionContext>,
    { path: '/phone-numbers', url },
  );
}

const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });
const headers = () =>
  within(grid())
    .getAllByRole('columnheader')
    .map((header) => header.textContent);

describe('PhoneNumbersRoute', () => {
  it('offers Import CSV to a rep, and refuses it to a viewer with the reason', async () => {
    server.use(phoneNumbers().handler, ...prospectsEndpoint(prospects).handlers);
    const { unmount } = renderPage();
    const offered = await screen.findByRole('button', { name: 'Import CSV' });
    await waitFor(() => {
      expect(offered).not.toHaveAttribute('aria-disabled');
    });
    unmount();

    server.use(currentUserEndpoint(userResource(TEST_USER.id, TEST_USER.name, { role: 'viewer' })));
    renderPage();
    const refused = await screen.findByRole('button', { name: 'Import CSV' });
    await waitFor(() => {
      expect(refused).toHaveAttribute('aria-disabled', 'true');
    });
    expect(refused).toHaveAccessibleDescription(
      "Viewers can't import phone numbers; an admin or a rep can",
    );
  });

  it('is one page headed "Phone numbers", with its controls in a search landmark', async () => {
    server.use(phoneNumbers().handler, ...prospectsEndpoint(prospects).handlers);
    renderPage();

    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('Phone numbers');
    const controls = screen.getByRole('search');
    expect(within(controls).getByRole('combobox', { name: 'Prospect' })).toBeVisible();
    expect(within(controls).getByRole('combobox', { name: 'Filter by type' })).toBeVisible();
    expect(within(controls).getByRole('combobox', { name: 'Filter by status' })).toBeVisible();
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
  });

  it('narrows the grid to the prospect chosen, and lists all numbers again when it is cleared', async () => {
    const endpoint = phoneNumbers();
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage();
    await within(grid()).findByRole('link', { name: '+1 415 555 0102' });
    expect(headers()).toContain('Prospect');

    await user.type(screen.getByRole('combobox', { name: 'Prospect' }), 'oli');
    await user.click(
      await screen.findByRole('option', { name: 'Olivia García · Acme Corporation' }),
    );

    // Olivia's numbers only, once they have replaced the list of all.
    await waitFor(() => {
      expect(within(grid()).getByRole('link', { name: '+1 415 555 0101' })).toBeVisible();
      expect(
        within(grid()).queryByRole('link', { name: '+1 415 555 0102' }),
      ).not.toBeInTheDocument();
    });
    expect(router.state.location.search).toBe('?prospect=1');
    expect(headers()).not.toContain('Prospect');
    expect(endpoint.requests.at(-1)?.searchParams.get('filter[prospect][id]')).toBe('1');
    expect(screen.getByRole('combobox', { name: 'Prospect' })).toHaveValue(
      'Olivia García · Acme Corporation',
    );

    await user.clear(screen.getByRole('combobox', { name: 'Prospect' }));

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
    expect(router.state.location.search).toBe('');
    expect(headers()).toContain('Prospect');
  });

  it('shows the prospect of the URL by name', async () => {
    server.use(phoneNumbers().handler, ...prospectsEndpoint(prospects).handlers);
    renderPage('/phone-numbers?prospect=2');

    await waitFor(() => {
      expect(screen.getByRole('combobox', { name: 'Prospect' })).toHaveValue(
        'Liam Patel · Umbrella Health',
      );
    });
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
  });

  it("links to the chosen prospect's page, and to none when all numbers are listed", async () => {
    server.use(phoneNumbers().handler, ...prospectsEndpoint(prospects).handlers);
    const { user } = renderPage();
    await within(grid()).findByRole('link', { name: '+1 415 555 0102' });
    expect(screen.queryByRole('link', { name: /^Open .*'s page$/ })).not.toBeInTheDocument();

    await user.type(screen.getByRole('combobox', { name: 'Prospect' }), 'lia');
    await user.click(await screen.findByRole('option', { name: 'Liam Patel · Umbrella Health' }));

    expect(await screen.findByRole('link', { name: "Open Liam Patel's page" })).toHaveAttribute(
      'href',
      '/prospects/2',
    );
  });

  it('filters by type and status on the server', async () => {
    const endpoint = phoneNumbers();
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage('/phone-numbers?prospect=1');
    await within(grid()).findByRole('link', { name: '+1 415 555 0101' });

    await user.click(screen.getByRole('combobox', { name: 'Filter by type' }));
    await user.click(screen.getByRole('option', { name: 'Mobile' }));
    await user.click(screen.getByRole('option', { name: 'VoIP' }));
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('combobox', { name: 'Filter by status' }));
    await user.click(screen.getByRole('option', { name: 'Do not call' }));
    await user.keyboard('{Escape}');

    await waitFor(() => {
      expect(router.state.location.search).toBe('?prospect=1&type=mobile,voip&status=do_not_call');
    });
    await waitFor(() => {
      const last = endpoint.requests.at(-1);
      expect(last?.searchParams.get('filter[phoneType]')).toBe('mobile,voip');
      expect(last?.searchParams.get('filter[status]')).toBe('do_not_call');
    });
    expect(endpoint.requests.at(-1)?.searchParams.get('filter[prospect][id]')).toBe('1');
  });

  it('filters by country on the server, and shows the countries of the URL', async () => {
    const endpoint = phoneNumbers();
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage('/phone-numbers?country=gb,XX');
    await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
    // A code in any case is read; what is no code is dropped, as the server would refuse it.
    await waitFor(() => {
      expect(router.state.location.search).toBe('?country=GB');
    });
    expect(endpoint.requests.at(-1)?.searchParams.get('filter[countryCode]')).toBe('GB');
    const country = screen.getByRole('combobox', { name: 'Filter by country' });
    expect(screen.getByRole('button', { name: 'United Kingdom (GB)' })).toBeVisible();

    await user.type(country, 'united st');
    await user.click(screen.getByRole('option', { name: 'United States (US)' }));
    await user.keyboard('{Escape}');

    await waitFor(() => {
      expect(router.state.location.search).toBe('?country=GB,US');
    });
    await waitFor(() => {
      expect(endpoint.requests.at(-1)?.searchParams.get('filter[countryCode]')).toBe('GB,US');
    });
  });

  it('filters by the days numbers were last changed, on the server, and refuses a backwards range', async () => {
    const endpoint = phoneNumbers();
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage('/phone-numbers?updated=..2026-09-30');
    await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
    const from = screen.getByLabelText('Updated from');
    const to = screen.getByLabelText('Updated to');
    expect(to).toHaveValue('2026-09-30');
    expect(endpoint.requests.at(-1)?.searchParams.get('filter[updatedAt]')).toMatch(
      /^neginf\.\.2026-09-30T/,
    );

    await user.type(from, '2026-09-01');

    await waitFor(() => {
      expect(router.state.location.search).toBe('?updated=2026-09-01..2026-09-30');
    });
    await waitFor(() => {
      expect(endpoint.requests.at(-1)?.searchParams.get('filter[updatedAt]')).toMatch(
        /^2026-09-01T.*\.\.2026-09-30T/,
      );
    });
    const asked = endpoint.requests.length;

    await user.clear(to);
    await user.type(to, '2026-08-15');

    // Left out of the view, and kept where the rep typed it, with the reason.
    expect(to).toHaveValue('2026-08-15');
    expect(to).toHaveAccessibleDescription('On or after Updated from');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    expect(router.state.location.search).toBe('?updated=2026-09-01..');
    expect(endpoint.requests.length).toBe(asked + 1);
  });

  it('shows the rows in the density chosen, kept in the URL, without asking the server again', async () => {
    const endpoint = phoneNumbers();
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage('/phone-numbers');
    await within(grid()).findByRole('link', { name: '+1 415 555 0102' });
    const density = screen.getByRole('group', { name: 'Row density' });
    expect(within(density).getByRole('button', { name: 'Standard' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    const requests = endpoint.requests.length;

    await user.click(within(density).getByRole('button', { name: 'Compact' }));

    await waitFor(() => {
      expect(router.state.location.search).toBe('?density=compact');
    });
    expect(within(density).getByRole('button', { name: 'Compact' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(within(grid()).getByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
    expect(endpoint.requests).toHaveLength(requests);
  });

  describe('My prospects', () => {
    const mySwitch = () => screen.getByRole('switch', { name: 'My prospects' });

    it("shows the signed-in user's prospects' numbers, from the server, kept in the URL", async () => {
      const endpoint = phoneNumbers();
      server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
      const { user, router } = renderPage();
      await within(grid()).findByRole('link', { name: '+1 415 555 0102' });
      expect(mySwitch()).not.toBeChecked();

      await user.click(mySwitch());

      expect(mySwitch()).toBeChecked();
      await waitFor(() => {
        expect(router.state.location.search).toBe(`?owner=${TEST_USER.id}`);
      });
      await waitFor(() => {
        expect(endpoint.requests.at(-1)?.searchParams.get('filter[prospect][owner][id]')).toBe(
          String(TEST_USER.id),
        );
      });

      await user.click(mySwitch());
      await waitFor(() => {
        expect(router.state.location.search).toBe('');
      });
      expect(endpoint.requests.at(-1)?.searchParams.has('filter[prospect][owner][id]')).toBe(false);
    });

    it('says why it is off while a prospect is chosen, and changes nothing when pressed', async () => {
      const endpoint = phoneNumbers();
      server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
      // A prospect has one owner: the URL's owner beside it is dropped.
      const { user, router } = renderPage(`/phone-numbers?prospect=1&owner=${TEST_USER.id}`);
      await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
      await waitFor(() => {
        expect(router.state.location.search).toBe('?prospect=1');
      });
      expect(mySwitch()).not.toBeChecked();
      expect(mySwitch()).toHaveAttribute('aria-disabled', 'true');
      expect(mySwitch()).toHaveAccessibleDescription(
        'A prospect is chosen: clear Prospect to see the numbers of your prospects',
      );

      await user.click(mySwitch());

      expect(mySwitch()).not.toBeChecked();
      expect(router.state.location.search).toBe('?prospect=1');
      expect(
        endpoint.requests.some((request) =>
          request.searchParams.has('filter[prospect][owner][id]'),
        ),
      ).toBe(false);
    });

    it("names another user's prospects from a shared link, and clears them", async () => {
      const endpoint = phoneNumbers();
      server.use(
        endpoint.handler,
        ...prospectsEndpoint(prospects).handlers,
        ...usersEndpoint(demoUsers()).handlers,
      );
      const { user, router } = renderPage('/phone-numbers?owner=3');
      await within(grid()).findByRole('link', { name: '+1 415 555 0102' });
      expect(endpoint.requests.at(-1)?.searchParams.get('filter[prospect][owner][id]')).toBe('3');
      expect(mySwitch()).not.toBeChecked();
      const chip = await screen.findByRole('button', { name: "Sam Rep's prospects" });

      chip.focus();
      await user.keyboard('{Delete}');

      await waitFor(() => {
        expect(router.state.location.search).toBe('');
      });
      expect(screen.queryByRole('button', { name: "Sam Rep's prospects" })).toBeNull();
    });
  });

  it("keeps a filter value of another API's, and shows in place a server that refuses it", async () => {
    const endpoint = phoneNumbersEndpoint((url) =>
      url.searchParams.has('filter[status]')
        ? // What this product's server answers for a status it does not hold.
          errorResponse(400, {
            id: 'badRequest',
            title: 'Bad Request',
            detail:
              'filter[status] takes one of unverified, verified, invalid, do_not_call; "pending" is not.',
            source: { parameter: 'filter[status]' },
          })
        : phoneNumberCollection([phoneNumberResource(1, {}, { prospectId: 1 })]),
    );
    server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
    const { user, router } = renderPage('/phone-numbers?status=pending');

    const failed = await screen.findByRole('alert');
    expect(failed).toHaveTextContent("Couldn't load phone numbers");
    expect(failed).toHaveTextContent('"pending" is not');
    expect(within(failed).getByRole('button', { name: 'Retry' })).toBeVisible();
    expect(endpoint.requests[0]?.searchParams.get('filter[status]')).toBe('pending');
    expect(router.state.location.search).toBe('?status=pending');
    expect(screen.getByRole('button', { name: 'pending' })).toBeVisible();
    const filter = screen.getByRole('combobox', { name: 'Filter by status' });

    await user.click(filter);
    expect(screen.getByRole('option', { name: 'pending' })).toHaveAttribute(
      'aria-selected',
      'true',
    );
    await user.click(screen.getByRole('option', { name: 'pending' }));
    await user.keyboard('{Escape}');
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(router.state.location.search).toBe('');
  });

  it('lists all numbers when the prospect of the URL does not exist', async () => {
    server.use(phoneNumbers().handler, ...prospectsEndpoint(prospects).handlers);
    const { router } = renderPage('/phone-numbers?prospect=99&status=verified');

    await waitFor(() => {
      expect(router.state.location.search).toBe('?status=verified');
    });
    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
  });

  describe('Find a number', () => {
    /** The numbers whose digits end with the digits searched, as the server answers (decision 0053). */
    function searchedNumbers() {
      return phoneNumbersEndpoint((url) => {
        const digits = (url.searchParams.get('filter[number]') ?? '').replace(/\D/g, '');
        const ids = [1, 2].filter((id) =>
          `141555501${String(id).padStart(2, '0')}`.endsWith(digits),
        );
        return phoneNumberCollection(
          ids.map((id) =>
            phoneNumberResource(
              id,
              { number: `+141555501${String(id).padStart(2, '0')}` },
              { prospectId: id },
            ),
          ),
          { meta: { count: ids.length } },
        );
      });
    }
    const box = () => screen.getByRole('searchbox', { name: 'Find a number' });

    it('searches across prospects as the rep types, and keeps the search in the URL', async () => {
      const endpoint = searchedNumbers();
      server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
      const { user, router } = renderPage();
      await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
      expect(within(screen.getByRole('search')).getByRole('searchbox')).toBe(box());

      await user.type(box(), '(415) 555-0102');

      await waitFor(() => {
        expect(
          within(grid()).queryByRole('link', { name: '+1 415 555 0101' }),
        ).not.toBeInTheDocument();
      });
      expect(within(grid()).getByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
      expect(headers()).toContain('Prospect');
      expect(router.state.location.search).toBe('?number=(415)%20555-0102');
      expect(endpoint.requests.at(-1)?.searchParams.get('filter[number]')).toBe('(415) 555-0102');
      // Typing paused once: a search for what was typed, none for each key on the way.
      const searched = endpoint.requests.flatMap(
        (url) => url.searchParams.get('filter[number]') ?? [],
      );
      expect(new Set(searched)).toEqual(new Set(['(415) 555-0102']));
    });

    it('shows the search of the URL, says when nothing matches it, and clears back to all numbers', async () => {
      const endpoint = searchedNumbers();
      server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
      const { user, router } = renderPage('/phone-numbers?number=%2B1%20303%20555%200141%20x12');

      expect(box()).toHaveValue('+1 303 555 0141 x12');
      await waitFor(() => {
        expect(screen.getByRole('status')).toHaveTextContent(
          'No phone numbers match +1 303 555 0141 x12',
        );
      });
      expect(endpoint.requests[0]?.searchParams.get('filter[number]')).toBe('+1 303 555 0141 x12');

      await user.clear(box());

      expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
      expect(router.state.location.search).toBe('');
      expect(endpoint.requests.at(-1)?.searchParams.has('filter[number]')).toBe(false);

      // Back to the search: the box shows it again.
      await act(() => router.navigate(-1));
      await waitFor(() => {
        expect(box()).toHaveValue('+1 303 555 0141 x12');
      });
    });

    it('explains what cannot be a number yet, and sends nothing for it', async () => {
      const endpoint = searchedNumbers();
      server.use(endpoint.handler, ...prospectsEndpoint(prospects).handlers);
      const { user, router } = renderPage();
      await within(grid()).findByRole('link', { name: '+1 415 555 0101' });

      await user.type(box(), '41');
      expect(box()).toHaveAccessibleDescription('Type at least 3 digits of the number');
      expect(box()).not.toBeInvalid();

      await user.clear(box());
      await user.type(box(), 'Olivia');
      expect(box()).toHaveAccessibleDescription('Type a phone number or some of its digits');
      expect(box()).toBeInvalid();

      await new Promise((resolve) => setTimeout(resolve, 2 * NUMBER_SEARCH_DEBOUNCE_MS));
      expect(router.state.location.search).toBe('');
      expect(endpoint.requests.some((url) => url.searchParams.has('filter[number]'))).toBe(false);
    });
  });
});
