import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { ConfigurationError } from '../../errors.js';
import { redact } from '../../log.js';
import { getFromHelper } from './credential-helper.js';
import { type CredentialOptions, resolveCredentials } from './credentials.js';

let dir: string;
let bin: string;
let configPath: string;
let calls: string;
let env: NodeJS.ProcessEnv;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'kiln-auth-'));
  bin = join(dir, 'bin');
  await mkdir(bin);
  configPath = join(dir, 'config.json');
  calls = join(dir, 'calls.log');
  // Only our helpers and node itself (for the `#!/usr/bin/env node` line) are on PATH.
  env = { PATH: [bin, dirname(process.execPath)].join(delimiter), HOME: dir, KILN_CALLS: calls };
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** A fresh secret per test, so a redaction check cannot pass thanks to an earlier test. */
const newSecret = (): string => `s3cret-${randomUUID()}`;
const b64 = (text: string): string => Buffer.from(text).toString('base64');
const writeConfig = (config: unknown): Promise<void> =>
  writeFile(configPath, typeof config === 'string' ? config : JSON.stringify(config));
const resolve = (registry: string, opts: CredentialOptions = {}) =>
  resolveCredentials(registry, { configPath, env, ...opts });

/**
 * Installs `docker-credential-<name>`: a Node script that logs its argv and stdin, then runs
 * `body` with `serverURL` (its stdin) in scope.
 */
async function writeHelper(name: string, body: string): Promise<void> {
  const script = `#!/usr/bin/env node
const fs = require('node:fs');
let serverURL = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (c) => (serverURL += c));
process.stdin.on('end', () => {
  fs.appendFileSync(process.env.KILN_CALLS, JSON.stringify({ argv: process.argv.slice(2), serverURL }) + '\\n');
  ${body}
});
`;
  await writeFile(join(bin, `docker-credential-${name}`), script, { mode: 0o755 });
}

/** A helper that behaves like a real store: answers for known servers, "not found" otherwise. */
function storeHelper(name: string, store: Record<string, { Username: string; Secret: string }>) {
  return writeHelper(
    name,
    `const store = ${JSON.stringify(store)};
  const found = store[serverURL];
  if (!found) { process.stdout.write('credentials not found in native keychain\\n'); process.exit(1); }
  process.stdout.write(JSON.stringify({ ServerURL: serverURL, ...found }));`,
  );
}

async function helperCalls(): Promise<{ argv: string[]; serverURL: string }[]> {
  const text = await readFile(calls, 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { argv: string[]; serverURL: string });
}

describe('explicit credentials', () => {
  it('uses registry-username/registry-password without reading the Docker config', async () => {
    const password = newSecret();
    await writeConfig('{ not json');
    await expect(resolve('ghcr.io', { username: 'ci', password })).resolves.toEqual({
      username: 'ci',
      password,
    });
    expect(redact(password)).toBe('***');
  });

  it.each([
    [{ username: 'ci' }, 'registry-username', 'registry-password'],
    [{ password: 'only-a-password' }, 'registry-password', 'registry-username'],
    [{ username: '', password: 'only-a-password' }, 'registry-password', 'registry-username'],
  ])('rejects %j, naming both inputs', async (given, set, missing) => {
    const err = await resolve('ghcr.io', given).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`"${set}" is set but "${missing}" is empty`);
    expect((err as Error).message).not.toContain('only-a-password');
  });

  it('treats empty inputs as not given', async () => {
    await expect(resolve('ghcr.io', { username: '', password: '' })).resolves.toBeUndefined();
  });
});

