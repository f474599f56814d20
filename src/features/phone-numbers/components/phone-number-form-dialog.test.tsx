import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '@/lib/api-error';
import type { PhoneNumberDraft } from '@contract/phone-number-rules';
import { phoneNumberResourceSchema, type ListedPhoneNumber } from '../schemas/phone-number';
import { phoneNumberResource } from '../testing/phone-number-documents';
import { UNLISTED_VALUE_HINT } from '../utils/phone-number-labels';
import { PhoneNumberFormDialog, type PhoneNumberFormDialogProps } from './phone-number-form-dialog';

type Save = (draft: PhoneNumberDraft) => Promise<void>;

function renderDialog(props: Partial<PhoneNumberFormDialogProps> = {}) {
  const onSubmit = vi.fn<Save>(() => Promise.resolve());
  const onClose = vi.fn<() => void>();
  const user = userEvent.setup();
  render(
    <PhoneNumberFormDialog
      open
      mode="add"
      defaultCountry="US"
      onSubmit={onSubmit}
      onClose={onClose}
      {...props}
    />,
  );
  const dialog = screen.getByRole('dialog', {
    name: props.mode === 'edit' ? 'Edit phone number' : 'Add phone number',
  });
  const field = (label: string) => within(dialog).getByLabelText(label);
  return {
    user,
    dialog,
    onSubmit: props.onSubmit === undefined ? onSubmit : vi.mocked(props.onSubmit),
    onClose: props.onClose === undefined ? onClose : vi.mocked(props.onClose),
    number: () => field('Number'),
    country: () => within(dialog).getByRole('combobox', { name: 'Country' }),
    type: () => within(dialog).getByRole('combobox', { name: 'Type' }),
    extension: () => field('Extension'),
    save: () => within(dialog).getByRole('button', { name: 'Save' }),
    cancel: () => within(dialog).getByRole('button', { name: 'Cancel' }),
  };
}

/** A US number as the grid lists it, with `attributes` as the API sent them. */
const listed = (attributes: Parameters<typeof phoneNumberResource>[1]): ListedPhoneNumber => ({
  ...phoneNumberResourceSchema.parse(phoneNumberResource(7, attributes)),
  prospectName: null,
  prospectCallsOptedOut: false,
});

/** The helper text an invalid field is described by. */
function expectError(field: HTMLElement, message: string) {
  expect(field).toHaveAttribute('aria-invalid', 'true');
  expect(field).toHaveAccessibleDescription(message);
}

const duplicate = () =>
  new ApiError(422, {
    errors: [
      {
        id: 'validationError',
        title: 'Validation Error',
        detail: 'That number is already on this prospect.',
        source: { pointer: '/data/attributes/number' },
        status: '422',
      },
    ],
  });

