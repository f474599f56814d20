import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { prospectUpdateDocumentSchema } from '@contract/user-documents';
import { describe, expect, it } from 'vitest';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  PROSPECTS_URL,
  prospectProfileDocument,
} from '@/features/prospects/testing/prospect-documents';
import {
  auditEventResource,
  auditEventsEndpoint,
} from '@/features/audit-events/testing/audit-event-documents';
import {
  currentUserEndpoint,
  demoUsers,
  userResource,
  usersEndpoint,
} from '@/features/users/testing/user-documents';
import type { UserResource } from '@/features/users/schemas/user';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { ProspectRoute } from './prospect-route';

const NOT_FOUND = {
  id: 'resourceNotFound',
  title: 'Resource Not Found',
  detail: 'There is no prospect with id 404.',
};

/**
 * GET /prospects/{id} answered by `respond`, every request's URL kept; prospect 7's number is
 * +1 415 555 0107.
 */
function serve(
  respond: (id: number) => Response,
  signedInAs: UserResource = userResource(2, 'Riley Rep'),
) {
  const requests: URL[] = [];
  server.use(
    currentUserEndpoint(signedInAs),
    http.get(`${PROSPECTS_URL}/:id`, ({ request, params }) => {
      requests.push(new URL(request.url));
      return respond(Number(params.id));
    }),
    phoneNumbersEndpoint((url) => {
      const id = Number(url.searchParams.get('filter[prospect][id]'));
      return phoneNumberCollection(
        [phoneNumberResource(id, { number: `+141555501${String(id).padStart(2, '0')}` })],
        { meta: { count: 1 } },
      );
    }).handler,
  );
  return requests;
}

/** The history is loaded on demand: the first time, its module is transformed too. */
const LAZY = { timeout: 10_000 };

const renderPage = (url: string) => renderRoute(<ProspectRoute />, { path: '/prospects/:id', url });
const detail = (term: string) => screen.getByRole('definition', { name: term });
const prospectAlerts = () =>
  screen
    .queryAllByRole('alert')
    .filter((alert) => alert.textContent.includes("Couldn't load the prospect"));

