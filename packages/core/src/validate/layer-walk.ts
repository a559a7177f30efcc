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
  linkTarget?: string;
  secret?: SecretSignal;
  /** Contents, only for the few small files asked for (e.g. `etc/passwd`). */
  text?: string;
}

export interface LayerWalk {
  /** The merged filesystem a container sees, sorted by path. */
  files: FileFact[];
  /** Entries hidden by a later layer (whiteout or overwrite) that still carry a secret signal. */
  shadowedSecrets: FileFact[];
}

export interface WalkOptions {
  /** Paths whose text is kept when small, e.g. `etc/passwd` to resolve the user's uid. */
  capture?: readonly string[];
}

const CAPTURE_MAX = 64 * 1024;
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
  const capture = new Set(opts.capture ?? []);
  const merged = new Map<string, FileFact>();
  const shadowedSecrets: FileFact[] = [];
  for (const [index, desc] of layers.entries()) {
    const upper = new Map<string, FileFact>();
    const whiteouts = new Set<string>();
    const opaque = new Set<string>();
    await forEachLayerEntry(store, desc, async (entry) => {
      const path = cleanPath(entry.header.name);
      const body = await readHead(entry, wanted(entry.header, path, capture));
      if (path === '') return; // the root directory itself
      const dir = posix.dirname(path) === '.' ? '' : posix.dirname(path);
      const name = posix.basename(path);
      if (name === OPAQUE) opaque.add(dir);
      else if (name.startsWith(WHITEOUT)) {
        // Other `.wh..wh.` names are aufs bookkeeping, not whiteouts of a path.
        if (!name.startsWith(WHITEOUT + WHITEOUT)) {
          whiteouts.add(posix.join(dir, name.slice(WHITEOUT.length)));
        }
      } else upper.set(path, factOf(entry.header, path, index, body, upper, merged, capture));
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
  layer: number,
  head: Buffer | undefined,
  upper: ReadonlyMap<string, FileFact>,
  merged: ReadonlyMap<string, FileFact>,
  capture: ReadonlySet<string>,
): FileFact {
  const type = typeOf(h.type);
  const fact: FileFact = {
    path,
    type,
    size: h.size ?? 0,
    mode: (h.mode ?? 0) & 0o7777,
    uid: h.uid ?? 0,
    gid: h.gid ?? 0,
    layer,
  };
  if (type === 'symlink' && h.linkname) fact.linkTarget = h.linkname;
  if (type === 'hardlink' && h.linkname) {
    // A hard link is the same bytes under another name: it inherits what its target revealed.
    fact.linkTarget = cleanPath(h.linkname);
    const target = upper.get(fact.linkTarget) ?? merged.get(fact.linkTarget);
    if (target) fact.size = target.size;
    if (target?.secret?.reason === 'private-key') fact.secret = target.secret;
  }
  const key = head && privateKeyHeader(head.subarray(0, SNIFF_BYTES));
  const secret = key ? { reason: 'private-key' as const, detail: key } : undefined;
  const kind = type === 'file' || type === 'hardlink' ? 'file' : type === 'dir' ? 'dir' : 'other';
  fact.secret ??= secret ?? secretByPath(path, kind);
  // Only a whole file: a cut-off /etc/passwd could yield a wrong uid.
  if (head && capture.has(path) && head.length === fact.size) fact.text = head.toString('utf8');
  return fact;
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

/** How many leading bytes of an entry to keep: enough to sniff a key or capture a small file. */
function wanted(h: Header, path: string, capture: ReadonlySet<string>): number {
  const size = h.size ?? 0;
  if (typeOf(h.type) !== 'file' || size === 0) return 0;
  if (capture.has(path) && size <= CAPTURE_MAX) return size;
  return size < SNIFF_MAX_FILE_SIZE ? SNIFF_BYTES : 0;
}

/** Consumes the whole entry (tar-stream needs that to move on), keeping at most `limit` bytes. */
async function readHead(entry: Entry, limit: number): Promise<Buffer | undefined> {
  const kept: Buffer[] = [];
  let got = 0;
  for await (const chunk of entry as AsyncIterable<Buffer>) {
    if (got < limit) {
      const part = chunk.subarray(0, limit - got);
      kept.push(part);
      got += part.length;
    }
  }
  return limit > 0 ? Buffer.concat(kept) : undefined;
}
