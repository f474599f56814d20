import { screen, waitFor, within } from '@testing-library/react';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { formatDateTime } from '@/lib/format';
import { errorResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import {
  AUDIT_EVENTS_URL,
  auditEventResource,
  auditEventsEndpoint,
  phoneNumberSnapshot,
} from '../testing/audit-event-documents';
import ProspectHistory from './prospect-history';

const mobile = phoneNumberSnapshot();
const verified = phoneNumberSnapshot({ status: 'verified', order: 0 });
const work = phoneNumberSnapshot({ number: '+14155550100', phoneType: 'work', order: 1 });

async function openHistory() {
  const rendered = renderWithProviders(<ProspectHistory prospectId={7} />);
  const region = screen.getByRole('region', { name: 'History' });
  await rendered.user.click(within(region).getByRole('button', { name: 'Show history' }));
  return { ...rendered, region };
}

const entries = async () =>
  within(await screen.findByRole('list', { name: 'Changes, newest first' })).getAllByRole(
    'listitem',
  );

describe('ProspectHistory', () => {
  it('lists what changed, newest first, with who changed it and when', async () => {
    const endpoint = auditEventsEndpoint([
      auditEventResource(6, {
        action: 'deleted',
        resourceId: 2,
        actorName: 'Riley Rep',
        before: work,
        after: null,
      }),
      auditEventResource(5, {
        action: 'reordered',
        before: verified,
        after: { ...verified, order: 1 },
      }),
      auditEventResource(4, {
        action: 'updated',
        occurredAt: '2026-08-03T10:00:00.000Z',
        before: mobile,
        after: verified,
      }),
      auditEventResource(3, { action: 'created', after: mobile }),
    ]);
    server.use(endpoint.handler);
    const { user } = await openHistory();

    const items = await entries();
    expect(items.map((item) => item.textContent)).toEqual([
      expect.stringMatching(/^Deleted \+1 415 555 0100 \(Work\)Riley Rep · /),
      expect.stringMatching(/^Moved \+1 303 555 0141 from order 0 to 1Ada Admin · /),
      expect.stringMatching(
        /^Changed Status: Unverified → Verified \(\+1 303 555 0141\)Ada Admin · /,
      ),
      expect.stringMatching(/^Added \+1 303 555 0141 \(Mobile\)Ada Admin · /),
    ]);
    const when = within(items[2] as HTMLElement).getByText(/ ago$/);
    expect(when).toHaveAttribute('dateTime', '2026-08-03T10:00:00.000Z');
    await user.hover(when);
    expect(await screen.findByRole('tooltip')).toHaveTextContent(
      formatDateTime(new Date('2026-08-03T10:00:00.000Z')),
    );
    expect(endpoint.requests[0]?.searchParams.get('filter[prospect][id]')).toBe('7');
  });

  it('reads nothing until it is opened, and shows older changes a page at a time', async () => {
    const endpoint = auditEventsEndpoint(
      Array.from({ length: 25 }, (_, index) =>
        auditEventResource(100 - index, {
          action: 'updated',
          before: phoneNumberSnapshot({ order: index }),
          after: phoneNumberSnapshot({ order: index, status: 'invalid' }),
        }),
      ),
    );
    server.use(endpoint.handler);
    const rendered = renderWithProviders(<ProspectHistory prospectId={7} />);
    const show = screen.getByRole('button', { name: 'Show history' });
    expect(show).toHaveAttribute('aria-expanded', 'false');
    expect(endpoint.requests).toHaveLength(0);

    await rendered.user.click(show);
    expect(await entries()).toHaveLength(20);
    await rendered.user.click(screen.getByRole('button', { name: 'Show older changes' }));
    await waitFor(() => {
      expect(screen.getAllByRole('listitem')).toHaveLength(25);
    });
    expect(screen.queryByRole('button', { name: 'Show older changes' })).not.toBeInTheDocument();
    expect(endpoint.requests.map((url) => url.searchParams.get('page[after]'))).toEqual([
      null,
      '20',
    ]);
  });

  it('says why the history could not be read, and tries again on Retry', async () => {
    let refuse = true;
    const endpoint = auditEventsEndpoint([auditEventResource(1)]);
    server.use(
      http.get(AUDIT_EVENTS_URL, () =>
        refuse
          ? errorResponse(403, {
              id: 'unauthorizedRequest',
              title: 'Unauthorized Request',
              detail: 'Only admins can read the audit trail; Riley Rep is not an admin.',
            })
          : undefined,
      ),
      endpoint.handler,
    );
    const { user } = await openHistory();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load the history");
    expect(alert).toHaveTextContent('Only admins can read the audit trail');
    refuse = false;
    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await entries()).toHaveLength(1);
  });
});
