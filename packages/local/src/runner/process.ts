import { spawn } from 'node:child_process';

/** How long a step that outlived its timeout gets between SIGTERM and SIGKILL. */
export const KILL_GRACE_MS = 5_000;

/** How a step's process ended. */
export interface ProcessExit {
  code: number;
  timedOut: boolean;
  /** set when the program could not be started at all */
  spawnError?: string;
}

/**
 * Runs a program with an argv array (never a shell string), handing each stdout and stderr line
 * to `onLine` as it comes: the runner reads workflow commands from both streams.
 */
export function runProcess(
  file: string,
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs?: number },
  onLine: (line: string) => void,
): Promise<ProcessExit> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let timedOut = false;
    let spawnError: string | undefined;
    const timers: NodeJS.Timeout[] = [];
    if (options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs)) {
      timers.push(
        setTimeout(() => {
          timedOut = true;
          child.kill('SIGTERM');
          timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
        }, options.timeoutMs),
      );
    }
    const reader = (stream: NodeJS.ReadableStream): (() => void) => {
      let rest = '';
      stream.setEncoding('utf8');
      stream.on('data', (chunk: string) => {
        const lines = (rest + chunk).split('\n');
        rest = lines.pop() ?? '';
        for (const l of lines) onLine(l.replace(/\r$/, ''));
      });
      return () => {
        if (rest) onLine(rest.replace(/\r$/, ''));
        rest = '';
      };
    };
    const flushOut = reader(child.stdout);
    const flushErr = reader(child.stderr);
    child.on('error', (err) => {
      spawnError = err.message;
    });
    child.on('close', (code, signal) => {
      for (const t of timers) clearTimeout(t);
      flushOut();
      flushErr();
      resolve({
        code: code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : 1),
        timedOut,
        ...(spawnError ? { spawnError } : {}),
      });
    });
  });
}