describe('ProspectRoute', () => {
  it('names the prospect, says who they are and when to call, and lists their numbers', async () => {
    const requests = serve((id) =>
      jsonApiResponse(
        prospectProfileDocument(id, {
          name: 'Olivia García',
          company: 'Acme Corporation',
          title: 'Head of Procurement',
          timeZoneIana: 'Europe/Madrid',
          callsOptStatus: 'opted_out',
          owner: { id: 3, name: 'Sam Rep' },
        }),
      ),
    );
    renderPage('/prospects/7');

    expect(await screen.findByRole('heading', { level: 1, name: 'Olivia García' })).toBeVisible();
    expect(detail('Company')).toHaveTextContent('Acme Corporation');
    expect(detail('Title')).toHaveTextContent('Head of Procurement');
    expect(detail('Owner')).toHaveTextContent('Sam Rep');
    expect(detail('Local time')).toHaveTextContent(
      /^\w{3}, \d{1,2}:\d{2} [AP]M GMT\+[12] \(Europe\/Madrid\)$/,
    );
    expect(detail('Calls')).toHaveTextContent('Opted out');

    const numbers = screen.getByRole('region', { name: 'Phone numbers' });
    const grid = within(numbers).getByRole('grid', { name: 'Phone numbers' });
    expect(await within(grid).findByRole('link', { name: '+1 415 555 0107' })).toBeVisible();
    const profileRequest = requests.find((url) => url.searchParams.get('include') === 'owner');
    expect(profileRequest?.pathname).toBe('/api/v2/prospects/7');
    expect(profileRequest?.searchParams.get('fields[user]')).toBe('name');
  });

  it('refuses Import CSV to a viewer with the reason, and offers it to a rep', async () => {
    const profile = (id: number) =>
      jsonApiResponse(prospectProfileDocument(id, { name: 'Olivia' }));
    serve(profile, userResource(5, 'Vic Viewer', { role: 'viewer' }));
    const { unmount } = renderPage('/prospects/7');
    const refused = await screen.findByRole('button', { name: 'Import CSV' }, LAZY);
    await waitFor(() => {
      expect(refused).toHaveAttribute('aria-disabled', 'true');
    });
    expect(refused).toHaveAccessibleDescription(
      "Viewers can't import phone numbers; an admin or a rep can",
    );
    unmount();

    serve(profile);
    renderPage('/prospects/7');
    const offered = await screen.findByRole('button', { name: 'Import CSV' }, LAZY);
    await screen.findByRole('heading', { level: 1, name: 'Olivia' });
    expect(offered).not.toHaveAttribute('aria-disabled');
  });

  it('says what is not known, rather than leaving blanks', async () => {
    serve((id) =>
      jsonApiResponse(
        prospectProfileDocument(id, {
          company: null,
          title: null,
          timeZoneIana: null,
          callsOptStatus: null,
        }),
      ),
    );
    renderPage('/prospects/7');

    await screen.findByRole('heading', { level: 1, name: 'Olivia García' });
    expect(detail('Company')).toHaveTextContent('Not set');
    expect(detail('Title')).toHaveTextContent('Not set');
    expect(detail('Local time')).toHaveTextContent('Time zone not known');
    expect(detail('Calls')).toHaveTextContent('Neither opted in nor out');
  });

  it('says when there is no such prospect, with a way back to the phone numbers', async () => {
    serve(() => errorResponse(404, NOT_FOUND));
    renderPage('/prospects/404');

    expect(
      await screen.findByRole('heading', { level: 1, name: 'Prospect not found' }),
    ).toBeVisible();
    expect(screen.getByRole('link', { name: 'Go to the phone numbers' })).toHaveAttribute(
      'href',
      '/phone-numbers',
    );
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('asks nothing of the server for an address that cannot name a prospect', () => {
    const requests = serve(() => errorResponse(404, NOT_FOUND));
    renderPage('/prospects/olivia');

    expect(screen.getByRole('heading', { level: 1, name: 'Prospect not found' })).toBeVisible();
    expect(requests).toEqual([]);
  });

  it('says why the prospect did not load, in place, and tries again on Retry', async () => {
    let failing = true;
    serve((id) =>
      failing
        ? errorResponse(503, {
            id: 'serviceUnavailable',
            title: 'Service Unavailable',
            detail: 'The server is restarting; try again in a moment.',
          })
        : jsonApiResponse(prospectProfileDocument(id)),
    );
    const { user } = renderPage('/prospects/7');

    await screen.findByText("Couldn't load the prospect");
    const [alert] = prospectAlerts();
    expect(alert).toHaveTextContent('The server is restarting; try again in a moment.');

    failing = false;
    await user.click(within(alert!).getByRole('button', { name: 'Retry' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Olivia García' })).toBeVisible();
    expect(prospectAlerts()).toEqual([]);
  });

  it("shows the prospect's history to whom the server lets read it, and to no one else", async () => {
    const requests = serve((id) =>
      jsonApiResponse(prospectProfileDocument(id, { canReadHistory: true })),
    );
    const history = auditEventsEndpoint([auditEventResource(1, { actorName: 'Ada Admin' })]);
    server.use(history.handler);
    const admin = renderPage('/prospects/7');
    const region = await screen.findByRole('region', { name: 'History' }, LAZY);
    await admin.user.click(within(region).getByRole('button', { name: 'Show history' }));
    expect(await within(region).findByText('Added +1 303 555 0141 (Mobile)')).toBeVisible();
    expect(history.requests[0]?.searchParams.get('filter[prospect][id]')).toBe('7');
    expect(
      requests
        .find((url) => url.searchParams.get('include') === 'owner')
        ?.searchParams.get('provideAuthorizationMeta'),
    ).toBe('true');
    admin.unmount();

    // The history's code is loaded by now: were it shown, it would be there with the name.
    serve((id) => jsonApiResponse(prospectProfileDocument(id, { canReadHistory: false })));
    renderPage('/prospects/7');
    await screen.findByRole('heading', { level: 1, name: 'Olivia García' });
    expect(screen.queryByRole('region', { name: 'History' })).not.toBeInTheDocument();
  });

  describe("the prospect's owner", () => {
    const ADA = userResource(1, 'Ada Admin', { role: 'admin' });

    /** An admin on prospect 7 (Riley's); PATCH answers with `answer` for the owner asked for. */
    function serveAdmin(answer: (ownerId: number) => Response) {
      const owners: number[] = [];
      serve((id) => jsonApiResponse(prospectProfileDocument(id)), ADA);
      server.use(
        ...usersEndpoint([...demoUsers(), userResource(5, 'Lee Left', { locked: true })]).handlers,
        http.patch(`${PROSPECTS_URL}/:id`, async ({ request }) => {
          const document = prospectUpdateDocumentSchema.parse(await request.json());
          const ownerId = Number(document.data.relationships.owner.data.id);
          owners.push(ownerId);
          return answer(ownerId);
        }),
      );
      return owners;
    }

    const ownerSelect = () => screen.findByRole('combobox', { name: 'Owner' });
    const optionNames = (select: HTMLElement) =>
      within(select)
        .getAllByRole('option')
        .map((option) => option.textContent);

    it('lets an admin give the prospect to another active user', async () => {
      const owners = serveAdmin((ownerId) =>
        jsonApiResponse(prospectProfileDocument(7, { owner: { id: ownerId, name: 'Sam Rep' } })),
      );
      const { user } = renderPage('/prospects/7');

      const select = await ownerSelect();
      await waitFor(() => {
        expect(optionNames(select)).toEqual(['Ada Admin', 'Riley Rep', 'Sam Rep', 'Val Viewer']);
      });
      expect(select).toHaveValue('2');

      await user.selectOptions(select, 'Sam Rep');

      expect(owners).toEqual([3]);
      await waitFor(() => {
        expect(select).toBeEnabled();
      });
      expect(select).toHaveValue('3');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });

    it('shows a refusal where the owner is chosen, keeps the choice, and sends it again on Retry', async () => {
      let refuse = true;
      const owners = serveAdmin((ownerId) =>
        refuse
          ? errorResponse(422, {
              id: 'validationError',
              title: 'Validation Error',
              detail: 'Sam Rep is deactivated; choose an active user.',
              source: { pointer: '/data/relationships/owner/data/id' },
            })
          : jsonApiResponse(
              prospectProfileDocument(7, { owner: { id: ownerId, name: 'Sam Rep' } }),
            ),
      );
      const { user } = renderPage('/prospects/7');

      const select = await ownerSelect();
      await waitFor(() => {
        expect(select).toBeEnabled();
      });
      await user.selectOptions(select, 'Sam Rep');

      const owner = detail('Owner');
      expect(await within(owner).findByRole('alert')).toHaveTextContent(
        'Owner not changed: Sam Rep is deactivated; choose an active user.',
      );
      expect(select).toHaveValue('3');

      refuse = false;
      await user.click(within(owner).getByRole('button', { name: 'Retry' }));

      await waitFor(() => {
        expect(within(owner).queryByRole('alert')).not.toBeInTheDocument();
      });
      expect(owners).toEqual([3, 3]);
      expect(select).toHaveValue('3');
    });

    it('shows a rep who owns the prospect, with nothing to change it', async () => {
      serve((id) =>
        jsonApiResponse(prospectProfileDocument(id, { owner: { id: 3, name: 'Sam Rep' } })),
      );
      renderPage('/prospects/7');

      await screen.findByRole('heading', { level: 1, name: 'Olivia García' });
      expect(detail('Owner')).toHaveTextContent('Sam Rep');
      expect(screen.queryByRole('combobox', { name: 'Owner' })).not.toBeInTheDocument();
    });
  });
});
