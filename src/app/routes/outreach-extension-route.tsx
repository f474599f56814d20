import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import Box from '@mui/material/Box';
import CircularProgress from '@mui/material/CircularProgress';
import { changeToast, connectToOutreach, type OutreachHost } from '@/embed/outreach-extension';
import { SessionGate } from '../session-gate';
import { SignedInPhoneNumbersPanel } from './signed-in-phone-numbers-panel';

type Connection =
  { status: 'connecting' } | { status: 'connected'; host: OutreachHost } | { status: 'failed' };

/**
 * /embed/outreach/phone-numbers, the page an Outreach prospect tab loads (see
 * public/outreach-extension-manifest.json): the prospect comes from Outreach's context, changes are
 * also told as Outreach toasts, and without a session Sign in opens in a popup, as in any frame.
 */
export function OutreachExtensionRoute() {
  const [connection, setConnection] = useState<Connection>({ status: 'connecting' });

  useEffect(() => {
    let mounted = true;
    connectToOutreach().then(
      (host) => {
        if (mounted) setConnection({ status: 'connected', host });
      },
      () => {
        if (mounted) setConnection({ status: 'failed' });
      },
    );
    return () => {
      mounted = false;
    };
  }, []);

  let content;
  if (connection.status === 'connecting') {
    content = (
      <Box sx={{ display: 'flex', justifyContent: 'center', py: 4 }}>
        <CircularProgress aria-label="Connecting to Outreach" />
      </Box>
    );
  } else if (connection.status === 'failed') {
    content = (
      <Alert severity="warning">
        This tab works inside Outreach: open it from a prospect there.
      </Alert>
    );
  } else {
    const { host } = connection;
    const { prospectId } = host;
    content =
      prospectId === undefined ? (
        <Alert severity="warning">Outreach did not say which prospect this tab is for.</Alert>
      ) : (
        <SessionGate>
          <SignedInPhoneNumbersPanel
            prospectId={prospectId}
            onChange={(change) => {
              host.notify(changeToast(change), 'success');
            }}
            onError={(failure) => {
              host.notify(failure.message, 'error');
            }}
          />
        </SessionGate>
      );
  }
  return (
    <Box component="main" sx={{ p: 1 }}>
      {content}
    </Box>
  );
}
