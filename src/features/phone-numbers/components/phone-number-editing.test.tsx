import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it } from 'vitest';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { usePhoneNumberListState } from '../hooks/use-phone-number-list-state';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { NO_DELETE, NO_WRITE } from '../utils/row-refusals';
import { PhoneNumberList, type PhoneNumberListProspect } from './phone-number-list';
import { cellOf, grid, rowOf } from '../testing/grid-queries';

const OLIVIA: PhoneNumberListProspect = {
  id: 1,
  addressCountry: 'US',
  canWritePhoneNumbers: true,
};

function PhoneNumberListPage({ prospect }: { prospect: PhoneNumberListProspect }) {
  const [state, setState] = usePhoneNumberListState();
  return <PhoneNumberList state={state} onStateChange={setState} prospect={prospect} />;
}

/** Olivia's numbers: one she may change (+1 415 555 0100), one she may not (+1 415 555 0101). */
const resources = () => [
  phoneNumberResource(1, { number: '+14155550100', order: 0 }),
  phoneNumberResource(
    2,
    { number: '+14155550101', order: 1 },
    { canWrite: false, canDelete: false },
  ),
];

function serveNumbers(data = resources()) {
  const endpoint = phoneNumbersEndpoint(() =>
    phoneNumberCollection(data, { meta: { count: data.length } }),
  );
  server.use(endpoint.handler);
  return endpoint;
}

interface Write {
  method: string;
  id: string;
  body: unknown;
}

