import { memo } from 'react';
import Link from '@mui/material/Link';
import { withoutInvisibleCharacters } from '@contract/invisible-characters';
import { formatInternational } from '@contract/phone-number-format';

/**
 * RFC 3966: `tel:+14155550100;ext=12`. Visual separators are dropped, the digits and "+" kept, and the
 * extension's invisible characters.
 */
export function telUri(number: string, extension: string | null): string {
  const global = number.replace(/[^\d+]/g, '');
  const dialled = extension === null ? '' : withoutInvisibleCharacters(extension);
  return dialled ? `tel:${global};ext=${dialled}` : `tel:${global}`;
}

interface PhoneNumberLinkProps {
  number: string;
  extension: string | null;
  tabIndex: 0 | -1;
}

/**
 * "+1 415 555 0100 ext. 12", dialled by the browser's phone handler. Left to right and isolated from the
 * text around it, as a number reads in any language.
 */
export const PhoneNumberLink = memo(function PhoneNumberLink({
  number,
  extension,
  tabIndex,
}: PhoneNumberLinkProps) {
  return (
    <Link href={telUri(number, extension)} tabIndex={tabIndex} dir="ltr">
      {formatInternational(number, extension)}
    </Link>
  );
});
