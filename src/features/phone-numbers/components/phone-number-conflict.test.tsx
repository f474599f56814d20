import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { renderRoute } from '@/testing/render-route';
import { UNDO_WINDOW_MS } from '../api/pending-deletes';
import { usePhoneNumberListState } from '../hooks/use-phone-number-list-state';
import {
  PHONE_NUMBERS_URL,
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberList, type PhoneNumberListProspect } from './phone-number-list';
import { cellOf, rowOf } from '../testing/grid-queries';

const OLIVIA: PhoneNumberListProspect = { id: 1, addressCountry: 'US', canWritePhoneNumbers: true };

function PhoneNumberListPage() {
  const [state, setState] = usePhoneNumberListState();
  return <PhoneNumberList state={state} onStateChange={setState} prospect={OLIVIA} />;
}

const renderList = () =>
  renderRoute(<PhoneNumberListPage />, {
    path: '/phone-numbers',
    url: '/phone-numbers?prospect=1',
  });

/** Number 1 as the rep read it (version 1), and as a colleague left it (version 2). */
const READ = { number: '+14155550100', phoneType: 'work', order: 0 };
const CHANGED_AT = '2026-08-02T10:15:00.000Z';
const NOW = { number: '+14155550177', phoneType: 'home', order: 0, updatedAt: CHANGED_AT };

interface Write {
  method: string;
  ifMatch: string | null;
  attributes: unknown;
}

/**
 * The list as read, GET of number 1 as it is now, and writes answered by `respond`; each write is kept
 * with the If-Match it carried.
 */
function serve(
  respond: (write: Write) => Response | Promise<Response>,
  { etags = true }: { etags?: boolean } = {},
): Write[] {
  const tag = (version: number) => (etags ? { etag: `W/"${version}"` } : {});
  const writes: Write[] = [];
  // The colleague's change is there by the time the rep writes; the list read before shows the old one.
  server.use(
    phoneNumbersEndpoint(() =>
      phoneNumberCollection([
        writes.length === 0
          ? phoneNumberResource(1, READ, tag(1))
          : phoneNumberResource(1, NOW, tag(2)),
      ]),
    ).handler,
    http.get(`${PHONE_NUMBERS_URL}/1`, () =>
      jsonApiResponse({ data: phoneNumberResource(1, NOW, tag(2)) }),
    ),
  );
  const handle = async (method: string, request: Request) => {
    const body =
      method === 'PATCH'
        ? ((await request.json()) as { data: { attributes: unknown } })
        : undefined;
    const write = {
      method,
      ifMatch: request.headers.get('If-Match'),
      attributes: body?.data.attributes,
    };
    writes.push(write);
    return respond(write);
  };
  server.use(
    http.patch(`${PHONE_NUMBERS_URL}/1`, ({ request }) => handle('PATCH', request)),
    http.delete(`${PHONE_NUMBERS_URL}/1`, ({ request }) => handle('DELETE', request)),
  );
  return writes;
}

const changedSince = () =>
  errorResponse(412, {
    id: 'preconditionFailed',
    title: 'Precondition Failed',
    detail: `Phone number 1 was changed at ${CHANGED_AT}, after the version you sent in If-Match.`,
  });

/** Refuses writes made from version 1; takes those made from version 2. */
const atVersion2 = (write: Write) =>
  write.ifMatch === 'W/"1"'
    ? changedSince()
    : write.method === 'DELETE'
      ? new Response(null, { status: 204 })
      : jsonApiResponse({
          data: phoneNumberResource(
            1,
            { ...NOW, ...(write.attributes as object) },
            { etag: 'W/"3"' },
          ),
        });

/** The dialogs are loaded when first opened; the first import of one takes a while in a test run. */
const LAZY = { timeout: 10_000 };

async function editNumberCell(user: ReturnType<typeof userEvent.setup>, typed: string) {
  const row = await rowOf('+1 415 555 0100');
  await user.dblClick(cellOf(row, 'number'));
  const input = await within(row).findByRole('textbox');
  await user.clear(input);
  await user.type(input, `${typed}{Enter}`);
}

