import { memo } from 'react';
import Box from '@mui/material/Box';
import Link from '@mui/material/Link';
import Tooltip from '@mui/material/Tooltip';
import { createSvgIcon } from '@mui/material/utils';
import { withoutInvisibleCharacters } from '@contract/invisible-characters';
import { formatInternational } from '@contract/phone-number-format';
import type { ListedPhoneNumber } from '../schemas/phone-number';
import { callBlockReason } from '../utils/call-block';

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

const BlockedCallIcon = createSvgIcon(
  <path d="M17.34 14.54l-1.43-1.43c.56-.73 1.05-1.5 1.47-2.32l-2.2-2.2c-.28-.28-.36-.67-.25-1.02.37-1.12.57-2.32.57-3.57 0-.55.45-1 1-1H20c.55 0 1 .45 1 1 0 3.98-1.37 7.64-3.66 10.54zm-2.82 2.81C11.63 19.64 7.97 21 4 21c-.55 0-1-.45-1-1v-3.49c0-.55.45-1 1-1 1.24 0 2.45-.2 3.57-.57.35-.12.75-.03 1.02.24l2.2 2.2c.81-.42 1.58-.9 2.3-1.46L1.39 4.22l1.42-1.41L21.19 21.2l-1.41 1.41-5.26-5.26z" />,
  'BlockedCall',
);

interface BlockedPhoneNumberProps {
  number: string;
  extension: string | null;
  /** Why it must not be called: "Do not call", "Prospect opted out of calls". */
  reason: string;
}

/**
 * A number that must not be called: shown, but no link to dial. Before it, a crossed-out phone named by
 * the reason, which a screen reader reads with the number as the cell is focused, and whose tooltip
 * says it to a mouse. Nothing in it takes focus: the cell does, as it has nothing to follow.
 */
export const BlockedPhoneNumber = memo(function BlockedPhoneNumber({
  number,
  extension,
  reason,
}: BlockedPhoneNumberProps) {
  return (
    <Box
      component="span"
      sx={{ display: 'inline-flex', alignItems: 'center', gap: 0.5, color: 'text.secondary' }}
    >
      <Tooltip title={reason}>
        <BlockedCallIcon
          role="img"
          aria-hidden={false}
          aria-label={reason}
          fontSize="small"
          color="error"
        />
      </Tooltip>
      <Box component="span" dir="ltr">
        {formatInternational(number, extension)}
      </Box>
    </Box>
  );
});

interface PhoneNumberShownProps {
  row: ListedPhoneNumber;
  tabIndex: 0 | -1;
}

/** A row's number as every view shows it: a link to dial, blocked with the reason, or "—". */
export function PhoneNumberShown({ row, tabIndex }: PhoneNumberShownProps) {
  if (row.number === null) return '—';
  const blocked = callBlockReason(row);
  return blocked === undefined ? (
    <PhoneNumberLink number={row.number} extension={row.extension} tabIndex={tabIndex} />
  ) : (
    <BlockedPhoneNumber number={row.number} extension={row.extension} reason={blocked} />
  );
}
