/**
 * One line per request, written in batches: lines that finish in the same turn of the event loop go out
 * in one write rather than one system call each. `flush` writes what is left (at shutdown).
 */
export function batchedLines(write: (chunk: string) => void): {
  log: (line: string) => void;
  flush: () => void;
} {
  let pending: string[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (pending.length === 0) return;
    const lines = pending;
    pending = [];
    write(`${lines.join('\n')}\n`);
  };
  return {
    log: (line) => {
      pending.push(line);
      if (!scheduled) {
        scheduled = true;
        setImmediate(flush);
      }
    },
    flush,
  };
}

/**
 * Text from the request made safe for a one-line log: everything but printable ASCII (line breaks, NUL,
 * escape sequences, bidi controls) and the percent sign itself is percent-encoded, so a path decoded from
 * %0A cannot start a forged line, and what is logged reads back unambiguously.
 */
export function escapeForLog(text: string): string {
  return text.replace(/[^\x21-\x24\x26-\x7E]/gu, (character) =>
    [...Buffer.from(character)]
      .map((byte) => `%${byte.toString(16).toUpperCase().padStart(2, '0')}`)
      .join(''),
  );
}
