import { spawn, type ChildProcess } from 'node:child_process';

export interface ProcessToRun {
  name: string;
  /** Arguments to Node itself: a script and its arguments. */
  args: string[];
  env: NodeJS.ProcessEnv;
}

/**
 * Runs Node processes together until one stops or the script is stopped; then stops the rest and exits
 * with the first one's code.
 */
export function runTogether(processes: readonly ProcessToRun[]): void {
  let running = 0;
  let exitCode = 0;
  let stopping = false;
  const children: ChildProcess[] = [];

  function stop(signal: NodeJS.Signals) {
    if (stopping) return;
    stopping = true;
    for (const child of children) if (child.exitCode === null) child.kill(signal);
  }

  for (const { name, args, env } of processes) {
    // Each in its own process group, so that Ctrl+C reaches it once, through stop(), rather than twice;
    // no stdin, which a background process group may not read.
    const child = spawn(process.execPath, args, {
      detached: true,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ...env },
    });
    child.on('error', (error) => {
      console.error(`${name} could not start:`, error);
    });
    child.on('exit', (code) => {
      // When one stops on its own, the others are of no use alone; its failure is the script's failure.
      if (!stopping) {
        exitCode = code ?? 1;
        console.error(`${name} stopped; stopping the rest.`);
        stop('SIGTERM');
      }
      running -= 1;
      if (running === 0) process.exit(exitCode);
    });
    running += 1;
    children.push(child);
  }

  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      stop(signal);
    });
  }
}
