import { lazy, Suspense, useState } from 'react';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { createSvgIcon } from '@mui/material/utils';

/** Material's "File upload" icon, the grid's download icon turned round. */
const UploadIcon = createSvgIcon(<path d="M9 16h6v-6h4l-7-7-7 7h4zm-4 2h14v2H5z" />, 'Upload');

// The import (papaparse, the rules, the preview, the writing) loads when it is first asked for.
const ImportPhoneNumbersDialog = lazy(() => import('./import-phone-numbers-dialog'));

/**
 * "Import CSV": numbers from a file, previewed before anything is written. Refused with the reason, as
 * "Add phone number" is, where the user may add no numbers at all (`refusal`).
 */
export function ImportPhoneNumbersButton({ refusal }: { refusal?: string | undefined }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <Tooltip title={refusal ?? ''} describeChild>
        <Button
          variant="outlined"
          startIcon={<UploadIcon />}
          aria-disabled={refusal === undefined ? undefined : true}
          aria-description={refusal}
          sx={refusal === undefined ? undefined : { opacity: 0.5, cursor: 'not-allowed' }}
          onClick={() => {
            if (refusal === undefined) setOpen(true);
          }}
        >
          Import CSV
        </Button>
      </Tooltip>
      {open ? (
        <Suspense fallback={null}>
          <ImportPhoneNumbersDialog
            onClose={() => {
              setOpen(false);
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
