import { useContext, useMemo, useState, type ReactNode } from 'react';
import { QueryClientContext, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { ThemeContext } from '@emotion/react';
import { ThemeProvider, type Theme } from '@mui/material/styles';
import type {
  PhoneNumberChange,
  PhoneNumberFailure,
} from '@/features/phone-numbers/types/phone-number-events';
import { PhoneNumberList } from '@/features/phone-numbers/components/phone-number-list';
import { useReportLoadFailure } from '@/features/phone-numbers/hooks/use-report-load-failure';
import {
  parsePhoneNumberListState,
  type PhoneNumberListState,
} from '@/features/phone-numbers/schemas/phone-number-list-state';
import { describeProspectLoadError } from '@/features/prospects/components/describe-prospect-load-error';
import { prospectQueries } from '@/features/prospects/api/prospect-queries';
import { createApiClient, type ApiClient } from '@/lib/api-client';
import { ApiClientContext } from '@/lib/api-client-context';
import { appApiBaseUrl } from '@/lib/app-config';
import { createQueryClient } from '@/lib/query-client';
import { createPanelTheme } from './panel-theme';

export type { PhoneNumberChange, PhoneNumberFailure };

/** How the panel reaches the API when the host does not provide an API client. */
export interface PhoneNumbersPanelApi {
  /** The API root, such as https://api.outreach.io/api/v2; the app's own (`/api/v2`) by default. */
  baseUrl?: string | undefined;
  /**
   * The access token to send. Called before every request, and again once when the API refuses a token:
   * return a fresh one then, or undefined when there is none.
   */
  getAccessToken: () => Promise<string | undefined>;
}

export interface PhoneNumbersPanelProps {
  prospectId: number;
  /** Needed unless the panel is inside this app (which provides its API client). */
  api?: PhoneNumbersPanelApi | undefined;
  /** Told after each change the server has accepted: what was done, and to which number. */
  onChange?: ((change: PhoneNumberChange) => void) | undefined;
  /** Told of each load and each write that failed, with what the panel says about it. */
  onError?: ((failure: PhoneNumberFailure) => void) | undefined;
  /** Shows the numbers only: no Add button, no actions, no editable cells. */
  readOnly?: boolean | undefined;
  /**
   * Why the user may not import numbers from a CSV file (a viewer), when the host knows: Import CSV is then
   * refused with it. Without it, the button is offered and the server refuses each row a viewer sends.
   */
  importRefusal?: string | undefined;
  /** The theme when the host has none of its own; the panel's light/dark theme by default. */
  theme?: Theme | undefined;
}

function clientOf(api: PhoneNumbersPanelApi): ApiClient {
  return createApiClient({
    baseUrl: api.baseUrl ?? appApiBaseUrl,
    tokens: {
      getAccessToken: api.getAccessToken,
      // The host's provider is asked again; the same token twice means it has no other.
      refreshAccessToken: async (rejected) => {
        const fresh = await api.getAccessToken();
        return fresh === rejected ? undefined : fresh;
      },
    },
  });
}

/** A prospect's numbers, and the state of the grid kept here rather than in a URL the host owns. */
function PanelList({
  prospectId,
  onChange,
  onError,
  readOnly,
  importRefusal,
}: PhoneNumbersPanelProps) {
  const [state, setState] = useState<PhoneNumberListState>(() =>
    parsePhoneNumberListState(new URLSearchParams({ prospect: String(prospectId) })),
  );
  const client = useContext(ApiClientContext);
  if (!client) throw new Error('PhoneNumbersPanel needs the `api` prop outside this app.');
  const prospect = useQuery(prospectQueries.detail(client, prospectId));
  useReportLoadFailure(prospect.error, onError, describeProspectLoadError);
  return (
    <PhoneNumberList
      state={state}
      onStateChange={setState}
      prospect={prospect.data}
      readOnly={readOnly}
      onChange={onChange}
      onError={onError}
      importRefusal={importRefusal}
      fitContent
    />
  );
}

/**
 * One prospect's phone numbers, with everything the app offers on them, to put inside another page.
 * Uses the host's React Query client, MUI theme and (inside this app) API client when it has them, and
 * brings its own otherwise; needs no router.
 */
export function PhoneNumbersPanel(props: PhoneNumbersPanelProps) {
  const { api, theme } = props;
  const hostQueryClient = useContext(QueryClientContext);
  const hostTheme = useContext(ThemeContext);
  const [ownQueryClient] = useState(createQueryClient);
  const [ownTheme] = useState(() => theme ?? createPanelTheme());
  const ownClient = useMemo(() => (api ? clientOf(api) : undefined), [api]);

  // A new prospect is a new list: sort, filters and page start over.
  let panel: ReactNode = <PanelList key={props.prospectId} {...props} />;
  if (ownClient) panel = <ApiClientContext value={ownClient}>{panel}</ApiClientContext>;
  if (Object.keys(hostTheme).length === 0) {
    panel = (
      <ThemeProvider theme={ownTheme} storageManager={null} noSsr>
        {panel}
      </ThemeProvider>
    );
  }
  if (!hostQueryClient) {
    panel = <QueryClientProvider client={ownQueryClient}>{panel}</QueryClientProvider>;
  }
  return panel;
}
