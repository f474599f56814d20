import { Fragment, use, type ReactNode } from 'react';
import Link from '@mui/material/Link';
import { useNumberHolders } from '../hooks/use-number-holders';
import type { NumberHolder, OtherHolders } from '../utils/number-holders';
import { ProspectPageHrefContext } from './prospect-link';

function HolderName({ holder }: { holder: NumberHolder }) {
  const hrefOf = use(ProspectPageHrefContext);
  if (hrefOf === undefined) return <>{holder.name}</>;
  // A new tab, so that the dialog and what the rep typed stay.
  return (
    <Link
      href={hrefOf(holder.prospectId)}
      target="_blank"
      rel="noopener"
      variant="inherit"
      sx={{ verticalAlign: 'baseline' }}
    >
      {holder.name}
    </Link>
  );
}

const others = (count: number) => (count === 1 ? '1 other' : `${count} others`);

/**
 * "Also on Olivia García's record" (two: "Also on A's and B's records"; more: "Also on A's record and 3
 * others"): a number another prospect holds too. It says so and stops nothing.
 */
export function NumberHoldersNotice({ holders }: { holders: OtherHolders }) {
  const { named, more } = holders;
  const [first] = named;
  if (first === undefined) {
    return (
      <>Also on {more === 1 ? "another prospect's record" : `${more} other prospects' records`}</>
    );
  }
  if (more > 0) {
    return (
      <>
        Also on <HolderName holder={first} />
        's record and {others(more)}
      </>
    );
  }
  return (
    <>
      Also on{' '}
      {named.map((holder, index) => (
        <Fragment key={holder.prospectId}>
          {index > 0 ? ' and ' : null}
          <HolderName holder={holder} />
          's
        </Fragment>
      ))}{' '}
      {named.length === 1 ? 'record' : 'records'}
    </>
  );
}

export interface NumberHoldersLineProps {
  /** The number typed, once whole and valid. */
  e164: string;
  /** The prospect the number is, or is to be, on. */
  prospectId: number;
  /** The number edited, if any. */
  exceptId: number | undefined;
  /** What the line holds while no other prospect is known to hold the number. */
  fallback: ReactNode;
}

/** The line under Number that names the other prospects holding the typed number, once looked up. */
export function NumberHoldersLine({
  e164,
  prospectId,
  exceptId,
  fallback,
}: NumberHoldersLineProps) {
  const holders = useNumberHolders(e164, { prospectId, exceptId });
  if (holders === undefined || (holders.named.length === 0 && holders.more === 0)) return fallback;
  return <NumberHoldersNotice holders={holders} />;
}
