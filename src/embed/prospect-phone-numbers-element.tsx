import createCache, { type EmotionCache } from '@emotion/cache';
import { CacheProvider } from '@emotion/react';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import GlobalStyles from '@mui/material/GlobalStyles';
import Typography from '@mui/material/Typography';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import { createRoot, type Root } from 'react-dom/client';
import { flushPendingDeletes } from '@/features/phone-numbers/api/pending-deletes';
import { ProspectPageHrefContext } from '@/features/phone-numbers/components/prospect-link';
import { createQueryClient } from '@/lib/query-client';
import { createPanelTheme } from './panel-theme';
import {
  PhoneNumbersPanel,
  type PhoneNumberChange,
  type PhoneNumberFailure,
  type PhoneNumbersPanelApi,
} from './phone-numbers-panel';

export const PROSPECT_PHONE_NUMBERS_TAG = 'prospect-phone-numbers';

/** Gives the access token to send, or nothing when the user is not signed in. */
export type AccessTokenProvider = () => Promise<string | null | undefined>;

export type PhoneNumbersChangeEvent = CustomEvent<PhoneNumberChange>;
export type PhoneNumbersErrorEvent = CustomEvent<PhoneNumberFailure>;

type ColorScheme = 'light' | 'dark' | undefined;

/** The server the script came from: its API is the default one. */
const scriptUrl = import.meta.url;

/** Only the host box here; the reset is on `.root`, which the page's selectors cannot reach. */
const HOST_STYLE = `
:host { display: block; }
:host([hidden]) { display: none; }
.root { all: initial; display: block; }
`;

/**
 * What the page would otherwise pass down by inheritance (its fonts, colours, text-transform, …): the
 * `all: initial` above cuts it off, and this puts back what the app's CssBaseline gives its <body>.
 */
const rootStyles = (theme: Theme) => ({
  '.root': {
    ...theme.typography.body1,
    color: theme.palette.text.primary,
    backgroundColor: theme.palette.background.default,
    colorScheme: theme.palette.mode,
    boxSizing: 'border-box' as const,
    WebkitFontSmoothing: 'antialiased',
    MozOsxFontSmoothing: 'grayscale',
    WebkitTextSizeAdjust: '100%',
  },
  '.root *, .root *::before, .root *::after': { boxSizing: 'inherit' as const },
  '.root strong, .root b': { fontWeight: theme.typography.fontWeightBold },
});

function colorSchemeOf(value: string | null): ColorScheme {
  return value === 'light' || value === 'dark' ? value : undefined;
}

