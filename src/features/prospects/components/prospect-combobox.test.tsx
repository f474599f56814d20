import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import { prospectResource, prospectsEndpoint } from '../testing/prospect-documents';
import { ProspectCombobox } from './prospect-combobox';

const prospects = [
  prospectResource(1, 'Olivia García', 'Acme Corporation'),
  prospectResource(2, 'Liam Patel', 'Umbrella Health'),
  prospectResource(3, 'Mia García', 'Globex'),
];

const searches = (requests: URL[]) =>
  requests
    .filter((url) => url.pathname.endsWith('/prospects'))
    .map((url) => url.searchParams.get('filter[q]'));

describe('ProspectCombobox', () => {
  it('searches the server once the typing pauses, and offers "Name · Company"', async () => {
    const endpoint = prospectsEndpoint(prospects);
    server.use(...endpoint.handlers);
    const onChange = vi.fn();
    const { user } = renderWithProviders(
      <ProspectCombobox prospectId={undefined} onChange={onChange} />,
    );

    await user.type(screen.getByRole('combobox', { name: 'Prospect' }), 'garc');

    await waitFor(() => {
      expect(screen.getAllByRole('option').map((option) => option.textContent)).toEqual([
        'Olivia García · Acme Corporation',
        'Mia García · Globex',
      ]);
    });
    // The click that focused the field opened the list (the first prospects, no text); none of "g",
    // "ga" or "gar" was searched on the way.
    expect(searches(endpoint.requests)).toEqual([null, 'garc']);
    const request = endpoint.requests.at(-1);
    expect(request?.searchParams.get('page[size]')).toBe('20');
    expect(request?.searchParams.get('fields[prospect]')).toBe('name,company,addressCountry');
    expect(request?.searchParams.get('provideAuthorizationMeta')).toBe('true');

    await user.click(screen.getByRole('option', { name: 'Olivia García · Acme Corporation' }));
    expect(onChange).toHaveBeenCalledWith(1);
  });

  it('finds by company as well', async () => {
    server.use(...prospectsEndpoint(prospects).handlers);
    const { user } = renderWithProviders(
      <ProspectCombobox prospectId={undefined} onChange={vi.fn()} />,
    );

    await user.type(screen.getByRole('combobox', { name: 'Prospect' }), 'umbrella');

    expect(
      await screen.findByRole('option', { name: 'Liam Patel · Umbrella Health' }),
    ).toBeVisible();
  });

  it("shows the chosen prospect's name when it starts with one, and can be cleared", async () => {
    const endpoint = prospectsEndpoint(prospects);
    server.use(...endpoint.handlers);
    const onChange = vi.fn();
    const { user } = renderWithProviders(<ProspectCombobox prospectId={3} onChange={onChange} />);

    const combobox = screen.getByRole('combobox', { name: 'Prospect' });
    await waitFor(() => {
      expect(combobox).toHaveValue('Mia García · Globex');
    });
    expect(endpoint.requests.map((url) => url.pathname)).toContain('/api/v2/prospects/3');

    await user.clear(combobox);
    expect(onChange).toHaveBeenCalledWith(undefined);
  });

  it('lists the first prospects when opened without text, and clears with the Clear button', async () => {
    const endpoint = prospectsEndpoint(prospects);
    server.use(...endpoint.handlers);
    const onChange = vi.fn();
    const { user } = renderWithProviders(<ProspectCombobox prospectId={1} onChange={onChange} />);
    const combobox = screen.getByRole('combobox', { name: 'Prospect' });
    await waitFor(() => {
      expect(combobox).toHaveValue('Olivia García · Acme Corporation');
    });

    await user.click(screen.getByRole('button', { name: 'Open' }));

    expect(await screen.findAllByRole('option')).toHaveLength(3);
    expect(searches(endpoint.requests)).toEqual([null]);
    await user.click(screen.getByRole('button', { name: 'Clear' }));
    expect(onChange).toHaveBeenCalledWith(undefined);
  });
});
