/**
 * The least a first screen of phone numbers can load with the fixed stack: React and React DOM, an MUI X
 * DataGrid, TanStack Query, and zod's smallest form (`zod/mini`) parsing the list at the boundary.
 * Nothing of the app — no sign-in, no number formatting, no filters, no prospect picker, no error states.
 * bench:ui builds it to show where the first-load budget sits against the stack (decision 0024).
 */
import { DataGrid } from '@mui/x-data-grid';
import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { createRoot } from 'react-dom/client';
import * as z from 'zod/mini';

const phoneNumbers = z.object({
  data: z.array(
    z.object({
      id: z.union([z.string(), z.number()]),
      type: z.literal('phoneNumber'),
      attributes: z.object({ number: z.string(), phoneType: z.nullable(z.string()) }),
    }),
  ),
});

const columns = [
  { field: 'number', headerName: 'Number' },
  {
    field: 'phoneType',
    headerName: 'Type',
    type: 'singleSelect' as const,
    valueOptions: ['mobile'],
  },
];

function PhoneNumbers() {
  const { data = [] } = useQuery({
    queryKey: ['phoneNumbers'],
    queryFn: async () => {
      const response = await fetch('/api/v2/phoneNumbers');
      const document = phoneNumbers.parse(await response.json());
      return document.data.map(({ id, attributes }) => ({ id, ...attributes }));
    },
  });
  return <DataGrid aria-label="Phone numbers" rows={data} columns={columns} />;
}

const root = document.getElementById('root');
if (root !== null) {
  createRoot(root).render(
    <QueryClientProvider client={new QueryClient()}>
      <PhoneNumbers />
    </QueryClientProvider>,
  );
}
