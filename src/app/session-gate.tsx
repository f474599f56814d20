import type { ReactNode } from 'react';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { useAuthState } from '@/features/auth/auth-session-context';
import { SignInPrompt } from '@/features/auth/components/sign-in-prompt';

/**
 * The page when signed in; the sign-in prompt in its place when not, with the URL kept to come back to
 * after; a spinner while the session is being resumed.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const auth = useAuthState();
  if (auth.status === 'starting') {
    return (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
        <CircularProgress aria-label="Checking your session" />
      </Box>
    );
  }
  if (auth.status === 'signed-out') return <SignInPrompt problem={auth.problem} />;
  return children;
}
