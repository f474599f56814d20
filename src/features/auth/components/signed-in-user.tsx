import { useQuery } from '@tanstack/react-query';
import Typography from '@mui/material/Typography';
import { useApiClient } from '@/lib/api-client-context';
import { currentUserQuery } from '../api/current-user-query';

/** "Signed in as Riley Rep", once the API has said who the token acts for. */
export function SignedInUser() {
  const { data: user } = useQuery(currentUserQuery(useApiClient()));
  if (!user?.name) return null;
  return (
    <Typography variant="body2" sx={{ mr: 2 }}>
      Signed in as {user.name}
    </Typography>
  );
}
