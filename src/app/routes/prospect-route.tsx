import { lazy, Suspense } from 'react';
import { useParams, Link as RouterLink } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Link from '@mui/material/Link';
import Skeleton from '@mui/material/Skeleton';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { prospectQueries } from '@/features/prospects/api/prospect-queries';
import { describeProspectLoadError } from '@/features/prospects/components/describe-prospect-load-error';
import {
  ProspectDetails,
  ProspectDetailsPlaceholder,
} from '@/features/prospects/components/prospect-details';
import { ProspectOwnerSelect } from '@/features/prospects/components/prospect-owner-select';
import type { ProspectProfile } from '@/features/prospects/schemas/prospect-profile';
import { useIsAdmin } from '@/features/users/api/use-is-admin';
import { userQueries } from '@/features/users/api/user-queries';
import { userLabel } from '@/features/users/schemas/user';
import { useApiClient } from '@/lib/api-client-context';
import { ApiError } from '@/lib/api-error';
import { resourceIdSchema } from '@/lib/json-api-schemas';
import { SignedInPhoneNumbersPanel } from './signed-in-phone-numbers-panel';

// Only admins see it: not worth its weight in the first load.
const ProspectHistory = lazy(() => import('@/features/audit-events/components/prospect-history'));

function ProspectNotFound() {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h4" component="h1">
        Prospect not found
      </Typography>
      <Typography>
        There is no such prospect. It may have been deleted, or the link is wrong.
      </Typography>
      <Link component={RouterLink} to="/phone-numbers">
        Go to the phone numbers
      </Link>
    </Stack>
  );
}

/** An admin's control of who owns the prospect, among the active users. */
function OwnerControl({ profile }: { profile: ProspectProfile }) {
  const client = useApiClient();
  const users = useQuery(userQueries.list(client));
  const candidates = users.data
    ?.filter((user) => !user.locked)
    .map((user) => ({ id: user.id, name: userLabel(user) }));
  return <ProspectOwnerSelect profile={profile} candidates={candidates} />;
}

function ProspectPage({ prospectId }: { prospectId: number }) {
  const client = useApiClient();
  const profile = useQuery(prospectQueries.profile(client, prospectId));
  const isAdmin = useIsAdmin();
  if (profile.error instanceof ApiError && profile.error.status === 404)
    return <ProspectNotFound />;

  return (
    <Stack spacing={3}>
      {profile.isPending ? (
        // The details' place, kept: the numbers below do not move when they arrive.
        <Stack spacing={2} aria-busy="true">
          <Typography variant="h4" component="p">
            <Skeleton role="progressbar" aria-label="Loading the prospect" width="10em" />
          </Typography>
          <ProspectDetailsPlaceholder ownerSelect={isAdmin} />
        </Stack>
      ) : null}
      {profile.data ? (
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            {profile.data.name ?? 'Unnamed prospect'}
          </Typography>
          <ProspectDetails
            profile={profile.data}
            owner={isAdmin ? <OwnerControl profile={profile.data} /> : undefined}
          />
        </Stack>
      ) : null}
      {profile.isError ? (
        <Alert
          severity="error"
          action={
            <Button color="inherit" size="small" onClick={() => void profile.refetch()}>
              Retry
            </Button>
          }
        >
          <AlertTitle>Couldn't load the prospect</AlertTitle>
          {describeProspectLoadError(profile.error)}
        </Alert>
      ) : null}
      <Stack component="section" aria-labelledby="prospect-phone-numbers" spacing={1}>
        <Typography variant="h5" component="h2" id="prospect-phone-numbers">
          Phone numbers
        </Typography>
        <SignedInPhoneNumbersPanel prospectId={prospectId} />
      </Stack>
      {profile.data?.canReadHistory ? (
        <Suspense fallback={<CircularProgress aria-label="Loading the history" size={24} />}>
          <ProspectHistory prospectId={prospectId} />
        </Suspense>
      ) : null}
    </Stack>
  );
}

/** /prospects/:id: who the prospect is, and their phone numbers in the panel other pages embed. */
export function ProspectRoute() {
  const parsed = resourceIdSchema.safeParse(useParams().id);
  if (!parsed.success) return <ProspectNotFound />;
  // A new prospect is a new page: nothing of the last one's state carries over.
  return <ProspectPage key={parsed.data} prospectId={parsed.data} />;
}

export default ProspectRoute;
