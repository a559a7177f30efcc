/**
 * Globs for in-image paths, with .dockerignore-like semantics: anchored at the image root (a
 * leading `/` or `./` is ignored), `*` and `?` stay within one path segment, `**` as a whole
 * segment spans any number of segments (also none), `[abc]`/`[!a-z]` classes, `{a,b}`
 * alternatives and `\` escapes. Dotfiles are matched like any other name: a scanner that
 * skipped `.env` or `.git` would miss exactly what it is for.
 */
export function globToRegExp(glob: string): RegExp {
  // `dir/` names the directory itself, the same path as `dir`.
  const pattern = glob
    .trim()
    .replace(/^(?:\.?\/)+/, '')
    .replace(/\/+$/, '');
  if (pattern === '') throw new Error('the pattern is empty');
  let out = '';
  let depth = 0;
  let i = 0;
  const atSegmentStart = (at: number): boolean => at === 0 || pattern[at - 1] === '/';
  while (i < pattern.length) {
    const c = pattern[i] as string;
    if (c === '*' && pattern[i + 1] === '*' && atSegmentStart(i)) {
      const next = pattern[i + 2];
      if (next === '/') {
        out += '(?:[^/]+/)*'; // `**/x`: x at this level or any deeper one
        i += 3;
        continue;
      }
      if (next === undefined) {
        out = out.endsWith('/') ? `${out.slice(0, -1)}(?:/.*)?` : `${out}.*`;
        i += 2;
        continue;
      }
    }
    if (c === '*') {
      while (pattern[i] === '*') i++; // `**` inside a segment is a plain `*`
      out += '[^/]*';
      continue;
    }
    if (c === '?') out += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) throw new Error(`"[" at position ${i + 1} has no closing "]"`);
      let body = pattern.slice(i + 1, end);
      const negate = body.startsWith('!') || body.startsWith('^');
      if (negate) body = body.slice(1);
      body = body.replace(/[\\\]^]/g, '\\$&');
      out += `(?!/)[${negate ? '^' : ''}${body}]`;
      i = end;
    } else if (c === '{') {
      depth++;
      out += '(?:';
    } else if (c === '}' && depth > 0) {
      depth--;
      out += ')';
    } else if (c === ',' && depth > 0) out += '|';
    else if (c === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) throw new Error('the pattern ends with a lone "\\"');
      out += escapeRegExp(next);
      i++;
    } else out += escapeRegExp(c);
    i++;
  }
  if (depth > 0) throw new Error('"{" has no closing "}"');
  return new RegExp(`^${out}$`, 'u');
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
