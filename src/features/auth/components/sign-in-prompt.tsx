import Alert from '@mui/material/Alert';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { SignInButton } from './sign-in-button';

interface SignInPromptProps {
  /** Why the last sign-in did not succeed, if it did not. */
  problem?: string | undefined;
}

export function SignInPrompt({ problem }: SignInPromptProps) {
  return (
    <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
      <Typography variant="h4" component="h1">
        Welcome
      </Typography>
      <Typography>Sign in to see your prospects and their phone numbers.</Typography>
      {problem === undefined ? null : <Alert severity="warning">{problem}</Alert>}
      <SignInButton />
    </Stack>
  );
}
