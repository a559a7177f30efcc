import { printable } from '../log.js';

/**
 * Untrusted text (labels, USER, file names, registry and container output) for GitHub's
 * markdown: the job summary and check-run summaries and texts are rendered by cmark-gfm, so a
 * label could otherwise bring a link, an image, a table row, a heading or HTML of its own.
 * Entity and backslash escapes are never markup in CommonMark, so escaped text shows as itself.
 */

/** Characters that open or close markup anywhere in a line; `\` first, so escapes stay pairs. */
const MARKUP = /[\\`*_[\]|~#$]/g;

/**
 * Text as markdown inline content (a table cell, a heading, a list item): every character
 * that could be markup escaped, `<`, `>` and `&` as entities, line breaks as `<br>` so the text
 * stays in its cell or heading, autolinks broken (`https\://`, `www\.`, and `@` followed by an
 * empty HTML comment, since cmark-gfm links e-mail addresses even through escapes; GitHub drops
 * the comment), and a leading list or setext marker escaped in case the text starts a line.
 */
export function markdownText(value: string): string {
  return printable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(MARKUP, (c) => `\\${c}`)
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/@/g, '@<!-- -->')
    .replace(/^(\d+)([.)])/, '$1\\$2')
    .replace(/^([-+=])/, '\\$1')
    .replace(/\n/g, '<br>');
}

/** Text inside an HTML block (such as `<summary>`), where markdown escapes do not apply. */
export function htmlText(value: string): string {
  return printable(value)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;')
    .replace(/\n/g, '<br>');
}
