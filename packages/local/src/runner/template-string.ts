import { parse } from 'yaml';
import type { BasicExpressionToken } from '@actions/workflow-parser/templates/tokens/basic-expression-token';

/**
 * `@actions/workflow-parser` is written for the language service: for a multi-line scalar with
 * `${{ }}` inside (a `run: |` script, typically) it builds its `format(…)` expression from the
 * scalar's raw source, indentation, line folding and quoting included, to keep positions
 * right. A runner must use the scalar's value: an indented heredoc terminator, or a folded
 * `>` block, would otherwise change the script. So for such tokens the value is rebuilt here
 * from the raw source with a YAML parser, and its `${{ }}` parts are found again.
 */

/** The scalar's value (as YAML reads it) when the token came from a multi-line scalar, else undefined. */
export function multilineValue(token: BasicExpressionToken): string | undefined {
  const source = token.source;
  if (!token.originalExpressions || source === undefined || !source.includes('\n'))
    return undefined;
  const header = token.blockScalarHeader;
  const doc = header ? `x: ${header}\n${source}` : `x: ${source}`;
  const value = (parse(doc) as { x?: unknown } | null)?.x;
  return typeof value === 'string' ? value : undefined;
}

/** A piece of a template string: literal text, or an expression (without `${{ }}`). */
export type Piece = { text: string } | { expression: string };

/**
 * Splits `text` at its `${{ … }}` parts as the runner does: an expression ends at the first
 * `}}` outside a string literal ('…', with '' inside for a quote).
 */
export function splitTemplate(text: string): Piece[] {
  const pieces: Piece[] = [];
  let i = 0;
  while (i < text.length) {
    const open = text.indexOf('${{', i);
    if (open < 0) break;
    let j = open + 3;
    let inString = false;
    let close = -1;
    for (; j < text.length; j++) {
      const c = text[j];
      if (c === "'") inString = !inString;
      else if (!inString && c === '}' && text[j + 1] === '}') {
        close = j;
        break;
      }
    }
    if (close < 0) break;
    if (open > i) pieces.push({ text: text.slice(i, open) });
    pieces.push({ expression: text.slice(open + 3, close).trim() });
    i = close + 2;
  }
  if (i < text.length) pieces.push({ text: text.slice(i) });
  return pieces;
}
