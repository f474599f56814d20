import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  PHONE_NUMBERS_URL,
  phoneNumberResource,
} from '@/features/phone-numbers/testing/phone-number-documents';
import {
  prospectResource,
  prospectsEndpoint,
} from '@/features/prospects/testing/prospect-documents';
import { errorResponse, jsonApiResponse } from '@/testing/json-api-response';
import { server } from '@/testing/msw-server';
import { TEST_API_BASE_URL } from '@/testing/render-with-providers';
import {
  defineProspectPhoneNumbers,
  PROSPECT_PHONE_NUMBERS_TAG,
  ProspectPhoneNumbersElement,
  type PhoneNumbersChangeEvent,
  type PhoneNumbersErrorEvent,
} from './prospect-phone-numbers-element';
import { serveTwoProspects } from './testing/serve-two-prospects';

beforeAll(() => {
  defineProspectPhoneNumbers();
});

afterEach(() => {
  document.body.replaceChildren();
  vi.unstubAllGlobals();
});

const hostToken = () => Promise.resolve('host-token');

function createElement(attributes: Record<string, string> = {}): ProspectPhoneNumbersElement {
  const element = document.createElement(PROSPECT_PHONE_NUMBERS_TAG);
  element.setAttribute('api-base-url', TEST_API_BASE_URL);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

/** Everything the element renders, popups included: the shadow root's one top-level element. */
function inside(element: ProspectPhoneNumbersElement): HTMLElement {
  const root = element.shadowRoot?.querySelector<HTMLElement>('.root');
  if (!root) throw new Error('The element has no shadow root with its content.');
  return root;
}

/**
 * The element renders on its own, not in act(): its first render (MUI's and the grid's) takes its time in
 * jsdom while a wait is already counting.
 */
const SLOW = { timeout: 5000 };

const numberLink = (element: ProspectPhoneNumbersElement, number: string) =>
  within(inside(element)).findByRole('link', { name: number }, SLOW);

/**
 * Types a value into a row's Extension cell and commits it with Enter. The value is set with fireEvent:
 * under jsdom, user-event's typing inside a shadow root does not reach React's onChange (a browser's
 * does; the Playwright spec types).
 */
async function editExtension(row: HTMLElement, value: string) {
  const user = userEvent.setup();
  await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
  fireEvent.change(within(row).getByRole('textbox'), { target: { value } });
  await user.keyboard('{Enter}');
}

const grid = (element: ProspectPhoneNumbersElement) =>
  within(inside(element)).getByRole('grid', { name: 'Phone numbers' });

describe('<prospect-phone-numbers>', { timeout: 20_000 }, () => {
  it("waits for a token provider, then shows the prospect's numbers with its token", async () => {
    const { tokens } = serveTwoProspects();
    const element = createElement({ 'prospect-id': '1' });
    document.body.append(element);

    expect(await within(inside(element)).findByRole('status')).toHaveTextContent(
      'Waiting for sign-in…',
    );
    expect(tokens).toEqual([]);

    element.accessTokenProvider = hostToken;

    expect(await numberLink(element, '+1 415 555 0101')).toBeVisible();
    expect(tokens).toContain('Bearer host-token');
    expect(element.shadowRoot?.mode).toBe('open');
  });

  it('is defined once, and takes a token provider set before its definition', async () => {
    serveTwoProspects();
    defineProspectPhoneNumbers();
    expect(customElements.get(PROSPECT_PHONE_NUMBERS_TAG)).toBe(ProspectPhoneNumbersElement);

    // A page that sets the property before the script has run: the element is not upgraded yet.
    const early = document.createElement('early-phone-numbers');
    early.setAttribute('prospect-id', '1');
    early.setAttribute('api-base-url', TEST_API_BASE_URL);
    Object.assign(early, { accessTokenProvider: hostToken });
    document.body.append(early);
    customElements.define('early-phone-numbers', class extends ProspectPhoneNumbersElement {});

    if (!(early instanceof ProspectPhoneNumbersElement)) throw new Error('Not upgraded.');
    expect(early.accessTokenProvider).toBe(hostToken);
    expect(await numberLink(early, '+1 415 555 0101')).toBeVisible();
  });

  it("shows another prospect's numbers when prospect-id changes", async () => {
    serveTwoProspects();
    const element = createElement({ 'prospect-id': '1' });
    element.accessTokenProvider = hostToken;
    document.body.append(element);
    await numberLink(element, '+1 415 555 0101');

    element.setAttribute('prospect-id', '2');

    expect(await numberLink(element, '+1 415 555 0102')).toBeVisible();
    expect(
      within(grid(element)).queryByRole('link', { name: '+1 415 555 0101' }),
    ).not.toBeInTheDocument();
  });

  it('tells the page of a change with a phone-numbers-change event that leaves the shadow root', async () => {
    serveTwoProspects();
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, () =>
        jsonApiResponse({
          data: phoneNumberResource(1, { number: '+14155550101', extension: '42' }),
        }),
      ),
    );
    const changes: PhoneNumbersChangeEvent[] = [];
    document.addEventListener('phone-numbers-change', (event) => {
      changes.push(event as PhoneNumbersChangeEvent);
    });
    const user = userEvent.setup();
    const element = createElement({ 'prospect-id': '1' });
    element.accessTokenProvider = hostToken;
    document.body.append(element);

    const link = await numberLink(element, '+1 415 555 0101');
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await user.dblClick(row.querySelector<HTMLElement>('[data-field="extension"]')!);
    await editExtension(row, '42');

    await waitFor(() => {
      expect(changes).toHaveLength(1);
    }, SLOW);
    const [change] = changes;
    expect(change?.bubbles).toBe(true);
    expect(change?.composed).toBe(true);
    expect(change?.target).toBe(element);
    expect(change?.detail).toEqual({
      action: 'updated',
      phoneNumber: expect.objectContaining({ id: 1, extension: '42' }),
    });
  });

  it('tells the page of a failed load with a phone-numbers-error event', async () => {
    server.use(
      http.get(PHONE_NUMBERS_URL, () =>
        errorResponse(403, {
          id: 'unauthorizedRequest',
          title: 'Forbidden',
          detail: 'Not yours.',
        }),
      ),
      ...prospectsEndpoint([prospectResource(1, 'Olivia García', 'Acme Corporation')]).handlers,
    );
    const errors: PhoneNumbersErrorEvent[] = [];
    const element = createElement({ 'prospect-id': '1' });
    element.addEventListener('phone-numbers-error', (event) => {
      errors.push(event as PhoneNumbersErrorEvent);
    });
    element.accessTokenProvider = hostToken;
    document.body.append(element);

    await waitFor(() => {
      expect(errors.map((event) => event.detail)).toEqual([
        {
          message:
            "You're not allowed to see these phone numbers. Ask an administrator if you need them.",
          status: 403,
        },
      ]);
    }, SLOW);
    expect(errors[0]?.composed).toBe(true);
    expect(within(inside(element)).getByRole('alert')).toHaveTextContent(
      "Couldn't load phone numbers",
    );
  });

  it('tells the page of a refused write with a phone-numbers-error event', async () => {
    serveTwoProspects();
    server.use(
      http.patch(`${PHONE_NUMBERS_URL}/:id`, () =>
        errorResponse(403, { id: 'unauthorizedRequest', title: 'Forbidden', detail: 'No.' }),
      ),
    );
    const errors: PhoneNumbersErrorEvent[] = [];
    const element = createElement({ 'prospect-id': '1' });
    element.addEventListener('phone-numbers-error', (event) => {
      errors.push(event as PhoneNumbersErrorEvent);
    });
    element.accessTokenProvider = hostToken;
    document.body.append(element);

    const link = await numberLink(element, '+1 415 555 0101');
    const row = link.closest<HTMLElement>('[role="row"]')!;
    await editExtension(row, '42');

    await waitFor(() => {
      expect(errors.map((event) => event.detail)).toEqual([
        {
          message: "You no longer have permission to change this prospect's phone numbers.",
          status: 403,
        },
      ]);
    }, SLOW);
  });

  it('keeps its styles and its dialogs inside the shadow root', async () => {
    serveTwoProspects();
    const user = userEvent.setup();
    const element = createElement({ 'prospect-id': '1' });
    element.accessTokenProvider = hostToken;
    document.body.append(element);
    await numberLink(element, '+1 415 555 0101');

    await user.click(within(inside(element)).getByRole('button', { name: 'Add phone number' }));
    const dialog = await within(inside(element)).findByRole(
      'dialog',
      { name: 'Add phone number' },
      SLOW,
    );
    await user.click(within(dialog).getByRole('combobox', { name: 'Type' }));

    // Opened from inside the modal dialog, the menu opens inside the dialog's root, not beside it.
    const listbox = within(inside(element)).getByRole('listbox');
    expect(dialog.closest('.MuiDialog-root')).toContainElement(listbox);
    expect(document.body.children).toHaveLength(1);
    expect(document.head.querySelectorAll('style')).toHaveLength(0);
    expect(
      element.shadowRoot?.querySelectorAll('style[data-emotion^="ppn"]').length,
    ).toBeGreaterThan(0);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('follows the theme attribute, and the system setting without it', async () => {
    serveTwoProspects();
    const media = watchColorSchemeQueries();
    const element = createElement({ 'prospect-id': '1', theme: 'dark' });
    element.accessTokenProvider = hostToken;
    document.body.append(element);
    await numberLink(element, '+1 415 555 0101');

    const styles = () =>
      [...(element.shadowRoot?.querySelectorAll('style') ?? [])]
        .map((style) => style.textContent)
        .join('');
    expect(styles()).toContain('color-scheme:dark');
    expect(media.listening()).toBe(0);

    element.removeAttribute('theme');

    await waitFor(() => {
      expect(media.listening()).toBe(1);
    }, SLOW);
    expect(styles()).toContain('color-scheme:light');
  });

  it('starts over, without what it had loaded, when another token provider is set', async () => {
    const { tokens } = serveTwoProspects();
    const element = createElement({ 'prospect-id': '1' });
    element.accessTokenProvider = hostToken;
    document.body.append(element);
    await numberLink(element, '+1 415 555 0101');

    element.accessTokenProvider = () => Promise.resolve('another-token');

    await waitFor(() => {
      expect(tokens).toContain('Bearer another-token');
    }, SLOW);
    expect(await numberLink(element, '+1 415 555 0101')).toBeVisible();

    element.accessTokenProvider = undefined;

    expect(await within(inside(element)).findByRole('status')).toHaveTextContent(
      'Waiting for sign-in…',
    );
  });

  it('leaves no listeners, timers, frames or observers behind once removed', async () => {
    serveTwoProspects();
    const deleted: string[] = [];
    server.use(
      http.delete(`${PHONE_NUMBERS_URL}/:id`, ({ params }) => {
        deleted.push(String(params.id));
        return new HttpResponse(null, { status: 204 });
      }),
    );
    const media = watchColorSchemeQueries();
    // Before the watch: user-event keeps listeners of its own on the document.
    const user = userEvent.setup();
    const leaks = watchForLeaks();
    const changes: PhoneNumbersChangeEvent[] = [];
    const element = createElement({ 'prospect-id': '1' });
    element.addEventListener('phone-numbers-change', (event) => {
      changes.push(event as PhoneNumbersChangeEvent);
    });
    element.accessTokenProvider = hostToken;
    document.body.append(element);
    await numberLink(element, '+1 415 555 0101');
    // A tooltip, a dialog and the Undo snackbar, each with its own timers and document listeners.
    await user.hover(within(inside(element)).getByRole('button', { name: 'Add phone number' }));
    await user.click(
      within(inside(element)).getByRole('button', { name: 'Delete +1 415 555 0101' }),
    );
    const dialog = await within(inside(element)).findByRole(
      'dialog',
      { name: 'Delete phone number?' },
      SLOW,
    );
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await within(inside(element)).findByRole('button', { name: 'Undo' }, SLOW);
    expect(leaks.active().timers).toBeGreaterThan(0);
    expect(leaks.active().listeners.length).toBeGreaterThan(0);
    expect(media.listening()).toBe(1);

    element.remove();

    // The delete waiting out its undo window is sent at once, and reported.
    await waitFor(() => {
      expect(changes.map((event) => event.detail.action)).toEqual(['deleted']);
    }, SLOW);
    expect(deleted).toEqual(['1']);
    await leaks.settle();
    expect(leaks.active()).toEqual({ listeners: [], timers: 0, frames: 0, observers: 0 });
    expect(media.listening()).toBe(0);
  });
});

/** A stand-in for matchMedia, which jsdom lacks, that counts the listeners on it. */
function watchColorSchemeQueries() {
  const listeners = new Set<unknown>();
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: false,
    media: query,
    addListener: (listener: unknown) => listeners.add(listener),
    removeListener: (listener: unknown) => listeners.delete(listener),
    addEventListener: (_type: string, listener: unknown) => listeners.add(listener),
    removeEventListener: (_type: string, listener: unknown) => listeners.delete(listener),
  }));
  return { listening: () => listeners.size };
}

