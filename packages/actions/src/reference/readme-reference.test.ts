import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import {
  README,
  END,
  START,
  renderActionReference,
  withReference,
} from '../../../../scripts/action-reference.js';

const root = join(import.meta.dirname, '..', '..', '..', '..');

describe("README's action reference", () => {
  it('is what scripts/action-reference.ts makes of actions/*/action.yml', () => {
    const readme = readFileSync(join(root, README), 'utf8');
    const block = readme.slice(readme.indexOf(START), readme.indexOf(END) + END.length);
    // Out of date: run `npx tsx scripts/action-reference.ts`.
    expect(block).toBe(renderActionReference(root));
  });

  it('has a row for every input and output of every action', () => {
    const block = renderActionReference(root);
    for (const [action, names] of [
      ['promote', ['to-environment', 'min-soak', 'copied-bytes', 'ledger-entry']],
      ['rollback', ['reason', 'quarantine', 'rolled-back-to']],
      ['replace-fleet', ['environment', 'haproxy-socket', 'outcome']],
    ] as const) {
      const section = block.slice(block.indexOf(`### ${action}`));
      for (const n of names) expect(section).toContain(`| \`${n}\` |`);
    }
  });

  it('refuses a README without the markers', () => {
    expect(() => withReference('# no markers', 'x')).toThrow(/markers/);
  });
});
