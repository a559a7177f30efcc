import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * INPUT_* as the runner sets them for the suite action (root action.yml): every input given,
 * else its default; an expression default such as `${{ github.token }}` arrives evaluated.
 */
export function suiteEnv(given: Record<string, string>): Record<string, string> {
  const yml = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as {
    inputs: Record<string, { default?: string }>;
  };
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(yml.inputs)) {
    const fallback = spec.default?.includes('${{') ? 'ghs_evaluatedToken' : spec.default;
    const value = given[name] ?? fallback;
    if (value !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  }
  return env;
}
