import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { productionBuild } from '../scripts/vite-production-build';

/**
 * Builds one of the ./stack-floor entries the way the app is built (production, minified, one file) and
 * returns its size in bytes, gzip level 9 as dist/ is precompressed. Nothing is written to disk.
 */
export async function stackFloorSize(entry: 'first-screen' | 'element'): Promise<number> {
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
  return outputs.reduce(
    (sum, chunk) =>
      chunk.type === 'chunk' ? sum + gzipSync(chunk.code, { level: 9 }).length : sum,
    0,
  );
}
