import { readFileSync, statSync } from 'node:fs';
import { ConfigurationError } from '@kiln/core/errors';

/**
 * The runner's file commands: a step appends to GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STATE in
 * `name=value` lines or `name<<DELIMITER` … `DELIMITER` blocks, to GITHUB_PATH one folder a
 * line, and to GITHUB_STEP_SUMMARY markdown. The runner reads them when the step ends.
 */

/** GitHub's limit for one step's job summary (and the most the runner reads of any command file). */
export const MAX_COMMAND_FILE_BYTES = 1024 * 1024;

/** A command file's text, or an error when it grew past the limit. */
export function readCommandFile(path: string, what: string): string {
  const size = statSync(path).size;
  if (size > MAX_COMMAND_FILE_BYTES)
    throw new ConfigurationError(
      `${what} is ${size} bytes, more than the ${MAX_COMMAND_FILE_BYTES} a step may write`,
    );
  return readFileSync(path, 'utf8');
}

/** `name=value` lines and heredoc blocks, in order (a later name wins), as the runner parses them. */
export function parseKeyValueFile(text: string, what: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (line === '') continue;
    const eq = line.indexOf('=');
    const heredoc = line.indexOf('<<');
    if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
      const name = line.slice(0, heredoc);
      const delimiter = line.slice(heredoc + 2);
      if (!delimiter) throw new ConfigurationError(`${what}: "${name}<<" has no delimiter`);
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i] as string);
      if (i >= lines.length)
        throw new ConfigurationError(`${what}: matching delimiter not found '${delimiter}'`);
      out.push([name, value.join('\n')]);
    } else if (eq > 0) {
      out.push([line.slice(0, eq), line.slice(eq + 1)]);
    } else {
      throw new ConfigurationError(`${what}: invalid format '${line}'`);
    }
  }
  return out;
}

/** GITHUB_PATH: one folder a line. */
export function parsePathFile(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}
