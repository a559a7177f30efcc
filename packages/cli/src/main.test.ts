import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const BIN = join(import.meta.dirname, '..', 'bin', 'kiln.js');
const LAYERS = 5000;

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `kiln` (the bin shim, through tsx) with stdout on a pipe. After the first chunk the
 * reader stops until the child has exited (or 3 s have passed, in case it waits for us), as a
 * slow consumer would: a CLI that exits before stdout drains loses what the pipe had not taken.
 */
function kiln(args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, GITHUB_ACTIONS: '' },
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let exited = false;
    let code: number | null = null;
    child.stdout.once('data', () => {
      child.stdout.pause();
      const resume = setTimeout(() => child.stdout.resume(), 3000);
      child.once('exit', () => {
        clearTimeout(resume);
        child.stdout.resume();
      });
    });
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('exit', (c) => {
      exited = true;
      code = c;
    });
    child.on('close', () => {
      expect(exited).toBe(true);
      resolve({
        code,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      });
    });
  });
}

/** An OCI layout holding one image whose manifest lists LAYERS layers (only the manifest and config exist). */
function bigLayout(dir: string): string {
  const sha = (b: Buffer | string): string =>
    `sha256:${createHash('sha256').update(b).digest('hex')}`;
  mkdirSync(join(dir, 'blobs', 'sha256'), { recursive: true });
  const put = (b: Buffer): string => {
    const d = sha(b);
    writeFileSync(join(dir, 'blobs', 'sha256', d.slice(7)), b);
    return d;
  };
  const config = Buffer.from(JSON.stringify({ architecture: 'amd64', os: 'linux' }));
  const manifest = Buffer.from(
    JSON.stringify({
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        digest: put(config),
        size: config.length,
      },
      layers: Array.from({ length: LAYERS }, (_, i) => ({
        mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip',
        digest: sha(String(i)),
        size: i + 1,
      })),
    }),
  );
  const digest = put(manifest);
  writeFileSync(join(dir, 'oci-layout'), JSON.stringify({ imageLayoutVersion: '1.0.0' }));
  writeFileSync(
    join(dir, 'index.json'),
    JSON.stringify({
      schemaVersion: 2,
      manifests: [
        {
          mediaType: 'application/vnd.oci.image.manifest.v1+json',
          digest,
          size: manifest.length,
          annotations: { 'org.opencontainers.image.ref.name': 'big' },
        },
      ],
    }),
  );
  return digest;
}

describe('kiln through a pipe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-cli-'));
  let digest: string;
  beforeAll(() => {
    digest = bigLayout(join(dir, 'layout'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('inspect --json: a 1 MB result arrives whole, exit 0', async () => {
    const r = await kiln(['inspect', '--json', `oci-layout:${join(dir, 'layout')}:big`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.length).toBeGreaterThan(600 * 1024);
    const parsed = JSON.parse(r.stdout) as { digest: string; images: Array<{ layers: unknown[] }> };
    expect(parsed.digest).toBe(digest);
    expect(parsed.images[0]?.layers).toHaveLength(LAYERS);
    expect(r.code).toBe(0);
  }, 60_000);

  it('inspect as text: every layer line arrives', async () => {
    const r = await kiln(['inspect', `oci-layout:${join(dir, 'layout')}:big`]);
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => l.startsWith('  layer '))).toHaveLength(LAYERS);
    expect(lines.at(-2)).toMatch(new RegExp(`^  layer ${LAYERS}: sha256:`));
    expect(r.code).toBe(0);
  }, 60_000);

  it('validate: a policy file with an alias bomb is a configuration error naming it, exit 1', async () => {
    const policy = join(dir, 'bomb.yml');
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (const [prev, name] of ['ab', 'bc', 'cd', 'de', 'ef', 'fg', 'gh', 'hi'])
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    writeFileSync(policy, lines.join('\n') + '\n');
    const image = `oci-layout:${join(dir, 'layout')}@${digest}`;
    const r = await kiln(['validate', '--image', image, '--policy', policy, '--smoke', 'false']);
    expect(r.stderr).toBe(
      `kiln: ${policy}:2:8: YAML aliases expand beyond the limit of 100 (an alias bomb); a policy needs no aliases\n`,
    );
    expect(r.stdout).toBe('');
    expect(r.code).toBe(1);
  }, 60_000);

  it('a configuration error: one line on stderr, exit 1', async () => {
    const bad = await kiln(['inspect']);
    expect(bad.stderr).toBe(
      'kiln: usage: kiln inspect REF            digest, media type, size, platforms and layers of an image\n',
    );
    expect(bad.code).toBe(1);
  }, 60_000);

  it('--kubeconfig FILE: an unreadable file, or one on a swarm environment, exit 1 before any call; the content never printed', async () => {
    const image = `127.0.0.1:5000/kiln/shop@sha256:${'a'.repeat(64)}`;
    const fleet = ['--image', image, '--environment', 'staging', '--target', 'shop'];
    const missing = join(dir, 'no-such-kubeconfig');
    for (const command of ['deploy', 'rollback']) {
      const args = command === 'deploy' ? fleet : ['--environment', 'staging', '--reason', 'x'];
      const r = await kiln([command, ...args, '--kubeconfig', missing]);
      expect(r.stderr).toBe(
        `kiln: Flag "--kubeconfig" has value "${missing}": the file cannot be read (ENOENT)\n`,
      );
      expect(r.code).toBe(1);
    }
    const file = join(dir, 'kubeconfig');
    writeFileSync(file, 'token-7f3c9e-secret');
    const r = await kiln(['deploy', ...fleet, '--kubeconfig', file]);
    expect(r.stderr).toBe(
      'kiln: Input "kubeconfig" is only used with provider kubernetes (this environment runs on swarm)\n',
    );
    expect(r.stdout + r.stderr).not.toContain('token-7f3c9e-secret');
    expect(r.code).toBe(1);
  }, 60_000);
});
