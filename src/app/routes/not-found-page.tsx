import { Link as RouterLink } from 'react-router';
import Link from '@mui/material/Link';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';

export function NotFoundPage() {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h4" component="h1">
        Page not found
      </Typography>
      <Typography>There is no page at this address.</Typography>
      <Link component={RouterLink} to="/phone-numbers">
        Go to the phone numbers
      </Link>
    </Stack>
  );
}
