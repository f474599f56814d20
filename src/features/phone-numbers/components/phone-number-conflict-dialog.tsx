import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import { formatDateTime, formatRegion } from '@/lib/format';
import type { PhoneNumberWritableAttributes } from '@contract/phone-number-rules';
import { formatInternational } from '@contract/phone-number-format';
import type { PhoneNumber } from '../schemas/phone-number';
import { phoneStatusLabel, phoneTypeLabel } from '@/lib/phone-value-labels';

/** A write the server refused because the number changed since the rep read it (412). */
export interface PhoneNumberConflict {
  /** The number as it is now on the server. */
  current: PhoneNumber;
  /** What the rep asked for, kept until it is applied or the rep lets it go. */
  changes: PhoneNumberWritableAttributes;
}

const FIELDS = [
  ['number', 'Number'],
  ['extension', 'Extension'],
  ['countryCode', 'Country'],
  ['phoneType', 'Type'],
  ['status', 'Status'],
] as const;

type ShownField = (typeof FIELDS)[number][0];

function shown(field: ShownField, value: string | null | undefined): string {
  if (value == null || value === '') return '—';
  if (field === 'number') return formatInternational(value);
  if (field === 'countryCode') return formatRegion(value);
  if (field === 'phoneType') return phoneTypeLabel(value);
  if (field === 'status') return phoneStatusLabel(value);
  return value;
}

/** "When" as the server knows it; the server does not record who, so neither does this. */
function changedWhen(current: PhoneNumber): string {
  if (current.updatedAt === null) return 'Someone changed this number since you opened it.';
  const at = new Date(current.updatedAt);
  return Number.isNaN(at.getTime())
    ? 'Someone changed this number since you opened it.'
    : `Someone changed this number at ${formatDateTime(at)}, after you opened it.`;
}

export interface PhoneNumberConflictDialogProps {
  conflict: PhoneNumberConflict | undefined;
  /** Why applying again failed, if it did; the rep's change is still shown. */
  failure: string | undefined;
  applying: boolean;
  onApply: () => void;
  onDiscard: () => void;
}

/**
 * Shows the number as it is now next to the rep's change, which was not saved, and offers to apply it
 * again to what it is now, or to let it go. Escape and a click outside keep the change for later: they
 * only close the dialog when the rep says so (Discard).
 */
export function PhoneNumberConflictDialog({
  conflict,
  failure,
  applying,
  onApply,
  onDiscard,
}: PhoneNumberConflictDialogProps) {
  const current = conflict?.current;
  const changed = FIELDS.filter(([field]) => conflict?.changes[field] !== undefined);
  return (
    <Dialog
      open={conflict !== undefined}
      aria-labelledby="phone-number-conflict-title"
      aria-describedby="phone-number-conflict-description"
    >
      <DialogTitle id="phone-number-conflict-title">Phone number changed</DialogTitle>
      <DialogContent>
        {current && (
          <DialogContentText id="phone-number-conflict-description">
            {changedWhen(current)} Your change was not saved. It is now{' '}
            {current.number === null
              ? 'without a number'
              : formatInternational(current.number, current.extension)}
            .
          </DialogContentText>
        )}
        {failure !== undefined && (
          <Alert severity="error" sx={{ mt: 2 }}>
            {failure}
          </Alert>
        )}
        <Table size="small" aria-label="Your change and the number now" sx={{ mt: 2 }}>
          <TableHead>
            <TableRow>
              <TableCell component="td" />
              <TableCell>Now</TableCell>
              <TableCell>Your change</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {changed.map(([field, label]) => (
              <TableRow key={field}>
                <TableCell component="th" scope="row">
                  {label}
                </TableCell>
                <TableCell>{shown(field, current?.[field])}</TableCell>
                <TableCell>{shown(field, conflict?.changes[field])}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </DialogContent>
      <DialogActions>
        <Button onClick={onDiscard} disabled={applying}>
          Discard my change
        </Button>
        <Button variant="contained" onClick={onApply} loading={applying}>
          Apply my change
        </Button>
      </DialogActions>
    </Dialog>
  );
}

export default PhoneNumberConflictDialog;
