import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { productionBuild } from '../scripts/vite-production-build';

type Entry = 'first-screen' | 'formatted-first-screen' | 'element';

const built = new Map<Entry, Promise<string>>();

/**
 * One of the ./stack-floor entries built the way the app is built (production, minified, one file), once
 * per run: its size and its page are the same code. Nothing is written to disk.
 */
function stackFloorCode(entry: Entry): Promise<string> {
  let code = built.get(entry);
  if (code === undefined) {
    code = buildStackFloor(entry);
    built.set(entry, code);
  }
  return code;
}

async function buildStackFloor(entry: Entry): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    plugins: [react(), productionBuild()],
    publicDir: false,
    build: {
      write: false,
      rolldownOptions: {
        input: resolve(import.meta.dirname, 'stack-floor', `${entry}.tsx`),
        output: { codeSplitting: false },
      },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]).flatMap((bundle) =>
    'output' in bundle ? bundle.output : [],
  );
  return outputs.map((chunk) => (chunk.type === 'chunk' ? chunk.code : '')).join('');
}

/** The size of a stack floor's code in bytes, gzip level 9 as dist/ is precompressed. */
export async function stackFloorSize(entry: Entry): Promise<number> {
  return gzipSync(await stackFloorCode(entry), { level: 9 }).length;
}

/**
 * Writes a first screen's floor as a page of its own into `directory` (the built app's dist/, which the
 * server serves with Brotli and gzip copies as it does the app's files), so that bench:ui can load it
 * cold from the same server as the app. Returns the page's path.
 */
export async function writeStackFloorPage(
  directory: string,
  entry: 'first-screen' | 'formatted-first-screen',
): Promise<string> {
  const folder = join(directory, 'stack-floor');
  mkdirSync(folder, { recursive: true });
  const files = {
    [`${entry}.html`]:
      '<!doctype html><html lang="en"><head><meta charset="UTF-8" /><title>Stack floor</title>' +
      `<script type="module" src="/stack-floor/${entry}.js"></script></head>` +
      '<body><div id="root" style="height: 600px"></div></body></html>',
    [`${entry}.js`]: await stackFloorCode(entry),
  };
  for (const [name, content] of Object.entries(files)) {
    const path = join(folder, name);
    writeFileSync(path, content);
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }),
    );
    writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }));
  }
  return `/stack-floor/${entry}.html`;
}
