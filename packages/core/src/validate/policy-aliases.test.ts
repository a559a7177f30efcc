import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { loadPolicy, parsePolicy } from './policy-file.js';

/** "Billion laughs": nine levels of nine aliases each, 9^9 strings once expanded. */
function aliasBomb(): string {
  const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
  const names = 'abcdefghi';
  for (let i = 1; i < names.length; i++) {
    const prev = `*${names[i - 1]}`;
    lines.push(`${names[i]}: &${names[i]} [${Array(9).fill(prev).join(',')}]`);
  }
  return lines.join('\n') + '\n';
}

describe('YAML aliases in a policy', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-policy-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('an alias bomb is a configuration error naming the file and its first alias', async () => {
    const file = join(dir, 'bomb.yml');
    writeFileSync(file, aliasBomb());
    const err = await loadPolicy(file).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe(
      `${file}:2:8: YAML aliases expand beyond the limit of 100 (an alias bomb); a policy needs no aliases`,
    );
  });

  it('a missing anchor is a configuration error too', () => {
    const err = (() => {
      try {
        return parsePolicy('allowed-bases: [*bases]\n', 'p.yml');
      } catch (e) {
        return e;
      }
    })();
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe(
      'p.yml:1:17: Unresolved alias (the anchor must be set before the alias): bases',
    );
  });

  it('a few aliases still work', () => {
    const policy = parsePolicy(
      'allowed-bases: &b ["reg.example/base"]\nrequired-labels: *b\n',
      'p.yml',
    );
    expect(policy.requiredLabels).toEqual([{ name: 'reg.example/base' }]);
  });
});
