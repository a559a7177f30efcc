import type { Descriptor } from '../oci/manifest.js';
import type { ImageStore } from '../oci/store.js';
import { type ImageTree, resolveInImage } from './image-path.js';
import { readLayerEntries } from './layer-walk.js';
import {
  type GroupEntry,
  type PasswdEntry,
  type UserFileKind,
  type UserFileScan,
  UserFileScanner,
} from './passwd-file.js';
import {
  decideUser,
  groupMatcher,
  passwdMatcher,
  parseUserSpec,
  type RuntimeUser,
  type UserFileRead,
  type UserSpec,
} from './runtime-user.js';

/** How one of /etc/passwd and /etc/group was found and read, for the evidence. */
export interface UserFileFacts {
  path: string;
  /** Where symlinks led, when elsewhere. */
  resolved?: string;
  symlinks?: string[];
  state: 'read' | 'absent' | 'error';
  /** The layer whose bytes were read (a hard link's target's layer). */
  layer?: number;
  bytes?: number;
  lines?: number;
  why?: string;
}

/** The image's `USER` and who the runtime would make of it. */
export interface UserFacts {
  /** `USER` exactly as configured (`""` when unset). */
  user: string;
  runtime: RuntimeUser;
  passwd?: UserFileFacts;
  group?: UserFileFacts;
}

type Located =
  | { state: 'read'; layer: number; entry: number; facts: UserFileFacts }
  | { state: 'absent' | 'error'; why: string; facts: UserFileFacts };

/**
 * Resolves `USER` against the final filesystem: /etc/passwd and /etc/group are found through
 * symlinks and hard links and streamed, whole, from the layer entry that holds their bytes.
 * Give `tap` to walkLayers: entries at the usual paths are then scanned during the walk, and
 * only a file reached through a link to somewhere else costs another read of its layer.
 */
export class ImageUserReader {
  private readonly spec: UserSpec | { error: string };
  /** Scanners fed during the walk, by `kind:layer:entry`. */
  private readonly early = new Map<string, PasswdScanner | GroupScanner>();

  constructor(readonly user: string) {
    this.spec = parseUserSpec(user);
  }

  readonly tap = (
    path: string,
    layer: number,
    entry: number,
  ): ((c: Buffer) => void) | undefined => {
    const spec = this.spec;
    if ('error' in spec || (path !== 'etc/passwd' && path !== 'etc/group')) return undefined;
    const scanner =
      path === 'etc/passwd'
        ? new UserFileScanner('passwd', passwdMatcher(spec))
        : new UserFileScanner('group', groupMatcher(spec));
    this.early.set(`${path.slice(4)}:${layer}:${entry}`, scanner);
    return (chunk) => scanner.push(chunk);
  };

  /** After the walk (whose digest checks make what `tap` saw count): who the runtime runs. */
  async gather(
    store: ImageStore,
    layers: readonly Descriptor[],
    tree: ImageTree,
  ): Promise<UserFacts> {
    const { user, spec } = this;
    if ('error' in spec) return { user, runtime: { resolved: false, reason: spec.error } };
    const passwd = locate(tree, 'passwd');
    const group = locate(tree, 'group');
    const scans = await readBoth(store, layers, spec, passwd, group, this.early);
    return {
      user,
      runtime: decideUser(spec, readOf(passwd, scans.passwd), readOf(group, scans.group)),
      passwd: passwd.facts,
      group: group.facts,
    };
  }
}

