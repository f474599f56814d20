import { useEffect, useState } from 'react';

const MINUTE_MS = 60_000;

/** The current time, renewed as each minute of the clock begins. */
export function useMinuteClock(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout>;
    const tickAtNextMinute = () => {
      timer = setTimeout(
        () => {
          setNow(new Date());
          tickAtNextMinute();
        },
        MINUTE_MS - (Date.now() % MINUTE_MS),
      );
    };
    tickAtNextMinute();
    return () => {
      clearTimeout(timer);
    };
  }, []);
  return now;
}
