import { describe, expect, it } from '@jest/globals';
import { sha256 } from '../oci/digest.js';
import {
  annotationProblem,
  canonicalJson,
  encodeRecord,
  type EntryRecord,
  LedgerAnnotation,
  parseRecord,
  recordAnnotations,
  recordHash,
} from './entry.js';

const A = sha256('image a');
const P = sha256('previous entry');

function record(over: Partial<EntryRecord> = {}): EntryRecord {
  return {
    version: 1,
    env: 'staging',
    seq: 2,
    action: 'deploy',
    digest: A,
    previous: null,
    outcome: 'deployed',
    at: '2026-01-02T03:04:05.000Z',
    duration_ms: 1200,
    actor: 'octocat',
    commit: 'abc123',
    run_url: 'https://github.com/acme/shop/actions/runs/1',
    evidence: [],
    prev: P,
    previous_since: null,
    known_good: [],
    quarantined: [],
    ...over,
  };
}

describe('canonical JSON', () => {
  it('sorts keys at every level, drops undefined, adds no whitespace', () => {
    expect(canonicalJson({ b: 1, a: { d: [{ z: 1, y: 2 }], c: undefined } })).toBe(
      '{"a":{"d":[{"y":2,"z":1}]},"b":1}',
    );
  });

  it('gives one encoding, so the hash is the hash of that encoding', () => {
    const r = record();
    const shuffled = JSON.parse(JSON.stringify(r, Object.keys(r).reverse())) as EntryRecord;
    expect(encodeRecord(shuffled).equals(encodeRecord(r))).toBe(true);
    expect(recordHash(r)).toBe(sha256(encodeRecord(r)));
    expect(recordHash(record({ outcome: 'failed' }))).not.toBe(recordHash(r));
  });
});

describe('parseRecord', () => {
  it('round-trips a record', () => {
    expect(parseRecord(encodeRecord(record()))).toEqual({ record: record() });
  });

  it('refuses bytes that are not the canonical encoding (not written by Kiln)', () => {
    const pretty = Buffer.from(JSON.stringify(record(), null, 2));
    expect(parseRecord(pretty)).toEqual({ problem: 'its layer is not canonical JSON' });
  });

  it('refuses non-JSON, unknown fields, a bad digest, a bad action', () => {
    expect(parseRecord(Buffer.from('{nope'))).toEqual({ problem: 'its layer is not JSON' });
    const extra = Buffer.from(canonicalJson({ ...record(), admin: true }));
    expect(parseRecord(extra)).toMatchObject({ problem: expect.stringContaining('admin') });
    const bad = Buffer.from(canonicalJson({ ...record(), digest: 'sha256:xyz' }));
    expect(parseRecord(bad)).toMatchObject({ problem: expect.stringContaining('invalid digest') });
    const action = Buffer.from(canonicalJson({ ...record(), action: 'patch' }));
    expect(parseRecord(action)).toMatchObject({ problem: expect.stringContaining('action') });
  });
});

describe('annotations', () => {
  it('are derived from the record and must agree with it', () => {
    const r = record();
    const a = recordAnnotations(r);
    expect(a).toEqual({
      [LedgerAnnotation.Env]: 'staging',
      [LedgerAnnotation.Seq]: '2',
      [LedgerAnnotation.Action]: 'deploy',
      [LedgerAnnotation.Outcome]: 'deployed',
      [LedgerAnnotation.Prev]: P,
    });
    expect(annotationProblem(r, a)).toBeUndefined();
    expect(annotationProblem(r, { ...a, [LedgerAnnotation.Outcome]: 'failed' })).toBe(
      'annotation dev.kiln.ledger.outcome is "failed" but the entry says "deployed"',
    );
    expect(
      recordAnnotations(record({ prev: null, seq: 1 }))[LedgerAnnotation.Prev],
    ).toBeUndefined();
  });
});
