import { useCallback, useRef, useState } from 'react';
import type { PhoneNumberFailure } from '../types/phone-number-events';
import { describeWriteError } from '../utils/describe-write-error';
import { failureOf } from '../utils/phone-number-failure';
import { useLatest } from '@/lib/use-latest';

/** What became of a write, or (info) why something can't be done. */
export type FeedbackSeverity = 'success' | 'error' | 'info';

/** One message of the snackbar under the grid. */
export interface PhoneNumberFeedbackMessage {
  key: number;
  message: string;
  severity: FeedbackSeverity;
  /** Undoes what the message reports, while it shows. */
  undo?: () => void;
  /** A number just saved, whose other holders the message names once looked up. */
  saved?: SavedNumber;
}

/** A number as saved on a prospect's record (`exceptId`, the number itself, is no other holder). */
export interface SavedNumber {
  e164: string;
  prospectId: number;
  exceptId: number;
}

export interface PhoneNumberFeedback {
  /** The message showing, if any. */
  shown: PhoneNumberFeedbackMessage | undefined;
  /** Shows a message in place of the one showing; returns its key, to withdraw it later. */
  say: (
    message: string,
    severity: FeedbackSeverity,
    undo?: () => void,
    saved?: SavedNumber,
  ) => number;
  /** Says why a write failed (`then` is what became of the data), and tells the host. */
  sayFailed: (error: unknown, then?: string) => void;
  /** Takes the message down if it is still the one showing. */
  withdraw: (key: number) => void;
  close: () => void;
}

/** What the phone-number writes tell the rep: one message at a time. Every function keeps its identity. */
export function usePhoneNumberFeedback(
  onError: ((failure: PhoneNumberFailure) => void) | undefined,
): PhoneNumberFeedback {
  const [shown, setShown] = useState<PhoneNumberFeedbackMessage>();
  const lastKey = useRef(0);
  const onErrorRef = useLatest(onError);

  const say = useCallback(
    (message: string, severity: FeedbackSeverity, undo?: () => void, saved?: SavedNumber) => {
      lastKey.current += 1;
      setShown({
        key: lastKey.current,
        message,
        severity,
        ...(undo ? { undo } : {}),
        ...(saved ? { saved } : {}),
      });
      return lastKey.current;
    },
    [],
  );

  const sayFailed = useCallback(
    (error: unknown, then?: string) => {
      const message = describeWriteError(error);
      say(then === undefined ? message : `${message} ${then}`, 'error');
      onErrorRef.current?.(failureOf(error, message));
    },
    [say, onErrorRef],
  );

  const withdraw = useCallback((key: number) => {
    setShown((current) => (current?.key === key ? undefined : current));
  }, []);

  const close = useCallback(() => {
    setShown(undefined);
  }, []);

  return { shown, say, sayFailed, withdraw, close };
}
