import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '@kiln/local';
import type { CliExit } from './run-cli.js';

/** A `kiln …` process still running, with what it printed so far. */
export interface RunningKiln {
  /** stdout and stderr so far, in the order they came. */
  output(): string;
  /** Ends once the process has exited (by itself or killed). */
  exit: Promise<CliExit & { signal: NodeJS.Signals | null }>;
  /** SIGKILL to the whole process group (tsx and the node it starts): a runner that dies. */
  kill(): void;
}

/**
 * `kiln …` from source as runKiln starts it, but returned while it runs, in a process group of
 * its own so a kill takes tsx's child too (nothing of the run survives it).
 */
export function spawnKiln(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { cwd?: string } = {},
): RunningKiln {
  const child = spawn(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'packages/cli/src/main.ts'), ...args],
    {
      cwd: options.cwd,
      env: { ...process.env, KILN_DEBUG: '', ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  let all = '';
  child.stdout.on('data', (d: Buffer) => ((stdout += d), (all += d)));
  child.stderr.on('data', (d: Buffer) => ((stderr += d), (all += d)));
  const exit = new Promise<CliExit & { signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })),
  );
  return {
    output: () => all,
    exit,
    kill: () => {
      if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
    },
  };
}
