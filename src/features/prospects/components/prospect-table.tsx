import Table from '@mui/material/Table';
import TableBody from '@mui/material/TableBody';
import TableCell from '@mui/material/TableCell';
import TableContainer from '@mui/material/TableContainer';
import TableHead from '@mui/material/TableHead';
import TableRow from '@mui/material/TableRow';
import Paper from '@mui/material/Paper';
import type { Prospect } from '../schemas/prospect';

interface ProspectTableProps {
  prospects: readonly Prospect[];
  /** The id of the heading that names the table. */
  labelledBy: string;
}

const missing = '—';

export function ProspectTable({ prospects, labelledBy }: ProspectTableProps) {
  return (
    <TableContainer component={Paper} variant="outlined">
      <Table size="small" aria-labelledby={labelledBy}>
        <TableHead>
          <TableRow>
            <TableCell>Name</TableCell>
            <TableCell>Company</TableCell>
            <TableCell>Owner</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {prospects.map((prospect) => (
            <TableRow key={prospect.id}>
              <TableCell component="th" scope="row">
                {prospect.name ?? missing}
              </TableCell>
              <TableCell>{prospect.company ?? missing}</TableCell>
              <TableCell>{prospect.ownerName ?? missing}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
}