/** PATCH and DELETE of one number, answered by `respond`; every write is kept in `writes`. */
function serveWrites(respond: (write: Write) => Response | Promise<Response>) {
  const writes: Write[] = [];
  const handle = async (method: string, request: Request, id: string) => {
    const write = { method, id, body: method === 'PATCH' ? await request.json() : undefined };
    writes.push(write);
    return respond(write);
  };
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/:id`, ({ request, params }) =>
      handle('PATCH', request, String(params.id)),
    ),
    http.delete(`${PHONE_NUMBERS_URL}/:id`, ({ request, params }) =>
      handle('DELETE', request, String(params.id)),
    ),
  );
  return writes;
}

/** The saved number as the server sends it back. */
const saved = (attributes: Record<string, unknown>) =>
  jsonApiResponse({ data: phoneNumberResource(1, { number: '+14155550100', ...attributes }) });

function renderList(prospect = OLIVIA) {
  return renderRoute(<PhoneNumberListPage prospect={prospect} />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });
}

describe('PhoneNumberList: what each row allows', () => {
  it("edits only the cells of rows the user may change, and says why on the others' actions", async () => {
    serveNumbers();
    const user = userEvent.setup();
    renderList();

    const refused = await rowOf('+1 415 555 0101');
    await user.dblClick(cellOf(refused, 'number'));
    expect(within(refused).queryByRole('textbox')).not.toBeInTheDocument();
    const edit = within(refused).getByRole('button', { name: 'Edit +1 415 555 0101' });
    expect(edit).toHaveAttribute('aria-disabled', 'true');
    expect(edit).toHaveAccessibleDescription(NO_WRITE);
    const remove = within(refused).getByRole('button', { name: 'Delete +1 415 555 0101' });
    expect(remove).toHaveAccessibleDescription(NO_DELETE);

    const allowed = await rowOf('+1 415 555 0100');
    expect(
      within(allowed).getByRole('button', { name: 'Edit +1 415 555 0100' }),
    ).not.toHaveAttribute('aria-disabled');
    await user.dblClick(cellOf(allowed, 'number'));
    expect(await within(allowed).findByRole('textbox')).toHaveValue('+1 415 555 0100');
  });

  it('offers "Add phone number" only where the prospect allows it, and says why not', async () => {
    serveNumbers();
    renderList({ ...OLIVIA, canWritePhoneNumbers: false });

    const add = await screen.findByRole('button', { name: 'Add phone number' });
    expect(add).toHaveAttribute('aria-disabled', 'true');
    expect(add).toHaveAccessibleDescription(NO_WRITE);
  });

  it('says who can add, when the API names them', async () => {
    serveNumbers();
    const refusal = "Viewers can't change phone numbers; an admin or the prospect's owner can";
    renderList({ ...OLIVIA, canWritePhoneNumbers: false, phoneNumbersRefusal: refusal });

    const add = await screen.findByRole('button', { name: 'Add phone number' });
    expect(add).toHaveAccessibleDescription(refusal);
  });

  it('refuses an invalid number in the cell before anything is sent', async () => {
    serveNumbers();
    const writes = serveWrites(() => saved({}));
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'number'));
    const input = await within(row).findByRole('textbox');
    await user.clear(input);
    await user.type(input, '555 01{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(/too short for a US number/);
    expect(within(row).getByRole('textbox')).toHaveValue('555 01');
    expect(writes).toEqual([]);
  });
});

describe('PhoneNumberList: saving a cell', () => {
  it('sends only what changed, and shows the new value before the server answers', async () => {
    serveNumbers();
    let answer: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      answer = resolve;
    });
    const writes = serveWrites(async () => {
      await answered;
      return saved({ number: '+14155550199', rawNumber: '415 555 0199' });
    });
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'number'));
    const input = await within(row).findByRole('textbox');
    await user.clear(input);
    await user.type(input, '415 555 0199{Enter}');

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0199' })).toBeVisible();
    await waitFor(() => {
      expect(writes).toHaveLength(1);
    });
    expect(writes[0]).toEqual({
      method: 'PATCH',
      id: '1',
      body: {
        data: {
          type: 'phoneNumber',
          id: 1,
          attributes: { number: '+14155550199', rawNumber: '415 555 0199' },
        },
      },
    });
    answer();
  });

  it('saves a type as soon as it is chosen in the cell, and shows it at once', async () => {
    serveNumbers();
    // The server takes its time: what shows meanwhile is the optimistic value.
    const writes = serveWrites(() => new Promise<Response>(() => undefined));
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));

    await waitFor(async () => {
      expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveTextContent('Mobile');
    });
    expect(writes.map((write) => write.body)).toEqual([
      { data: { type: 'phoneNumber', id: 1, attributes: { phoneType: 'mobile' } } },
    ]);
  });

  it('puts the old value back and says why when the server fails', async () => {
    serveNumbers();
    serveWrites(() =>
      errorResponse(500, {
        id: 'internalServerError',
        title: 'Internal Server Error',
        detail: 'The database is unavailable.',
      }),
    );
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'extension'));
    const input = await within(row).findByRole('textbox');
    await user.type(input, '42{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The database is unavailable. The previous value is back.',
    );
    await waitFor(() => {
      expect(cellOf(row, 'extension')).toHaveTextContent('—');
    });
  });

  it("opens the cell again with the rep's input and the server's message on a 422", async () => {
    serveNumbers();
    serveWrites(() =>
      errorResponse(422, {
        id: 'validationError',
        title: 'Validation Error',
        detail: 'That number is already on this prospect.',
        source: { pointer: '/data/attributes/number' },
      }),
    );
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'number'));
    const input = await within(row).findByRole('textbox');
    await user.clear(input);
    await user.type(input, '415 555 0101{Enter}');

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'That number is already on this prospect.',
    );
    expect(await within(row).findByRole('textbox')).toHaveValue('415 555 0101');
  });
});

/**
 * A server that keeps what it is sent: the list shows number 1 as the last accepted PATCH left it.
 * `refuse` answers a PATCH instead, when it returns a response.
 */
function serveKeepingWrites(refuse: (write: Write) => Response | undefined = () => undefined) {
  let attributes: Record<string, unknown> = { number: '+14155550100', order: 0 };
  let version = 1;
  const current = () => phoneNumberResource(1, attributes, { etag: `W/"${version}"` });
  server.use(
    phoneNumbersEndpoint(() => phoneNumberCollection([current()], { meta: { count: 1 } })).handler,
  );
  return serveWrites((write) => {
    const refused = refuse(write);
    if (refused !== undefined) return refused;
    const body = write.body as { data: { attributes: Record<string, unknown> } };
    attributes = { ...attributes, ...body.data.attributes };
    version += 1;
    return jsonApiResponse({ data: current() });
  });
}

const patched = (attributes: Record<string, unknown>) => ({
  method: 'PATCH',
  id: '1',
  body: { data: { type: 'phoneNumber', id: 1, attributes } },
});

describe('PhoneNumberList: undoing an edit', () => {
  it('says what the edit changed, and Undo sends the old value back and shows it', async () => {
    const writes = serveKeepingWrites();
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));

    const snackbar = await screen.findByRole('alert');
    expect(snackbar).toHaveTextContent('Type of +1 415 555 0100 changed to Mobile');
    await user.click(within(snackbar).getByRole('button', { name: 'Undo' }));

    await waitFor(() => {
      expect(writes).toEqual([patched({ phoneType: 'mobile' }), patched({ phoneType: 'work' })]);
    });
    await waitFor(async () => {
      expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveTextContent('Work');
    });
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    // The focus was on Undo, which is gone: it goes back to the cell.
    expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveFocus();
  });

  it('undoes only the last edit', async () => {
    const writes = serveKeepingWrites();
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('changed to Mobile');
    await user.dblClick(cellOf(row, 'extension'));
    await user.type(await within(row).findByRole('textbox'), '42{Enter}');

    const snackbar = await screen.findByRole('alert', {
      name: (_, element) => element.textContent.includes('Extension'),
    });
    expect(snackbar).toHaveTextContent('Extension of +1 415 555 0100 changed to 42');
    await user.click(within(snackbar).getByRole('button', { name: 'Undo' }));

    await waitFor(() => {
      expect(writes).toHaveLength(3);
    });
    expect(writes[2]).toEqual(patched({ extension: null }));
    await waitFor(async () => {
      expect(cellOf(await rowOf('+1 415 555 0100'), 'extension')).toHaveTextContent('—');
    });
    expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveTextContent('Mobile');
  });

  it("keeps Undo on offer when Escape leaves another cell's editor, and closes on its own Escape", async () => {
    const writes = serveKeepingWrites();
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));
    const snackbar = await screen.findByRole('alert');
    await user.dblClick(cellOf(row, 'extension'));
    await user.type(await within(row).findByRole('textbox'), '9');
    await user.keyboard('{Escape}');

    await waitFor(() => {
      expect(within(row).queryByRole('textbox')).not.toBeInTheDocument();
    });
    const undo = within(snackbar).getByRole('button', { name: 'Undo' });
    expect(undo).toBeVisible();
    undo.focus();
    await user.keyboard('{Escape}');
    await waitFor(() => {
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    });
    expect(writes).toEqual([patched({ phoneType: 'mobile' })]);
  });

  it('says so when the undo is refused, and keeps the edit', async () => {
    const writes = serveKeepingWrites((write) =>
      write.body !== undefined && JSON.stringify(write.body).includes('"work"')
        ? errorResponse(403, {
            id: 'unauthorizedRequest',
            title: 'Forbidden',
            detail: 'You may not change this phone number.',
          })
        : undefined,
    );
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));
    await user.click(
      within(await screen.findByRole('alert')).getByRole('button', { name: 'Undo' }),
    );

    expect(await screen.findByRole('alert')).toHaveTextContent(
      "You no longer have permission to change this prospect's phone numbers. The edit was not undone.",
    );
    expect(writes).toEqual([patched({ phoneType: 'mobile' }), patched({ phoneType: 'work' })]);
    await waitFor(async () => {
      expect(cellOf(await rowOf('+1 415 555 0100'), 'phoneType')).toHaveTextContent('Mobile');
    });
  });
});

describe('PhoneNumberList: delete with undo', () => {
  it('asks first, removes the row at once, and Undo brings it back without a request', async () => {
    serveNumbers();
    const writes = serveWrites(() => new Response(null, { status: 204 }));
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.click(within(row).getByRole('button', { name: 'Delete +1 415 555 0100' }));
    const dialog = await screen.findByRole('dialog', { name: 'Delete phone number?' });
    expect(dialog).toHaveTextContent('+1 415 555 0100 (Work) will be deleted');
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));

    await waitFor(() => {
      expect(
        within(grid()).queryByRole('link', { name: '+1 415 555 0100' }),
      ).not.toBeInTheDocument();
    });
    const snackbar = screen.getByRole('alert');
    // The snackbar names the number it deleted.
    expect(snackbar).toHaveTextContent('Deleted +1 415 555 0100');
    await user.click(within(snackbar).getByRole('button', { name: 'Undo' }));

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0100' })).toBeVisible();
    expect(writes).toEqual([]);
  });
});
