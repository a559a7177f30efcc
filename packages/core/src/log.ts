import { randomBytes } from 'node:crypto';
import * as core from '@actions/core';

/**
 * One logger for actions and the CLI. On a runner it speaks workflow commands; locally it
 * writes plain lines. Secrets registered with `setSecret` are masked by the runner there and
 * redacted here, so the CLI never prints them either.
 *
 * Every message is treated as untrusted: labels, USER, HEALTHCHECK, file names and registry
 * error bodies reach it inside Kiln's own sentences. So the sinks, not the call sites, make text
 * safe: control characters become visible escapes (`printable`), and on a runner a message with
 * a line the runner would take for a workflow command is fenced with `::stop-commands::`
 * (`commandSafe`). Command data (warnings, debug, groups, failures) is escaped by @actions/core.
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
 * What the runner reads as a workflow command (actions/runner ActionCommand): a line that,
 * after leading whitespace, starts with `::`, or the older form `##[` anywhere in a line. Any
 * such line counts, registered command name or not.
 */
const COMMAND_LINE = /^\s*::|##\[/m;

/**
 * Whole output made safe for a runner's log: printable, and if any line could be read as a
 * workflow command, fenced as the runner's own `::stop-commands::TOKEN` … `::TOKEN::`, so it is
 * shown verbatim and never run. The token is random and absent from the text, so the text
 * cannot end the fence. Apply it to what is written, never to a part of a line: the fence only
 * works at the start of a line.
 */
export function commandSafe(text: string): string {
  const shown = printable(text);
  if (!COMMAND_LINE.test(shown)) return shown;
  const lower = shown.toLowerCase();
  let token = randomBytes(16).toString('hex');
  while (lower.includes(token)) token = randomBytes(16).toString('hex');
  return `::stop-commands::${token}\n${shown}\n::${token}::`;
}

/** Text for a terminal or a runner: redacted, printable, and on a runner commandSafe. */
function safeLine(message: string): string {
  return onRunner() ? commandSafe(redact(message)) : printable(redact(message));
}

export function info(message: string): void {
  if (onRunner()) core.info(safeLine(message));
  else process.stdout.write(safeLine(message) + '\n');
}

export function warning(message: string): void {
  if (onRunner()) core.warning(printable(redact(message)));
  else process.stderr.write(safeLine(`warning: ${message}`) + '\n');
}

export function debug(message: string): void {
  if (onRunner()) core.debug(printable(redact(message)));
  else if (process.env.KILN_DEBUG) process.stderr.write(safeLine(`debug: ${message}`) + '\n');
}

export async function group<T>(title: string, fn: () => Promise<T>): Promise<T> {
  if (onRunner()) return core.group(printable(title), fn);
  info(`== ${title}`);
  return fn();
}

/**
 * Writes `text` and a newline to a stream as info() writes to stdout, for the CLI's results
 * and progress lines (stdout holds the result, stderr the rest).
 */
export function write(stream: NodeJS.WritableStream, text: string): void {
  stream.write(safeLine(text) + '\n');
}

/**
 * JSON for stdout that no reader of a runner's log can take for a command, and the same data
 * to a JSON parser: pretty-printed JSON never starts a line with `::` (strings are quoted), and
 * `[` after `##`, hidden characters and U+2028/U+2029 inside strings are written as \u escapes.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2)
    .replace(/##\[/g, '##\\u005b')
    .replace(HIDDEN, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
