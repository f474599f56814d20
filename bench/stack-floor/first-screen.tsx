/**
 * The least a first screen of phone numbers can load with the fixed stack: React and React DOM, and the
 * grid of ./phone-numbers-grid.tsx (MUI X DataGrid, TanStack Query, zod/mini). Nothing of the app — no
 * sign-in, no number formatting, no filters, no prospect picker, no error states. bench:ui builds it to
 * show where the first-load budget sits against the stack (decision 0024).
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import { PhoneNumbersGrid } from './phone-numbers-grid';

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <PhoneNumbersGrid />
    </QueryClientProvider>,
  );
}