describe('auths in config.json', () => {
  it('decodes a base64 auth, keeping colons in the password', async () => {
    const password = `${newSecret()}:with:colons`;
    await writeConfig({ auths: { 'registry.example': { auth: b64(`robot:${password}`) } } });
    await expect(resolve('registry.example')).resolves.toEqual({ username: 'robot', password });
    expect(redact(password)).toBe('***');
  });

  it.each([
    ['https://ghcr.io', 'ghcr.io'],
    ['http://127.0.0.1:5000/v2/', '127.0.0.1:5000'],
    ['GHCR.io/', 'ghcr.io'],
  ])('matches the key %s for %s', async (key, registry) => {
    const password = newSecret();
    await writeConfig({ auths: { [key]: { auth: b64(`u:${password}`) } } });
    await expect(resolve(registry)).resolves.toEqual({ username: 'u', password });
  });

  it('prefers the bare host key over a URL key for the same host', async () => {
    await writeConfig({
      auths: { 'https://ghcr.io': { auth: b64('url:p1') }, 'ghcr.io': { auth: b64('bare:p2') } },
    });
    await expect(resolve('ghcr.io')).resolves.toEqual({ username: 'bare', password: 'p2' });
  });

  it('reads username/password fields', async () => {
    const password = newSecret();
    await writeConfig({ auths: { 'localhost:5000': { username: 'me', password } } });
    await expect(resolve('localhost:5000')).resolves.toEqual({ username: 'me', password });
  });

  it('returns an identity token and registers it as a secret', async () => {
    const identityToken = newSecret();
    await writeConfig({
      auths: { 'acr.example': { auth: b64('00000000-0000:'), identitytoken: identityToken } },
    });
    await expect(resolve('acr.example')).resolves.toEqual({
      username: '00000000-0000',
      identityToken,
    });
    expect(redact(identityToken)).toBe('***');
  });

  it('returns a registry token and registers it as a secret', async () => {
    const registryToken = newSecret();
    await writeConfig({ auths: { 'r.example': { registrytoken: registryToken } } });
    await expect(resolve('r.example')).resolves.toEqual({ registryToken });
    expect(redact(registryToken)).toBe('***');
  });

  it('returns undefined for a registry without an entry, or without a config file', async () => {
    await writeConfig({ auths: { 'ghcr.io': { auth: b64('u:p') } } });
    await expect(resolve('quay.io')).resolves.toBeUndefined();
    await expect(resolve('quay.io', { configPath: join(dir, 'absent.json') })).resolves.toBe(
      undefined,
    );
  });

  it('accepts an empty config file, as the Docker CLI does', async () => {
    await writeConfig('');
    await expect(resolve('ghcr.io')).resolves.toBeUndefined();
  });

  it('finds config.json under $DOCKER_CONFIG', async () => {
    const password = newSecret();
    await mkdir(join(dir, 'docker'));
    await writeFile(
      join(dir, 'docker', 'config.json'),
      JSON.stringify({ auths: { 'ghcr.io': { auth: b64(`u:${password}`) } } }),
    );
    await expect(
      resolveCredentials('ghcr.io', { env: { ...env, DOCKER_CONFIG: join(dir, 'docker') } }),
    ).resolves.toEqual({ username: 'u', password });
  });
});

describe('Docker Hub', () => {
  const HUB_V1 = 'https://index.docker.io/v1/';
  const aliases = ['docker.io', 'index.docker.io', 'registry-1.docker.io', HUB_V1];

  it.each(aliases)('an auths key %s serves every Docker Hub name', async (key) => {
    await writeConfig({ auths: { [key]: { auth: b64('hubuser:hubpass') } } });
    for (const registry of aliases) {
      await expect(resolve(registry)).resolves.toEqual({
        username: 'hubuser',
        password: 'hubpass',
      });
    }
  });

  it('asks a helper for the index URL that docker login stored the credentials under', async () => {
    const password = newSecret();
    await storeHelper('kilntest', { [HUB_V1]: { Username: 'hub', Secret: password } });
    await writeConfig({ credsStore: 'kilntest' });
    await expect(resolve('docker.io')).resolves.toEqual({ username: 'hub', password });
    expect(await helperCalls()).toEqual([{ argv: ['get'], serverURL: HUB_V1 }]);
  });
});

