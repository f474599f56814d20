import Alert from '@mui/material/Alert';
import { formatInteger } from '@/lib/format';
import { useOnlineStatus } from '@/lib/use-online-status';
import { useWarnBeforeUnload } from '@/lib/use-warn-before-unload';
import { usePendingPhoneNumberWrites } from '../api/phone-number-writes';
import { usePendingDeletes } from '../api/use-phone-number-mutations';

const changes = (count: number) => `${formatInteger(count)} ${count === 1 ? 'change' : 'changes'}`;

/**
 * Says that changes are not saved yet while they wait for the network, and asks before the tab closes
 * with any change unsent: a paused write, or one still under way, dies with the page, and so does a
 * delete in its undo window while offline (online, it is sent as the page goes; decision 0016).
 */
export function PendingChangesNotice() {
  const online = useOnlineStatus();
  const writes = usePendingPhoneNumberWrites();
  const { pendingIds } = usePendingDeletes();
  // Deletes still in their undo window: not yet a write of their own.
  const waitingDeletes = online ? 0 : [...pendingIds].filter((id) => !writes.byId.has(id)).length;
  useWarnBeforeUnload(writes.count > 0 || waitingDeletes > 0);
  const waiting = writes.paused + waitingDeletes;
  if (waiting === 0) return null;
  return (
    <Alert severity="warning" role="status">
      {`${changes(waiting)} waiting for the network, not saved yet. ${
        waiting === 1 ? 'It is' : 'They are'
      } sent when you're back online; keep this tab open until then.`}
    </Alert>
  );
}
