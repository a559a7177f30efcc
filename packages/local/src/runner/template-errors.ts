import type { TemplateContext } from '@actions/workflow-parser/templates/template-context';

/**
 * The parser's errors as `file:line:col: message` lines. Its own messages embed the position
 * as "(Line: N, Col: M)" or end in a code frame; one line each, led by the position, reads
 * better next to the compiler-style messages of the rest of Kiln.
 */
export function templateErrors(context: TemplateContext): string[] {
  return context.errors.getErrors().map((e) => {
    const first = (e.rawMessage.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:$/, '');
    const file = (e.prefix ?? '').replace(/ \(Line: \d+, Col: \d+\)$/, '');
    const pos = e.range ? `:${e.range.start.line}:${e.range.start.column}` : '';
    return `${file}${pos}: ${first}`;
  });
}
