import { dialogClasses } from '@mui/material/Dialog';
import { dialogContentClasses } from '@mui/material/DialogContent';
import { popoverClasses } from '@mui/material/Popover';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import type { AuthState } from '@/features/auth/auth-session';
import { AuthSessionContext } from '@/features/auth/auth-session-context';
import {
  phoneNumberCollection,
  phoneNumberResource,
  phoneNumbersEndpoint,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  prospectResource,
  prospectsEndpoint,
} from '@/features/prospects/testing/prospect-documents';
import { sessionIn, TEST_USER } from '@/testing/auth-session-stub';
import { server } from '@/testing/msw-server';
import { renderWithProviders } from '@/testing/render-with-providers';
import { currentUserEndpoint, userResource } from '@/features/users/testing/user-documents';
import { AppRoutes } from '../app-routes';

const LAZY = { timeout: 10_000 };

const EMBED_URL = '/embed/prospects/7/phone-numbers';

function renderEmbed(state: AuthState, url = EMBED_URL, user = userResource(2, 'Riley Rep')) {
  server.use(
    currentUserEndpoint(user),
    phoneNumbersEndpoint(() =>
      phoneNumberCollection([phoneNumberResource(1, { number: '+14155550107' })], {
        meta: { count: 1 },
      }),
    ).handler,
    ...prospectsEndpoint([prospectResource(7, 'Olivia García', 'Acme Corporation')]).handlers,
  );
  const router = createMemoryRouter([{ path: '*', element: <AppRoutes /> }], {
    initialEntries: [url],
  });
  return renderWithProviders(
    <AuthSessionContext value={sessionIn(state)}>
      <RouterProvider router={router} />
    </AuthSessionContext>,
  );
}

/**
 * The page as if in a frame: a parent that records what it is posted, a ResizeObserver that reports
 * when the test says so, and <html> as tall as the test says.
 */
function inAFrame() {
  const parent = { postMessage: vi.fn() };
  const observers: FakeResizeObserver[] = [];
  class FakeResizeObserver {
    readonly targets = new Set<Element>();
    constructor(readonly report: () => void) {
      observers.push(this);
    }
    observe(target: Element) {
      this.targets.add(target);
      this.report();
    }
    unobserve(target: Element) {
      this.targets.delete(target);
    }
    disconnect() {
      this.targets.clear();
    }
  }
  vi.stubGlobal('parent', parent);
  vi.stubGlobal('ResizeObserver', FakeResizeObserver);
  onTestFinished(() => {
    vi.unstubAllGlobals();
  });
  let height = 0;
  vi.spyOn(document.documentElement, 'getBoundingClientRect').mockImplementation(
    () => ({ height }) as DOMRect,
  );
  const watching = () =>
    observers.filter((observer) => observer.targets.has(document.documentElement));
  return {
    parent,
    watching,
    /** <html> becomes this tall, and the observers say so. */
    resize(to: number) {
      height = to;
      for (const observer of watching()) observer.report();
    },
    heights: () =>
      parent.postMessage.mock.calls.map(([message, targetOrigin]) => {
        expect(targetOrigin).toBe('*');
        return message as unknown;
      }),
  };
}

