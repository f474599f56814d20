import { formatInternational } from '@contract/phone-number-format';
import type { PhoneNumber } from '../schemas/phone-number';

/**
 * What the app and its embeddings say once a number is deleted, naming it ("Deleted +1 415 555 0100
 * ext. 12") so that the rep sees which one went.
 */
export function deletedMessage({ number, extension }: Pick<PhoneNumber, 'number' | 'extension'>) {
  return number === null
    ? 'Phone number deleted'
    : `Deleted ${formatInternational(number, extension)}`;
}
