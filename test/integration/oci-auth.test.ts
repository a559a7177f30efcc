import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { copyImage, type Digest, OciLayout, Registries } from '@kiln/core/oci';
import { buildBusyboxLayout } from '../support/busybox-image.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-server.js';
import { testEnvironment, ROOT } from '@kiln/local';

const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const quiet = { log: () => {} };

describe('registry auth against real registries', () => {
  let layoutDir = '';
  let digest: Digest;
  let layout: OciLayout;
  let tokens: TokenRegistry;
  let tmp = '';

  beforeAll(async () => {
    const built = buildBusyboxLayout({ page: `auth test ${run}\n` });
    layoutDir = built.layout;
    layout = new OciLayout(built.layout);
    digest = (await layout.resolve(built.tag)) as Digest;
    tokens = await startTokenRegistry();
    tmp = mkdtempSync(join(tmpdir(), 'kiln-auth-'));
  }, 60_000);

  afterAll(async () => {
    await tokens?.stop();
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
    if (tmp) rmSync(tmp, { recursive: true, force: true });
  });

  it('uses Basic auth with the given credentials', async () => {
    const { host, username, password } = env.authRegistry;
    const registries = new Registries({ username, password, dockerConfig: join(tmp, 'none.json') });
    const r = await copyImage(
      layout,
      registries.repository(host, `auth/basic-${run}`),
      digest,
      quiet,
    );
    expect(r.digest).toBe(digest);
  });

  it('fails clearly without credentials', async () => {
    const registries = new Registries({
      dockerConfig: join(tmp, 'none.json'),
      sleep: async () => {},
    });
    await expect(
      copyImage(
        layout,
        registries.repository(env.authRegistry.host, `auth/none-${run}`),
        digest,
        quiet,
      ),
    ).rejects.toThrow(/401 UNAUTHORIZED: authentication required for 127\.0\.0\.1:\d+/);
  });

  it('speaks the Bearer token flow with a token per scope', async () => {
    const registries = new Registries({
      username: tokens.username,
      password: tokens.password,
      dockerConfig: join(tmp, 'none.json'),
    });
    const a = registries.repository(tokens.host, `auth/token-a-${run}`);
    const b = registries.repository(tokens.host, `auth/token-b-${run}`);
    await copyImage(layout, a, digest, quiet);
    const before = tokens.tokenRequests().length;
    const r = await copyImage(a, b, digest, quiet);
    expect(r.mountedBlobs).toBe(2);
    const scopes = tokens
      .tokenRequests()
      .slice(before)
      .map((t) => t.scope.join(' '));
    // The mount asks for push on the target and pull on the source in one token.
    expect(
      scopes.some(
        (s) =>
          s.includes(`auth/token-b-${run}:pull,push`) && s.includes(`auth/token-a-${run}:pull`),
      ),
    ).toBe(true);
    // Tokens are cached per scope: far fewer token requests than registry requests.
    expect(tokens.tokenRequests().length - before).toBeLessThanOrEqual(4);
  });

  it('gets credentials from a docker credential helper and never prints the secret', async () => {
    const { host, username, password } = env.authRegistry;
    const bin = join(tmp, 'bin');
    const helperLog = join(tmp, 'helper-calls');
    execFileSync('mkdir', ['-p', bin]);
    const helper = join(bin, 'docker-credential-kilntest');
    writeFileSync(
      helper,
      `#!/usr/bin/env node
const fs = require('node:fs');
let input = '';
process.stdin.on('data', (d) => (input += d));
process.stdin.on('end', () => {
  fs.appendFileSync(${JSON.stringify(helperLog)}, process.argv[2] + ' ' + input.trim() + '\\n');
  process.stdout.write(JSON.stringify({ ServerURL: input.trim(), Username: ${JSON.stringify(username)}, Secret: ${JSON.stringify(password)} }));
});
`,
    );
    chmodSync(helper, 0o755);
    const configDir = join(tmp, 'docker');
    execFileSync('mkdir', ['-p', configDir]);
    writeFileSync(
      join(configDir, 'config.json'),
      JSON.stringify({ credHelpers: { [host]: 'kilntest' } }),
    );
    const out = spawnSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        join(ROOT, 'packages/cli/src/main.ts'),
        'copy',
        `oci-layout:${layoutDir}@${digest}`,
        `${host}/auth/helper-${run}:v1`,
      ],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          DOCKER_CONFIG: configDir,
          PATH: `${bin}:${process.env.PATH}`,
          KILN_DEBUG: '1',
        },
      },
    );
    expect(out.stderr + out.stdout).toContain(`${host}/auth/helper-${run}@${digest}`);
    expect(out.status).toBe(0);
    expect(execFileSync('cat', [helperLog], { encoding: 'utf8' })).toContain(`get ${host}`);
    expect(out.stdout).not.toContain(password as string);
    expect(out.stderr).not.toContain(password as string);
    expect(out.stderr).not.toContain(Buffer.from(`${username}:${password}`).toString('base64'));
  });
});
