import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages the real parts come from, and a binary that proves each is installed. */
export const DEBIAN_PACKAGES: Record<string, string> = {
  'docker.io': '/usr/sbin/dockerd',
  'docker-registry': '/usr/bin/docker-registry',
  skopeo: '/usr/bin/skopeo',
  umoci: '/usr/bin/umoci',
  'busybox-static': '/bin/busybox',
  runc: '/usr/sbin/runc',
  haproxy: '/usr/sbin/haproxy',
};

/** With KILN_DOCKER_HOST the engine is the machine's own (a CI runner's docker-ce): not ours to install. */
const ENGINE_PACKAGES = ['docker.io', 'runc'];

export function missingPackages(env = process.env): string[] {
  return Object.entries(DEBIAN_PACKAGES)
    .filter(([pkg]) => !(env.KILN_DOCKER_HOST && ENGINE_PACKAGES.includes(pkg)))
    .filter(([, bin]) => !existsSync(bin))
    .map(([pkg]) => pkg);
}

/** busybox-static provides a static binary; the dynamic `busybox` package would not run in scratch. */
function busyboxIsStatic(): boolean {
  try {
    const out = execFileSync('dpkg-query', ['-W', '-f=${Status}', 'busybox-static'], {
      encoding: 'utf8',
    });
    return out.includes('install ok installed');
  } catch {
    return false;
  }
}

/** Installs what is missing when running as root; otherwise says exactly what to run. */
export function ensurePackages(
  log: (line: string) => void = (l) => process.stderr.write(l + '\n'),
): void {
  const missing = missingPackages();
  if (!busyboxIsStatic() && !missing.includes('busybox-static')) missing.push('busybox-static');
  if (missing.length === 0) return;
  const command = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${missing.join(' ')}`;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Kiln's test environment needs Debian packages that are missing: ${missing.join(', ')}.\nInstall them as root:\n  ${command}`,
    );
  }
  log(`installing ${missing.join(' ')} ...`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-q'], { stdio: 'ignore', env });
  execFileSync('apt-get', ['install', '-y', '-q', ...missing], { stdio: 'ignore', env });
  const still = missingPackages();
  if (still.length > 0) throw new Error(`apt-get did not install: ${still.join(', ')}`);
}
