import { useParams } from 'react-router';
import Box from '@mui/material/Box';
import Typography from '@mui/material/Typography';
import { useFrameHeightMessages } from '@/embed/use-frame-height-messages';
import { resourceIdSchema } from '@/lib/json-api-schemas';
import { SessionGate } from '../session-gate';
import { SignedInPhoneNumbersPanel } from './signed-in-phone-numbers-panel';

/**
 * /embed/prospects/:id/phone-numbers, for an iframe on another page: the prospect's numbers and nothing
 * else, no app bar; the sign-in prompt when there is no session (sign-in then opens in a popup, since
 * the authorization page refuses to be framed). Tells the parent page its height as it changes.
 */
export function EmbeddedPhoneNumbersRoute() {
  const parsed = resourceIdSchema.safeParse(useParams().id);
  useFrameHeightMessages();
  return (
    <Box component="main" sx={{ p: 1 }}>
      <SessionGate>
        {parsed.success ? (
          <SignedInPhoneNumbersPanel key={parsed.data} prospectId={parsed.data} />
        ) : (
          <Typography>There is no such prospect.</Typography>
        )}
      </SessionGate>
    </Box>
  );
}

export default EmbeddedPhoneNumbersRoute;
