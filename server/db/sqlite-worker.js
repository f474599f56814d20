// The SQLite connection, in a worker thread, so that queries neither block the event loop nor wait for
// it. Messages: { id, sql, parameters } → { id, columns, rows } (rows as arrays) | { id, changes,
// lastInsertRowid } | { id, error }; { id, close: true } closes the database (checkpointing the WAL).
// Plain JavaScript, so that it loads the same under tsx, Vitest and node.
import { readlinkSync } from 'node:fs';
import { constants, setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const STATEMENT_CACHE_SIZE = 500;
const db = new Database(workerData.path);
for (const pragma of workerData.pragmas) db.pragma(pragma);

// The long-read connection yields the CPU to every other thread: on Linux a thread has its own nice value,
// set through its id (/proc/thread-self is "<pid>/task/<tid>"). Elsewhere it keeps the usual priority.
if (workerData.background) {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').at(-1));
    setPriority(tid, constants.priority.PRIORITY_LOW);
  } catch {
    // Not Linux, or not allowed: long reads still have a connection of their own.
  }
}

// Preparing costs more than running the small indexed queries the API makes, so statements are reused
// by SQL text (least recently used first out). Readers return arrays: cheaper to build and to send.
const statements = new Map();
function prepare(sql) {
  let entry = statements.get(sql);
  if (entry) {
    statements.delete(sql);
  } else {
    const statement = db.prepare(sql);
    const columns = statement.reader ? statement.columns().map((column) => column.name) : undefined;
    if (columns) statement.raw(true);
    entry = { statement, columns };
    if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value);
  }
  statements.set(sql, entry);
  return entry;
}

parentPort.on('message', ({ id, sql, parameters, close }) => {
  if (close) {
    statements.clear();
    db.close();
    parentPort.postMessage({ id });
    return;
  }
  try {
    const { statement, columns } = prepare(sql);
    if (columns) {
      parentPort.postMessage({ id, columns, rows: statement.all(parameters) });
    } else {
      const { changes, lastInsertRowid } = statement.run(parameters);
      parentPort.postMessage({ id, changes, lastInsertRowid });
    }
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
