import type { z } from 'zod';
import { didYouMean, type Problem, type YamlSource } from './yaml-source.js';

/** Longest quoted value in a message; a longer one is cut (it is in the file anyway). */
const SHOWN_MAX = 80;

/** `environments.production.requires`, the way the key is written in the file. */
export function keyPath(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map(String).join('.');
}

/** A value as a message shows it: strings quoted, maps and lists by kind. */
export function shown(value: unknown): string {
  if (value === null || value === undefined) return 'an empty value';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  if (typeof value !== 'string') return String(value);
  const quoted = JSON.stringify(value);
  return quoted.length <= SHOWN_MAX ? quoted : `${quoted.slice(0, SHOWN_MAX - 2)}…"`;
}

/** The value at `path` in the parsed file, and whether its last key is there at all. */
function lookup(root: unknown, path: readonly PropertyKey[]): { value: unknown; present: boolean } {
  let node = root;
  for (const segment of path) {
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment))
      return { value: undefined, present: false };
    node = (node as Record<PropertyKey, unknown>)[segment];
  }
  return { value: node, present: true };
}

/**
 * Schema issues as problems at their place in the file, each naming the key path, the rule and
 * the value: an unknown key with its nearest known key, a missing key at its parent, a value
 * outside a fixed set with the nearest choice.
 */
export function issueProblems(
  issues: readonly z.core.$ZodIssue[],
  value: unknown,
  source: YamlSource,
  knownKeys: (path: readonly PropertyKey[]) => readonly string[],
): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  const add = (path: readonly PropertyKey[], message: string, key: boolean): void => {
    const problem = { ...source.position(path as string[], key), message };
    // Two checks of one value can fail with the same rule (a negative fraction for a count).
    const id = `${problem.line}:${problem.col}:${message}`;
    if (!seen.has(id)) problems.push(problem);
    seen.add(id);
  };
  for (const issue of issues) {
    const path = issue.path;
    if (issue.code === 'unrecognized_keys') {
      const known = knownKeys(path);
      for (const key of issue.keys) {
        add(
          [...path, key],
          `${keyPath([...path, key])}: unknown key${didYouMean(key, known)}; known keys${path.length > 0 ? ` of ${keyPath(path)}` : ''}: ${known.join(', ')}`,
          true,
        );
      }
      continue;
    }
    const here = lookup(value, path);
    if (issue.code === 'invalid_key') {
      add(path, `${keyPath(path)}: ${issue.message}, got ${shown(path[path.length - 1])}`, true);
    } else if (!here.present) {
      add(path.slice(0, -1), `${keyPath(path)}: is required; it ${issue.message}`, true);
    } else {
      const hint =
        issue.code === 'invalid_value' && typeof here.value === 'string'
          ? didYouMean(
              here.value,
              issue.values.filter((v): v is string => typeof v === 'string'),
            )
          : '';
      add(path, `${keyPath(path)}: ${issue.message}${hint}, got ${shown(here.value)}`, false);
    }
  }
  return problems;
}
