import { createHash } from 'node:crypto';
import type { Descriptor } from '../oci/manifest.js';
import { cleanPath, forEachLayerEntry } from '../oci/layer-entries.js';
import type { ImageStore } from '../oci/store.js';

interface EntrySummary {
  type: string;
  size: number;
  mode: number;
  uid: number;
  gid: number;
  mtime: number;
  link: string;
  sha256: string;
}

async function summarise(store: ImageStore, desc: Descriptor): Promise<Map<string, EntrySummary>> {
  const out = new Map<string, EntrySummary>();
  await forEachLayerEntry(store, desc, async (entry) => {
    const hash = createHash('sha256');
    for await (const chunk of entry as AsyncIterable<Buffer>) hash.update(chunk);
    const h = entry.header;
    out.set(cleanPath(h.name), {
      type: String(h.type ?? 'file'),
      size: h.size ?? 0,
      mode: (h.mode ?? 0) & 0o7777,
      uid: h.uid ?? 0,
      gid: h.gid ?? 0,
      mtime: h.mtime ? Math.floor(h.mtime.getTime() / 1000) : 0,
      link: h.linkname ?? '',
      sha256: hash.digest('hex'),
    });
  });
  return out;
}

/** Files that differ between two layers, each with the attributes that differ. */
export async function diffLayers(
  a: ImageStore,
  da: Descriptor,
  b: ImageStore,
  db: Descriptor,
): Promise<string[]> {
  const [x, y] = await Promise.all([summarise(a, da), summarise(b, db)]);
  const lines: string[] = [];
  for (const path of [...new Set([...x.keys(), ...y.keys()])].sort()) {
    const p = x.get(path);
    const q = y.get(path);
    if (!p || !q) {
      lines.push(`${path}: only in the ${p ? 'first' : 'second'} bake`);
      continue;
    }
    const fields = (Object.keys(p) as Array<keyof EntrySummary>).filter((k) => p[k] !== q[k]);
    if (fields.length)
      lines.push(`${path}: ${fields.map((k) => `${k} ${p[k]} != ${q[k]}`).join(', ')}`);
  }
  return lines;
}
