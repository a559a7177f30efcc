import * as core from '@actions/core';

/**
 * One logger for actions and the CLI. On a runner it speaks workflow commands; locally it
 * writes plain lines. Secrets registered with `setSecret` are masked by the runner there and
 * redacted here, so the CLI never prints them either.
 *
 * Every message is treated as untrusted: labels, USER, HEALTHCHECK, file names, container logs
 * and registry error bodies reach it inside Kiln's own sentences. So the sinks, not the call
 * sites, make text safe, on a runner and off it alike (the local workflow runner, and a runner
 * running the CLI, read the output the same way): control characters become visible escapes
 * (`printable`), and no line can be read as a workflow command (`commandSafe`). Kiln's own
 * commands (warnings, errors, debug, groups, failures) are issued by @actions/core with the
 * same text as data.
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

/**
 * Characters that move the cursor, recolour, reorder or end a line for one reader and not
 * another: C0 controls but tab and newline (a lone CR ends a line for the runner), DEL, C1
 * controls (U+0085 is whitespace to the runner), the line and paragraph separators, and the
 * bidirectional embeddings, overrides and isolates (which can make a digest read backwards).
 */
// eslint-disable-next-line no-control-regex
const HIDDEN = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** Text with its hidden characters shown as `\uXXXX` escapes; CRLF line ends become LF. */
export function printable(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The first colon of a line that starts with `::` once the runner has trimmed it (.NET
 * `TrimStart`, any Unicode space; the controls among them are already escaped by `printable`),
 * and the `[` of `##[`. The runner finds both with culture-sensitive string comparison, which
 * skips default-ignorable characters (a soft hyphen, U+200B), so those count as absent here.
 */
const COMMAND_START = /^((?:(?!\n)[\s\p{DI}])*):(?=\p{DI}*:)/gmu;
const OLD_COMMAND = /#(\p{DI}*)#(\p{DI}*)\[/gu;

/**
 * Text made safe for a runner's log (actions/runner ActionCommand): printable, with no line
 * that starts with `::` after leading whitespace (the command form) and no `##[` anywhere (the
 * older form). Both are shown with a `\u` escape, as `printable` and `jsonText` show theirs:
 * `\u003a:warning::x`, `##\u005bgroup]`. It works per line, so any part of a message can go
 * through it, and the text reads the same.
 */
export function commandSafe(text: string): string {
  return printable(text).replace(COMMAND_START, '$1\\u003a').replace(OLD_COMMAND, '#$1#$2\\u005b');
}

/** A message as every sink writes it: redacted, printable, commandSafe. */
const safe = (message: string): string => commandSafe(redact(message));

export function info(message: string): void {
  if (onRunner()) core.info(safe(message));
  else process.stdout.write(safe(message) + '\n');
}

export function warning(message: string): void {
  if (onRunner()) core.warning(safe(message));
  else process.stderr.write(safe(`warning: ${message}`) + '\n');
}

export function debug(message: string): void {
  if (onRunner()) core.debug(safe(message));
  else if (process.env.KILN_DEBUG) process.stderr.write(safe(`debug: ${message}`) + '\n');
}

/** An error annotation on a runner (file and line as given), an `error:` line off it. */
export function error(
  message: string,
  where: { title?: string; file?: string; line?: number } = {},
): void {
  if (!onRunner()) {
    process.stderr.write(safe(`error: ${where.title ? `${where.title}: ` : ''}${message}`) + '\n');
    return;
  }
  core.error(safe(message), {
    ...(where.title !== undefined ? { title: safe(where.title) } : {}),
    ...(where.file !== undefined ? { file: safe(where.file) } : {}),
    ...(where.line !== undefined ? { startLine: where.line } : {}),
  });
}

/** Fails the step (exit code 1 unless set later) with the message as its error annotation. */
export function fail(message: string): void {
  core.setFailed(safe(message));
}

export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  if (onRunner()) return core.group(safe(title), fn);
  info(`== ${title}`);
  return fn();
}

/**
 * Writes `text` and a newline to a stream as info() writes to stdout, for the CLI's results
 * and progress lines (stdout holds the result, stderr the rest) and the local runner's log.
 */
export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(safe(text) + '\n');
}

/**
 * JSON for stdout that no reader of a runner's log can take for a command, and the same data
 * to a JSON parser: pretty-printed JSON never starts a line with `::` (strings are quoted), and
 * `[` after `##`, hidden characters and U+2028/U+2029 inside strings are written as \u escapes.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(OLD_COMMAND, '#$1#$2\\u005b')
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
