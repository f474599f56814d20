import { useEffect } from 'react';

/**
 * While `when` holds, closing or reloading the tab (or leaving the app) asks first: the browser shows its
 * own "Leave site?" prompt. Only for work that would be lost, as the prompt is easy to learn to ignore.
 */
export function useWarnBeforeUnload(when: boolean): void {
  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
    };
  }, [when]);
}
