import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const vite = join(createRequire(import.meta.url).resolve('vite/package.json'), '../bin/vite.js');
const directory = mkdtempSync(join(tmpdir(), 'phone-numbers-build-'));

afterAll(() => {
  rmSync(directory, { recursive: true, force: true });
});

/** Strings only React's development build and its development JSX runtime contain. */
const DEVELOPMENT_CODE = ['unique "key" prop', 'jsxDEV'];

/** Builds with `config` into a directory of its own, with NODE_ENV=development in the environment. */
async function buildWithDevelopmentNodeEnv(config: string): Promise<string> {
  const outDir = join(directory, config);
  await promisify(execFile)(
    process.execPath,
    [vite, 'build', '-c', config, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'],
    { env: { ...process.env, NODE_ENV: 'development' } },
  );
  return outDir;
}

function developmentCodeIn(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.js'))
    .flatMap((file) => {
      const code = readFileSync(join(outDir, file), 'utf8');
      return DEVELOPMENT_CODE.filter((marker) => code.includes(marker)).map(
        (marker) => `${file}: ${marker}`,
      );
    });
}

describe('the build, with NODE_ENV=development in the environment', () => {
  it.each(['vite.config.ts', 'vite.embed.config.ts'])(
    '%s ships React’s production build',
    async (config) => {
      const outDir = await buildWithDevelopmentNodeEnv(config);
      expect(readdirSync(outDir, { recursive: true }).length).toBeGreaterThan(0);
      expect(developmentCodeIn(outDir)).toEqual([]);
    },
    120_000,
  );
});
