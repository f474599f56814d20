/** Hands `blob` to the browser as a download named `fileName`, as a link with `download` would. */
export function downloadFile(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has read the URL once the click's download has started; a later tick is enough.
  setTimeout(() => {
    URL.revokeObjectURL(url);
  }, 0);
}
