import * as core from '@actions/core';

/**
 * One logger for actions and the CLI. On a runner it speaks workflow commands; locally it
 * writes plain lines. Secrets registered with `setSecret` are masked by the runner there and
 * redacted here, so the CLI never prints them either.
 */
const secrets = new Set<string>();
const onRunner = (): boolean => process.env.GITHUB_ACTIONS === 'true';

export function redact(text: string): string {
  let out = text;
  for (const s of secrets) out = out.split(s).join('***');
  return out;
}

export function setSecret(value: string | undefined): void {
  if (!value || secrets.has(value)) return;
  secrets.add(value);
  if (onRunner()) core.setSecret(value);
}

export function info(message: string): void {
  if (onRunner()) core.info(message);
  else process.stdout.write(redact(message) + '\n');
}

export function warning(message: string): void {
  if (onRunner()) core.warning(message);
  else process.stderr.write(redact(`warning: ${message}`) + '\n');
}

export function debug(message: string): void {
  if (onRunner()) core.debug(message);
  else if (process.env.KILN_DEBUG) process.stderr.write(redact(`debug: ${message}`) + '\n');
}

export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  if (onRunner()) return core.group(title, fn);
  info(`== ${title}`);
  return fn();
}