describe('EmbeddedPhoneNumbersRoute', () => {
  it("shows the prospect's numbers and nothing of the app around them", async () => {
    renderEmbed({ status: 'signed-in', user: TEST_USER });

    // The panel's code is loaded on demand: the first test of a busy run waits for it to arrive.
    const grid = await screen.findByRole('grid', { name: 'Phone numbers' }, LAZY);
    expect(await screen.findByRole('link', { name: '+1 415 555 0107' })).toBeVisible();
    expect(screen.getByRole('main')).toContainElement(grid);
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(screen.queryByText('Phone Numbers Admin')).not.toBeInTheDocument();
  });

  it('refuses Import CSV to a viewer with the reason before a file is chosen, and offers it to a rep', async () => {
    const { unmount } = renderEmbed(
      { status: 'signed-in', user: TEST_USER },
      EMBED_URL,
      userResource(4, 'Val Viewer', { role: 'viewer' }),
    );
    const refused = await screen.findByRole('button', { name: 'Import CSV' }, LAZY);
    await waitFor(() => {
      expect(refused).toHaveAttribute('aria-disabled', 'true');
    });
    expect(refused).toHaveAccessibleDescription(
      "Viewers can't import phone numbers; an admin or a rep can",
    );
    unmount();

    renderEmbed({ status: 'signed-in', user: TEST_USER });
    const offered = await screen.findByRole('button', { name: 'Import CSV' }, LAZY);
    await screen.findByRole('link', { name: '+1 415 555 0107' });
    expect(offered).not.toHaveAttribute('aria-disabled');
  });

  it('offers to sign in when there is no session, still without the app bar', () => {
    renderEmbed({ status: 'signed-out' });

    expect(screen.getByRole('button', { name: 'Sign in' })).toBeVisible();
    expect(screen.queryByRole('banner')).not.toBeInTheDocument();
    expect(screen.queryByRole('grid')).not.toBeInTheDocument();
  });

  it('tells the parent page its height at first and whenever it changes, and stops when it goes', () => {
    const frame = inAFrame();
    frame.resize(212.4);
    const { unmount } = renderEmbed({ status: 'signed-out' });

    frame.resize(348);
    frame.resize(348);
    frame.resize(290);

    expect(frame.heights()).toEqual([
      { type: 'phone-numbers:height', height: 213 },
      { type: 'phone-numbers:height', height: 348 },
      { type: 'phone-numbers:height', height: 290 },
    ]);

    unmount();

    expect(frame.watching()).toEqual([]);
  });

  it('asks for the room an open dialog needs, and gives it back when the dialog closes', async () => {
    const frame = inAFrame();
    frame.resize(213);
    renderEmbed({ status: 'signed-out' });
    // A dialog as MUI lays it out in a 213 px frame: its paper squeezed to 149 px, its content scrolling
    // 321 px of 400.
    const paper = document.createElement('div');
    paper.className = dialogClasses.paper;
    vi.spyOn(paper, 'getBoundingClientRect').mockReturnValue({ height: 149 } as DOMRect);
    const content = document.createElement('div');
    content.className = dialogContentClasses.root;
    Object.defineProperties(content, { scrollHeight: { value: 400 }, clientHeight: { value: 79 } });
    paper.append(content);

    document.body.append(paper);

    // The paper unsqueezed, and MUI's 32 px above and below it.
    await waitFor(() => {
      expect(frame.heights().at(-1)).toEqual({ type: 'phone-numbers:height', height: 534 });
    });

    paper.remove();

    await waitFor(() => {
      expect(frame.heights().at(-1)).toEqual({ type: 'phone-numbers:height', height: 213 });
    });
  });

  it('asks for the room an open menu needs below where it is placed, and gives it back when it closes', async () => {
    const frame = inAFrame();
    frame.resize(213);
    renderEmbed({ status: 'signed-out' });
    // A menu placed 180 px down a 213 px frame, squeezed to 100 px of its 220.
    const menu = document.createElement('div');
    menu.className = popoverClasses.paper;
    vi.spyOn(menu, 'getBoundingClientRect').mockReturnValue({ top: 180, height: 100 } as DOMRect);
    Object.defineProperty(menu, 'scrollHeight', { value: 220 });

    document.body.append(menu);

    // Down to its whole height, and MUI's 16 px below it.
    await waitFor(() => {
      expect(frame.heights().at(-1)).toEqual({ type: 'phone-numbers:height', height: 416 });
    });

    menu.remove();

    await waitFor(() => {
      expect(frame.heights().at(-1)).toEqual({ type: 'phone-numbers:height', height: 213 });
    });
  });

  it('posts nothing when it is not in a frame', () => {
    const frame = inAFrame();
    vi.stubGlobal('parent', window);
    renderEmbed({ status: 'signed-out' });

    frame.resize(400);

    expect(frame.watching()).toEqual([]);
    expect(frame.parent.postMessage).not.toHaveBeenCalled();
  });
});
