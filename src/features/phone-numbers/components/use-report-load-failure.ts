import { useEffect, useEffectEvent } from 'react';
import { describeLoadError } from './describe-load-error';
import { failureOf, type PhoneNumberFailure } from './phone-number-editing';

/**
 * Tells a host (the embedded panel's `onError`) of a failed load, in the words the page shows, once per
 * error: a retry that fails again is a new one.
 */
export function useReportLoadFailure(
  error: Error | null | undefined,
  onError: ((failure: PhoneNumberFailure) => void) | undefined,
) {
  const report = useEffectEvent((failed: Error) => {
    onError?.(failureOf(failed, describeLoadError(failed)));
  });
  useEffect(() => {
    if (error) report(error);
  }, [error]);
}
