import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { KILN_VERSION } from './version.js';

describe('KILN_VERSION', () => {
  it('matches package.json', () => {
    const pkg = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { version: string };
    expect(KILN_VERSION).toBe(pkg.version);
  });
});
