import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import Alert from '@mui/material/Alert';
import AlertTitle from '@mui/material/AlertTitle';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import CircularProgress from '@mui/material/CircularProgress';
import Snackbar from '@mui/material/Snackbar';
import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import visuallyHidden from '@mui/utils/visuallyHidden';
import { RelativeTime } from '@/components/relative-time';
import { useApiClient } from '@/lib/api-client-context';
import { userQueries } from '../api/user-queries';
import { userLabel, type User } from '../schemas/user';
import { AddUserDialog } from './add-user-dialog';
import { ChangeUserStatusDialog } from './change-user-status-dialog';
import { describeUserError } from './describe-user-error';
import { UserRoleSelect } from './user-role-select';

/**
 * Every user: who they are, their role (changed in place), their last sign-in, and whether active; and
 * "Add user" for someone who is not one yet.
 */
export function UsersTable() {
  const client = useApiClient();
  const users = useQuery(userQueries.list(client));
  const [statusOf, setStatusOf] = useState<User | undefined>();
  const [adding, setAdding] = useState(false);
  // Who was added last, still named while the snackbar closes.
  const [added, setAdded] = useState<User | undefined>();
  const [addedShown, setAddedShown] = useState(false);

  if (users.isPending) return <CircularProgress aria-label="Loading the users" />;
  if (users.isError) {
    return (
      <Alert
        severity="error"
        action={
          <Button color="inherit" size="small" onClick={() => void users.refetch()}>
            Retry
          </Button>
        }
      >
        <AlertTitle>Couldn't load the users</AlertTitle>
        {describeUserError(users.error)}
      </Alert>
    );
  }
  return (
    <>
      <Box>
        <Button
          variant="contained"
          onClick={() => {
            setAdding(true);
          }}
        >
          Add user
        </Button>
      </Box>
      <TableContainer>
        <Table aria-label="Users" size="small">
          <TableHead>
            <TableRow>
              <TableCell>Name</TableCell>
              <TableCell>Email</TableCell>
              <TableCell>Role</TableCell>
              <TableCell>Last sign-in</TableCell>
              <TableCell>Active</TableCell>
              <TableCell>
                <Box component="span" sx={visuallyHidden}>
                  Actions
                </Box>
              </TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {users.data.map((user) => (
              <TableRow key={user.id}>
                <TableCell component="th" scope="row">
                  {userLabel(user)}
                </TableCell>
                <TableCell>{user.email ?? ''}</TableCell>
                <TableCell>
                  <UserRoleSelect user={user} />
                </TableCell>
                <TableCell>
                  {user.currentSignInAt === null ? (
                    'Never'
                  ) : (
                    <RelativeTime dateTime={user.currentSignInAt} tabIndex={0} />
                  )}
                </TableCell>
                <TableCell>{user.locked ? 'Deactivated' : 'Active'}</TableCell>
                <TableCell>
                  <Button
                    size="small"
                    color={user.locked ? 'primary' : 'error'}
                    onClick={() => {
                      setStatusOf(user);
                    }}
                  >
                    {user.locked ? 'Reactivate' : 'Deactivate'}
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <ChangeUserStatusDialog
        user={statusOf}
        onClose={() => {
          setStatusOf(undefined);
        }}
      />
      <AddUserDialog
        open={adding}
        onClose={() => {
          setAdding(false);
        }}
        onAdded={(user) => {
          setAdding(false);
          setAdded(user);
          setAddedShown(true);
        }}
      />
      <Snackbar
        key={added?.id}
        open={addedShown}
        autoHideDuration={6000}
        onClose={(_, reason) => {
          if (reason !== 'clickaway') setAddedShown(false);
        }}
      >
        <Alert
          severity="success"
          variant="filled"
          onClose={() => {
            setAddedShown(false);
          }}
        >
          Added {added ? userLabel(added) : ''}
        </Alert>
      </Snackbar>
    </>
  );
}
