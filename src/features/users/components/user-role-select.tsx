import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import Typography from '@mui/material/Typography';
import { ROLES } from '@contract/user-documents';
import { useUpdateUser } from '../api/use-update-user';
import { ROLE_LABELS, userLabel, type User } from '../schemas/user';
import { describeUserError } from './describe-user-error';

/**
 * A user's role, changed as soon as another is chosen. While the change is on its way, and after the
 * server refused it, the select keeps the admin's choice, with the reason and a Retry beside it.
 */
export function UserRoleSelect({ user }: { user: User }) {
  const update = useUpdateUser();
  const attempted = update.isPending || update.isError ? update.variables.change.role : undefined;
  const name = userLabel(user);
  return (
    <Stack spacing={0.5} sx={{ alignItems: 'flex-start' }}>
      <TextField
        select
        size="small"
        value={attempted ?? user.role ?? ''}
        disabled={update.isPending}
        error={update.isError}
        onChange={(event) => {
          const role = ROLES.find((value) => value === event.target.value);
          if (role !== undefined) update.mutate({ user, change: { role } });
        }}
        slotProps={{ select: { native: true }, htmlInput: { 'aria-label': `Role of ${name}` } }}
      >
        {user.role === null ? (
          <option value="" disabled>
            Unknown
          </option>
        ) : null}
        {ROLES.map((role) => (
          <option key={role} value={role}>
            {ROLE_LABELS[role]}
          </option>
        ))}
      </TextField>
      {update.isError ? (
        <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <Typography role="alert" variant="body2" color="error">
            Role not changed: {describeUserError(update.error)}
          </Typography>
          <Button
            size="small"
            onClick={() => {
              update.mutate(update.variables);
            }}
          >
            Retry
          </Button>
          <Button
            size="small"
            onClick={() => {
              update.reset();
            }}
          >
            Cancel
          </Button>
        </Stack>
      ) : null}
    </Stack>
  );
}
