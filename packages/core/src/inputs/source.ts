import * as core from '@actions/core';
import { ConfigurationError } from '../errors.js';

/** Where input values come from: the runner's INPUT_* variables, or CLI flags. */
export type InputReader = (name: string) => string;

export const actionInputs: InputReader = (name) => core.getInput(name);

export function fromRecord(values: Record<string, string | undefined>): InputReader {
  return (name) => values[name] ?? '';
}

export function required(read: InputReader, name: string): string {
  const v = read(name).trim();
  if (v === '') throw new ConfigurationError(`Input "${name}" is required`);
  return v;
}
