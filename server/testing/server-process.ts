import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

/** A server started as `npm run server` starts it: a real process on a port of its own. */
export interface ServerProcess {
  child: ChildProcess;
  /** http://localhost:<port>, the origin the server names itself by without PUBLIC_ORIGIN. */
  url: string;
  output: () => string;
  exited: Promise<number | null>;
}

const tsx = resolve('node_modules/.bin/tsx');

/** Spawns `tsx server/main.ts` with `env` added to this process's, and waits until it listens. */
export function startServerProcess(
  env: Record<string, string>,
  args: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(tsx, ['server/main.ts', ...args], {
    env: { ...process.env, PORT: '0', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((done) => {
    child.once('exit', done);
  });
  return new Promise((done, fail) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening at http:\/\/localhost:(\d+)/.exec(output);
      if (match) {
        done({ child, url: `http://localhost:${match[1]}`, output: () => output, exited });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    void exited.then((code) => {
      fail(new Error(`Server exited with ${code}: ${output}`));
    });
  });
}
