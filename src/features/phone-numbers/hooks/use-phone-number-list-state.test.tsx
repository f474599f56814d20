import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';
import { changeView } from '../schemas/phone-number-list-state';
import {
  usePhoneNumberListState,
  type SetPhoneNumberListState,
} from './use-phone-number-list-state';

describe('usePhoneNumberListState', () => {
  it('computes a change from the view as asked a moment before, not yet rendered', () => {
    let setState: SetPhoneNumberListState | undefined;
    function Probe() {
      [, setState] = usePhoneNumberListState();
      return null;
    }
    const router = createMemoryRouter([{ path: '/phone-numbers', element: <Probe /> }], {
      initialEntries: ['/phone-numbers'],
    });
    render(<RouterProvider router={router} />);

    // A status chosen, then a header clicked, before the page renders the first.
    act(() => {
      setState?.((current) => changeView(current, { statuses: ['verified'] }));
      setState?.((current) => changeView(current, { sort: '-number' }));
    });

    const search = new URLSearchParams(router.state.location.search);
    expect(search.get('status')).toBe('verified');
    expect(search.get('sort')).toBe('-number');
  });
});
