import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { usePhoneNumberListState } from '../hooks/use-phone-number-list-state';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { cellOf, grid } from '../testing/grid-queries';
import { PhoneNumberList } from './phone-number-list';

function PhoneNumberListPage() {
  const [state, setState] = usePhoneNumberListState();
  return <PhoneNumberList state={state} onStateChange={setState} />;
}

function renderList() {
  return renderRoute(<PhoneNumberListPage />, { path: '/phone-numbers', url: '/phone-numbers' });
}

/** The row whose Number cell reads `shown`, link or not. */
async function rowShowing(shown: string) {
  const number = await within(grid()).findByText(shown);
  const row = number.closest<HTMLElement>('[role="row"]');
  if (row === null) throw new Error(`No row of ${shown}`);
  return row;
}

describe('PhoneNumberList: do not call means do not call', () => {
  it('shows a "Do not call" number, and any number of a prospect opted out of calls, without a link to dial, with the reason', async () => {
    server.use(
      phoneNumbersEndpoint(() =>
        phoneNumberCollection(
          [
            phoneNumberResource(1, { number: '+14155550100', status: 'do_not_call' }),
            phoneNumberResource(2, { number: '+14155550101' }, { prospectId: 7 }),
            phoneNumberResource(3, { number: '+14155550102', status: 'verified' }),
          ],
          {
            included: [
              {
                type: 'prospect',
                id: 1,
                attributes: { name: 'Olivia García', callsOptStatus: 'opted_in' },
              },
              {
                type: 'prospect',
                id: 7,
                attributes: { name: 'Noah Smith', callsOptStatus: 'opted_out' },
              },
            ],
          },
        ),
      ).handler,
    );
    const user = userEvent.setup();
    renderList();

    const doNotCall = await rowShowing('+1 415 555 0100');
    const number = cellOf(doNotCall, 'number');
    expect(within(number).queryByRole('link')).not.toBeInTheDocument();
    expect(within(number).getByRole('img', { name: 'Do not call' })).toBeVisible();
    expect(number).toHaveTextContent('+1 415 555 0100');

    const optedOut = cellOf(await rowShowing('+1 415 555 0101'), 'number');
    expect(within(optedOut).queryByRole('link')).not.toBeInTheDocument();
    const reason = within(optedOut).getByRole('img', { name: 'Prospect opted out of calls' });
    await user.hover(reason);
    expect(await screen.findByRole('tooltip')).toHaveTextContent('Prospect opted out of calls');

    // A number that may be called is dialled as before.
    expect(within(grid()).getByRole('link', { name: '+1 415 555 0102' })).toHaveAttribute(
      'href',
      'tel:+14155550102',
    );
    expect(within(grid()).getAllByRole('link', { name: /^\+1 / })).toHaveLength(1);
  });
});

describe('PhoneNumberList: who can act', () => {
  const SAMS = 'Sam Rep owns this prospect; only they or an admin can change its phone numbers';

  function serveRefused() {
    server.use(
      phoneNumbersEndpoint(() =>
        phoneNumberCollection([
          {
            ...phoneNumberResource(1, { number: '+14155550100' }),
            meta: {
              canWrite: false,
              canDelete: false,
              writeRefusal: SAMS,
              deleteRefusal:
                'Sam Rep owns this prospect; only they or an admin can delete its phone numbers',
            },
          },
          phoneNumberResource(2, { number: '+14155550101' }),
        ]),
      ).handler,
    );
  }

  it("gives each refused action the server's reason, which names who can act", async () => {
    serveRefused();
    renderList();

    const row = await rowShowing('+1 415 555 0100');
    expect(
      within(row).getByRole('button', { name: 'Edit +1 415 555 0100' }),
    ).toHaveAccessibleDescription(SAMS);
    expect(
      within(row).getByRole('button', { name: 'Delete +1 415 555 0100' }),
    ).toHaveAccessibleDescription(
      'Sam Rep owns this prospect; only they or an admin can delete its phone numbers',
    );
  });

  it('says why when the rep tries to edit a cell they may not, by double click or Enter', async () => {
    serveRefused();
    const user = userEvent.setup();
    renderList();

    const row = await rowShowing('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    expect(screen.queryByRole('option', { name: 'Mobile' })).not.toBeInTheDocument();
    const said = await screen.findByRole('alert');
    expect(said).toHaveTextContent(SAMS);
    await user.click(within(said).getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();

    cellOf(row, 'extension').focus();
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent(SAMS);
  });

  it('says nothing on a cell the rep may edit, nor on a column nobody edits in place', async () => {
    serveRefused();
    const user = userEvent.setup();
    renderList();

    const refused = await rowShowing('+1 415 555 0100');
    await user.dblClick(cellOf(refused, 'order'));
    const allowed = await rowShowing('+1 415 555 0101');
    await user.dblClick(cellOf(allowed, 'phoneType'));
    expect(await screen.findByRole('option', { name: 'Mobile' })).toBeVisible();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
