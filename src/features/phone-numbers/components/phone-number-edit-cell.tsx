import { createContext, useContext, type ComponentType } from 'react';
import Box from '@mui/material/Box';
import Tooltip from '@mui/material/Tooltip';
import {
  GridEditInputCell,
  GridEditSingleSelectCell,
  type GridRenderEditCellParams,
  type GridRowId,
} from '@mui/x-data-grid';

/**
 * What the server said about a value it refused, while the cell still holds that value: the cell is back
 * in edit mode with the rep's input, and the message stays until the input changes.
 */
export type CellServerError = (id: GridRowId, field: string, value: unknown) => string | undefined;

export const CellServerErrorContext = createContext<CellServerError>(() => undefined);

export type EditCellProps = GridRenderEditCellParams & { error?: unknown };

/**
 * Wraps one of the grid's edit cells so that its error (the rules' or the server's) paints the cell red
 * and shows under it. The message sits beneath any list the cell opens (a select's menu, the countries),
 * so it never covers the choices.
 */
export function withCellError(EditCell: ComponentType<EditCellProps>) {
  return function EditCellWithError(props: EditCellProps) {
    const serverError = useContext(CellServerErrorContext)(props.id, props.field, props.value);
    const message = typeof props.error === 'string' ? props.error : serverError;
    return (
      <Tooltip
        open={message !== undefined}
        title={<span role="alert">{message}</span>}
        placement="bottom-start"
        arrow
        slotProps={{ popper: { sx: { zIndex: (theme) => theme.zIndex.modal - 1 } } }}
      >
        <Box
          sx={[
            { display: 'flex', width: '100%', height: '100%' },
            message !== undefined &&
              ((theme) => ({
                outline: `2px solid ${(theme.vars ?? theme).palette.error.main}`,
                outlineOffset: '-2px',
              })),
          ]}
        >
          <EditCell {...props} error={message !== undefined} />
        </Box>
      </Tooltip>
    );
  };
}

/** Choosing a value commits it, as a rep expects of a list: no Enter needed after the click. */
function CommittingSelectCell(props: EditCellProps) {
  const { api, id, field } = props;
  return (
    <GridEditSingleSelectCell
      {...props}
      onValueChange={() => {
        api.stopCellEditMode({ id, field });
      }}
    />
  );
}

/**
 * The grid's text input, named after its column ("Number", "Extension"): the input sits in a cell, not
 * in a label, and has no name of its own.
 */
function NamedInputCell(props: EditCellProps) {
  const name = props.colDef.headerName ?? props.field;
  return (
    <GridEditInputCell
      {...props}
      slotProps={{ root: { slotProps: { htmlInput: { 'aria-label': name } } } }}
    />
  );
}

export const TextEditCell = withCellError(NamedInputCell);
export const SelectEditCell = withCellError(CommittingSelectCell);
