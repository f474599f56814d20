import { useEffect, useState } from 'react';
import Alert from '@mui/material/Alert';
import { useRateLimitWait } from '@/lib/use-rate-limit-wait';

/** The whole seconds from now to `at`, never below zero. */
const secondsUntil = (at: number) => Math.max(0, Math.ceil((at - Date.now()) / 1000));

/**
 * "Too many requests — trying again in 5 s", counting down, while a read or a write waits out a 429. What
 * the user typed stays on screen meanwhile; the request goes again by itself.
 */
export function RateLimitNotice() {
  const retryAt = useRateLimitWait();
  const [, setTick] = useState(0);
  useEffect(() => {
    if (retryAt === undefined) return;
    const timer = setInterval(() => {
      setTick((tick) => tick + 1);
    }, 1000);
    return () => {
      clearInterval(timer);
    };
  }, [retryAt]);
  if (retryAt === undefined) return null;
  const seconds = secondsUntil(retryAt);
  return (
    <Alert severity="info" role="status">
      {seconds > 0
        ? `Too many requests — trying again in ${seconds} s`
        : 'Too many requests — trying again now'}
    </Alert>
  );
}
