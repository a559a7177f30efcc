/**
 * `/etc/passwd` and `/etc/group` read the way the container runtime reads them (moby/sys/user,
 * formerly runc's libcontainer/user): line by line, streamed, so a file of any size is read
 * whole and memory holds one line at most. Bytes are compared as bytes: names are kept as
 * latin1 strings, which map each byte to one character and back.
 */

export type UserFileKind = 'passwd' | 'group';

/**
 * The longest line the runtime's scanner accepts: Go's bufio.Scanner default (64 KiB) for
 * passwd, 1 MiB for group. A longer line makes the runtime refuse to start the container,
 * whatever the USER, so it is an error here too rather than a line quietly skipped.
 */
export const USER_FILE_LINE_MAX: Readonly<Record<UserFileKind, number>> = {
  passwd: 64 * 1024,
  group: 1024 * 1024,
};

/** One passwd line: `name:password:uid:gid:gecos:home:shell`. */
export interface PasswdEntry {
  /** latin1: one character per byte. */
  name: string;
  /** As Go's Atoi leaves it: 0 when not a number, clamped to int64 when too large. */
  uid: bigint;
  gid: bigint;
  line: number;
}

/** One group line: `name:password:gid:members`. */
export interface GroupEntry {
  name: string;
  gid: bigint;
  line: number;
}

/** What one pass over a passwd or group file found. */
export interface UserFileScan<T> {
  /** The first entry the matcher accepted (the runtime's first match wins). */
  first?: T;
  lines: number;
  bytes: number;
  /** Why the runtime could not read the file (a line too long). */
  error?: string;
}

const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);

/** Go's `strconv.Atoi` on a 64-bit platform: optional sign, ASCII digits, clamped on overflow. */
export function goAtoi(text: string): { value: bigint; error?: 'syntax' | 'range' } {
  if (!/^[+-]?[0-9]+$/.test(text)) return { value: 0n, error: 'syntax' };
  const value = BigInt(text);
  if (value > INT64_MAX) return { value: INT64_MAX, error: 'range' };
  if (value < INT64_MIN) return { value: INT64_MIN, error: 'range' };
  return { value };
}

/** Go's `int` → `uint32` conversion, which is how the uid reaches the OCI runtime spec. */
export function toUint32(value: bigint): number {
  return Number(BigInt.asUintN(32, value));
}

export function parsePasswdFields(fields: readonly string[], line: number): PasswdEntry {
  // Missing or non-numeric fields are 0 — that is, root — exactly as the runtime parses them.
  return {
    name: fields[0] ?? '',
    uid: goAtoi(fields[2] ?? '').value,
    gid: goAtoi(fields[3] ?? '').value,
    line,
  };
}

export function parseGroupFields(fields: readonly string[], line: number): GroupEntry {
  return { name: fields[0] ?? '', gid: goAtoi(fields[2] ?? '').value, line };
}

/**
 * Streams a passwd or group file and returns the first entry `accept` takes. Every line is
 * read even after a match, because a bad line anywhere makes the runtime fail.
 */
export async function scanUserFile<T>(
  chunks: AsyncIterable<Buffer>,
  kind: UserFileKind,
  accept: (fields: string[], line: number) => T | undefined,
): Promise<UserFileScan<T>> {
  const scanner = new UserFileScanner(kind, accept);
  for await (const chunk of chunks) scanner.push(chunk);
  return scanner.finish();
}

/** The push form of scanUserFile, so one stream can feed several scanners without buffering. */
export class UserFileScanner<T> {
  private readonly scan: UserFileScan<T> = { lines: 0, bytes: 0 };
  private readonly max: number;
  private pending: Buffer[] = [];
  private pendingLength = 0;

  constructor(
    private readonly kind: UserFileKind,
    private readonly accept: (fields: string[], line: number) => T | undefined,
  ) {
    this.max = USER_FILE_LINE_MAX[kind];
  }

  push(chunk: Buffer): void {
    const scan = this.scan;
    scan.bytes += chunk.length;
    // Keep counting after an error: the caller's stream is still read to its end.
    if (scan.error) return;
    let start = 0;
    for (;;) {
      const nl = chunk.indexOf(0x0a, start);
      const part = chunk.subarray(start, nl < 0 ? chunk.length : nl);
      if (this.pendingLength + part.length >= this.max) {
        scan.error = `line ${scan.lines + 1} of /etc/${this.kind} is longer than ${this.max - 1} bytes, which the runtime refuses`;
        this.pending = [];
        return;
      }
      if (nl < 0) {
        if (part.length > 0) this.pending.push(part);
        this.pendingLength += part.length;
        return;
      }
      this.line(this.pending.length ? Buffer.concat([...this.pending, part]) : part);
      this.pending = [];
      this.pendingLength = 0;
      start = nl + 1;
    }
  }

  finish(): UserFileScan<T> {
    if (!this.scan.error && this.pendingLength > 0) this.line(Buffer.concat(this.pending));
    this.pending = [];
    this.pendingLength = 0;
    return this.scan;
  }

  private line(raw: Buffer): void {
    const scan = this.scan;
    scan.lines++;
    const fields = userFileFields(raw, this.kind);
    if (fields && scan.first === undefined) {
      const found = this.accept(fields, scan.lines);
      if (found !== undefined) scan.first = found;
    }
  }
}

/** A line's `:`-separated fields after the runtime's trimming, or undefined for a skipped line. */
function userFileFields(raw: Buffer, kind: UserFileKind): string[] | undefined {
  const line = trimSpace(raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw);
  if (line.length === 0) return undefined;
  // The group parser skips comments; the passwd parser does not.
  if (kind === 'group' && line[0] === 0x23) return undefined;
  return line.toString('latin1').split(':');
}

const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
/** UTF-8 forms of the non-ASCII characters Go's unicode.IsSpace accepts. */
const UNICODE_SPACES = [
  0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
  0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
].map((c) => Buffer.from(String.fromCodePoint(c), 'utf8'));

/** Go's `bytes.TrimSpace`: ASCII and Unicode white space at both ends. */
export function trimSpace(b: Buffer): Buffer {
  let start = 0;
  let end = b.length;
  for (;;) {
    if (start < end && ASCII_SPACE.has(b[start] as number)) start++;
    else {
      const s = UNICODE_SPACES.find(
        (u) => start + u.length <= end && u.equals(b.subarray(start, start + u.length)),
      );
      if (!s) break;
      start += s.length;
    }
  }
  for (;;) {
    if (end > start && ASCII_SPACE.has(b[end - 1] as number)) end--;
    else {
      const s = UNICODE_SPACES.find(
        (u) => end - u.length >= start && u.equals(b.subarray(end - u.length, end)),
      );
      if (!s) break;
      end -= s.length;
    }
  }
  return b.subarray(start, end);
}

/** Text from the file for messages: its bytes read as UTF-8 again. */
export function displayName(latin1: string): string {
  return Buffer.from(latin1, 'latin1').toString('utf8');
}
