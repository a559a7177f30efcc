import { isAbsolute, join, posix, relative } from 'node:path';
import { isDynamicPattern } from 'tinyglobby';
import { invalidInput } from '../errors.js';
import { parseList } from '../inputs/parse.js';
import { BuildContext, type ContextItem, type Fail } from './build-context.js';
import { imageJoin, parentPaths, type LayerEntry } from './layer-entry.js';
import { LayerTree } from './layer-tree.js';

export type { LayerEntry } from './layer-entry.js';

/** One `copy` line, `src:dest`, checked for syntax. */
export interface CopySpec {
  line: string;
  /** Normalised, relative to the context; may be a glob. */
  src: string;
  /** In-image path without leading or trailing slash; `''` is the image root. */
  dest: string;
  /** The dest ended in `/`: copy into that folder, as Docker COPY does. */
  intoDir: boolean;
}

const EXAMPLE = 'e.g. site/**:/www/ or app.sh:/bin/app.sh';

/**
 * Splits at the first `:/` so a src may hold a colon while the dest stays absolute; a line
 * without `:/` is split at its first `:` only to report what is wrong with it.
 */
export function parseCopyLine(line: string): CopySpec {
  const fail: Fail = (rule) => {
    throw invalidInput('copy', line, rule);
  };
  const at = line.includes(':/') ? line.indexOf(':/') : line.indexOf(':');
  if (at < 0) fail(`each line must be src:dest, ${EXAMPLE}`);
  const src = line.slice(0, at).trim();
  const dest = line.slice(at + 1).trim();
  if (src === '' || dest === '') fail(`both sides of src:dest must be given, ${EXAMPLE}`);
  if (!dest.startsWith('/')) fail(`dest "${dest}" must be an absolute path in the image`);
  if (isAbsolute(src)) fail(`src "${src}" must be relative to the context folder`);
  const normalSrc = posix.normalize(src).replace(/(.)\/+$/, '$1');
  if (normalSrc === '..' || normalSrc.startsWith('../')) {
    fail(`src "${src}" resolves outside the context (through ..)`);
  }
  const normalDest = posix.normalize(dest);
  return {
    line,
    src: normalSrc,
    dest: normalDest.replace(/^\/+|\/+$/g, ''),
    intoDir: dest.endsWith('/') || normalDest === '/',
  };
}

/**
 * Resolves `copy` lines against the build context into the entries of one layer: sorted,
 * one per path, with explicit parent folders. Every rule is checked here, before a layer is
 * written. A folder src copies its contents into dest; a glob keeps each match's path below
 * the glob's fixed leading folders (`site/**:/www/` puts `site/css/a.css` at `/www/css/a.css`).
 */
export async function resolveCopySpecs(lines: string[], context: string): Promise<LayerEntry[]> {
  return (await resolveCopyLayers([lines], context))[0] ?? [];
}

/**
 * Resolves groups of `copy` lines into one layer each, in order. Every rule is checked across
 * all lines together, as if they made one layer (a later line may replace a file of an earlier
 * one, never turn its folder into a file), so grouping never changes what the image holds.
 */
export async function resolveCopyLayers(
  groups: string[][],
  context: string,
): Promise<LayerEntry[][]> {
  const specGroups = groups.map((lines) => parseList(lines.join('\n')).map(parseCopyLine));
  if (specGroups.every((g) => g.length === 0)) return specGroups.map(() => []);
  const ctx = await BuildContext.open(context);
  const all = new LayerTree();
  const layers: LayerEntry[][] = [];
  for (const specs of specGroups) {
    const own = new LayerTree();
    await resolveInto(ctx, specs, { add: (e, line) => (all.add(e, line), own.add(e, line)) });
    layers.push(own.entries());
  }
  all.entries(); // the checks across every line
  return layers;
}

/** Where resolved items go: both the whole image's tree (for its checks) and the layer's. */
interface Placer {
  add(entry: LayerEntry, line: string): void;
}

async function resolveInto(ctx: BuildContext, specs: CopySpec[], tree: Placer): Promise<void> {
  for (const spec of specs) {
    const fail: Fail = (rule) => {
      throw invalidInput('copy', spec.line, rule);
    };
    const place = (path: string, item: ContextItem): void =>
      placeItem(ctx, tree, spec.line, fail, path, item);
    const item = ctx.inspect(join(ctx.root, spec.src), spec.src, fail);
    if (item !== undefined) {
      const into = item.kind !== 'dir' && spec.intoDir;
      const path = into ? imageJoin(spec.dest, posix.basename(spec.src)) : spec.dest;
      if (path === '' && item.kind !== 'dir') fail(`dest "/" needs a file name for "${spec.src}"`);
      place(path, item);
      continue;
    }
    if (!isDynamicPattern(spec.src)) fail(`src "${spec.src}" does not exist in the context`);
    const matches = await globMatches(ctx, spec.src, fail);
    const base = staticBase(spec.src);
    // `site/**` matches a folder and everything in it; the folder's walk already places the
    // contents at the same paths, so matches below a matched folder are skipped.
    const walked = new Set<string>();
    for (const [match, matched] of matches) {
      if (parentPaths(match).some((p) => walked.has(p))) continue;
      if (matched.kind === 'dir') walked.add(match);
      if (!spec.intoDir) {
        if (matches.length > 1 || matched.kind === 'dir') {
          fail(`dest must end with / because src "${spec.src}" matches a folder or several paths`);
        }
        place(spec.dest, matched);
      } else {
        const rel = match === base ? '' : base === '' ? match : match.slice(base.length + 1);
        place(imageJoin(spec.dest, rel), matched);
      }
    }
  }
}

async function globMatches(
  ctx: BuildContext,
  pattern: string,
  fail: Fail,
): Promise<[string, ContextItem][]> {
  const found = (await ctx.glob(pattern))
    .map((m) => m.replace(/\/+$/, ''))
    .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
  if (found.length === 0) fail(`src "${pattern}" matches nothing in the context`);
  const out: [string, ContextItem][] = [];
  for (const match of found) {
    const item = ctx.inspect(join(ctx.root, match), match, fail);
    if (item !== undefined) out.push([match, item]);
  }
  return out;
}

/** The leading folders of a glob that hold no pattern: `site/**` -> `site`, `*.sh` -> ``. */
function staticBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    if (isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/');
}

function placeItem(
  ctx: BuildContext,
  tree: Placer,
  line: string,
  fail: Fail,
  path: string,
  item: ContextItem,
): void {
  if (path !== '') tree.add(toEntry(path, item), line);
  if (item.kind !== 'dir') return;
  const shown = relative(ctx.root, item.abs) || '.';
  for (const [rel, child] of ctx.walk(item.abs, shown, fail)) {
    tree.add(toEntry(imageJoin(path, rel), child), line);
  }
}

function toEntry(path: string, item: ContextItem): LayerEntry {
  const entry: LayerEntry = { path, type: item.kind, mode: item.mode };
  if (item.kind === 'file') {
    entry.source = item.abs;
    if (item.stamp) entry.stamp = item.stamp;
  }
  if (item.kind === 'symlink') entry.linkTarget = item.linkTarget as string;
  return entry;
}
