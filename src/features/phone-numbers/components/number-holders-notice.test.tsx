import { HttpResponse } from 'msw';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { PhoneNumberDraft } from '@contract/phone-number-rules';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import { phoneNumberResourceSchema, type ListedPhoneNumber } from '../schemas/phone-number';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '../testing/phone-number-documents';
import { PhoneNumberFormDialog, type PhoneNumberFormDialogProps } from './phone-number-form-dialog';

/** The dialog's prospect. */
const OWN = 1;
const NAMES: Record<number, string> = {
  [OWN]: 'Pat Own',
  21: 'Olivia García',
  22: 'Benjamin Okafor',
  23: 'Chen Wei',
};

/** GET /phoneNumbers?filter[number]=… answered with these holders of +14155550100 (and meta.count). */
function holdersEndpoint(prospectIds: readonly number[], count = prospectIds.length) {
  return phoneNumbersEndpoint(() =>
    phoneNumberCollection(
      prospectIds.map((prospectId, index) => phoneNumberResource(100 + index, {}, { prospectId })),
      {
        included: [...new Set(prospectIds)].map((id) => ({
          type: 'prospect',
          id,
          attributes: { name: NAMES[id] ?? null },
        })),
        meta: { count },
      },
    ),
  );
}

function renderDialog(props: Partial<PhoneNumberFormDialogProps> = {}) {
  const onSubmit = vi.fn<(draft: PhoneNumberDraft) => Promise<void>>(() => Promise.resolve());
  const { user } = renderWithProviders(
    <PhoneNumberFormDialog
      open
      mode="add"
      prospectId={OWN}
      defaultCountry="US"
      onSubmit={onSubmit}
      onClose={vi.fn()}
      {...props}
    />,
  );
  const dialog = screen.getByRole('dialog');
  return {
    user,
    onSubmit,
    number: () => within(dialog).getByLabelText('Number'),
    save: () => within(dialog).getByRole('button', { name: 'Save' }),
  };
}

describe('the Add and Edit dialog: a number other prospects hold', () => {
  it('names the prospect that holds the number typed, links to its page, and Save still adds it', async () => {
    const { handler, requests } = holdersEndpoint([21]);
    server.use(handler);
    const { user, number, save, onSubmit } = renderDialog();

    await user.type(number(), '(415) 555-0100');

    await waitFor(() => {
      expect(number()).toHaveAccessibleDescription("Also on Olivia García's record");
    });
    const link = screen.getByRole('link', { name: 'Olivia García' });
    expect(link).toHaveAttribute('href', '/prospects/21');
    expect(link).toHaveAttribute('target', '_blank');
    // Asked once the number was whole, by its E.164, not once per key.
    expect(requests).toHaveLength(1);
    expect(requests[0]?.searchParams.get('filter[number]')).toBe('+14155550100');
    expect(requests[0]?.searchParams.get('include')).toBe('prospect');
    expect(number()).not.toHaveAttribute('aria-invalid', 'true');

    expect(save()).toBeEnabled();
    await user.click(save());
    expect(onSubmit).toHaveBeenCalledWith(expect.objectContaining({ number: '+14155550100' }));
  });

  it("names two holders, and counts past the first of more; the dialog's own prospect is not one", async () => {
    server.use(holdersEndpoint([OWN, 21, 22]).handler);
    const first = renderDialog();
    await first.user.type(first.number(), '4155550100');
    await waitFor(() => {
      expect(first.number()).toHaveAccessibleDescription(
        "Also on Olivia García's and Benjamin Okafor's records",
      );
    });
  });

  it('counts the holders past the first of three or more, those not on the page too', async () => {
    server.use(holdersEndpoint([21, 22, 23], 5).handler);
    const { user, number } = renderDialog();
    await user.type(number(), '4155550100');
    await waitFor(() => {
      expect(number()).toHaveAccessibleDescription("Also on Olivia García's record and 4 others");
    });
  });

  it('counts the holders it did not read when the page held only its own prospect', async () => {
    server.use(holdersEndpoint([OWN], 3).handler);
    const { user, number } = renderDialog();
    await user.type(number(), '4155550100');
    await waitFor(() => {
      expect(number()).toHaveAccessibleDescription("Also on 2 other prospects' records");
    });
  });

  it('says nothing when only the number edited holds it', async () => {
    const { handler, requests } = holdersEndpoint([21]);
    server.use(handler);
    const edited: ListedPhoneNumber = {
      ...phoneNumberResourceSchema.parse(phoneNumberResource(100, {}, { prospectId: 21 })),
      prospectName: NAMES[21] ?? null,
      prospectCallsOptedOut: false,
    };
    // Its number is whole as the dialog opens: asked at once.
    const { number } = renderDialog({ mode: 'edit', phoneNumber: edited, prospectId: 21 });
    await waitFor(() => {
      expect(requests).toHaveLength(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(number()).not.toHaveAccessibleDescription(/Also on/);
  });

  it('says nothing, and blocks nothing, when the lookup fails', async () => {
    const { handler, requests } = phoneNumbersEndpoint(
      () => new HttpResponse(null, { status: 500 }),
    );
    server.use(handler);
    const { user, number, save, onSubmit } = renderDialog();
    await user.type(number(), '4155550100');
    await waitFor(() => {
      expect(requests).toHaveLength(1);
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(number()).not.toHaveAccessibleDescription(/Also on/);
    await user.click(save());
    expect(onSubmit).toHaveBeenCalled();
  });

  it('asks nothing while the number is not whole', async () => {
    const { handler, requests } = holdersEndpoint([21]);
    server.use(handler);
    const { user, number } = renderDialog();
    await user.type(number(), '415555');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect(requests).toHaveLength(0);
    expect(number()).not.toHaveAccessibleDescription(/Also on/);
  });
});
