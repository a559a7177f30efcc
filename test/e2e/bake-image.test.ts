import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { runAction } from '../support/run-action.js';
import { ROOT, testEnvironment } from '@kiln/local';

// The committed dist/ bundles, run as a runner runs them.
const env = testEnvironment();
const run = `${process.pid}-${Date.now()}`;
const sha = (s: string): string => 'sha256:' + createHash('sha256').update(s).digest('hex');

describe('bake-image bundle', () => {
  let ctx = '';
  let baseImage = '';

  beforeAll(async () => {
    ctx = mkdtempSync(join(tmpdir(), 'kiln-e2e-bake-'));
    mkdirSync(join(ctx, 'base', 'bin'), { recursive: true });
    cpSync('/bin/busybox', join(ctx, 'base', 'bin', 'busybox'));
    for (const a of ['sh', 'httpd', 'wget', 'cat'])
      symlinkSync('busybox', join(ctx, 'base', 'bin', a));
    const base = await runAction('actions/bake-image', {
      image: `${env.registry.host}/e2e/base-${run}`,
      context: join(ctx, 'base'),
      copy: 'bin:/bin/',
      tags: '1.35',
      'source-date-epoch': '1700000000',
    });
    expect(base.stderr).toBe('');
    expect(base.code).toBe(0);
    baseImage = base.outputs.image as string;
  }, 60_000);

  afterAll(() => {
    if (ctx) rmSync(ctx, { recursive: true, force: true });
  });

  it('bakes the sample app, sets outputs and writes the job summary', async () => {
    const r = await runAction(
      'actions/bake-image',
      {
        image: `${env.registry.host}/e2e/shop-${run}`,
        context: 'examples/shop',
        base: `${env.registry.host}/e2e/base-${run}:1.35`,
        copy: 'www:/www/',
        cmd: '["/bin/busybox","httpd","-f","-p","8080","-h","/www"]',
        env: 'APP_REVISION=e2e',
        user: '65534',
        expose: '8080',
        healthcheck: 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
        tags: 'e2e',
        'verify-reproducible': 'true',
      },
      {
        GITHUB_SHA: 'a'.repeat(40),
        GITHUB_REPOSITORY: 'acme/shop',
        GITHUB_SERVER_URL: 'https://github.com',
      },
    );
    expect(r.code).toBe(0);
    expect(r.outputs.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(r.outputs.image).toBe(`${env.registry.host}/e2e/shop-${run}@${r.outputs.digest}`);
    expect(r.outputs.reproducible).toBe('true');
    expect(r.outputs.tags).toBe('e2e');
    expect(Number(r.outputs.size)).toBeGreaterThan(1_000_000);
    const raw = execFileSync(
      'skopeo',
      [
        'inspect',
        '--raw',
        '--tls-verify=false',
        `docker://${env.registry.host}/e2e/shop-${run}:e2e`,
      ],
      { encoding: 'utf8' },
    );
    expect(sha(raw)).toBe(r.outputs.digest);
    const config = JSON.parse(
      execFileSync(
        'skopeo',
        ['inspect', '--config', '--tls-verify=false', `docker://${r.outputs.image}`],
        { encoding: 'utf8' },
      ),
    ) as { config: { Labels: Record<string, string> } };
    expect(config.config.Labels['org.opencontainers.image.revision']).toBe('a'.repeat(40));
    expect(config.config.Labels['org.opencontainers.image.source']).toBe(
      'https://github.com/acme/shop',
    );
    expect(config.config.Labels['org.opencontainers.image.base.digest']).toBe(
      baseImage.split('@')[1],
    );
    expect(r.summary).toContain('### bake-image');
    expect(r.summary).toContain(r.outputs.digest);
    expect(r.summary).toContain('second bake gave the same digest');
  }, 60_000);

  it('runs through the suite entry with command: bake', async () => {
    const out = mkdtempSync(join(tmpdir(), 'kiln-e2e-out-'));
    try {
      const r = await runAction('.', {
        command: 'bake',
        context: 'examples/shop',
        copy: 'www:/www/',
        output: `oci-layout:${out}`,
        'source-date-epoch': '1700000000',
      });
      expect(r.code).toBe(0);
      expect(r.outputs.image).toBe(`oci-layout:${out}@${r.outputs.digest}`);
      expect(
        sha(execFileSync('skopeo', ['inspect', '--raw', `oci:${out}`], { encoding: 'utf8' })),
      ).toBe(r.outputs.digest);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });

  it('fails with exit code 1 and one line for bad input, pushing nothing', async () => {
    const r = await runAction('actions/bake-image', {
      image: `${env.registry.host}/e2e/bad-${run}`,
      context: 'examples/shop',
      copy: 'missing-folder:/www/',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/::error::Input "copy" has value "missing-folder:\/www\/"/);
    expect(r.outputs).toEqual({});
    // The repository was never created: nothing was pushed.
    const tags = spawnSync(
      'skopeo',
      ['list-tags', '--tls-verify=false', `docker://${env.registry.host}/e2e/bad-${run}`],
      { encoding: 'utf8' },
    );
    expect(tags.status).not.toBe(0);
    expect(tags.stderr).toMatch(/404|name unknown/i);
  });

  it('masks the registry password', async () => {
    const r = await runAction('actions/bake-image', {
      image: `${env.authRegistry.host}/e2e/masked-${run}`,
      context: 'examples/shop',
      copy: 'www:/www/',
      'registry-username': env.authRegistry.username as string,
      'registry-password': env.authRegistry.password as string,
      'source-date-epoch': '1700000000',
    });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`::add-mask::${env.authRegistry.password}`);
    expect(r.stdout.replace(`::add-mask::${env.authRegistry.password}`, '')).not.toContain(
      env.authRegistry.password,
    );
  });
});

describe('bake-image bundle outside the repository', () => {
  // A runner checks out the action without node_modules: the bundle, and the compression
  // worker file it starts, must load from dist/ alone. In place, the repository's node_modules
  // would hide an unresolved import of the worker.
  let checkout = '';
  let ctx = '';

  beforeAll(() => {
    checkout = mkdtempSync(join(tmpdir(), 'kiln-e2e-checkout-'));
    for (let d = checkout; d !== dirname(d); d = dirname(d))
      expect(existsSync(join(d, 'node_modules'))).toBe(false);
    cpSync(join(ROOT, 'dist/bake-image'), join(checkout, 'dist/bake-image'), { recursive: true });
    mkdirSync(join(checkout, 'actions/bake-image'), { recursive: true });
    cpSync(
      join(ROOT, 'actions/bake-image/action.yml'),
      join(checkout, 'actions/bake-image/action.yml'),
    );
    ctx = mkdtempSync(join(tmpdir(), 'kiln-e2e-big-'));
    // 12 MiB of text (12 chunks that deflate, not stored): enough queued chunks for a pool of
    // 3 to start more than one worker.
    const lines: string[] = [];
    for (let i = 0; i < 300_000; i++) lines.push(`line ${i} ${(i * 7919) % 10007} kiln bake`);
    const text = lines.join('\n');
    writeFileSync(join(ctx, 'big.txt'), text.repeat(Math.ceil((12 << 20) / text.length)));
  });

  afterAll(() => {
    for (const d of [checkout, ctx]) if (d) rmSync(d, { recursive: true, force: true });
  });

  /** Bakes big.txt into a fresh layout with `workers` compression workers. */
  async function bake(workers: number): Promise<{ digest: string; stdout: string }> {
    const out = mkdtempSync(join(tmpdir(), 'kiln-e2e-out-'));
    try {
      const r = await runAction(
        relative(ROOT, join(checkout, 'actions/bake-image')),
        {
          context: ctx,
          copy: 'big.txt:/big.txt',
          output: `oci-layout:${out}`,
          'layer-cache': 'false',
          'source-date-epoch': '1700000000',
        },
        { KILN_COMPRESS_WORKERS: String(workers) },
      );
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      return { digest: r.outputs.digest as string, stdout: r.stdout };
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }

  /** Worker threads the app layer's compression used, from the bundle's debug log. */
  function workersUsed(stdout: string, pool: number): number {
    expect(stdout).not.toContain('compression workers unavailable');
    const m = new RegExp(
      `::debug::gzip: \\d+ bytes in (\\d+) chunks, (\\d+) of ${pool} compression workers used`,
    ).exec(stdout);
    expect(m).not.toBeNull();
    expect(Number(m?.[1])).toBeGreaterThanOrEqual(12);
    return Number(m?.[2]);
  }

  it('compresses on several worker threads, to the digest one worker gives', async () => {
    const many = await bake(3);
    expect(workersUsed(many.stdout, 3)).toBeGreaterThan(1);
    const one = await bake(1);
    expect(workersUsed(one.stdout, 1)).toBe(1);
    expect(one.digest).toMatch(/^sha256:[a-f0-9]{64}$/);
    expect(many.digest).toBe(one.digest);
  }, 120_000);
});
