import { useEffect } from 'react';
import { Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useAuthState } from '@/features/auth/auth-session-context';
import { PhoneNumberDensity } from '@/features/phone-numbers/components/phone-number-density';
import { PhoneNumberFilters } from '@/features/phone-numbers/components/phone-number-filters';
import { PhoneNumberList } from '@/features/phone-numbers/components/phone-number-list';
import { PhoneNumberOwnerFilter } from '@/features/phone-numbers/components/phone-number-owner-filter';
import { PhoneNumberSearch } from '@/features/phone-numbers/components/phone-number-search';
import { PhoneNumberUpdatedFilter } from '@/features/phone-numbers/components/phone-number-updated-filter';
import {
  ProspectLinkContext,
  type ProspectLinkProps,
} from '@/features/phone-numbers/components/prospect-link';
import { usePhoneNumberListState } from '@/features/phone-numbers/hooks/use-phone-number-list-state';
import { changeView } from '@/features/phone-numbers/schemas/phone-number-list-state';
import { prospectQueries } from '@/features/prospects/api/prospect-queries';
import { ProspectCombobox } from '@/features/prospects/components/prospect-combobox';
import { userQueries } from '@/features/users/api/user-queries';
import { userLabel } from '@/features/users/schemas/user';
import { useApiClient } from '@/lib/api-client-context';
import { ApiError } from '@/lib/api-error';
import { useImportRefusal } from './use-import-refusal';

/** The Prospect column's links, followed by the router without loading the page again. */
function routerProspectLink({ prospectId, tabIndex, children }: ProspectLinkProps) {
  return (
    <Link component={RouterLink} to={`/prospects/${prospectId}`} tabIndex={tabIndex}>
      {children}
    </Link>
  );
}

/**
 * /phone-numbers: the grid, narrowed by the "Prospect" combobox, "Find a number" and the filters, all
 * kept in the URL; with a prospect chosen, a link to its page beside the combobox.
 */
export function PhoneNumbersRoute() {
  const client = useApiClient();
  const [state, setState] = usePhoneNumberListState();
  const auth = useAuthState();
  const prospect = useQuery(prospectQueries.detail(client, state.prospect));
  const me = auth.status === 'signed-in' ? auth.user.id : undefined;
  // A shared link's other owner is named on the chip that clears it.
  const otherOwner = useQuery(
    userQueries.detail(client, state.owner === me ? undefined : state.owner),
  );
  const importRefusal = useImportRefusal();
  const prospectGone = prospect.error instanceof ApiError && prospect.error.status === 404;

  // A link to a prospect that no longer exists lists all numbers rather than an empty grid.
  useEffect(() => {
    if (prospectGone) setState(changeView(state, { prospect: undefined }), { replace: true });
  }, [prospectGone, state, setState]);

  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        Phone numbers
      </Typography>
      <Stack
        role="search"
        aria-label="Choose phone numbers"
        direction={{ xs: 'column', sm: 'row' }}
        spacing={2}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
      >
        <ProspectCombobox
          prospectId={state.prospect}
          onChange={(prospectId) => {
            setState((current) => changeView(current, { prospect: prospectId }));
          }}
        />
        {prospect.data !== undefined && prospect.data.id === state.prospect && (
          <Link
            component={RouterLink}
            to={`/prospects/${prospect.data.id}`}
            sx={{ alignSelf: { sm: 'flex-start' }, mt: { sm: 1 } }}
          >
            {prospect.data.name === null
              ? "Open the prospect's page"
              : `Open ${prospect.data.name}'s page`}
          </Link>
        )}
        <PhoneNumberSearch
          value={state.number}
          onChange={(number) => {
            setState((current) => changeView(current, { number }));
          }}
        />
        <PhoneNumberFilters
          types={state.types}
          statuses={state.statuses}
          onTypesChange={(types) => {
            setState((current) => changeView(current, { types }));
          }}
          onStatusesChange={(statuses) => {
            setState((current) => changeView(current, { statuses }));
          }}
          countries={state.countries}
          onCountriesChange={(countries) => {
            setState((current) => changeView(current, { countries }));
          }}
        />
        <PhoneNumberUpdatedFilter
          from={state.updatedFrom}
          to={state.updatedTo}
          onChange={(updatedFrom, updatedTo) => {
            setState((current) => changeView(current, { updatedFrom, updatedTo }));
          }}
        />
        {auth.status === 'signed-in' && (
          <PhoneNumberOwnerFilter
            owner={state.owner}
            me={auth.user.id}
            ownerName={otherOwner.data === undefined ? undefined : userLabel(otherOwner.data)}
            refusal={
              state.prospect === undefined
                ? undefined
                : 'A prospect is chosen: clear Prospect to see the numbers of your prospects'
            }
            onChange={(owner) => {
              setState((current) => changeView(current, { owner }));
            }}
          />
        )}
      </Stack>
      <PhoneNumberDensity
        value={state.density}
        onChange={(density) => {
          // Only how the rows look: the same page, so no new request.
          setState((current) => ({ ...current, density }));
        }}
      />
      <ProspectLinkContext value={routerProspectLink}>
        <PhoneNumberList
          state={state}
          onStateChange={setState}
          prospect={prospect.data}
          importRefusal={importRefusal}
        />
      </ProspectLinkContext>
    </Stack>
  );
}
