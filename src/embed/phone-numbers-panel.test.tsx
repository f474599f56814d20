import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { http } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import {
  PHONE_NUMBERS_URL,
  phoneNumberResource,
} from '@/features/phone-numbers/testing/phone-number-documents';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import { PhoneNumbersPanel } from './phone-numbers-panel';
import { serveTwoProspects } from './testing/serve-two-prospects';

const api = { baseUrl: TEST_API_BASE_URL, getAccessToken: () => Promise.resolve('host-token') };
const grid = () => screen.getByRole('grid', { name: 'Phone numbers' });

describe('PhoneNumbersPanel, outside the app', () => {
  it("shows the prospect's numbers with the host's token, and another prospect's when the id changes", async () => {
    const { tokens } = serveTwoProspects();

    const { rerender } = render(<PhoneNumbersPanel prospectId={1} api={api} />);

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0101' })).toBeVisible();
    expect(tokens).toContain('Bearer host-token');
    expect(screen.getByRole('button', { name: 'Add phone number' })).toBeVisible();

    rerender(<PhoneNumbersPanel prospectId={2} api={api} />);

    expect(await within(grid()).findByRole('link', { name: '+1 415 555 0102' })).toBeVisible();
    expect(within(grid()).queryByRole('link', { name: '+1 415 555 0101' })).not.toBeInTheDocument();
  });

  it('tells the host what changed once the server has accepted it', async () => {
    serveTwoProspects();
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, () =>
        jsonApiResponse({
          data: phoneNumberResource(1, { number: '+14155550101', extension: '42' }),
        }),
      ),
    );
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<PhoneNumbersPanel prospectId={1} api={api} onChange={onChange} />);

    const link = await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(row).getByRole('textbox'), '42{Enter}');

    await waitFor(() => {
      expect(onChange).toHaveBeenCalledWith({
        action: 'updated',
        phoneNumber: expect.objectContaining({ id: 1, extension: '42' }) as unknown,
      });
    });
  });

  it('tells the host of a failed load and of a refused write, in the words it shows', async () => {
    serveTwoProspects();
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, () =>
        errorResponse(422, {
          id: 'validationError',
          title: 'Validation error',
          detail: 'The extension must be 1 to 10 digits.',
          source: { pointer: '/data/attributes/extension' },
        }),
      ),
      http.get(`${TEST_API_BASE_URL}/prospects/:id`, () =>
        errorResponse(404, {
          id: 'resourceNotFound',
          title: 'Not found',
          detail: 'No prospect 1.',
        }),
      ),
    );
    const onError = vi.fn();
    const user = userEvent.setup();
    render(<PhoneNumbersPanel prospectId={1} api={api} onError={onError} />);

    await waitFor(() => {
      expect(onError).toHaveBeenCalledWith({ message: 'No prospect 1.', status: 404 });
    });
    const link = await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await user.type(within(row).getByRole('textbox'), '42{Enter}');

    await waitFor(() => {
      expect(onError).toHaveBeenCalledWith({
        message: 'The extension must be 1 to 10 digits.',
        status: 422,
      });
    });
  });

  it("tells the host of a prospect it may not read in the prospect's words, not the phone numbers'", async () => {
    serveTwoProspects();
    server.use(
      http.get(`${TEST_API_BASE_URL}/prospects/:id`, () =>
        errorResponse(403, {
          id: 'unauthorizedOauthScope',
          title: 'Unauthorized OAuth Scope',
          detail: 'Your token lacks the prospects.read scope.',
        }),
      ),
    );
    const onError = vi.fn();
    render(<PhoneNumbersPanel prospectId={1} api={api} onError={onError} />);

    await waitFor(() => {
      expect(onError).toHaveBeenCalledWith({
        message:
          "Your sign-in doesn't include permission to read prospects and their owners. Sign out, then sign in again and allow it.",
        status: 403,
      });
    });
  });

  it('read-only, offers neither Add, nor actions, nor editable cells', async () => {
    serveTwoProspects();
    const user = userEvent.setup();
    render(<PhoneNumbersPanel prospectId={1} api={api} readOnly />);

    const link = await within(grid()).findByRole('link', { name: '+1 415 555 0101' });
    expect(screen.queryByRole('button', { name: 'Add phone number' })).not.toBeInTheDocument();
    expect(within(grid()).queryByRole('columnheader', { name: 'Actions' })).not.toBeInTheDocument();
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    expect(within(row).queryByRole('textbox')).not.toBeInTheDocument();
  });
});
