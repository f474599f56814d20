import { ApiError } from '@/lib/api-error';
import type { PhoneNumberFailure } from '../types/phone-number-events';

/** The failure to report for an error, said in `message`. */
export function failureOf(error: unknown, message: string): PhoneNumberFailure {
  return error instanceof ApiError ? { message, status: error.status } : { message };
}
