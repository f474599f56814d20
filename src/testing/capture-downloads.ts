import { beforeEach, vi } from 'vitest';

/** A file the page handed to the browser to save: its name and its contents. */
export interface Download {
  name: string;
  blob: Blob;
}

/**
 * Catches the files the code under test downloads (an object URL clicked on a link with `download`),
 * which jsdom would drop. Call it in a test file or a `describe` block; the list it returns is emptied
 * before each test.
 */
export function captureDownloads(): Download[] {
  const downloads: Download[] = [];
  beforeEach(() => {
    downloads.length = 0;
    const blobs = new Map<string, Blob>();
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:download-${blobs.size}`;
      blobs.set(url, blob);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      const blob = blobs.get(this.href);
      if (blob !== undefined) downloads.push({ name: this.download, blob });
    });
  });
  return downloads;
}
