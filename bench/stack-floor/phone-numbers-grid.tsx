/**
 * The grid both floors show: an MUI X DataGrid of two columns fed by one TanStack Query `useQuery`, whose
 * response zod's smallest form (`zod/mini`) parses at the boundary. Nothing of the app. It asks for the
 * numbers of the prospect bench:ui's cold loads show, on the session cookie, as the app does.
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

const typeColumn = {
  field: 'phoneType',
  headerName: 'Type',
  type: 'singleSelect' as const,
  valueOptions: ['mobile'],
};

/** With `formatNumber`, the Number column shows each stored E.164 number through it. */
export function PhoneNumbersGrid({ formatNumber }: { formatNumber?: (e164: string) => string }) {
  const columns = [
    formatNumber
      ? { field: 'number', headerName: 'Number', valueFormatter: formatNumber }
      : { field: 'number', headerName: 'Number' },
    typeColumn,
  ];
  const { data = [] } = useQuery({
    queryKey: ['phoneNumbers'],
    queryFn: async () => {
      const response = await fetch('/api/v2/phoneNumbers?filter[prospect][id]=1', {
        headers: { Accept: 'application/vnd.api+json', 'X-Requested-With': 'XMLHttpRequest' },
      });
      const document = phoneNumbers.parse(await response.json());
      return document.data.map(({ id, attributes }) => ({ id, ...attributes }));
    },
  });
  return <DataGrid aria-label="Phone numbers" rows={data} columns={columns} />;
}
