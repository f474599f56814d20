import { memo } from 'react';
import Link from '@mui/material/Link';
import { formatInternational } from '@/lib/phone-number-format';

/** RFC 3966: `tel:+14155550100;ext=12`. Visual separators are dropped, the digits and "+" kept. */
export function telUri(number: string, extension: string | null): string {
  const global = number.replace(/[^\d+]/g, '');
  return extension ? `tel:${global};ext=${extension}` : `tel:${global}`;
}

interface PhoneNumberLinkProps {
  number: string;
  extension: string | null;
  tabIndex: 0 | -1;
}

/** "+1 415 555 0100 ext. 12", dialled by the browser's phone handler. */
export const PhoneNumberLink = memo(function PhoneNumberLink({
  number,
  extension,
  tabIndex,
}: PhoneNumberLinkProps) {
  return (
    <Link href={telUri(number, extension)} tabIndex={tabIndex}>
      {formatInternational(number, extension)}
    </Link>
  );
});