function locate(tree: ImageTree, kind: UserFileKind): Located {
  const path = `/etc/${kind}`;
  const found = resolveInImage(tree, path.slice(1));
  const facts: UserFileFacts = { path, state: 'absent' };
  if (found.symlinks.length > 0) facts.symlinks = found.symlinks;
  const give = (state: 'absent' | 'error', why: string): Located => {
    facts.state = state;
    facts.why = why;
    return { state, why, facts };
  };
  if (!found.ok) return give('error', `looking up ${path}: ${found.reason}`);
  if (`/${found.path}` !== path) facts.resolved = `/${found.path}`;
  const stat = tree.lstat(found.path);
  const where = facts.resolved ? `${path} (${facts.resolved})` : path;
  if (stat === 'missing' || stat === 'notdir') return give('absent', `the image has no ${where}`);
  if (stat.kind !== 'file' || !stat.fact) {
    return give('absent', `${where} is not a regular file (${stat.kind})`);
  }
  const at = stat.fact.type === 'hardlink' ? stat.fact.linked : stat.fact;
  if (!at) return give('absent', `${where} is a hard link to nothing`);
  facts.state = 'read';
  facts.layer = at.layer;
  return { state: 'read', layer: at.layer, entry: at.entry, facts };
}

type PasswdScanner = UserFileScanner<PasswdEntry>;
type GroupScanner = UserFileScanner<GroupEntry>;

interface Scans {
  passwd?: UserFileScan<PasswdEntry>;
  group?: UserFileScan<GroupEntry>;
}

/** Both files, reading each layer involved once (and one entry once, if both names link it). */
async function readBoth(
  store: ImageStore,
  layers: readonly Descriptor[],
  spec: UserSpec,
  passwd: Located,
  group: Located,
  early: ReadonlyMap<string, PasswdScanner | GroupScanner>,
): Promise<Scans> {
  const byLayer = new Map<number, Map<number, Array<PasswdScanner | GroupScanner>>>();
  const want = (at: Located, scanner: PasswdScanner | GroupScanner): void => {
    if (at.state !== 'read') return;
    const entries = byLayer.get(at.layer) ?? new Map<number, Array<PasswdScanner | GroupScanner>>();
    entries.set(at.entry, [...(entries.get(at.entry) ?? []), scanner]);
    byLayer.set(at.layer, entries);
  };
  const fed = new Set<PasswdScanner | GroupScanner>();
  const scannerFor = <T extends PasswdScanner | GroupScanner>(
    kind: UserFileKind,
    at: Located,
    make: () => T,
  ): T => {
    const seen = at.state === 'read' ? early.get(`${kind}:${at.layer}:${at.entry}`) : undefined;
    if (seen) {
      fed.add(seen);
      return seen as T;
    }
    const scanner = make();
    want(at, scanner);
    return scanner;
  };
  const passwdScanner = scannerFor(
    'passwd',
    passwd,
    () => new UserFileScanner('passwd', passwdMatcher(spec)),
  );
  const groupScanner = scannerFor(
    'group',
    group,
    () => new UserFileScanner('group', groupMatcher(spec)),
  );
  for (const [layer, entries] of byLayer) {
    const desc = layers[layer];
    if (!desc) continue;
    const consumers = new Map(
      [...entries].map(([entry, scanners]) => [
        entry,
        async (body: AsyncIterable<Buffer>) => {
          for (const s of scanners) fed.add(s);
          for await (const chunk of body) for (const s of scanners) s.push(chunk);
        },
      ]),
    );
    await readLayerEntries(store, desc, consumers);
  }
  const scans: Scans = {};
  if (fed.has(passwdScanner)) scans.passwd = note(passwd, passwdScanner.finish());
  if (fed.has(groupScanner)) scans.group = note(group, groupScanner.finish());
  return scans;
}

function note<T>(at: Located, scan: UserFileScan<T>): UserFileScan<T> {
  at.facts.bytes = scan.bytes;
  at.facts.lines = scan.lines;
  if (scan.error) at.facts.why = scan.error;
  return scan;
}

function readOf<T>(at: Located, scan: UserFileScan<T> | undefined): UserFileRead<T> {
  if (at.state !== 'read') return { state: at.state, why: at.why };
  // Not met again in its layer: the walk and this read disagree, so nothing is assumed.
  if (!scan) {
    return { state: 'error', why: `${at.facts.path} was not found again in its layer` };
  }
  return { state: 'read', scan };
}
