import * as core from '@actions/core';
import { printable } from '../log.js';
import { htmlText, markdownText } from './escape.js';

/**
 * Markdown builders for job summaries (digests, sizes, gates, timings). They return strings so
 * callers compose a whole summary and write it once; each is plain GitHub-flavoured markdown.
 * A plain string given to a builder is text, wherever it came from, and is escaped
 * (escape.ts), so a label shows as itself; markup of Kiln's own is a `Markdown` value.
 */

/** Markdown source written by Kiln: used as it is where a plain string is escaped as text. */
export class Markdown {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

export type Cell = string | number | boolean | undefined | null | Markdown;

/**
 * A table cell is one line of markdown: a newline would end the row and an unescaped `|` the
 * cell, even inside a code span. A `|` after an even number of backslashes (none included)
 * gets one more, so it is escaped however a table parser pairs backslashes.
 */
function cell(value: Cell): string {
  const source = value instanceof Markdown ? value.source : markdownText(String(value ?? ''));
  return source
    .replace(/(\\*)\|/g, (m, bs: string) => (bs.length % 2 ? m : `${bs}\\|`))
    .replace(/\r?\n/g, '<br>');
}

export function table(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const line = (cells: readonly Cell[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const pad = (r: readonly Cell[]): Cell[] =>
    Array.from({ length: headers.length }, (_, i) => r[i]);
  const rule = headers.map(() => new Markdown('---'));
  return [line(headers), line(rule), ...rows.map((r) => line(pad(r)))].join('\n');
}

/** A collapsed section; the blank lines let GitHub render markdown inside the HTML block. */
export function details(summary: string, body: string): string {
  return `<details><summary>${htmlText(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A fenced block whose fence is longer than any backtick run inside, so content cannot end it. */
export function code(text: string, lang = ''): string {
  const shown = printable(text);
  const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${shown.replace(/\n$/, '')}\n${fence}`;
}

/**
 * Inline code; a value containing backticks gets a longer delimiter and padding spaces. A
 * code span shows its content literally; a newline in it would still end a table row, and
 * becomes the space markdown renders it as anyway.
 */
export function inlineCode(text: string): Markdown {
  const shown = printable(text).replace(/\n/g, ' ');
  const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
  const tick = '`'.repeat(longest + 1);
  return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}

export function heading(text: string, level: 1 | 2 | 3 | 4 = 3): string {
  return `${'#'.repeat(level)} ${markdownText(text)}`;
}

/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}
