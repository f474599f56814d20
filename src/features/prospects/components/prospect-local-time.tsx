import { formatTimeInZone } from '@/lib/format';
import { useMinuteClock } from '@/lib/use-minute-clock';

/** What time it is now where the prospect is: "Thu, 2:00 PM GMT+2 (Europe/Paris)", kept current. */
export function ProspectLocalTime({ timeZone }: { timeZone: string }) {
  const now = useMinuteClock();
  const time = formatTimeInZone(now, timeZone);
  if (time === undefined) return `Unknown time zone (${timeZone})`;
  return (
    <>
      <time dateTime={now.toISOString()}>{time}</time> ({timeZone})
    </>
  );
}
