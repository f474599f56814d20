import Papa from 'papaparse';

/**
 * A chunk is parsed in one task; 64 kB is about 1,500 rows, parsed in a few milliseconds on a slow
 * machine, and a file is read chunk by chunk, each in a task of its own, so that no long file freezes
 * the page.
 */
const CHUNK_BYTES = 64 * 1024;

export interface ReadCsvOptions {
  signal?: AbortSignal | undefined;
  /** Told the share of the file read so far, from 0 to 1. */
  onProgress?: ((share: number) => void) | undefined;
  /** Stops reading once this many records are in (the header counts). */
  maxRecords?: number | undefined;
}

/**
 * The records of a CSV file (or text), with papaparse: RFC 4180 quoting, any of the usual delimiters
 * (a spreadsheet set to another locale writes ";"), a UTF-8 BOM dropped, and empty lines skipped.
 */
export function readCsvRecords(
  source: File | string,
  { signal, onProgress, maxRecords = Infinity }: ReadCsvOptions = {},
): Promise<string[][]> {
  const size = typeof source === 'string' ? source.length : source.size;
  return new Promise((resolve, reject) => {
    const records: string[][] = [];
    Papa.parse<string[]>(source, {
      chunkSize: CHUNK_BYTES,
      skipEmptyLines: 'greedy',
      chunk: (results, parser) => {
        if (signal?.aborted === true) {
          parser.abort();
          return;
        }
        for (const record of results.data) records.push(record);
        onProgress?.(size === 0 ? 1 : Math.min(1, results.meta.cursor / size));
        if (records.length >= maxRecords) parser.abort();
      },
      complete: () => {
        if (signal?.aborted === true)
          reject(new DOMException('The file was not read.', 'AbortError'));
        else resolve(records);
      },
      error: (error) => {
        reject(error);
      },
    });
  });
}
