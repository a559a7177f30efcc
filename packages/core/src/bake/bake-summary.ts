import { type Cell, inlineCode, Markdown, table } from '../github/summary.js';
import type { BakeResult } from './bake.js';

const size = (n: number): string =>
  n >= 1024 * 1024
    ? `${(n / 1024 / 1024).toFixed(1)} MiB`
    : n >= 1024
      ? `${(n / 1024).toFixed(1)} KiB`
      : `${n} B`;

/**
 * Job summary for bake-image: what was baked, from what, and whether it is reproducible.
 * Names, tags and layer sources come from inputs and registries: text, escaped by table().
 */
export function bakeSummary(r: BakeResult): string {
  const rows: Cell[][] = [
    ['image', inlineCode(r.image)],
    ['base', r.base ? inlineCode(`${r.base.name}@${r.base.digest}`) : 'scratch'],
    ['platforms', r.platforms.join(', ')],
    ['tags', r.tags.length ? new Markdown(r.tags.map((t) => inlineCode(t)).join(' ')) : '—'],
    ['total size', size(r.size)],
    ['revision', r.revision ? inlineCode(r.revision) : '—'],
    ['source date', `${new Date(r.sourceDateEpoch * 1000).toISOString()} (${r.sourceDateEpoch})`],
    [
      'reproducible',
      r.reproducible === 'unchecked'
        ? 'not checked (set verify-reproducible: true)'
        : r.reproducible === 'true'
          ? '✅ second bake gave the same digest'
          : '❌',
    ],
  ];
  const layers = r.layers.map((l, i) => [
    String(i + 1),
    l.from,
    inlineCode(l.digest),
    size(l.size),
  ]);
  return [
    '### bake-image',
    table(['', ''], rows),
    '',
    '#### Layers',
    table(['#', 'from', 'digest', 'size'], layers),
    '',
  ].join('\n');
}
