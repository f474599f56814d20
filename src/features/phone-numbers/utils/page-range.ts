import { formatInteger } from '@/lib/format';

/**
 * Where a page is in the list: "51–100 of 145", or "of more than 100" while the server has not counted
 * and there is a next page.
 */
export function pageRangeLabel(
  first: number,
  shown: number,
  count: number | undefined,
  hasNextPage: boolean,
) {
  if (shown === 0) return `0 of ${formatInteger(count ?? 0)}`;
  const last = first + shown - 1;
  const total =
    count !== undefined
      ? formatInteger(count)
      : hasNextPage
        ? `more than ${formatInteger(last)}`
        : formatInteger(last);
  return `${formatInteger(first)}–${formatInteger(last)} of ${total}`;
}
