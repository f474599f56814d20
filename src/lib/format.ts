/**
 * Numbers, dates and regions for the browser's locale. The formatters are made once: creating an Intl
 * formatter costs far more than using one, and a grid formats hundreds of cells.
 */
const integerFormat = new Intl.NumberFormat();
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  dateStyle: 'medium',
  timeStyle: 'long',
});
const relativeTimeFormat = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const regionNames = new Intl.DisplayNames(undefined, { type: 'region', fallback: 'code' });

export function formatInteger(value: number): string {
  return integerFormat.format(value);
}

/** The exact moment, with the time zone: "Aug 7, 2026, 6:39:00 PM UTC". */
export function formatDateTime(date: Date): string {
  return dateTimeFormat.format(date);
}

const SECOND = 1000;
const UNITS: readonly (readonly [Intl.RelativeTimeFormatUnit, number])[] = [
  ['year', 365 * 24 * 3600 * SECOND],
  ['month', 30 * 24 * 3600 * SECOND],
  ['week', 7 * 24 * 3600 * SECOND],
  ['day', 24 * 3600 * SECOND],
  ['hour', 3600 * SECOND],
  ['minute', 60 * SECOND],
];

/** "3 days ago", "yesterday", "in 2 hours", "now": the largest unit that fits. */
export function formatRelativeTime(date: Date, now: Date = new Date()): string {
  const difference = date.getTime() - now.getTime();
  for (const [unit, size] of UNITS) {
    if (Math.abs(difference) >= size)
      return relativeTimeFormat.format(Math.round(difference / size), unit);
  }
  return relativeTimeFormat.format(Math.round(difference / (15 * SECOND)) * 15, 'second');
}

/** "Germany"; the code itself when the browser has no name for it. */
export function regionName(code: string): string {
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Germany (DE)"; the code alone when the browser has no name for it. */
export function formatRegion(code: string): string {
  const name = regionName(code);
  return name === code ? code : `${name} (${code})`;
}

const zonedTimeFormats = new Map<string, Intl.DateTimeFormat | null>();

/**
 * The time it is at `date` in an IANA time zone, with the day and the zone: "Thu, 2:00 PM GMT+2".
 * Undefined for a zone the browser does not know.
 */
export function formatTimeInZone(date: Date, timeZone: string): string | undefined {
  let format = zonedTimeFormats.get(timeZone);
  if (format === undefined) {
    try {
      format = new Intl.DateTimeFormat(undefined, {
        weekday: 'short',
        hour: 'numeric',
        minute: '2-digit',
        timeZone,
        timeZoneName: 'short',
      });
    } catch {
      format = null;
    }
    zonedTimeFormats.set(timeZone, format);
  }
  return format?.format(date);
}
