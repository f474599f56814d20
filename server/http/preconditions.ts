/**
 * Entity tags and `If-Match` (RFC 9110 §13.1.1). A phone number's tag is weak, because its representation
 * varies with `fields`, `include` and `meta`, while its version names the one state of the row every such
 * representation shows; so If-Match compares weakly, which is what a client that echoes the tag it got
 * needs. See docs/decisions/0034-etags-and-if-match.md.
 */
export function weakEtag(version: number): string {
  return `W/"${version}"`;
}

/** The opaque part of a tag, with or without `W/` and quotes (some clients send a bare value). */
function opaqueTag(tag: string): string {
  const trimmed = tag.trim().replace(/^W\//, '');
  return trimmed.length >= 2 && trimmed.startsWith('"') && trimmed.endsWith('"')
    ? trimmed.slice(1, -1)
    : trimmed;
}

/** Whether an `If-Match` header's list (or `*`) names the current tag. */
export function ifMatchHolds(ifMatch: string, currentEtag: string): boolean {
  const current = opaqueTag(currentEtag);
  return ifMatch
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || (tag !== '' && opaqueTag(tag) === current));
}
