import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ApiError } from '@/lib/api-error';
import { useChangeProspectOwner } from '../api/use-change-prospect-owner';
import type { ProspectProfile } from '../schemas/prospect-profile';

/** Someone a prospect can be given to. */
export interface OwnerCandidate {
  id: number;
  name: string;
}

interface ProspectOwnerSelectProps {
  profile: ProspectProfile;
  /** The active users; undefined while they load. */
  candidates: readonly OwnerCandidate[] | undefined;
}

const describeFailure = (error: unknown) =>
  error instanceof ApiError
    ? error.message
    : 'The server could not be reached. Check your connection and try again.';

/**
 * An admin's "Owner" select on the prospect page: the prospect changes hands as soon as someone else is
 * chosen. While that is on its way, and after a refusal, the choice stays shown, with why and a Retry.
 */
export function ProspectOwnerSelect({ profile, candidates }: ProspectOwnerSelectProps) {
  const change = useChangeProspectOwner(profile.id);
  const attempted = change.isPending || change.isError ? change.variables : undefined;
  const options = [...(candidates ?? [])];
  // An owner no longer among the active users (deactivated) is still who owns the prospect now.
  if (profile.ownerId !== null && !options.some((option) => option.id === profile.ownerId)) {
    options.unshift({ id: profile.ownerId, name: profile.ownerName ?? `User ${profile.ownerId}` });
  }
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <TextField
        select
        size="small"
        value={String(attempted ?? profile.ownerId ?? '')}
        disabled={change.isPending || candidates === undefined}
        error={change.isError}
        onChange={(event) => {
          const ownerId = Number(event.target.value);
          if (Number.isSafeInteger(ownerId) && ownerId > 0) change.mutate(ownerId);
        }}
        // Beside the "Owner" term of the prospect's details, which it stands for.
        slotProps={{ select: { native: true }, htmlInput: { 'aria-label': 'Owner' } }}
      >
        {profile.ownerId === null ? <option value="">Nobody</option> : null}
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </TextField>
      {change.isError ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography role="alert" variant="body2" color="error">
            Owner not changed: {describeFailure(change.error)}
          </Typography>
          <Button
            size="small"
            onClick={() => {
              change.mutate(change.variables);
            }}
          >
            Retry
          </Button>
          <Button
            size="small"
            onClick={() => {
              change.reset();
            }}
          >
            Cancel
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