describe('PhoneNumberList: a number someone else changed first', () => {
  it('sends If-Match, and on a 412 shows the number as it is now and when it changed, with the rep’s change', async () => {
    const writes = serve(atVersion2);
    const user = userEvent.setup();
    renderList();

    await editNumberCell(user, '415 555 0199');

    const dialog = await screen.findByRole('dialog', { name: 'Phone number changed' }, LAZY);
    expect(writes[0]).toMatchObject({ method: 'PATCH', ifMatch: 'W/"1"' });
    expect(dialog).toHaveTextContent('It is now +1 415 555 0177');
    expect(dialog).toHaveTextContent(/Someone changed this number at .*2026/);
    const table = within(dialog).getByRole('table', { name: 'Your change and the number now' });
    const numberRow = within(table).getByRole('row', { name: /Number/ });
    expect(numberRow).toHaveTextContent('+1 415 555 0177');
    expect(numberRow).toHaveTextContent('+1 415 555 0199');
    // Underneath the dialog (hidden from assistive technology while it is open), the grid shows it too.
    const behind = screen.getByRole('grid', { name: 'Phone numbers', hidden: true });
    expect(
      await within(behind).findByRole('link', { name: '+1 415 555 0177', hidden: true }),
    ).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Apply my change' }));

    await waitFor(() => {
      expect(
        screen.queryByRole('dialog', { name: 'Phone number changed' }),
      ).not.toBeInTheDocument();
    });
    expect(writes).toHaveLength(2);
    expect(writes[1]).toEqual({
      method: 'PATCH',
      ifMatch: 'W/"2"',
      attributes: { number: '+14155550199', rawNumber: '415 555 0199' },
    });
    expect(await screen.findByRole('alert')).toHaveTextContent('Phone number saved');
  }, 30_000);

  it('keeps the change from the Edit dialog too, and lets the rep discard it', async () => {
    const writes = serve(atVersion2);
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.click(within(row).getByRole('button', { name: 'Edit +1 415 555 0100' }));
    const form = await screen.findByRole('dialog', { name: 'Edit phone number' }, LAZY);
    await user.clear(within(form).getByLabelText('Extension'));
    await user.type(within(form).getByLabelText('Extension'), '42');
    await user.click(within(form).getByRole('button', { name: 'Save' }));

    const dialog = await screen.findByRole('dialog', { name: 'Phone number changed' }, LAZY);
    expect(within(dialog).getByRole('row', { name: /Extension/ })).toHaveTextContent(/—\s*42/);
    await user.click(within(dialog).getByRole('button', { name: 'Discard my change' }));
    await waitFor(() => {
      expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    });
    expect(writes.map((write) => write.ifMatch)).toEqual(['W/"1"']);
  }, 30_000);

  it('sends no If-Match to an API that gives no ETag, as before', async () => {
    const writes = serve(
      () => jsonApiResponse({ data: phoneNumberResource(1, { ...READ, number: '+14155550199' }) }),
      { etags: false },
    );
    const user = userEvent.setup();
    renderList();

    await editNumberCell(user, '415 555 0199');

    await waitFor(() => {
      expect(writes).toHaveLength(1);
    });
    expect(writes[0]?.ifMatch).toBeNull();
  });
});

describe('PhoneNumberList: the rep’s own quick edits', () => {
  it('sends a second edit of the row made before the first was answered from the version the first left', async () => {
    let version = 1;
    let answerFirst: () => void = () => undefined;
    const firstAnswered = new Promise<void>((resolve) => {
      answerFirst = resolve;
    });
    const writes = serve(async (write) => {
      if (writes.length === 1) await firstAnswered;
      if (write.ifMatch !== `W/"${version}"`) return changedSince();
      version += 1;
      return jsonApiResponse({
        data: phoneNumberResource(
          1,
          { ...READ, ...(write.attributes as object) },
          { etag: `W/"${version}"` },
        ),
      });
    });
    const user = userEvent.setup();
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.dblClick(cellOf(row, 'phoneType'));
    await user.click(await screen.findByRole('option', { name: 'Mobile' }));
    await user.dblClick(cellOf(row, 'status'));
    await user.click(await screen.findByRole('option', { name: 'Verified' }));
    await waitFor(() => {
      expect(writes).toHaveLength(1);
    });
    answerFirst();

    await waitFor(() => {
      expect(writes).toHaveLength(2);
    });
    expect(writes.map((write) => write.ifMatch)).toEqual(['W/"1"', 'W/"2"']);
    await waitFor(() => {
      expect(version).toBe(3);
    });
    expect(screen.queryByRole('dialog', { name: 'Phone number changed' })).not.toBeInTheDocument();
  }, 30_000);
});

describe('PhoneNumberList: deleting a number someone else changed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('asks again, naming the number as it is now, and deletes that one when confirmed', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const writes = serve(atVersion2);
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderList();

    const row = await rowOf('+1 415 555 0100');
    await user.click(within(row).getByRole('button', { name: 'Delete +1 415 555 0100' }));
    const first = await screen.findByRole('dialog', { name: 'Delete phone number?' });
    expect(first).toHaveTextContent('+1 415 555 0100 (Work) will be deleted');
    await user.click(within(first).getByRole('button', { name: 'Delete' }));
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));

    const again = await screen.findByRole('dialog', { name: 'Delete phone number?' });
    expect(again).toHaveTextContent('+1 415 555 0177 (Home) will be deleted');
    expect(again).toHaveTextContent(/Someone changed this number at .*2026.*so it was not deleted/);
    expect(writes).toEqual([{ method: 'DELETE', ifMatch: 'W/"1"', attributes: undefined }]);

    await user.click(within(again).getByRole('button', { name: 'Delete' }));
    await act(() => vi.advanceTimersByTimeAsync(UNDO_WINDOW_MS));
    await waitFor(() => {
      expect(writes).toHaveLength(2);
    });
    expect(writes[1]).toEqual({ method: 'DELETE', ifMatch: 'W/"2"', attributes: undefined });
  }, 30_000);
});
