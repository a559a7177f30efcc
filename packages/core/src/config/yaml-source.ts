import type * as YamlModule from 'yaml';
import type { Document, LineCounter } from 'yaml';
import { ConfigurationError, errorMessage } from '../errors.js';

/**
 * YAML files the user writes (kiln.yml, policies), read so that every problem can be reported
 * at its own `file:line:col`. The `yaml` module is passed in rather than imported, so a caller
 * can load it with `import()` only when it actually reads a file.
 */
export type Yaml = typeof YamlModule;

/**
 * Most alias expansions a file may make. A few anchors shared between entries stay far below
 * it; an alias bomb (aliases of aliases, growing exponentially) reaches it quickly and is
 * refused before it is expanded.
 */
export const MAX_YAML_ALIASES = 100;

export interface Position {
  line: number;
  col: number;
}

/** One thing wrong in a file, at the position it is about. */
export interface Problem extends Position {
  message: string;
}

type Segment = string | number | symbol;

/** A parsed YAML document and a way back from a key path to its place in the text. */
export class YamlSource {
  private constructor(
    readonly file: string,
    private readonly yaml: Yaml,
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  /**
   * Parses one YAML document (`merge` enables `<<` merge keys). Returns its value, or every
   * syntax error, duplicate key, unresolved alias and alias bomb with its position.
   */
  static parse(
    yaml: Yaml,
    text: string,
    file: string,
    opts: { merge?: boolean } = {},
  ): { source: YamlSource; value: unknown } | { problems: Problem[] } {
    const lines = new yaml.LineCounter();
    const doc = yaml.parseDocument(text, {
      lineCounter: lines,
      prettyErrors: false,
      uniqueKeys: true,
      merge: opts.merge ?? false,
    });
    const source = new YamlSource(file, yaml, doc, lines);
    const problems: Problem[] = doc.errors.map((e) => ({
      ...source.at(e.pos[0]),
      message: e.message,
    }));
    if (problems.length > 0) return { problems };
    // Anchors seen so far in document order: an alias may only refer back to one of them.
    const anchors = new Set<string>();
    const aliases: YamlModule.Alias[] = [];
    yaml.visit(doc, {
      Node: (_key, node, ancestors) => {
        if (yaml.isAlias(node)) {
          aliases.push(node);
          const why = !anchors.has(node.source)
            ? `has no anchor &${node.source} before it`
            : ancestors.some(
                  (a) => !yaml.isPair(a) && !yaml.isDocument(a) && a.anchor === node.source,
                )
              ? `is inside the node &${node.source} it refers to (a value cannot contain itself)`
              : undefined;
          if (why) problems.push(source.problem(node.range?.[0], `alias *${node.source} ${why}`));
        } else if (node.anchor) anchors.add(node.anchor);
      },
    });
    if (problems.length > 0) return { problems };
    const bomb = (detail: string): { problems: Problem[] } => ({
      problems: [
        source.problem(
          aliases[0]?.range?.[0],
          `YAML aliases here expand past the limit of ${MAX_YAML_ALIASES} (${detail}); write the values out instead`,
        ),
      ],
    });
    // Counted before expanding: each alias is at least one expansion, and the count bounds
    // the work the expansion check itself does.
    if (aliases.length > MAX_YAML_ALIASES) return bomb(`${aliases.length} aliases`);
    try {
      return { source, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) as unknown };
    } catch (err) {
      // The only failure left once every alias resolves: the expansion limit.
      return bomb(errorMessage(err));
    }
  }

  /** Line and column of a character offset (1:1 when unknown). */
  at(offset: number | undefined): Position {
    return offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
  }

  /** A problem at an offset. */
  problem(offset: number | undefined, message: string): Problem {
    return { ...this.at(offset), message };
  }

  /**
   * Where the node at `path` is (its key when `key`), or the deepest node that exists on the
   * way, so a problem inside a value (or a key merged from elsewhere) still points near it.
   */
  position(path: readonly Segment[], key = false): Position {
    return this.at(nodeOffset(this.yaml, this.doc, path, key));
  }

  /** Whether `path` names a key written in the file (not merged in, not a default). */
  has(path: readonly Segment[]): boolean {
    return this.doc.hasIn(path);
  }
}

/**
 * Offset of the YAML node at `path` (its key when `key`), or of the deepest node that exists
 * on the way.
 */
export function nodeOffset(
  yaml: Pick<Yaml, 'isMap' | 'isPair' | 'isScalar' | 'isSeq'>,
  doc: Document,
  path: readonly Segment[],
  key: boolean,
): number | undefined {
  const { isMap, isPair, isScalar, isSeq } = yaml;
  const start = (n: unknown): number | undefined =>
    isScalar(n) || isMap(n) || isSeq(n) ? n.range?.[0] : undefined;
  let node: unknown = doc.contents;
  let offset = start(node);
  for (const [i, segment] of path.entries()) {
    const last = i === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment),
      );
      if (!pair) break;
      const keyStart = start(pair.key);
      offset = last && key ? keyStart : (start(pair.value) ?? keyStart);
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item: unknown = node.items[segment];
      if (start(item) === undefined) break;
      offset = start(item);
      node = item;
    } else break;
  }
  return offset;
}

/**
 * The error for a file's problems: one `file:line:col: message` per line, in file order (the
 * format editors and GitHub problem matchers understand).
 */
export function problemsError(file: string, problems: readonly Problem[]): ConfigurationError {
  const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
  return new ConfigurationError(
    sorted.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join('\n'),
  );
}

/** Largest edit distance still offered as "did you mean". */
const SUGGEST_DISTANCE = 2;
/** Shortest word offered its one longer candidate when nothing is close. */
const SUGGEST_PREFIX = 3;

/** The candidate a misspelt word most likely meant, if one is close enough. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = SUGGEST_DISTANCE + 1;
  const w = word.toLowerCase();
  for (const c of candidates) {
    const d = editDistance(w, c.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [c, d];
  }
  if (best !== undefined || w.length < SUGGEST_PREFIX) return best;
  // A shortened key (`repo` for `repository`) is as likely a slip as a misspelt one.
  const longer = candidates.filter((c) => c.toLowerCase().startsWith(w));
  return longer.length === 1 ? longer[0] : undefined;
}

/** ` (did you mean "x"?)` when a candidate is close, else nothing. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const near = closest(word, candidates);
  return near !== undefined && near !== word ? ` (did you mean "${near}"?)` : '';
}

/** Levenshtein distance, for "did you mean" on misspelt keys and values. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row[j] = Math.min(
        (prev[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (prev[j - 1] as number) + cost,
      );
    }
    prev = row;
  }
  return prev[b.length] as number;
}
