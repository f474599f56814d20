/**
 * The grid both floors show: an MUI X DataGrid of two columns fed by one TanStack Query `useQuery`, whose
 * response zod's smallest form (`zod/mini`) parses at the boundary. Nothing of the app.
 */
import { DataGrid } from '@mui/x-data-grid';
import { useQuery } from '@tanstack/react-query';
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

export function PhoneNumbersGrid() {
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
