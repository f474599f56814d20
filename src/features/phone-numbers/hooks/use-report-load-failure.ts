import { useEffect, useEffectEvent } from 'react';
import { describeLoadError } from '../utils/describe-load-error';
import type { PhoneNumberFailure } from '../types/phone-number-events';
import { failureOf } from '../utils/phone-number-failure';

/**
 * Tells a host (the embedded panel's `onError`) of a failed load, once per error: a retry that fails
 * again is a new one. In the words `describe` gives, the phone numbers' by default.
 */
export function useReportLoadFailure(
  error: Error | null | undefined,
  onError: ((failure: PhoneNumberFailure) => void) | undefined,
  describe: (error: Error) => string = describeLoadError,
) {
  const report = useEffectEvent((failed: Error) => {
    onError?.(failureOf(failed, describe(failed)));
  });
  useEffect(() => {
    if (error) report(error);
  }, [error]);
}
