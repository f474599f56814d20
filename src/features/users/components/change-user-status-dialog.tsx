import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { useId, useState } from 'react';
import { useUpdateUser } from '../api/use-update-user';
import { userLabel, type User } from '../schemas/user';
import { describeUserError } from './describe-user-error';

interface ChangeUserStatusDialogProps {
  /** The user to deactivate (when active) or reactivate (when locked); undefined when closed. */
  user: User | undefined;
  onClose: () => void;
}

/**
 * Asks before deactivating or reactivating someone, naming them. A refusal stays in the dialog, where the
 * admin acted, until they try again or cancel.
 */
export function ChangeUserStatusDialog({ user: asked, onClose }: ChangeUserStatusDialogProps) {
  const update = useUpdateUser();
  // The dialog still names the user while it closes.
  const [user, setUser] = useState(asked);
  if (asked !== undefined && asked !== user) setUser(asked);
  const titleId = useId();
  const close = () => {
    update.reset();
    onClose();
  };
  const name = user ? userLabel(user) : '';
  const verb = user?.locked ? 'Reactivate' : 'Deactivate';
  return (
    <Dialog open={asked !== undefined} onClose={close} aria-labelledby={titleId}>
      <DialogTitle id={titleId}>
        {verb} {name}?
      </DialogTitle>
      <DialogContent>
        <DialogContentText>
          {user?.locked
            ? `${name} will be able to sign in again, with the role they had.`
            : `${name} will be signed out everywhere at once, and won't be able to sign in until an admin reactivates them.`}
        </DialogContentText>
        {update.isError ? (
          <Alert severity="error" sx={{ mt: 2 }}>
            {describeUserError(update.error)}
          </Alert>
        ) : null}
      </DialogContent>
      <DialogActions>
        <Button onClick={close}>Cancel</Button>
        <Button
          color={user?.locked ? 'primary' : 'error'}
          variant="contained"
          loading={update.isPending}
          onClick={() => {
            if (!asked) return;
            update.mutate({ user: asked, change: { locked: !asked.locked } }, { onSuccess: close });
          }}
        >
          {verb}
        </Button>
      </DialogActions>
    </Dialog>
  );
}
