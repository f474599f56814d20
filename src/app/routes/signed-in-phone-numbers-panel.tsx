import { PhoneNumbersPanel, type PhoneNumbersPanelProps } from '@/embed/phone-numbers-panel';
import { useImportRefusal } from './use-import-refusal';

/**
 * The panel on the app's own pages (a prospect's page, the iframe page, the Outreach tab), once signed
 * in: the app asks who the user is, so Import CSV is refused up front to a viewer, with the reason,
 * rather than row by row by the server.
 */
export function SignedInPhoneNumbersPanel(props: Omit<PhoneNumbersPanelProps, 'importRefusal'>) {
  const importRefusal = useImportRefusal();
  return <PhoneNumbersPanel {...props} importRefusal={importRefusal} />;
}
