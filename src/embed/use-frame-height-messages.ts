import { useEffect } from 'react';

export const FRAME_HEIGHT_MESSAGE = 'phone-numbers:height';

/** What the page posts to the page that frames it, so that the frame can be as tall as its content. */
export interface FrameHeightMessage {
  type: typeof FRAME_HEIGHT_MESSAGE;
  /** CSS pixels, rounded up. */
  height: number;
}

/**
 * While the page is in a frame, posts the height of its content to the parent as it first renders and
 * whenever it changes. The height of <html>, not its scroll height: that is never less than the frame,
 * so a frame sized to it could grow but never shrink. Any parent may read it: a height tells nothing.
 */
export function useFrameHeightMessages(): void {
  useEffect(() => {
    if (window.parent === window) return;
    const content = document.documentElement;
    let posted: number | undefined;
    const observer = new ResizeObserver(() => {
      const height = Math.ceil(content.getBoundingClientRect().height);
      if (height === posted) return;
      posted = height;
      const message: FrameHeightMessage = { type: FRAME_HEIGHT_MESSAGE, height };
      window.parent.postMessage(message, '*');
    });
    observer.observe(content);
    return () => {
      observer.disconnect();
    };
  }, []);
}
