import { ACTION_INPUTS, SUITE_DEFAULTS } from './command-inputs.js';

/**
 * Warnings for inputs given to the suite entry that the chosen action does not read. The
 * runner sets INPUT_* for every suite input that has a default, so only a value other than
 * that default counts as given; an input whose default is an expression (`${{ github.token }}`)
 * arrives evaluated and cannot be told from one given, so it is never warned about.
 */
export function unusedInputs(command: string, action: string, env: NodeJS.ProcessEnv): string[] {
  const reads = new Set(ACTION_INPUTS[action] ?? []);
  const warnings: string[] = [];
  for (const [name, fallback] of Object.entries(SUITE_DEFAULTS)) {
    if (name === 'command' || reads.has(name) || fallback?.includes('${{')) continue;
    const value = (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
    if (value === (fallback ?? '').trim()) continue;
    const owners = Object.keys(ACTION_INPUTS).filter((a) => ACTION_INPUTS[a]?.includes(name));
    warnings.push(
      `Input "${name}" does not apply to command "${command}" and is ignored` +
        (owners.length ? ` (it is for ${owners.join(', ')})` : ''),
    );
  }
  return warnings;
}
