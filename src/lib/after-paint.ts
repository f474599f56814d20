/**
 * Runs `task` once the browser has painted what the DOM holds now: a frame, then a task after it. Where no
 * frame comes (a hidden tab, which paints nothing), it runs at once, or after 100 ms at the latest.
 */
export function afterPaint(task: () => void): void {
  if (typeof document === 'undefined' || document.visibilityState === 'hidden') {
    task();
    return;
  }
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    clearTimeout(fallback);
    task();
  };
  const fallback = setTimeout(run, 100);
  requestAnimationFrame(() => {
    setTimeout(run, 0);
  });
}
