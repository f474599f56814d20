import { lazy, Suspense, useCallback, useState } from 'react';
import Button from '@mui/material/Button';
import { GridDownloadIcon } from '@mui/x-data-grid';
import { phoneNumberListParams, type PhoneNumberListParams } from '../api/get-phone-numbers';
import type { PhoneNumberListState } from '../schemas/phone-number-list-state';

// The export (its paging, the CSV writing, its dialog) loads when it is first asked for, not with the page.
const ExportPhoneNumbersDialog = lazy(() => import('./export-phone-numbers-dialog'));

/** "Export CSV": the whole view (every page, its filters and sort) as a file, for every role. */
export function ExportPhoneNumbersButton({ state }: { state: PhoneNumberListState }) {
  const [exporting, setExporting] = useState<PhoneNumberListParams>();
  const close = useCallback(() => {
    setExporting(undefined);
  }, []);
  return (
    <>
      <Button
        variant="outlined"
        startIcon={<GridDownloadIcon />}
        onClick={() => {
          setExporting(phoneNumberListParams(state));
        }}
      >
        Export CSV
      </Button>
      {exporting === undefined ? null : (
        <Suspense fallback={null}>
          <ExportPhoneNumbersDialog params={exporting} onClose={close} />
        </Suspense>
      )}
    </>
  );
}