function prospectIdOf(value: string | null): number | undefined {
  if (value === null || !/^\s*\d+\s*$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

function Notice({ children }: { children: string }) {
  return (
    <Typography role="status" sx={{ p: 2, color: 'text.secondary' }}>
      {children}
    </Typography>
  );
}

interface ElementViewProps {
  prospectId: number | undefined;
  api: PhoneNumbersPanelApi | undefined;
  onChange: (change: PhoneNumberChange) => void;
  onError: (failure: PhoneNumberFailure) => void;
}

function ElementView({ prospectId, api, onChange, onError }: ElementViewProps) {
  if (api === undefined) return <Notice>Waiting for sign-in…</Notice>;
  if (prospectId === undefined) return <Notice>No prospect: prospect-id names none.</Notice>;
  // The app's pages are on the API's origin, not on the page that holds the element.
  const prospectPageHref = (id: number) =>
    new URL(`/prospects/${id}`, api.baseUrl ?? scriptUrl).href;
  return (
    <ProspectPageHrefContext value={prospectPageHref}>
      <PhoneNumbersPanel prospectId={prospectId} api={api} onChange={onChange} onError={onError} />
    </ProspectPageHrefContext>
  );
}

/** The API settings for one token provider and one API root: a change of either starts the panel over. */
interface Session {
  provider: AccessTokenProvider;
  baseUrl: string;
  api: PhoneNumbersPanelApi;
}

function sessionOf(provider: AccessTokenProvider, baseUrl: string): Session {
  const getAccessToken = async () => {
    const token: unknown = await provider();
    return typeof token === 'string' && token !== '' ? token : undefined;
  };
  return { provider, baseUrl, api: { baseUrl, getAccessToken } };
}

/**
 * `<prospect-phone-numbers prospect-id="2">`: a prospect's phone numbers for any page, in an open shadow
 * root that the page's CSS does not reach into and its own CSS does not leave. Set `accessTokenProvider`
 * to start; it tells the page of changes (`phone-numbers-change`) and failures (`phone-numbers-error`).
 */
export class ProspectPhoneNumbersElement extends HTMLElement {
  static readonly observedAttributes = ['prospect-id', 'api-base-url', 'theme'];

  readonly #cache: EmotionCache;
  /** Holds the panel and, as the theme's container, its dialogs, menus and tooltips. */
  readonly #container: HTMLDivElement;
  /** React's root container, apart from the popups so that React alone manages its children. */
  readonly #mount: HTMLDivElement;
  #root: Root | undefined;
  #queryClient: QueryClient | undefined;
  #provider: AccessTokenProvider | undefined;
  #session: Session | undefined;
  #theme: { scheme: ColorScheme; theme: Theme } | undefined;

  constructor() {
    super();
    const shadow = this.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = HOST_STYLE;
    this.#container = document.createElement('div');
    this.#container.className = 'root';
    this.#mount = document.createElement('div');
    this.#container.append(this.#mount);
    shadow.append(style, this.#container);
    this.#cache = createCache({ key: 'ppn', container: shadow });
  }

  /**
   * Gives the access token, called before every request and again when the API refuses one (give a
   * fresh token then). Until it is set the element waits; another one starts the panel over.
   */
  get accessTokenProvider(): AccessTokenProvider | undefined {
    return this.#provider;
  }

  set accessTokenProvider(provider: AccessTokenProvider | null | undefined) {
    const given: unknown = provider;
    if (given != null && typeof given !== 'function') {
      throw new TypeError('accessTokenProvider must be a function that returns a promise.');
    }
    this.#provider = provider ?? undefined;
    this.#update();
  }

  connectedCallback() {
    this.#adoptPropertySetEarly();
    // Moved within the page: still mounted, since the removal's clean-up waits for a microtask.
    if (this.#root) return;
    this.#start();
    this.#update();
  }

  disconnectedCallback() {
    // After the current task: a move (removed and inserted again at once) keeps the panel as it is, and a
    // React host that removes the element while it renders is not asked to unmount a root meanwhile.
    queueMicrotask(() => {
      if (!this.isConnected) this.#stop();
    });
  }

  attributeChangedCallback() {
    this.#update();
  }

  #start() {
    this.#queryClient = createQueryClient();
    this.#root = createRoot(this.#mount);
  }

  #stop() {
    this.#root?.unmount();
    this.#root = undefined;
    this.#session = undefined;
    const queryClient = this.#queryClient;
    this.#queryClient = undefined;
    if (!queryClient) return;
    // A delete still in its undo window is sent now, with the token it was confirmed with, as when the
    // tab closes (docs/decisions/0016); then the cache goes, with its garbage-collection timers.
    void flushPendingDeletes(queryClient).then(() => {
      queryClient.clear();
    });
  }

  /** A page may set the property before this class is defined; the own property then hides the setter. */
  #adoptPropertySetEarly() {
    if (!Object.hasOwn(this, 'accessTokenProvider')) return;
    const value: unknown = Reflect.get(this, 'accessTokenProvider');
    Reflect.deleteProperty(this, 'accessTokenProvider');
    Reflect.set(this, 'accessTokenProvider', value);
  }

  #themeFor(scheme: ColorScheme): Theme {
    if (this.#theme !== undefined && this.#theme.scheme === scheme) return this.#theme.theme;
    const theme = createPanelTheme({ container: this.#container, colorScheme: scheme });
    this.#theme = { scheme, theme };
    return theme;
  }

  #dispatch(type: string, detail: PhoneNumberChange | PhoneNumberFailure) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #update() {
    if (!this.#root) return;
    const baseUrl = new URL(
      this.getAttribute('api-base-url') ?? new URL('/api/v2', scriptUrl).href,
      document.baseURI,
    ).href;
    const previous = this.#session;
    const current =
      this.#provider === undefined
        ? undefined
        : previous?.provider === this.#provider && previous.baseUrl === baseUrl
          ? previous
          : sessionOf(this.#provider, baseUrl);
    if (previous !== undefined && current !== previous) {
      // Another user, or another server: nothing loaded before may show.
      this.#stop();
      this.#start();
    }
    this.#session = current;
    this.#render(current);
  }

  #render(session: Session | undefined) {
    if (!this.#root || !this.#queryClient) return;
    this.#root.render(
      <CacheProvider value={this.#cache}>
        <ThemeProvider
          theme={this.#themeFor(colorSchemeOf(this.getAttribute('theme')))}
          storageManager={null}
          noSsr
        >
          <GlobalStyles styles={rootStyles} />
          <QueryClientProvider client={this.#queryClient}>
            <ElementView
              prospectId={prospectIdOf(this.getAttribute('prospect-id'))}
              api={session?.api}
              onChange={(change) => {
                this.#dispatch('phone-numbers-change', change);
              }}
              onError={(failure) => {
                this.#dispatch('phone-numbers-error', failure);
              }}
            />
          </QueryClientProvider>
        </ThemeProvider>
      </CacheProvider>,
    );
  }
}

/** Defines `<prospect-phone-numbers>` once; a second copy of the script leaves the first one in place. */
export function defineProspectPhoneNumbers(registry: CustomElementRegistry = customElements) {
  if (!registry.get(PROSPECT_PHONE_NUMBERS_TAG)) {
    registry.define(PROSPECT_PHONE_NUMBERS_TAG, ProspectPhoneNumbersElement);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'prospect-phone-numbers': ProspectPhoneNumbersElement;
  }
}
