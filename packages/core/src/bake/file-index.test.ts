import { afterEach, describe, expect, it } from '@jest/globals';
import { lstatSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileIndex, RACY_NS, wallClockNs } from './file-index.js';
import { layerKey } from './layer-cache.js';
import type { FileStamp, LayerEntry } from './layer-entry.js';

const dirs: string[] = [];
const tmp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'kiln-file-index-'));
  dirs.push(d);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const stampOf = (path: string): FileStamp => {
  const st = lstatSync(path, { bigint: true });
  return { dev: st.dev, ino: st.ino, size: st.size, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs };
};
const SHA = 'a'.repeat(64);

describe('FileIndex', () => {
  it('answers only for the same path and stamp, and keeps only what this bake used', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a'), 'a');
    writeFileSync(join(d, 'b'), 'b');
    const a = stampOf(join(d, 'a'));
    const b = stampOf(join(d, 'b'));
    const later = wallClockNs() + RACY_NS + 1n;
    const first = new FileIndex(join(d, 'files.json'));
    await first.load();
    first.record(join(d, 'a'), a, SHA, later);
    first.record(join(d, 'b'), b, SHA, later);
    await first.save();

    const second = new FileIndex(join(d, 'files.json'));
    await second.load();
    expect(second.lookup(join(d, 'a'), a)).toBe(SHA);
    expect(second.lookup(join(d, 'a'), { ...a, ctimeNs: a.ctimeNs + 1n })).toBeUndefined();
    expect(second.lookup(join(d, 'a'), { ...a, ino: a.ino + 1n })).toBeUndefined();
    expect(second.lookup(join(d, 'b'), a)).toBeUndefined();
    await second.save(); // b was not used: dropped
    const saved = JSON.parse(readFileSync(join(d, 'files.json'), 'utf8')) as {
      files: Record<string, unknown>;
    };
    expect(Object.keys(saved.files)).toEqual([join(d, 'a')]);
  });

  it('does not remember a file changed too recently to tell its next change apart', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a'), 'a');
    const a = stampOf(join(d, 'a'));
    const index = new FileIndex(join(d, 'files.json'));
    await index.load();
    index.record(join(d, 'a'), a, SHA, wallClockNs());
    expect(index.lookup(join(d, 'a'), a)).toBeUndefined();
    await index.save();
    const again = new FileIndex(join(d, 'files.json'));
    await again.load();
    expect(again.lookup(join(d, 'a'), a)).toBeUndefined();
  });

  it('treats an unreadable index as empty', async () => {
    const d = tmp();
    writeFileSync(join(d, 'files.json'), '{not json');
    const index = new FileIndex(join(d, 'files.json'));
    await index.load();
    writeFileSync(join(d, 'a'), 'a');
    expect(index.lookup(join(d, 'a'), stampOf(join(d, 'a')))).toBeUndefined();
  });
});

describe('layerKey with a file index', () => {
  it('reads an unchanged file once, and a changed one again', async () => {
    const d = tmp();
    const files = ['a.txt', 'b.txt', 'c.txt'];
    for (const f of files) writeFileSync(join(d, f), `content of ${f}\n`);
    const entries = (): LayerEntry[] =>
      files.map((f) => ({
        path: f,
        type: 'file',
        mode: 0o644,
        source: join(d, f),
        stamp: stampOf(join(d, f)),
      }));
    const opts = { sourceDateEpoch: 1_700_000_000 };
    const plain = await layerKey(entries(), opts);
    expect(plain.fromIndex).toBe(0);
    expect(plain.contents.size).toBe(3);

    // No racy window, so files written just now count as settled.
    const index = (): FileIndex => new FileIndex(join(d, 'files.json'), 0n);
    const first = index();
    const cold = await layerKey(entries(), opts, first);
    await first.save();
    expect(cold.key).toBe(plain.key);
    expect(cold.fromIndex).toBe(0);

    const warm = await layerKey(entries(), opts, index());
    expect(warm.key).toBe(plain.key);
    expect(warm.fromIndex).toBe(3);
    expect(warm.contents.size).toBe(0);
    expect(warm.recheck.map((r) => r.source).sort()).toEqual(files.map((f) => join(d, f)));

    writeFileSync(join(d, 'b.txt'), 'changed\n');
    const changed = await layerKey(entries(), opts, index());
    expect(changed.fromIndex).toBe(2);
    expect(changed.key).not.toBe(plain.key);
    expect(changed.key).toBe((await layerKey(entries(), opts)).key);
  });

  it('marks the key changed when a file differs from its stamp when read', async () => {
    const d = tmp();
    writeFileSync(join(d, 'a.txt'), 'one');
    const stale = stampOf(join(d, 'a.txt'));
    writeFileSync(join(d, 'a.txt'), 'two, longer');
    const key = await layerKey(
      [{ path: 'a.txt', type: 'file', mode: 0o644, source: join(d, 'a.txt'), stamp: stale }],
      { sourceDateEpoch: 0 },
    );
    expect(key.changed).toBe(true);
  });
});
