import { ConfigurationError } from '@kiln/core/errors';
import { parse, print, progress } from '../options.js';
import { USAGE } from '../usage.js';

const runUsage = USAGE.run;

const EVENTS = ['push', 'pull_request', 'workflow_dispatch'] as const;

/** `k=v` arguments of a repeated flag as a record; a name given twice is refused. */
function pairs(flag: string, values: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const v of values ?? []) {
    const eq = v.indexOf('=');
    if (eq <= 0) throw new ConfigurationError(`--${flag} ${v}: expected NAME=VALUE`);
    const name = v.slice(0, eq);
    if (Object.hasOwn(out, name)) throw new ConfigurationError(`--${flag} ${name} given twice`);
    out[name] = v.slice(eq + 1);
  }
  return out;
}

/**
 * Secrets come from this process's environment by name (`--secret NAME`), never from the
 * command line, where they would land in shell history and `ps`.
 */
function secretsFrom(names: string[] | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of names ?? []) {
    const value = process.env[name];
    if (value === undefined)
      throw new ConfigurationError(`--secret ${name}: no environment variable ${name} is set`);
    out[name] = value;
  }
  return out;
}

export async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    input: { type: 'string', multiple: true },
    var: { type: 'string', multiple: true },
    secret: { type: 'string', multiple: true },
    event: { type: 'string' },
    debug: { type: 'boolean' },
    json: { type: 'boolean' },
  });
  if (positionals.length !== 1) throw new ConfigurationError(`usage: kiln ${runUsage}`);
  const event = values.event;
  if (event !== undefined && !(EVENTS as readonly string[]).includes(event))
    throw new ConfigurationError(`--event ${event}: expected one of ${EVENTS.join(', ')}`);
  const options = {
    workflow: positionals[0] as string,
    event: event as (typeof EVENTS)[number] | undefined,
    inputs: pairs('input', values.input),
    vars: pairs('var', values.var),
    secrets: secretsFrom(values.secret),
    debug: values.debug ?? false,
    log: progress,
  };
  // Arguments are checked before the runner (and GitHub's workflow parser) loads.
  const { runWorkflow, runReport } = await import('@kiln/local/runner');
  const result = await runWorkflow(options);
  print(values.json, result, await runReport(result));
  return result.conclusion === 'success' ? 0 : 3;
}
