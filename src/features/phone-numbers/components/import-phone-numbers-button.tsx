import { lazy, Suspense, useCallback, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import Button from '@mui/material/Button';
import Tooltip from '@mui/material/Tooltip';
import { useWarnBeforeUnload } from '@/lib/use-warn-before-unload';
import { invalidatePhoneNumberWrite } from '../api/phone-number-cache';
import SvgIcon from '@mui/material/SvgIcon';

/** Material's "File upload" icon, the grid's download icon turned round. */
function UploadIcon() {
  return (
    <SvgIcon>
      <path d="M9 16h6v-6h4l-7-7-7 7h4zm-4 2h14v2H5z" />
    </SvgIcon>
  );
}

// The import (papaparse, the rules, the preview, the writing) loads when it is first asked for.
const ImportPhoneNumbersDialog = lazy(() => import('./import-phone-numbers-dialog'));

/**
 * "Import CSV": numbers from a file, previewed before anything is written. Refused with the reason, as
 * "Add phone number" is, where the user may add no numbers at all (`refusal`).
 */
export function ImportPhoneNumbersButton({ refusal }: { refusal?: string | undefined }) {
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const [importing, setImporting] = useState(false);
  useWarnBeforeUnload(importing);
  const close = useCallback(() => {
    setOpen(false);
    setImporting(false);
  }, []);
  // What the dialog needs of the page's first chunk comes from here, so that its lazy chunk shares none.
  const imported = useCallback(() => {
    void invalidatePhoneNumberWrite(queryClient, undefined);
  }, [queryClient]);
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
            onClose={close}
            onImportingChange={setImporting}
            onImported={imported}
          />
        </Suspense>
      ) : null}
    </>
  );
}
