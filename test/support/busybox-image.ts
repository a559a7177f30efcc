import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (cmd: string, args: string[]): string =>
  execFileSync(cmd, args, { encoding: 'utf8' }).trim();

/**
 * Builds, with umoci, a scratch image holding only the static busybox binary and a page for
 * httpd, into an OCI layout. Independent of Kiln's own baker, so it can check it.
 */
export function buildBusyboxLayout(opts: { tag?: string; page?: string; dir?: string } = {}): {
  layout: string;
  tag: string;
} {
  const tag = opts.tag ?? 'latest';
  const work = mkdtempSync(join(tmpdir(), 'kiln-umoci-'));
  const layout = opts.dir ?? join(work, 'layout');
  const bundle = join(work, 'bundle');
  try {
    if (!existsSync(join(layout, 'oci-layout'))) run('umoci', ['init', '--layout', layout]);
    run('umoci', ['new', '--image', `${layout}:${tag}`]);
    run('umoci', ['unpack', '--image', `${layout}:${tag}`, bundle]);
    const rootfs = join(bundle, 'rootfs');
    mkdirSync(join(rootfs, 'bin'), { recursive: true });
    mkdirSync(join(rootfs, 'www'), { recursive: true });
    copyFileSync('/bin/busybox', join(rootfs, 'bin', 'busybox'));
    for (const applet of ['sh', 'httpd', 'wget', 'cat', 'ls', 'sleep']) {
      symlinkSync('busybox', join(rootfs, 'bin', applet));
    }
    writeFileSync(join(rootfs, 'www', 'index.html'), opts.page ?? 'kiln test page\n');
    run('umoci', ['repack', '--image', `${layout}:${tag}`, bundle]);
    run('umoci', [
      'config',
      '--image',
      `${layout}:${tag}`,
      '--config.entrypoint',
      '/bin/busybox',
      '--config.cmd',
      'httpd',
      '--config.cmd',
      '-f',
      '--config.cmd',
      '-p',
      '--config.cmd',
      '8080',
      '--config.cmd',
      '-h',
      '--config.cmd',
      '/www',
      '--config.exposedports',
      '8080/tcp',
      '--config.env',
      'PATH=/bin',
    ]);
    run('umoci', ['gc', '--layout', layout]);
    return { layout, tag };
  } finally {
    rmSync(bundle, { recursive: true, force: true });
  }
}

/** skopeo copy from an OCI layout into a plain-HTTP loopback registry. Returns the pushed digest. */
export function pushLayout(layout: string, tag: string, target: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-skopeo-'));
  const digestFile = join(dir, 'digest');
  try {
    run('skopeo', [
      'copy',
      '--quiet',
      '--dest-tls-verify=false',
      '--digestfile',
      digestFile,
      `oci:${layout}:${tag}`,
      `docker://${target}`,
    ]);
    return run('cat', [digestFile]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function skopeoInspectRaw(ref: string, extra: string[] = []): string {
  return execFileSync(
    'skopeo',
    ['inspect', '--raw', '--tls-verify=false', ...extra, `docker://${ref}`],
    {
      encoding: 'utf8',
    },
  );
}
