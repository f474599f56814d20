import { useCallback, useState } from 'react';

/**
 * Whether the element the returned ref is put on is narrower than `width` CSS pixels: a phone, or a
 * narrow panel inside a wide page. Until the element is measured (or while it has no width: hidden, not
 * laid out), the window's width stands for it, so that a phone renders its layout first time.
 */
export function useNarrow(width: number): [(element: HTMLElement | null) => void, boolean] {
  const [narrow, setNarrow] = useState(() => window.innerWidth < width);
  const ref = useCallback(
    (element: HTMLElement | null) => {
      if (element === null) return;
      const measure = () => {
        const measured = element.getBoundingClientRect().width;
        // Not laid out (hidden, or no layout at all): the last answer stands.
        if (measured > 0) setNarrow(measured < width);
      };
      measure();
      // Without a ResizeObserver (an environment with no layout), the first measure stands.
      if (typeof ResizeObserver === 'undefined') return;
      const resizes = new ResizeObserver(measure);
      resizes.observe(element);
      return () => {
        resizes.disconnect();
      };
    },
    [width],
  );
  return [ref, narrow];
}