/**
 * Counts what outlives a component unless it cleans up: listeners on the window and on nodes of the page
 * itself (not inside the shadow root, whose nodes go with it), pending timeouts and intervals, animation
 * frames, and ResizeObserver / MutationObserver instances still observing.
 */
function watchForLeaks() {
  const adds = vi.spyOn(EventTarget.prototype, 'addEventListener');
  const removes = vi.spyOn(EventTarget.prototype, 'removeEventListener');
  const onPage = (target: unknown) =>
    target === window || (target instanceof Node && target.getRootNode() === document);
  const capture = (options: unknown) =>
    typeof options === 'boolean'
      ? options
      : typeof options === 'object' &&
        options !== null &&
        'capture' in options &&
        options.capture === true;
  /** Listeners added to the page and not removed since, as "target type". */
  function listeners(): string[] {
    const active: ListenerEntry[] = [];
    adds.mock.calls.forEach(([type, listener, options], index) => {
      const target = adds.mock.contexts[index];
      // React listens for selectionchange on the document once, for every root it will ever have there.
      if (!onPage(target) || !listener || (target === document && type === 'selectionchange'))
        return;
      const added = { target, type, listener, capture: capture(options) };
      if (!active.some((one) => sameListener(one, added))) active.push(added);
    });
    removes.mock.calls.forEach(([type, listener, options], index) => {
      const removed = {
        target: removes.mock.contexts[index],
        type,
        listener,
        capture: capture(options),
      };
      const at = active.findIndex((one) => sameListener(one, removed));
      if (at >= 0) active.splice(at, 1);
    });
    return active.map(
      ({ target, type }) =>
        `${target === window ? 'window' : target instanceof Node ? target.nodeName : '?'} ${type}`,
    );
  }

  const timers = new Set<unknown>();
  const realSetTimeout = globalThis.setTimeout.bind(globalThis);
  const realClearTimeout = globalThis.clearTimeout.bind(globalThis);
  const realSetInterval = globalThis.setInterval.bind(globalThis);
  const realClearInterval = globalThis.clearInterval.bind(globalThis);
  vi.stubGlobal(
    'setTimeout',
    (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
      const id = realSetTimeout(
        (...callbackArgs: unknown[]) => {
          timers.delete(id);
          callback(...callbackArgs);
        },
        delay,
        ...args,
      );
      timers.add(id);
      return id;
    },
  );
  vi.stubGlobal('clearTimeout', (id: Parameters<typeof clearTimeout>[0]) => {
    timers.delete(id);
    realClearTimeout(id);
  });
  vi.stubGlobal(
    'setInterval',
    (callback: (...args: unknown[]) => void, delay?: number, ...args: unknown[]) => {
      const id = realSetInterval(callback, delay, ...args);
      timers.add(id);
      return id;
    },
  );
  vi.stubGlobal('clearInterval', (id: Parameters<typeof clearInterval>[0]) => {
    timers.delete(id);
    realClearInterval(id);
  });

  const frames = new Set<number>();
  const realRequestFrame = window.requestAnimationFrame.bind(window);
  const realCancelFrame = window.cancelAnimationFrame.bind(window);
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    const id = realRequestFrame((time) => {
      frames.delete(id);
      callback(time);
    });
    frames.add(id);
    return id;
  });
  vi.stubGlobal('cancelAnimationFrame', (id: number) => {
    frames.delete(id);
    realCancelFrame(id);
  });

  const observing = new Set<object>();
  class WatchedResizeObserver {
    observe() {
      observing.add(this);
    }
    unobserve() {
      observing.delete(this);
    }
    disconnect() {
      observing.delete(this);
    }
  }
  class WatchedMutationObserver extends MutationObserver {
    override observe(target: Node, options?: MutationObserverInit) {
      observing.add(this);
      super.observe(target, options);
    }
    override disconnect() {
      observing.delete(this);
      super.disconnect();
    }
  }
  vi.stubGlobal('ResizeObserver', WatchedResizeObserver);
  vi.stubGlobal('MutationObserver', WatchedMutationObserver);

  return {
    active: () => ({
      listeners: listeners(),
      timers: timers.size,
      frames: frames.size,
      observers: observing.size,
    }),
    /** Lets what was already under way finish: responses, promise chains, a last frame. */
    settle: async () => {
      for (let turn = 0; turn < 10; turn++) {
        await new Promise((done) => realSetTimeout(done, 20));
      }
    },
  };
}

interface ListenerEntry {
  target: unknown;
  type: string;
  listener: unknown;
  capture: boolean;
}

function sameListener(a: ListenerEntry, b: ListenerEntry): boolean {
  return (
    a.target === b.target &&
    a.type === b.type &&
    a.listener === b.listener &&
    a.capture === b.capture
  );
}
