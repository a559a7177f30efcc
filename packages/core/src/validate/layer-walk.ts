import { posix } from 'node:path';
import type { Header } from 'tar-stream';
import {
  cleanPath,
  forEachLayerEntry,
  type LayerEntryStream as Entry,
} from '../oci/layer-entries.js';
import type { Descriptor } from '../oci/manifest.js';
import type { ImageStore } from '../oci/store.js';
import {
  privateKeyHeader,
  secretByPath,
  SNIFF_BYTES,
  SNIFF_MAX_FILE_SIZE,
  type SecretSignal,
} from './secret-signals.js';

export type FileType = 'file' | 'dir' | 'symlink' | 'hardlink' | 'other';

/** One path of the image filesystem, as the last layer that wrote it left it. */
export interface FileFact {
  /** Relative to the image root, no leading or trailing slash: `etc/passwd`. */
  path: string;
  type: FileType;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  /** Index of the layer the entry comes from, 0 = bottom. */
  layer: number;
  /** Position of the entry in its layer's tar, so its bytes can be read again. */
  entry: number;
  linkTarget?: string;
  /** For a hard link: the file it shares, as it was when the link was extracted. */
  linked?: LinkedFile;
  secret?: SecretSignal;
}

/** The entry a hard link shares its bytes with (links to links are followed to it). */
export interface LinkedFile {
  layer: number;
  entry: number;
  type: Exclude<FileType, 'hardlink'>;
  size: number;
  /** The target of a linked symlink. */
  linkTarget?: string;
}

export interface LayerWalk {
  /** The merged filesystem a container sees, sorted by path. */
  files: FileFact[];
  /** Entries hidden by a later layer (whiteout or overwrite) that still carry a secret signal. */
  shadowedSecrets: FileFact[];
}

export interface WalkOptions {
  /**
   * Called for each regular file; a returned sink sees the file's bytes as they stream by, so
   * a caller can read a file during the walk instead of fetching the layer again. What it saw
   * counts once the walk resolves: only then is every layer's digest checked.
   */
  tap?: (path: string, layer: number, entry: number) => ((chunk: Buffer) => void) | undefined;
}

const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';

/**
 * Reads every layer in order (streamed: blob → verify → gunzip → tar) and merges them the way
 * a container runtime does, applying OCI whiteouts. Memory holds one small record per path,
 * never file contents beyond the first bytes needed to recognise a private key.
 */
export async function walkLayers(
  store: ImageStore,
  layers: readonly Descriptor[],
  opts: WalkOptions = {},
): Promise<LayerWalk> {
  const merged = new Map<string, FileFact>();
  const shadowedSecrets: FileFact[] = [];
  for (const [index, desc] of layers.entries()) {
    const upper = new Map<string, FileFact>();
    const whiteouts = new Set<string>();
    const opaque = new Set<string>();
    let ordinal = -1;
    await forEachLayerEntry(store, desc, async (entry) => {
      ordinal++;
      const path = cleanPath(entry.header.name);
      const sink =
        typeOf(entry.header.type) === 'file' ? opts.tap?.(path, index, ordinal) : undefined;
      const body = await readHead(entry, wanted(entry.header), sink);
      if (path === '') return; // the root directory itself
      const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
      const name = posix.basename(path);
      if (name === OPAQUE) opaque.add(dir);
      else if (name.startsWith(WHITEOUT)) {
        // Other `.wh..wh.` names are aufs bookkeeping, not whiteouts of a path.
        if (!name.startsWith(WHITEOUT + WHITEOUT)) {
          whiteouts.add(posix.join(dir, name.slice(WHITEOUT.length)));
        }
      } else
        upper.set(
          path,
          factOf(entry.header, path, { layer: index, entry: ordinal }, body, upper, merged),
        );
    });
    for (const [path, fact] of merged) {
      if (hiddenBy(path, upper, whiteouts, opaque)) {
        merged.delete(path);
        // A directory entry holds no bytes; the files below it are checked one by one.
        if (fact.secret && fact.type !== 'dir') shadowedSecrets.push(fact);
      }
    }
    for (const [path, fact] of upper) merged.set(path, fact);
  }
  const files = [...merged.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
  return { files, shadowedSecrets };
}

/**
 * Whether a lower-layer path disappears under the layer being applied: whited out (with its
 * subtree), below an opaque directory, overwritten, or below a path the layer turned into a
 * non-directory (extracting a file over a directory removes the directory's contents).
 */
function hiddenBy(
  path: string,
  upper: ReadonlyMap<string, FileFact>,
  whiteouts: ReadonlySet<string>,
  opaque: ReadonlySet<string>,
): boolean {
  if (whiteouts.has(path) || upper.has(path)) return true;
  if (opaque.has('')) return true;
  for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
    const ancestor = path.slice(0, cut);
    if (whiteouts.has(ancestor) || opaque.has(ancestor)) return true;
    const replaced = upper.get(ancestor);
    if (replaced && replaced.type !== 'dir') return true;
  }
  return false;
}

