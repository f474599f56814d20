import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { afterEach } from 'vitest';

/** A server started as `npm run server` starts it: a real process on a port of its own. */
export interface ServerProcess {
  child: ChildProcess;
  /** http://localhost:<port>, the origin the server names itself by without PUBLIC_ORIGIN. */
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const tsx = resolve('node_modules/.bin/tsx');

/** Spawns `tsx server/main.ts`, PORT 0 and `env` added to this process's; keeps what it prints. */
function spawnServer(env: Record<string, string>, args: readonly string[]) {
  const child = spawn(tsx, ['server/main.ts', ...args], {
    env: { ...process.env, PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const exited = new Promise<number | null>((done) => {
    child.once('exit', done);
  });
  return { child, output: () => output, exited };
}

/** Waits until a spawned server listens; fails with what it printed if it exits first. */
function listening(spawned: ReturnType<typeof spawnServer>): Promise<ServerProcess> {
  const { child, output, exited } = spawned;
  return new Promise((done, fail) => {
    const check = () => {
      const match = /listening at http:\/\/localhost:(\d+)/.exec(output());
      if (match) done({ child, url: `http://localhost:${match[1]}`, output, exited });
    };
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    void exited.then((code) => {
      fail(new Error(`Server exited with ${code}: ${output()}`));
    });
  });
}

const development = (env: Record<string, string>) => ({ NODE_ENV: 'development', ...env });

/** Spawns `tsx server/main.ts` (NODE_ENV development unless `env` says so) until it listens. */
export function startServerProcess(
  env: Record<string, string>,
  args: readonly string[] = [],
): Promise<ServerProcess> {
  return listening(spawnServer(development(env), args));
}

/**
 * Server processes for a test file: `start` as `startServerProcess`; `run` with `env` as it is, to
 * its exit (a start that is refused). Whatever still runs after a test is killed.
 */
export function useServerProcesses() {
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) child.kill('SIGKILL');
  });
  const track = (spawned: ReturnType<typeof spawnServer>) => {
    children.push(spawned.child);
    return spawned;
  };
  return {
    start: (env: Record<string, string>, args: readonly string[] = []) =>
      listening(track(spawnServer(development(env), args))),
    run: async (env: Record<string, string>, args: readonly string[] = []) => {
      const spawned = track(spawnServer(env, args));
      const code = await spawned.exited;
      return { code, output: spawned.output() };
    },
  };
}
