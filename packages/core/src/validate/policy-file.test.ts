import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { loadPolicy, parsePolicy } from './policy-file.js';

const FULL = `# every rule
max-size: 50MB
max-layers: 20
required-labels:
  org.opencontainers.image.source: /^https:\\/\\/github\\.com\\//
  org.opencontainers.image.licenses: MIT
  com.example.team:
revision: true
non-root: true
allowed-bases: [ghcr.io/acme/, scratch]
forbidden-paths:
  - "**/*.pem"
  - /root/.ssh
secrets: false
healthcheck: true
`;

function problem(text: string): string {
  try {
    parsePolicy(text, 'policy.yml');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigurationError);
    return (err as Error).message;
  }
  throw new Error('expected the policy to be rejected');
}

describe('parsePolicy', () => {
  it('reads every rule', () => {
    const p = parsePolicy(FULL, 'policy.yml');
    expect(p).toMatchObject({
      maxSize: 50_000_000,
      maxLayers: 20,
      revision: true,
      nonRoot: true,
      allowedBases: ['ghcr.io/acme/', 'scratch'],
      forbiddenPaths: ['**/*.pem', '/root/.ssh'],
      secrets: false,
      healthcheck: true,
      source: {
        file: 'policy.yml',
        lines: { 'max-size': 2, 'required-labels': 4, healthcheck: 15 },
      },
    });
    expect(p.requiredLabels).toEqual([
      { name: 'org.opencontainers.image.source', matches: /^https:\/\/github\.com\// },
      { name: 'org.opencontainers.image.licenses', equals: 'MIT' },
      { name: 'com.example.team' },
    ]);
    expect(p.source?.sha256).toMatch(/^sha256:[a-f0-9]{64}$/);
  });

  it('an empty policy checks revision and secrets only', () => {
    expect(parsePolicy('# nothing\n', 'p.yml')).toMatchObject({
      revision: true,
      secrets: true,
      nonRoot: false,
      healthcheck: false,
    });
    expect(parsePolicy('', 'p.yml').maxSize).toBeUndefined();
  });

  it.each([
    ['1234', 1234],
    ['"1234"', 1234],
    ['500kB', 500_000],
    ['1.5GiB', 1_610_612_736],
    ['"100 MiB"', 104_857_600],
  ])('max-size %s is %d bytes', (value, bytes) => {
    expect(parsePolicy(`max-size: ${value}\n`, 'p.yml').maxSize).toBe(bytes);
  });

  it('names an unknown key with file, line and column, and suggests the right one', () => {
    expect(problem('max-layers: 3\n\nmax-sise: 10MB\n')).toBe(
      'policy.yml:3:1: unknown policy key "max-sise" (did you mean "max-size"?); known keys: ' +
        'max-size, max-layers, required-labels, revision, non-root, allowed-bases, ' +
        'forbidden-paths, secrets, healthcheck',
    );
  });

  it('reports a wrong type at the value', () => {
    expect(problem('max-layers: 3\nnon-root: yes\n')).toBe(
      'policy.yml:2:11: non-root: must be true or false',
    );
    expect(problem('max-layers: many\n')).toBe(
      'policy.yml:1:13: max-layers: must be a whole number of layers',
    );
    expect(problem('required-labels: maintainer\n')).toBe(
      'policy.yml:1:18: required-labels: must be a list of label names, or a map of label name to value or /regex/',
    );
    expect(problem('required-labels:\n  version: 1.10\n')).toBe(
      'policy.yml:2:12: required-labels.version: must be a string (quote values such as "1.10"), /regex/, or empty',
    );
    expect(problem('forbidden-paths: "**/*.pem"\n')).toBe(
      'policy.yml:1:18: forbidden-paths: must be a list of globs such as **/*.pem',
    );
  });

  it('reports a bad size string', () => {
    expect(problem('max-size: 50 potatoes\n')).toBe(
      'policy.yml:1:11: max-size: must be a number of bytes or a size such as 50MB or 1.5GiB, got "50 potatoes"',
    );
    expect(problem('max-size: -5\n')).toMatch(/^policy.yml:1:11: max-size: must be a number/);
  });

  it('points inside lists and maps', () => {
    expect(problem('forbidden-paths:\n  - ok/*\n  - "bad/[x"\n')).toBe(
      'policy.yml:3:5: forbidden-paths.1: glob bad/[x: "[" at position 5 has no closing "]"',
    );
    expect(problem('required-labels:\n  a: /(/\n')).toMatch(
      /^policy.yml:2:6: required-labels.a: is not a valid regex: /,
    );
  });

  it('lists every problem, in file order', () => {
    expect(problem('secrets: 1\nbogus: 2\nmax-layers: 0\n').split('\n')).toEqual([
      'policy.yml:1:10: secrets: must be true or false',
      expect.stringMatching(/^policy.yml:2:1: unknown policy key "bogus";/),
      'policy.yml:3:13: max-layers: must be at least 1',
    ]);
  });

  it('reports YAML syntax errors and duplicate keys with their position', () => {
    expect(problem('max-layers: 3\nmax-layers: 4\n')).toMatch(
      /^policy.yml:2:1: Map keys must be unique/,
    );
    expect(problem('max-layers: [1\n')).toMatch(/^policy.yml:\d+:\d+: /);
  });

  it('wants a map at the top', () => {
    expect(problem('- max-size: 1\n')).toBe(
      'policy.yml:1:1: a policy is a map of rule: setting, e.g. "max-layers: 20"',
    );
  });
});

describe('loadPolicy', () => {
  let dir: string;
  beforeAll(async () => (dir = await mkdtemp(join(tmpdir(), 'kiln-policy-'))));
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('reads a file and names it in errors', async () => {
    const file = join(dir, 'policy.yml');
    await writeFile(file, 'max-layers: 5\nextra: 1\n');
    await expect(loadPolicy(file)).rejects.toThrow(`${file}:2:1: unknown policy key "extra"`);
    await writeFile(file, 'max-layers: 5\n');
    await expect(loadPolicy(file)).resolves.toMatchObject({ maxLayers: 5 });
  });

  it('a missing file is a ConfigurationError naming the path', async () => {
    const missing = join(dir, 'nope.yml');
    const err = await loadPolicy(missing).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toBe(`Policy file ${JSON.stringify(missing)} does not exist`);
  });

  it('a directory is not a policy', async () => {
    await expect(loadPolicy(dir)).rejects.toThrow('is a directory, not a YAML file');
  });
});
