import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigurationError } from '../errors.js';
import { fromRecord } from '../inputs/source.js';
import { configFromInputs, loadConfig, MAX_CONFIG_BYTES } from './load-config.js';

const VALID =
  'image: ghcr.io/acme/shop\nenvironments:\n  staging: { provider: swarm, target: shop }\n';

let ws: string;
beforeEach(async () => {
  ws = await mkdtemp(join(tmpdir(), 'kiln-config-'));
});
afterEach(() => rm(ws, { recursive: true, force: true }));

async function put(rel: string, text: string): Promise<void> {
  await mkdir(join(ws, rel, '..'), { recursive: true });
  await writeFile(join(ws, rel), text);
}

async function failure(p: Promise<unknown>): Promise<string> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ConfigurationError);
  return (err as Error).message;
}

describe('loadConfig', () => {
  it('reads the default path relative to cwd and names the file as given', async () => {
    await put('.github/kiln.yml', VALID);
    const c = await loadConfig(undefined, { cwd: ws });
    expect(c.source.file).toBe('.github/kiln.yml');
    expect([...c.environments.keys()]).toEqual(['staging']);
    await put('.github/kiln.yml', VALID.replace('target: shop', 'target: shop, bogus: 1'));
    expect(await failure(loadConfig(undefined, { cwd: ws }))).toMatch(
      /^\.github\/kiln\.yml:3:45: environments\.staging\.bogus: unknown key/,
    );
  });

  it('takes an image in place of the file’s', async () => {
    await put('k.yml', VALID);
    const c = await loadConfig('k.yml', { cwd: ws, image: 'localhost:5000/kiln/shop' });
    expect(c.image).toEqual({ registry: 'localhost:5000', repository: 'kiln/shop' });
  });

  it('a missing file is a configuration error naming it', async () => {
    expect(await failure(loadConfig('nope.yml', { cwd: ws }))).toBe(
      'Config file "nope.yml" does not exist',
    );
    expect(await failure(loadConfig('no/such/dir.yml', { cwd: ws }))).toBe(
      'Config file "no/such/dir.yml" does not exist',
    );
  });

  it('refuses a directory, a link, a FIFO and an oversized file', async () => {
    await mkdir(join(ws, 'dir.yml'));
    expect(await failure(loadConfig('dir.yml', { cwd: ws }))).toBe(
      'Config file "dir.yml" is a directory, not a YAML file',
    );
    await writeFile(join(ws, 'secret'), 'image: secret-value\n');
    await symlink(join(ws, 'secret'), join(ws, 'link.yml'));
    expect(await failure(loadConfig('link.yml', { cwd: ws }))).toBe(
      'Config file "link.yml" is a symbolic link; a config must be a regular file in the repository',
    );
    execFileSync('mkfifo', [join(ws, 'fifo.yml')]);
    expect(await failure(loadConfig('fifo.yml', { cwd: ws }))).toBe(
      'Config file "fifo.yml" is not a regular file',
    );
    await writeFile(join(ws, 'big.yml'), `# ${'x'.repeat(MAX_CONFIG_BYTES)}\n`);
    expect(await failure(loadConfig('big.yml', { cwd: ws }))).toBe(
      `Config file "big.yml" is ${MAX_CONFIG_BYTES + 3} bytes, more than a config may be (${MAX_CONFIG_BYTES} bytes)`,
    );
  });

  it('refuses a config reached through a linked folder', async () => {
    await put('elsewhere/kiln.yml', VALID);
    await symlink(join(ws, 'elsewhere'), join(ws, '.github'));
    expect(await failure(loadConfig('.github/kiln.yml', { cwd: ws }))).toBe(
      'Config file ".github/kiln.yml" is inside .github, a symbolic link; a config is read only through real folders',
    );
  });
});

describe('configFromInputs', () => {
  it('is undefined when the input is empty and the default file is absent', async () => {
    expect(await configFromInputs(fromRecord({}), ws)).toBeUndefined();
    expect(await configFromInputs(fromRecord({ config: '  ' }), ws)).toBeUndefined();
  });

  it('reads the default file when present', async () => {
    await put('.github/kiln.yml', VALID);
    const c = await configFromInputs(fromRecord({}), ws);
    expect(c?.source.file).toBe('.github/kiln.yml');
  });

  it('says which file it reads, only when there is one', async () => {
    const lines: string[] = [];
    const log = (line: string): number => lines.push(line);
    expect(await configFromInputs(fromRecord({}), ws, { log })).toBeUndefined();
    expect(lines).toEqual([]);
    await put('.github/kiln.yml', VALID);
    await configFromInputs(fromRecord({}), ws, { log });
    expect(lines).toEqual(['Reading .github/kiln.yml']);
  });

  it('reads a named file relative to the workspace', async () => {
    await put('deploy/kiln.yml', VALID);
    const c = await configFromInputs(fromRecord({ config: 'deploy/kiln.yml' }), ws);
    expect(c?.source.file).toBe('deploy/kiln.yml');
  });

  it('a named file that does not exist is an error naming the input', async () => {
    await put('.github/kiln.yml', VALID);
    expect(await failure(configFromInputs(fromRecord({ config: 'deploy/kiln.yml' }), ws))).toBe(
      'Input "config" has value "deploy/kiln.yml": the file does not exist (a relative path is read from the workspace)',
    );
  });

  it('names the input for a named file that cannot be a config', async () => {
    await mkdir(join(ws, 'cfg'));
    expect(await failure(configFromInputs(fromRecord({ config: 'cfg' }), ws))).toBe(
      'Input "config" has value "cfg": the file is a directory, not a YAML file',
    );
  });

  it('names the default for a default path that cannot be a config', async () => {
    await mkdir(join(ws, '.github/kiln.yml'), { recursive: true });
    expect(await failure(configFromInputs(fromRecord({}), ws))).toBe(
      'Config file ".github/kiln.yml" (the default of input "config") is a directory, not a YAML file',
    );
  });

  it('does not silently skip .github/kiln.yaml', async () => {
    await put('.github/kiln.yaml', VALID);
    expect(await failure(configFromInputs(fromRecord({}), ws))).toBe(
      'Config file ".github/kiln.yaml" is not read: Kiln reads ".github/kiln.yml"; rename it, or name it in input "config"',
    );
    const c = await configFromInputs(fromRecord({ config: '.github/kiln.yaml' }), ws);
    expect(c?.source.file).toBe('.github/kiln.yaml');
  });

  it('reports problems in the file at their position', async () => {
    await put(
      '.github/kiln.yml',
      'image: ghcr.io/acme/shop\nenvironments:\n  staging: { provider: swarm }\n',
    );
    expect(await failure(configFromInputs(fromRecord({}), ws))).toBe(
      '.github/kiln.yml:3:3: environments.staging.target: is required; it must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group',
    );
  });
});
