/**
 * The first screen's floor (./first-screen.tsx) showing its numbers as people read them, "+1 303 555
 * 0141" rather than the stored "+13035550141", with libphonenumber's minimal metadata: the least the
 * stack plus the one library the product must have to show a number (the UI contract names rows by their
 * formatted numbers) loads before its first row. bench:ui builds it beside the bare floor.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { createRoot } from 'react-dom/client';
import { PhoneNumbersGrid } from './phone-numbers-grid';

const formatNumber = (e164: string) =>
  parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <PhoneNumbersGrid formatNumber={formatNumber} />
    </QueryClientProvider>,
  );
}
