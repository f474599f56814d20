import type { PhoneNumber } from '../schemas/phone-number';

/** What changed, as a host page is told (the embedded panel's `onChange`). */
export interface PhoneNumberChange {
  action: 'created' | 'updated' | 'deleted' | 'reordered';
  /** The number as saved; for 'reordered', the one that moved; for 'deleted', the one that went. */
  phoneNumber: PhoneNumber;
}

/** A load or a write that failed, as a host page is told (the embedded panel's `onError`). */
export interface PhoneNumberFailure {
  /** What went wrong, in the words the panel shows. */
  message: string;
  /** The HTTP status when the API answered; absent when it was never reached. */
  status?: number;
}
