import { describe, expect, it } from '@jest/globals';
import type { Digest } from '../oci/digest.js';
import type { BakeResult } from './bake.js';
import { bakeSummary } from './bake-summary.js';

const D = `sha256:${'b'.repeat(64)}` as Digest;

describe('bakeSummary', () => {
  it('shows names and tags as text or code, never as markup of their own', () => {
    const r: BakeResult = {
      digest: D,
      image: `reg.example/shop@${D}`,
      tags: ['v1', 'a|b'],
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      size: 2048,
      platforms: ['linux/amd64 [x](https://evil)'],
      appLayer: { mediaType: 'm', digest: D, size: 1 },
      appLayers: [{ mediaType: 'm', digest: D, size: 1, lines: ['a:/a'], cached: false }],
      layers: [{ mediaType: 'm', digest: D, size: 1, from: 'app' }],
      base: { name: 'reg.example/base`x', digest: D },
      reproducible: 'unchecked',
      sourceDateEpoch: 0,
      copiedBytes: 0,
    };
    const lines = bakeSummary(r).split('\n');
    expect(lines).toContain(`| base | \`\` reg.example/base\`x@${D} \`\` |`);
    expect(lines).toContain('| platforms | linux/amd64 \\[x\\](https\\://evil) |');
    expect(lines).toContain('| tags | `v1` `a\\|b` |');
    expect(lines).toContain(`| 1 | app | \`${D}\` | 1 B |`);
  });
});
