import { zodResolver } from '@hookform/resolvers/zod';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import Stack from '@mui/material/Stack';
import TextField, { type TextFieldProps } from '@mui/material/TextField';
import { useId, useState } from 'react';
import { useController, useForm, type Control } from 'react-hook-form';
import { ROLES } from '@contract/user-documents';
import { placeWriteError } from '@/lib/place-write-error';
import { useAddUser } from '../api/use-add-user';
import { newUserFormSchema, type NewUser, type NewUserValues } from '../schemas/new-user';
import { ROLE_LABELS, type User } from '../schemas/user';
import { describeUserError } from './describe-user-error';

type FieldName = keyof NewUserValues;

const FIELDS: readonly FieldName[] = ['email', 'firstName', 'lastName', 'role'];
/** The form field a 422's attribute names (`email` → email), if the form has it. */
const fieldOf = (attribute: string): FieldName | undefined =>
  FIELDS.find((field) => field === attribute);

const resolver = zodResolver(newUserFormSchema);

interface FieldProps {
  control: Control<NewUserValues, unknown, NewUser>;
  name: FieldName;
  label: string;
}

/** A text field of the form, with its message under it. */
function UserTextField({ control, name, label, ...props }: FieldProps & TextFieldProps) {
  const { field, fieldState } = useController({ control, name });
  return (
    <TextField
      {...props}
      label={label}
      name={field.name}
      value={field.value}
      onChange={field.onChange}
      onBlur={field.onBlur}
      inputRef={field.ref}
      error={fieldState.error !== undefined}
      helperText={fieldState.error?.message}
      fullWidth
    />
  );
}

interface AddUserFormProps {
  onClose: () => void;
  onAdded: (user: User) => void;
}

/** The form inside the dialog, mounted afresh each time the dialog opens. */
function AddUserForm({ onClose, onAdded }: AddUserFormProps) {
  const add = useAddUser();
  const { control, handleSubmit, setError, formState } = useForm<NewUserValues, unknown, NewUser>({
    resolver,
    defaultValues: { email: '', firstName: '', lastName: '', role: 'viewer' },
  });
  const [failure, setFailure] = useState<string>();

  async function save(user: NewUser) {
    setFailure(undefined);
    let added: User;
    try {
      added = await add.mutateAsync(user);
    } catch (error) {
      const placed = placeWriteError(error, fieldOf, describeUserError);
      [...placed.fields].forEach(([field, message], index) => {
        setError(field, { type: 'server', message }, { shouldFocus: index === 0 });
      });
      setFailure(placed.message);
      return;
    }
    onAdded(added);
  }

  return (
    <Box
      component="form"
      noValidate
      onSubmit={(event) => void handleSubmit(save)(event)}
      sx={{ display: 'flex', flexDirection: 'column', minHeight: 0 }}
    >
      <DialogContent>
        <Stack spacing={2}>
          <DialogContentText>
            They can sign in once added, with this email address.
          </DialogContentText>
          {failure !== undefined && <Alert severity="error">{failure}</Alert>}
          <UserTextField
            control={control}
            name="email"
            label="Email"
            type="email"
            autoComplete="off"
            slotProps={{ htmlInput: { 'aria-required': true } }}
          />
          <UserTextField control={control} name="firstName" label="First name" autoComplete="off" />
          <UserTextField control={control} name="lastName" label="Last name" autoComplete="off" />
          <UserTextField
            control={control}
            name="role"
            label="Role"
            select
            slotProps={{ select: { native: true } }}
          >
            {ROLES.map((value) => (
              <option key={value} value={value}>
                {ROLE_LABELS[value]}
              </option>
            ))}
          </UserTextField>
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="contained" loading={formState.isSubmitting}>
          Add
        </Button>
      </DialogActions>
    </Box>
  );
}

export interface AddUserDialogProps extends AddUserFormProps {
  open: boolean;
}

/**
 * "Add user": email, names and role. Nothing typed is lost when the server refuses: a 422 is shown at
 * the fields its pointers name, anything else above them. A click outside does not close it.
 */
export function AddUserDialog({ open, ...form }: AddUserDialogProps) {
  const titleId = useId();
  return (
    <Dialog
      open={open}
      onClose={(_, reason) => {
        if (reason !== 'backdropClick') form.onClose();
      }}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="xs"
    >
      <DialogTitle id={titleId}>Add user</DialogTitle>
      <AddUserForm {...form} />
    </Dialog>
  );
}
