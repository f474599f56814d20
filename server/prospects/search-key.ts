/** Lower-case, accent-free text, so that "jose" finds "José" and prefix search can use an index. */
export function searchKey(text: string | null | undefined): string {
  return (text ?? '').normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().trim();
}
