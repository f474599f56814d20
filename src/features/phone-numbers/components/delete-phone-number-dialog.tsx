import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import { formatDateTime } from '@/lib/format';
import { formatInternational } from '@contract/phone-number-format';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { phoneTypeLabel } from '@/lib/phone-value-labels';

export interface DeletePhoneNumberDialogProps {
  /** The number to delete; the dialog is open while there is one. */
  phoneNumber: ListedPhoneNumber | undefined;
  /**
   * The server refused a delete the rep confirmed, because the number had changed since: the dialog
   * asks again about the number as it is now (`phoneNumber`), and says so.
   */
  changedSinceAsked?: boolean;
  onCancel: () => void;
  onConfirm: (phoneNumber: ListedPhoneNumber) => void;
}

function changedNotice(updatedAt: string | null): string {
  const at = updatedAt === null ? undefined : new Date(updatedAt);
  const when = at === undefined || Number.isNaN(at.getTime()) ? '' : ` at ${formatDateTime(at)}`;
  return `Someone changed this number${when}, after you chose to delete it, so it was not deleted. This is how it is now.`;
}

/** "Delete phone number?", naming the number; Delete is not the default button, Cancel is. */
export function DeletePhoneNumberDialog({
  phoneNumber,
  changedSinceAsked = false,
  onCancel,
  onConfirm,
}: DeletePhoneNumberDialogProps) {
  const shown =
    phoneNumber?.number == null
      ? 'This phone number'
      : formatInternational(phoneNumber.number, phoneNumber.extension);
  const type = phoneNumber?.phoneType == null ? '' : ` (${phoneTypeLabel(phoneNumber.phoneType)})`;
  return (
    <Dialog
      open={phoneNumber !== undefined}
      onClose={onCancel}
      aria-labelledby="delete-phone-number-title"
      aria-describedby="delete-phone-number-description"
    >
      <DialogTitle id="delete-phone-number-title">Delete phone number?</DialogTitle>
      <DialogContent>
        {changedSinceAsked && (
          <Alert severity="warning" sx={{ mb: 2 }}>
            {changedNotice(phoneNumber?.updatedAt ?? null)}
          </Alert>
        )}
        <DialogContentText id="delete-phone-number-description">
          <bdi dir="ltr">{shown}</bdi>
          {type} will be deleted. You can undo this for a few seconds afterwards.
        </DialogContentText>
      </DialogContent>
      <DialogActions>
        <Button onClick={onCancel} autoFocus>
          Cancel
        </Button>
        <Button
          color="error"
          variant="contained"
          onClick={() => {
            if (phoneNumber) onConfirm(phoneNumber);
          }}
        >
          Delete
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export default DeletePhoneNumberDialog;
