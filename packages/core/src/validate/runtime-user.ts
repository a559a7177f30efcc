/**
 * The user a container runs as, decided from the image's `USER` the way Docker decides it
 * (moby's getUser over moby/sys/user's GetExecUser, the parser runc's libcontainer/user had):
 * `user[:group]`, each part a number or a name looked up in /etc/passwd or /etc/group, and
 * the result cast to uint32 for the OCI runtime spec. Pure: the files come in as scans.
 */
import {
  displayName,
  goAtoi,
  type GroupEntry,
  parseGroupFields,
  parsePasswdFields,
  type PasswdEntry,
  scanUserFile,
  toUint32,
  type UserFileScan,
} from './passwd-file.js';

/** The largest uid or gid a `USER` may spell as a number (the runtime's 32-bit-safe bound). */
export const USER_ID_MAX = 2 ** 31 - 1;

/** One part of `USER`: a number when it parses as one, else a name (latin1, byte for byte). */
export interface IdArg {
  name: string;
  id?: number;
}

export interface UserSpec {
  /** Absent for an empty user part: the runtime keeps its default, uid 0. */
  user?: IdArg;
  group?: IdArg;
}

/**
 * Splits `USER` at its first `:`; nothing is trimmed, as the runtime trims nothing. A part that
 * is a number out of 0..2^31-1 (`-1`, `4294967296`) is refused by the runtime: an error here.
 */
export function parseUserSpec(spec: string): UserSpec | { error: string } {
  const colon = spec.indexOf(':');
  const parts = colon < 0 ? [spec, ''] : [spec.slice(0, colon), spec.slice(colon + 1)];
  const out: UserSpec = {};
  for (const [key, text] of [
    ['user', parts[0] as string],
    ['group', parts[1] as string],
  ] as const) {
    if (text === '') continue;
    const n = goAtoi(text);
    if (n.error === 'syntax') {
      out[key] = { name: Buffer.from(text, 'utf8').toString('latin1') };
      continue;
    }
    if (n.error === 'range' || n.value < 0n || n.value > BigInt(USER_ID_MAX)) {
      const what = key === 'user' ? 'uid' : 'gid';
      return { error: `${what} ${text} is outside 0-${USER_ID_MAX}, so the runtime refuses it` };
    }
    out[key] = { name: text, id: Number(n.value) };
  }
  return out;
}

/** How the runtime gets at one of the two files. */
export type UserFileRead<T> =
  /** Missing or not a regular file: the runtime reads nothing, so only numbers resolve. */
  | { state: 'absent'; why: string }
  /** Looking the path up failed (a symlink loop): the runtime does not start the container. */
  | { state: 'error'; why: string }
  | { state: 'read'; scan: UserFileScan<T> };

export type RuntimeUser =
  | {
      resolved: true;
      /** What the process runs as: 0 is root, however USER spelt it. */
      uid: number;
      gid: number;
      /** `default`: no user part, so the runtime's default uid 0. */
      source: 'default' | 'number' | 'passwd';
      /** The /etc/passwd line that gave the uid, when one did. */
      passwdLine?: number;
      /** The name on that line (for `USER 0`, whose line may name someone else). */
      passwdName?: string;
    }
  | { resolved: false; reason: string };

/** Whether a passwd entry is the one the runtime picks for the spec's user part. */
export function passwdMatcher(
  spec: UserSpec,
): (fields: string[], line: number) => PasswdEntry | undefined {
  return (fields, line) => {
    const e = parsePasswdFields(fields, line);
    const u = spec.user;
    const hit = !u ? e.uid === 0n : u.id !== undefined ? e.uid === BigInt(u.id) : e.name === u.name;
    return hit ? e : undefined;
  };
}

/** Whether a group entry is the one the runtime picks for the spec's group part. */
export function groupMatcher(
  spec: UserSpec,
): (fields: string[], line: number) => GroupEntry | undefined {
  return (fields, line) => {
    const g = spec.group;
    if (!g) return undefined; // supplementary groups do not change who the process is
    const e = parseGroupFields(fields, line);
    return (g.id !== undefined ? e.gid === BigInt(g.id) : e.name === g.name) ? e : undefined;
  };
}

/** GetExecUser's decision over the two files, step by step and in its order. */
export function decideUser(
  spec: UserSpec,
  passwd: UserFileRead<PasswdEntry>,
  group: UserFileRead<GroupEntry>,
): RuntimeUser {
  const fail = (reason: string): RuntimeUser => ({ resolved: false, reason });
  // Both paths are looked up before either file is read.
  if (passwd.state === 'error') return fail(passwd.why);
  if (group.state === 'error') return fail(group.why);
  if (passwd.state === 'read' && passwd.scan.error) return fail(passwd.scan.error);
  const entry = passwd.state === 'read' ? passwd.scan.first : undefined;
  let uid = 0n;
  let gid = 0n;
  let source: 'default' | 'number' | 'passwd' = 'default';
  if (entry) {
    uid = entry.uid;
    gid = entry.gid;
    // With no user part the entry is only the one for uid 0: the uid is still the default.
    if (spec.user) source = 'passwd';
  } else if (spec.user) {
    if (spec.user.id === undefined) {
      const name = JSON.stringify(displayName(spec.user.name));
      return fail(
        passwd.state === 'absent'
          ? `user ${name} cannot be resolved: ${passwd.why}`
          : `user ${name} is not in /etc/passwd, so the runtime cannot resolve it`,
      );
    }
    uid = BigInt(spec.user.id);
    source = 'number';
  }
  if (spec.group || (entry && entry.name !== '')) {
    if (group.state === 'read' && group.scan.error) return fail(group.scan.error);
    if (spec.group) {
      const g = group.state === 'read' ? group.scan.first : undefined;
      if (g) gid = g.gid;
      else if (spec.group.id !== undefined) gid = BigInt(spec.group.id);
      else {
        const name = JSON.stringify(displayName(spec.group.name));
        return fail(
          group.state === 'absent'
            ? `group ${name} cannot be resolved: ${group.why}`
            : `group ${name} is not in /etc/group, so the runtime cannot resolve it`,
        );
      }
    }
  }
  const user: RuntimeUser = { resolved: true, uid: toUint32(uid), gid: toUint32(gid), source };
  if (entry) {
    user.passwdLine = entry.line;
    user.passwdName = displayName(entry.name);
  }
  return user;
}

/** The whole decision from file contents (absent when undefined); for callers holding bytes. */
export async function resolveRuntimeUser(
  spec: string,
  passwd?: AsyncIterable<Buffer>,
  group?: AsyncIterable<Buffer>,
): Promise<RuntimeUser> {
  const parsed = parseUserSpec(spec);
  if ('error' in parsed) return { resolved: false, reason: parsed.error };
  const absent = { state: 'absent', why: 'the image has no /etc/passwd' } as const;
  const p: UserFileRead<PasswdEntry> = passwd
    ? { state: 'read', scan: await scanUserFile(passwd, 'passwd', passwdMatcher(parsed)) }
    : absent;
  const g: UserFileRead<GroupEntry> = group
    ? { state: 'read', scan: await scanUserFile(group, 'group', groupMatcher(parsed)) }
    : { state: 'absent', why: 'the image has no /etc/group' };
  return decideUser(parsed, p, g);
}
