/**
 * The panel as an Outreach extension: Outreach loads it in an iframe tab and talks to it through
 * `@outreach/extensibility-sdk` (0.9.10). The SDK is loaded only on this route, when it is used.
 */
import { deletedMessage } from '@/features/phone-numbers/utils/deleted-message';
import type { PhoneNumberChange } from './phone-numbers-panel';

export interface OutreachHost {
  /** The prospect whose tab this is, from the context Outreach sends (`pro.id`). */
  prospectId: number | undefined;
  /** A toast in Outreach's own UI. */
  notify: (text: string, type: 'success' | 'info' | 'warning' | 'error') => void;
}

/**
 * The handshake: tells Outreach the extension is ready (`cxt:sdk:ready`) and resolves with what its
 * `cxt:sdk:init` answer says. The SDK accepts the answer only from an Outreach origin (one ending in
 * outreach.io, outreach-staging.com or outreach-dev.com), and rejects after 10 s without one.
 */
export async function connectToOutreach(): Promise<OutreachHost> {
  const { ExtensibilitySdk } = await import('@outreach/extensibility-sdk');
  // An instance of its own rather than the SDK's page-wide one (which answers every later init() with
  // the first handshake's context): each connection is a handshake of its own.
  const sdk = new ExtensibilitySdk();
  const context = await sdk.init();
  const id = Number(context.prospect?.id);
  return {
    prospectId: Number.isSafeInteger(id) && id > 0 ? id : undefined,
    notify: (text, type) => {
      void sdk.notify(text, type);
    },
  };
}

const CHANGE_TOASTS: Record<Exclude<PhoneNumberChange['action'], 'deleted'>, string> = {
  created: 'Phone number added',
  updated: 'Phone number saved',
  reordered: 'Phone numbers reordered',
};

/** What Outreach's toast says about a change the panel made; a delete names the number, as the app does. */
export const changeToast = (change: PhoneNumberChange): string =>
  change.action === 'deleted' ? deletedMessage(change.phoneNumber) : CHANGE_TOASTS[change.action];
