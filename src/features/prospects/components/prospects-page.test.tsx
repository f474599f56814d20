import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { JSON_API_MEDIA_TYPE } from '@/lib/api-client';
import { server } from '@/testing/msw-server';
import {
  renderWithProviders,
  TEST_ACCESS_TOKEN,
  TEST_API_BASE_URL,
} from '@/testing/render-with-providers';
import type { ProspectCollectionDocument } from '../schemas/prospect';
import { ProspectsPage } from './prospects-page';

type ProspectResource = ProspectCollectionDocument['data'][number];

function prospect(id: number, name: string, company: string, ownerId: number): ProspectResource {
  return {
    type: 'prospect',
    id,
    attributes: { name, company },
    relationships: { owner: { data: { type: 'user', id: ownerId } } },
  };
}

const olivia = prospect(1, 'Olivia García', 'Acme Corporation', 2);
const liam = prospect(2, 'Liam Patel', 'Umbrella Health', 3);
const emma = prospect(3, 'Emma Johnson', 'Globex', 1);
const prospectsUrl = `${TEST_API_BASE_URL}/prospects`;

function jsonApi(body: ProspectCollectionDocument | { errors: object[] }, status = 200) {
  return HttpResponse.json(body, { status, headers: { 'Content-Type': JSON_API_MEDIA_TYPE } });
}

describe('ProspectsPage', () => {
  it('shows the prospects with their name, company and owner once they have loaded', async () => {
    const requests: Request[] = [];
    server.use(
      http.get(prospectsUrl, ({ request }) => {
        requests.push(request);
        return jsonApi({
          data: [olivia, liam],
          included: [
            { type: 'user', id: 2, attributes: { name: 'Riley Rep' } },
            { type: 'user', id: 3, attributes: { name: 'Sam Rep' } },
          ],
          links: {},
          meta: { count: 2 },
        });
      }),
    );

    renderWithProviders(<ProspectsPage />);

    expect(screen.getByRole('progressbar', { name: 'Loading prospects' })).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Prospects' });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Showing 2 of 2 prospects');
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    const oliviaRow = within(table).getByRole('row', { name: /Olivia García/ });
    expect(within(oliviaRow).getByRole('rowheader')).toHaveTextContent('Olivia García');
    expect(
      within(oliviaRow)
        .getAllByRole('cell')
        .map((cell) => cell.textContent),
    ).toEqual(['Acme Corporation', 'Riley Rep']);
    expect(screen.queryByRole('button', { name: 'Load more prospects' })).not.toBeInTheDocument();

    const [request] = requests;
    expect(request?.headers.get('Authorization')).toBe(`Bearer ${TEST_ACCESS_TOKEN}`);
    expect(request?.headers.get('Accept')).toBe(JSON_API_MEDIA_TYPE);
    expect(request?.headers.get('Content-Type')).toBe(JSON_API_MEDIA_TYPE);
    expect(new URL(request?.url ?? '').searchParams.get('count')).toBe('true');
    expect(new URL(request?.url ?? '').searchParams.get('include')).toBe('owner');
  });

  it('follows the next link when asked for more prospects', async () => {
    const nextLink = `${prospectsUrl}?page%5Bafter%5D=cursor-2`;
    server.use(
      http.get(prospectsUrl, ({ request }) =>
        new URL(request.url).searchParams.get('page[after]') === 'cursor-2'
          ? jsonApi({ data: [emma], links: {} })
          : jsonApi({ data: [olivia, liam], links: { next: nextLink }, meta: { count: 3 } }),
      ),
    );
    const { user } = renderWithProviders(<ProspectsPage />);

    await user.click(await screen.findByRole('button', { name: 'Load more prospects' }));

    const table = screen.getByRole('table', { name: 'Prospects' });
    expect(await within(table).findByRole('rowheader', { name: 'Emma Johnson' })).toBeVisible();
    expect(within(table).getAllByRole('row')).toHaveLength(4);
    expect(screen.getByRole('status')).toHaveTextContent('Showing 3 of 3 prospects');
    expect(screen.queryByRole('button', { name: 'Load more prospects' })).not.toBeInTheDocument();
  });

  it('shows a failed load in place, with what the API said, and loads again on Retry', async () => {
    let calls = 0;
    server.use(
      http.get(prospectsUrl, () => {
        calls += 1;
        return calls === 1
          ? jsonApi(
              {
                errors: [
                  {
                    id: 'internalServerError',
                    title: 'Internal Server Error',
                    detail: 'The database is not answering.',
                    status: '500',
                  },
                ],
              },
              500,
            )
          : jsonApi({ data: [olivia], links: {}, meta: { count: 1 } });
      }),
    );
    const { user } = renderWithProviders(<ProspectsPage />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent("Couldn't load prospects");
    expect(alert).toHaveTextContent('The database is not answering.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));

    const table = await screen.findByRole('table', { name: 'Prospects' });
    expect(within(table).getByRole('rowheader', { name: 'Olivia García' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('says so when there are no prospects', async () => {
    server.use(http.get(prospectsUrl, () => jsonApi({ data: [], links: {}, meta: { count: 0 } })));

    renderWithProviders(<ProspectsPage />);

    expect(await screen.findByRole('status')).toHaveTextContent('There are no prospects yet.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });
});
