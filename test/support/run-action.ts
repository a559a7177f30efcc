import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from '@kiln/local';

/** The ledger witness file the bundles of this test process share (see KILN_WITNESS_FILE). */
export const WITNESS_FILE = join(tmpdir(), `kiln-witness-${process.pid}.json`);

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  summary: string;
  state: string;
}

interface ActionYml {
  inputs?: Record<string, { default?: string; required?: boolean }>;
  runs: { using: string; main: string };
}

/** Parses GITHUB_OUTPUT / GITHUB_STATE: `name=value` lines and `name<<DELIM` heredocs. */
export function parseCommandFile(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string];
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delim; i++) value.push(lines[i] as string);
      out[name] = value.join('\n');
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1);
    }
  }
  return out;
}

/**
 * Runs an action's committed bundle exactly as a runner does: `node <runs.main>` from
 * action.yml, inputs as INPUT_* with action.yml defaults applied, and the runner's command
 * files. Undeclared inputs are refused, as a typo in a workflow would only warn.
 */
export async function runAction(
  actionDir: string,
  inputs: Record<string, string>,
  env: Record<string, string> = {},
): Promise<ActionRun> {
  const dir = join(ROOT, actionDir);
  const yml = parse(readFileSync(join(dir, 'action.yml'), 'utf8')) as ActionYml;
  if (yml.runs.using !== 'node24')
    throw new Error(`${actionDir}/action.yml runs ${yml.runs.using}, expected node24`);
  const declared = yml.inputs ?? {};
  for (const name of Object.keys(inputs)) {
    if (!(name in declared)) throw new Error(`${actionDir}/action.yml declares no input "${name}"`);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'kiln-runner-'));
  const files = {
    GITHUB_OUTPUT: 'output',
    GITHUB_STEP_SUMMARY: 'summary',
    GITHUB_STATE: 'state',
    GITHUB_ENV: 'env',
    GITHUB_PATH: 'path',
  };
  for (const f of Object.values(files)) writeFileSync(join(tmp, f), '');
  const inputEnv: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared)) {
    // An expression default (`${{ github.token }}`) is what a runner evaluates: no token here.
    const fallback = spec.default?.includes('${{') ? '' : spec.default;
    const value = inputs[name] ?? fallback ?? '';
    inputEnv[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  const childEnv: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? tmp,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    RUNNER_TEMP: join(tmp, 'runner-temp'),
    GITHUB_WORKSPACE: ROOT,
    // One ledger witness per test file and run: what a runner's workspace keeps between steps.
    KILN_WITNESS_FILE: WITNESS_FILE,
    ...Object.fromEntries(Object.entries(files).map(([k, f]) => [k, join(tmp, f)])),
    ...inputEnv,
    ...env,
  };
  try {
    const result = await new Promise<{ code: number; stdout: string; stderr: string }>(
      (resolve) => {
        execFile(
          process.execPath,
          [join(dir, yml.runs.main)],
          { env: childEnv, cwd: childEnv.GITHUB_WORKSPACE, maxBuffer: 64 * 1024 * 1024 },
          (err, stdout, stderr) =>
            resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
        );
      },
    );
    return {
      ...result,
      outputs: parseCommandFile(readFileSync(join(tmp, 'output'), 'utf8')),
      summary: readFileSync(join(tmp, 'summary'), 'utf8'),
      state: readFileSync(join(tmp, 'state'), 'utf8'),
    };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