function factOf(
  h: Header,
  path: string,
  at: { layer: number; entry: number },
  head: Buffer | undefined,
  upper: ReadonlyMap<string, FileFact>,
  merged: ReadonlyMap<string, FileFact>,
): FileFact {
  const type = typeOf(h.type);
  const fact: FileFact = {
    path,
    type,
    size: h.size ?? 0,
    mode: (h.mode ?? 0) & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    ...at,
  };
  if (type === 'symlink' && h.linkname) fact.linkTarget = h.linkname;
  if (type === 'hardlink' && h.linkname) {
    // A hard link is the same bytes under another name: it inherits what its target revealed.
    fact.linkTarget = cleanPath(h.linkname);
    const target = upper.get(fact.linkTarget) ?? merged.get(fact.linkTarget);
    if (target) {
      fact.size = target.size;
      const linked = linkedOf(target);
      if (linked) fact.linked = linked;
    }
    if (target?.secret?.reason === 'private-key') fact.secret = target.secret;
  }
  const key = head && privateKeyHeader(head.subarray(0, SNIFF_BYTES));
  const secret = key ? { reason: 'private-key' as const, detail: key } : undefined;
  const kind = type === 'file' || type === 'hardlink' ? 'file' : type === 'dir' ? 'dir' : 'other';
  fact.secret ??= secret ?? secretByPath(path, kind);
  return fact;
}

/** The entry a link to `target` shares; a link to a link shares what that one shares. */
function linkedOf(target: FileFact): LinkedFile | undefined {
  if (target.type === 'hardlink') return target.linked;
  const linked: LinkedFile = {
    layer: target.layer,
    entry: target.entry,
    type: target.type,
    size: target.size,
  };
  if (target.linkTarget !== undefined) linked.linkTarget = target.linkTarget;
  return linked;
}

function typeOf(t: Header['type']): FileType {
  switch (t) {
    case undefined:
    case null:
    case 'file':
    case 'contiguous-file':
      return 'file';
    case 'directory':
      return 'dir';
    case 'symlink':
      return 'symlink';
    case 'link':
      return 'hardlink';
    default:
      return 'other';
  }
}

/** How many leading bytes of an entry to keep: enough to sniff a private key. */
function wanted(h: Header): number {
  const size = h.size ?? 0;
  if (typeOf(h.type) !== 'file' || size === 0) return 0;
  return size < SNIFF_MAX_FILE_SIZE ? SNIFF_BYTES : 0;
}

/** Consumes the whole entry (tar-stream needs that to move on), keeping at most `limit` bytes. */
async function readHead(
  entry: Entry,
  limit: number,
  sink?: (chunk: Buffer) => void,
): Promise<Buffer | undefined> {
  const kept: Buffer[] = [];
  let got = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    sink?.(chunk);
    if (got < limit) {
      const part = chunk.subarray(0, limit - got);
      kept.push(part);
      got += part.length;
    }
  }
  return limit > 0 ? Buffer.concat(kept) : undefined;
}

/**
 * Reads chosen entries of one layer again, each through its consumer, in one pass. The whole
 * blob is read and its digest checked before this resolves: what a consumer saw counts only
 * once the bytes are proven to be the layer's (a registry could serve other bytes this time).
 */
export async function readLayerEntries(
  store: ImageStore,
  desc: Descriptor,
  /** By entry position; each reads its body to the end. */
  consumers: ReadonlyMap<number, (body: AsyncIterable<Buffer>) => Promise<void>>,
): Promise<void> {
  let ordinal = -1;
  await forEachLayerEntry(store, desc, async (entry) => {
    ordinal++;
    const consume = consumers.get(ordinal);
    // Every entry is read to its end (consumers do so too), or the tar cannot move on.
    if (consume) await consume(entry as AsyncIterable<Buffer>);
    else await readHead(entry, 0);
  });
}
