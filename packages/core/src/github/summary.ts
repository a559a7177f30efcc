import * as core from '@actions/core';

/**
 * Markdown builders for job summaries (digests, sizes, gates, timings). They return strings so
 * callers compose a whole summary and write it once; each is plain GitHub-flavoured markdown.
 */

/** A table cell is one line of markdown: a `|` would end the cell and a newline the row. */
function cell(value: string | number | boolean | undefined | null): string {
  return String(value ?? '')
    .replace(/\\/g, '\\\\')
    .replace(/\|/g, '\\|')
    .replace(/\r?\n/g, '<br>');
}

export type Cell = string | number | boolean | undefined | null;

export function table(headers: readonly string[], rows: ReadonlyArray<readonly Cell[]>): string {
  const line = (cells: readonly Cell[]): string => `| ${cells.map(cell).join(' | ')} |`;
  const pad = (r: readonly Cell[]): Cell[] =>
    Array.from({ length: headers.length }, (_, i) => r[i]);
  return [line(headers), line(headers.map(() => '---')), ...rows.map((r) => line(pad(r)))].join(
    '\n',
  );
}

const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A collapsed section; the blank lines let GitHub render markdown inside the HTML block. */
export function details(summary: string, body: string): string {
  return `<details><summary>${escapeHtml(summary)}</summary>\n\n${body}\n\n</details>`;
}

/** A fenced block whose fence is longer than any backtick run inside, so content cannot end it. */
export function code(text: string, lang = ''): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}${lang}\n${text.replace(/\n$/, '')}\n${fence}`;
}

/** Inline code; a value containing backticks gets a longer delimiter and padding spaces. */
export function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((r) => r.length));
  const tick = '`'.repeat(longest + 1);
  return longest ? `${tick} ${text} ${tick}` : `${tick}${text}${tick}`;
}

export function heading(text: string, level: 1 | 2 | 3 | 4 = 3): string {
  return `${'#'.repeat(level)} ${text}`;
}

/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  await core.summary.addRaw(markdown, true).write();
}
