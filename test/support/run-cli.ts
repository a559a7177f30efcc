import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '@kiln/local';

/** How a `kiln` process ended. */
export interface CliExit {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * `kiln …` from source, as a process of its own. Asynchronous, so a fake registry answering
 * on this process's event loop keeps answering while the CLI runs.
 */
export function runKiln(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  options: { cwd?: string } = {},
): Promise<CliExit> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'packages/cli/src/main.ts'),
        ...args,
      ],
      { encoding: 'utf8', cwd: options.cwd, env: { ...process.env, KILN_DEBUG: '', ...env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