describe('credential helpers', () => {
  it('credHelpers for the registry beats auths and credsStore', async () => {
    const password = newSecret();
    await storeHelper('kilntest', { 'ghcr.io': { Username: 'from-helper', Secret: password } });
    await storeHelper('other', {});
    await writeConfig({
      auths: { 'ghcr.io': { auth: b64('from-auths:nope') } },
      credHelpers: { 'ghcr.io': 'kilntest' },
      credsStore: 'other',
    });
    await expect(resolve('ghcr.io')).resolves.toEqual({ username: 'from-helper', password });
    expect(await helperCalls()).toEqual([{ argv: ['get'], serverURL: 'ghcr.io' }]);
    expect(redact(password)).toBe('***');
  });

  it('maps the <token> username to an identity token', async () => {
    const token = newSecret();
    await storeHelper('kilntest', { 'ecr.example': { Username: '<token>', Secret: token } });
    await writeConfig({ credHelpers: { 'https://ecr.example': 'kilntest' } });
    await expect(resolve('ecr.example')).resolves.toEqual({ identityToken: token });
    expect(redact(token)).toBe('***');
  });

  it('uses credsStore when auths has only the empty entry docker login leaves', async () => {
    const password = newSecret();
    await storeHelper('kilntest', { 'localhost:5000': { Username: 'u', Secret: password } });
    await writeConfig({ auths: { 'localhost:5000': {} }, credsStore: 'kilntest' });
    await expect(resolve('localhost:5000')).resolves.toEqual({ username: 'u', password });
  });

  it('prefers an auths entry with credentials over credsStore', async () => {
    await storeHelper('kilntest', { 'localhost:5000': { Username: 'store', Secret: 'x' } });
    await writeConfig({
      auths: { 'localhost:5000': { auth: b64('file:pw') } },
      credsStore: 'kilntest',
    });
    await expect(resolve('localhost:5000')).resolves.toEqual({ username: 'file', password: 'pw' });
    expect(await helperCalls()).toEqual([]);
  });

  it('treats "credentials not found in native keychain" as no credentials', async () => {
    await storeHelper('kilntest', {});
    await writeConfig({ credsStore: 'kilntest' });
    await expect(resolve('registry.example')).resolves.toBeUndefined();
  });

  it('reports a failing helper with its command and output, never the secret', async () => {
    const password = newSecret();
    await writeHelper(
      'kilntest',
      `const secret = ${JSON.stringify(password)};
  process.stderr.write('error: keychain is locked\\n'); process.exit(3);`,
    );
    await writeConfig({ credsStore: 'kilntest' });
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(Error);
    expect(err).not.toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('`docker-credential-kilntest get`');
    expect(err.message).toContain('exited with 3');
    expect(err.message).toContain('error: keychain is locked');
    expect(err.message).toContain(configPath);
    expect(err.message).not.toContain(password);
  });

  it('masks known secrets that a failing helper prints', async () => {
    const password = newSecret();
    await writeConfig({ credsStore: 'kilntest' });
    await storeHelper('kilntest', { 'ghcr.io': { Username: 'u', Secret: password } });
    await resolve('ghcr.io');
    await writeHelper(
      'kilntest',
      `process.stderr.write('bad secret ${password}'); process.exit(1);`,
    );
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('bad secret ***');
    expect(err.message).not.toContain(password);
  });

  it('does not echo unexpected helper output, which may hold the secret', async () => {
    const password = newSecret();
    await writeHelper('kilntest', `process.stdout.write('{"Secret": "${password}"');`);
    await writeConfig({ credsStore: 'kilntest' });
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err.message).toContain('`docker-credential-kilntest get`');
    expect(err.message).toContain('{"ServerURL","Username","Secret"}');
    expect(err.message).not.toContain(password);
  });

  it('says clearly when the helper is not on PATH', async () => {
    await writeConfig({ credHelpers: { 'ghcr.io': 'kilnmissing' } });
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain('docker-credential-kilnmissing');
    expect(err.message).toContain('is not on PATH');
    expect(err.message).toContain(`credHelpers["ghcr.io"] in ${configPath}`);
  });

  it('gives up on a helper that does not answer in time', async () => {
    await writeHelper('kilntest', `setTimeout(() => {}, 20000);`);
    const started = Date.now();
    const err = (await getFromHelper('kilntest', 'ghcr.io', { env, timeoutMs: 300 }).catch(
      (e: unknown) => e,
    )) as Error;
    expect(err.message).toContain('`docker-credential-kilntest get` for ghcr.io did not answer');
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('rejects a helper name with a path in it', async () => {
    await writeConfig({ credsStore: '../bin/evil' });
    await expect(resolve('ghcr.io')).rejects.toThrow(/credsStore: .*must not contain/);
  });
});

describe('GHCR with GITHUB_TOKEN', () => {
  it('uses GITHUB_TOKEN with GITHUB_ACTOR when nothing else is configured', async () => {
    const token = newSecret();
    const ghEnv = { ...env, GITHUB_TOKEN: token, GITHUB_ACTOR: 'octocat' };
    await expect(resolve('ghcr.io', { env: ghEnv })).resolves.toEqual({
      username: 'octocat',
      password: token,
    });
    expect(redact(token)).toBe('***');
  });

  it('falls back to x-access-token without GITHUB_ACTOR, also after a helper found nothing', async () => {
    const token = newSecret();
    await storeHelper('kilntest', {});
    await writeConfig({ credsStore: 'kilntest' });
    await expect(resolve('ghcr.io', { env: { ...env, GITHUB_TOKEN: token } })).resolves.toEqual({
      username: 'x-access-token',
      password: token,
    });
  });

  it('loses to the Docker config and applies to ghcr.io only', async () => {
    const ghEnv = { ...env, GITHUB_TOKEN: newSecret() };
    await writeConfig({ auths: { 'ghcr.io': { auth: b64('cfg:pw') } } });
    await expect(resolve('ghcr.io', { env: ghEnv })).resolves.toEqual({
      username: 'cfg',
      password: 'pw',
    });
    await expect(resolve('quay.io', { env: ghEnv })).resolves.toBeUndefined();
  });
});

describe('malformed config.json', () => {
  it('names the file and the JSON problem, without quoting the file', async () => {
    const secret = b64(`u:${newSecret()}`);
    await writeConfig(`{\n  "auths": {\n    "ghcr.io": { "auth": "${secret}" "x": 1 }`);
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain(`Docker config ${configPath} is not valid JSON`);
    expect(err.message).toMatch(/line 3/);
    expect(err.message).not.toContain(secret);
  });

  it('does not quote the file for an unexpected token either', async () => {
    await writeConfig('secret-looking-garbage');
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).not.toContain('looking-garbage');
  });

  it.each([
    [[], '(top level): Invalid input: expected object'],
    [{ auths: { 'ghcr.io': { auth: 42 } } }, 'auths["ghcr.io"].auth: Invalid input'],
    [{ auths: { 'ghcr.io': { auth: 'bm9jb2xvbg==' } } }, 'auths["ghcr.io"].auth: must be base64'],
    [{ auths: { 'ghcr.io': { auth: 'not base64!' } } }, 'auths["ghcr.io"].auth: must be base64'],
    [{ credHelpers: { 'ghcr.io': 7 } }, 'credHelpers["ghcr.io"]: Invalid input'],
  ])('rejects the shape %j', async (config, problem) => {
    await writeConfig(config);
    const err = (await resolve('ghcr.io').catch((e: unknown) => e)) as Error;
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toContain(`Docker config ${configPath} is invalid: ${problem}`);
  });

  it('ignores settings that are not about credentials', async () => {
    await writeConfig({ psFormat: 'table', proxies: {}, currentContext: 'x', credsStore: '' });
    await expect(resolve('ghcr.io')).resolves.toBeUndefined();
  });
});
