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
