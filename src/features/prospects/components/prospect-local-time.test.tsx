import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProspectLocalTime } from './prospect-local-time';

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-09-10T12:00:40Z') });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('ProspectLocalTime', () => {
  it('shows the time where the prospect is, and moves on as each minute begins', () => {
    render(<ProspectLocalTime timeZone="Asia/Tokyo" />);
    const time = () => screen.getByText(/GMT\+9/);

    expect(time()).toHaveTextContent('Thu, 9:00 PM GMT+9');
    expect(screen.getByText(/Asia\/Tokyo/)).toHaveTextContent('Thu, 9:00 PM GMT+9 (Asia/Tokyo)');

    act(() => {
      vi.advanceTimersByTime(19_000);
    });
    expect(time()).toHaveTextContent('Thu, 9:00 PM GMT+9');

    act(() => {
      vi.advanceTimersByTime(1_000);
    });
    expect(time()).toHaveTextContent('Thu, 9:01 PM GMT+9');
    expect(time()).toHaveAttribute('datetime', '2026-09-10T12:01:00.000Z');

    act(() => {
      vi.advanceTimersByTime(60 * 60_000);
    });
    expect(time()).toHaveTextContent('Thu, 10:01 PM GMT+9');
  });

  it('stops its clock when it goes', () => {
    const { unmount } = render(<ProspectLocalTime timeZone="Asia/Tokyo" />);

    unmount();

    expect(vi.getTimerCount()).toBe(0);
  });

  it('says when the browser does not know the time zone', () => {
    render(<ProspectLocalTime timeZone="Mars/Olympus_Mons" />);

    expect(screen.getByText('Unknown time zone (Mars/Olympus_Mons)')).toBeVisible();
  });
});