describe('PhoneNumberFormDialog', () => {
  it('opens with focus in Number, ready for the number to be typed', async () => {
    const { user, number } = renderDialog();
    await waitFor(() => {
      expect(number()).toHaveFocus();
    });
    await user.keyboard('4155550100');
    expect(number()).toHaveValue('4155550100');
  });

  it("shows the rule's message under Number, focuses it, and does not save", async () => {
    const { user, number, save, onSubmit } = renderDialog();
    await user.type(number(), '555 123 4567');
    await user.click(save());
    await waitFor(() => {
      expectError(number(), "This isn't a valid US number");
    });
    expect(number()).toHaveFocus();
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('asks for a number when Number is empty', async () => {
    const { user, number, save, onSubmit } = renderDialog();
    await user.click(save());
    await waitFor(() => {
      expectError(number(), 'Enter a phone number');
    });
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('focuses the first invalid field', async () => {
    const { user, number, extension, save } = renderDialog();
    await user.type(number(), '(415) 555-0100');
    await user.type(extension(), '12a');
    await user.click(save());
    await waitFor(() => {
      expectError(extension(), 'An extension is 1 to 10 digits');
    });
    expect(extension()).toHaveFocus();
    expect(number()).toHaveAttribute('aria-invalid', 'false');
  });

  it("keeps the rep's own way of writing the number, while typing and after, and saves it as typed", async () => {
    const { user, number, country, save, onSubmit } = renderDialog({ defaultCountry: 'be' });
    await user.type(number(), '06.12.345678');
    expect(number()).toHaveValue('06.12.345678');
    await user.click(country());
    await user.keyboard('France{Enter}');
    expect(country()).toHaveValue('France (FR)');
    expect(number()).toHaveValue('06.12.345678');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+33612345678',
      rawNumber: '06.12.345678',
    });
  });

  it('keeps a line under each field for its message, so that a message does not move the dialog', async () => {
    const { user, dialog, number, country, type, extension, save } = renderDialog();
    const fields = [number(), country(), type(), extension()];
    const lines = fields.map((field) =>
      document.getElementById(field.getAttribute('aria-describedby') ?? ''),
    );
    for (const [index, line] of lines.entries()) {
      expect(dialog).toContainElement(line);
      expect(fields[index]).toHaveAccessibleDescription('');
    }
    await user.click(save());
    await waitFor(() => {
      expectError(number(), 'Enter a phone number');
    });
    expect(document.getElementById(number().getAttribute('aria-describedby') ?? '')).toBe(lines[0]);
  });

  it('moves the extension of a pasted number into Extension and saves it in E.164', async () => {
    const { user, number, extension, save, onSubmit, onClose } = renderDialog();
    await user.click(number());
    await user.paste('(415) 555-0100 ext. 12');
    await user.tab();
    expect(number()).toHaveValue('(415) 555-0100');
    expect(extension()).toHaveValue('12');
    await user.click(save());
    await waitFor(() => {
      expect(onClose).toHaveBeenCalledOnce();
    });
    expect(onSubmit).toHaveBeenCalledExactlyOnceWith({
      number: '+14155550100',
      rawNumber: '(415) 555-0100',
      countryCode: 'US',
      phoneType: 'other',
      extension: '12',
    });
  });

  it('reads the extension out of Number when Save comes straight after typing', async () => {
    const { user, number, onSubmit } = renderDialog();
    await user.type(number(), '415.555.0100 x7{Enter}');
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ number: '+14155550100', extension: '7' });
  });

  it('says so on Extension when it differs from the one typed after the number', async () => {
    const { user, number, extension, save, onSubmit } = renderDialog();
    await user.type(extension(), '34');
    await user.type(number(), '415 555 0100 x12');
    await user.click(save());
    await waitFor(() => {
      expectError(extension(), 'The number ends in extension 12, but Extension says 34');
    });
    expect(number()).toHaveValue('415 555 0100 x12');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('takes the country of a number typed in international format', async () => {
    const { user, number, country, save, onSubmit } = renderDialog();
    await user.type(number(), '+44 20 7946 0958');
    await user.tab();
    expect(country()).toHaveValue('United Kingdom (GB)');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+442079460958',
      countryCode: 'GB',
    });
  });

  it('sets Country as soon as a number typed with its country code is whole, before Number is left', async () => {
    const { user, number, country } = renderDialog();
    await user.type(number(), '+44 20 7946 001');
    expect(country()).toHaveValue('United States (US)');
    await user.type(number(), '8');
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(number()).toHaveFocus();
  });

  it("keeps a country chosen after the number when Number is left again, and offers the number's own", async () => {
    const { user, dialog, number, country, save, onSubmit } = renderDialog();
    await user.type(number(), '+44 20 7946 0018');
    await user.click(country());
    await user.keyboard('United States{Enter}');
    await user.click(number());
    await user.tab();
    expect(country()).toHaveValue('United States (US)');
    expect(number()).toHaveAccessibleDescription('A United Kingdom number? Use United Kingdom');

    await user.click(within(dialog).getByRole('button', { name: 'Use United Kingdom' }));
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(number()).toHaveFocus();
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+442079460018',
      countryCode: 'GB',
    });
  });

  it('suggests the country a number too long for the chosen one fits, and takes it when asked', async () => {
    const { user, dialog, number, country, save, onSubmit } = renderDialog();
    await user.type(number(), '44740012345');
    expect(number()).not.toHaveAccessibleDescription(/United Kingdom/);
    await user.type(number(), '6');
    expect(number()).toHaveAccessibleDescription('A United Kingdom number? Use United Kingdom');
    expect(country()).toHaveValue('United States (US)');

    await user.click(within(dialog).getByRole('button', { name: 'Use United Kingdom' }));
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(number()).toHaveValue('+447400123456');
    expect(number()).toHaveFocus();
    expect(within(dialog).queryByRole('button', { name: /^Use / })).not.toBeInTheDocument();
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+447400123456',
      countryCode: 'GB',
      phoneType: 'mobile',
    });
  });

  it('reads a national number in the country chosen', async () => {
    const { user, number, country, save, onSubmit } = renderDialog();
    await user.click(country());
    await user.keyboard('Germany{Enter}');
    expect(country()).toHaveValue('Germany (DE)');
    await user.type(number(), '030 12345678');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+493012345678',
      countryCode: 'DE',
    });
  });

  it('keeps a country chosen after the number, and says at Country that the number contradicts it', async () => {
    const { user, number, country, save, onSubmit } = renderDialog();
    await user.type(number(), '+1 303 555 0177');
    await user.click(country());
    await user.keyboard('United Kingdom{Enter}');
    await user.click(save());

    await waitFor(() => {
      expectError(country(), 'This is a US number, not a GB number');
    });
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(onSubmit).not.toHaveBeenCalled();
  });

  it('writes a number dialled from abroad so that it reads the same in its own country', async () => {
    const { user, number, country, onSubmit } = renderDialog();
    await user.type(number(), '011 44 20 7946 0958{Enter}');
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({
      number: '+442079460958',
      countryCode: 'GB',
    });
  });

  it('suggests Mobile for a known mobile number', async () => {
    const { user, number, type, save, onSubmit } = renderDialog({ defaultCountry: 'GB' });
    expect(type()).toHaveTextContent('Other');
    await user.type(number(), '07400 123456');
    expect(type()).toHaveTextContent('Mobile');
    expect(type()).toHaveAccessibleDescription('Suggested from the number');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ phoneType: 'mobile' });
  });

  it('keeps the Type the rep chose over a suggestion', async () => {
    const { user, number, type, save, onSubmit } = renderDialog({ defaultCountry: 'GB' });
    await user.click(type());
    await user.click(screen.getByRole('option', { name: 'Home' }));
    await user.type(number(), '07400 123456');
    expect(type()).toHaveTextContent('Home');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ phoneType: 'home' });
  });

  it('disables Save while saving, then closes', async () => {
    let finish: () => void = () => undefined;
    const onSubmit = vi.fn<Save>(
      () =>
        new Promise((resolve) => {
          finish = resolve;
        }),
    );
    const { user, dialog, number, save, onClose } = renderDialog({ onSubmit });
    await user.type(number(), '(415) 555-0100');
    await user.click(save());
    await waitFor(() => {
      expect(save()).toBeDisabled();
    });
    expect(within(dialog).getByRole('progressbar')).toBeInTheDocument();
    expect(onSubmit).toHaveBeenCalledOnce();
    expect(onClose).not.toHaveBeenCalled();
    finish();
    await waitFor(() => {
      expect(onClose).toHaveBeenCalledOnce();
    });
    expect(save()).toBeEnabled();
  });

  it("shows a 422's message on the field its pointer names and keeps what was typed", async () => {
    const onSubmit = vi.fn<Save>(() => Promise.reject(duplicate()));
    const { user, dialog, number, extension, type, save, onClose } = renderDialog({ onSubmit });
    await user.type(number(), '(415) 555-0100');
    await user.type(extension(), '12');
    await user.click(save());
    await waitFor(() => {
      expectError(number(), 'That number is already on this prospect.');
    });
    expect(number()).toHaveFocus();
    expect(number()).toHaveValue('(415) 555-0100');
    expect(extension()).toHaveValue('12');
    expect(type()).toHaveTextContent('Other');
    expect(within(dialog).queryByRole('alert')).not.toBeInTheDocument();
    expect(save()).toBeEnabled();
    expect(onClose).not.toHaveBeenCalled();
  });

  it('shows any other failure in an alert and keeps what was typed', async () => {
    const onSubmit = vi.fn<Save>(() =>
      Promise.reject(new ApiError(500, { errors: [{ detail: 'Database is locked.' }] })),
    );
    const { user, dialog, number, extension, save, onClose } = renderDialog({ onSubmit });
    await user.type(number(), '(415) 555-0100');
    await user.type(extension(), '12');
    await user.click(save());
    expect(await within(dialog).findByRole('alert')).toHaveTextContent('Database is locked.');
    expect(number()).toHaveValue('(415) 555-0100');
    expect(number()).not.toHaveAttribute('aria-invalid', 'true');
    expect(extension()).toHaveValue('12');
    expect(onClose).not.toHaveBeenCalled();
  });

  it('says permission was lost on a 403', async () => {
    const onSubmit = vi.fn<Save>(() =>
      Promise.reject(new ApiError(403, { errors: [{ id: 'unauthorizedRequest' }] })),
    );
    const { user, dialog, number, save } = renderDialog({ onSubmit });
    await user.type(number(), '(415) 555-0100');
    await user.click(save());
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      "You no longer have permission to change this prospect's phone numbers.",
    );
  });

  it('is titled "Edit phone number" and filled with the number being edited', async () => {
    const phoneNumber: ListedPhoneNumber = {
      ...phoneNumberResourceSchema.parse(
        phoneNumberResource(7, {
          number: '+442079460958',
          extension: '204',
          countryCode: 'GB',
          phoneType: 'home',
        }),
      ),
      prospectName: null,
      prospectCallsOptedOut: false,
    };
    const { user, number, country, type, extension, save, onSubmit } = renderDialog({
      mode: 'edit',
      phoneNumber,
      defaultCountry: 'US',
    });
    expect(number()).toHaveValue('+44 20 7946 0958');
    expect(country()).toHaveValue('United Kingdom (GB)');
    expect(type()).toHaveTextContent('Home');
    expect(extension()).toHaveValue('204');
    await user.clear(number());
    await user.type(number(), '07400 123456');
    expect(type()).toHaveTextContent('Home');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      number: '+447400123456',
      rawNumber: '07400 123456',
      countryCode: 'GB',
      phoneType: 'home',
      extension: '204',
    });
  });

  it("shows a type of another API's as chosen when editing, and keeps it out of the save", async () => {
    const { user, number, type, save, onSubmit } = renderDialog({
      mode: 'edit',
      phoneNumber: listed({ phoneType: 'fax' }),
    });
    expect(type()).toHaveTextContent('fax');
    expect(type()).toHaveAccessibleDescription(UNLISTED_VALUE_HINT);
    await user.clear(number());
    await user.type(number(), '(415) 555-0199');
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toEqual({
      number: '+14155550199',
      rawNumber: '(415) 555-0199',
      countryCode: 'US',
      phoneType: undefined,
      extension: null,
    });
  });

  it("offers the edited number's own type beside this app's, until another is chosen", async () => {
    const { user, type, save, onSubmit } = renderDialog({
      mode: 'edit',
      phoneNumber: listed({ phoneType: 'fax' }),
    });
    await user.click(type());
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Mobile',
      'Work',
      'Home',
      'VoIP',
      'Other',
      'fax',
    ]);
    expect(screen.getByRole('option', { name: 'fax' })).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByRole('option', { name: 'Home' }));
    expect(type()).not.toHaveAccessibleDescription(UNLISTED_VALUE_HINT);
    await user.click(save());
    await waitFor(() => {
      expect(onSubmit).toHaveBeenCalledOnce();
    });
    expect(onSubmit.mock.calls[0]?.[0]).toMatchObject({ phoneType: 'home' });
  });

  it("offers a new number only this app's types", async () => {
    const { user, type } = renderDialog();
    await user.click(type());
    expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
      'Mobile',
      'Work',
      'Home',
      'VoIP',
      'Other',
    ]);
  });

  it('closes on Escape and on Cancel without saving', async () => {
    const { user, number, cancel, onSubmit, onClose } = renderDialog();
    await user.type(number(), '(415) 555-0100');
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledOnce();
    await user.click(cancel());
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
