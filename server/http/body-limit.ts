/** Request bodies above this size are refused with 413 before they are read in full. */
export const MAX_BODY_BYTES = 64 * 1024;
