import { dialogClasses } from '@mui/material/Dialog';
import { dialogContentClasses } from '@mui/material/DialogContent';
import { popoverClasses } from '@mui/material/Popover';
import { popperClasses } from '@mui/material/Popper';
import { useEffect } from 'react';

export const FRAME_HEIGHT_MESSAGE = 'phone-numbers:height';

/** What the page posts to the page that frames it, so that the frame can be as tall as its content. */
export interface FrameHeightMessage {
  type: typeof FRAME_HEIGHT_MESSAGE;
  /** CSS pixels, rounded up. */
  height: number;
}

/** The space MUI's Dialog keeps above and below its paper. */
const DIALOG_MARGINS = 64;
/** The space MUI's Popover keeps between a menu and the edge of the window; room below any popup. */
const POPUP_MARGIN = 16;

/**
 * How tall the frame must be for every open dialog to show whole: its paper as tall as its content, which
 * a short frame would otherwise squeeze into a scrolling box, and the dialog's margins. 0 with none open.
 */
function openDialogsHeight(): number {
  let height = 0;
  for (const paper of document.querySelectorAll(`.${dialogClasses.paper}`)) {
    let scrolledOut = 0;
    for (const content of paper.querySelectorAll(`.${dialogContentClasses.root}`)) {
      scrolledOut += content.scrollHeight - content.clientHeight;
    }
    height = Math.max(height, paper.getBoundingClientRect().height + scrolledOut + DIALOG_MARGINS);
  }
  return Math.ceil(height);
}

/**
 * How tall the frame must be for every open menu, listbox, tooltip and grid panel to show whole where it
 * is placed, with a margin below: a menu that a short frame squeezes into a scrolling box counts whole.
 * 0 with none open.
 */
function openPopupsHeight(): number {
  let height = 0;
  for (const popup of document.querySelectorAll(
    `.${popperClasses.root}, .${popoverClasses.paper}`,
  )) {
    const box = popup.getBoundingClientRect();
    const whole = Math.max(box.height, popup.scrollHeight);
    height = Math.max(height, window.scrollY + box.top + whole + POPUP_MARGIN);
  }
  return Math.ceil(height);
}

/**
 * While the page is in a frame, posts the height it needs to the parent as it first renders and whenever
 * that changes: the height of <html>, or more while a dialog or a popup is open that needs more. The
 * height of <html>, not its scroll height: that is never less than the frame, so a frame sized to it could
 * grow but never shrink. Dialogs and popups are outside that height: they are measured as they open,
 * change and close (on the next frame after the document changes). Any parent may read it: a height tells
 * nothing.
 */
export function useFrameHeightMessages(): void {
  useEffect(() => {
    if (window.parent === window) return;
    let posted: number | undefined;
    let nextFrame: number | undefined;
    const post = () => {
      nextFrame = undefined;
      const content = Math.ceil(document.documentElement.getBoundingClientRect().height);
      const height = Math.max(content, openDialogsHeight(), openPopupsHeight());
      if (height === posted) return;
      posted = height;
      const message: FrameHeightMessage = { type: FRAME_HEIGHT_MESSAGE, height };
      window.parent.postMessage(message, '*');
    };
    const resizes = new ResizeObserver(post);
    resizes.observe(document.documentElement);
    const changes = new MutationObserver(() => {
      nextFrame ??= requestAnimationFrame(post);
    });
    changes.observe(document.body, { childList: true, subtree: true });
    return () => {
      resizes.disconnect();
      changes.disconnect();
      if (nextFrame !== undefined) cancelAnimationFrame(nextFrame);
    };
  }, []);
}
