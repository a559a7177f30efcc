import { copyFile, mkdir, mkdtemp, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, fromRecord, parseBakeRequest, Registries } from '@kiln/core';
import { ROOT } from '../env/services.js';

/** examples/shop, the sample app: busybox httpd serving a page that prints APP_REVISION. */
export const SHOP_CONTEXT = join(ROOT, 'examples', 'shop');
export const SHOP_CMD = ['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www'];
/** A fixed date: the base's context is a temp folder outside git, so there is no commit time. */
export const BASE_EPOCH = 1_700_000_000;

export interface BakedBase {
  /** `host/repository@sha256:…` */
  image: string;
  /** `host/repository` */
  repository: string;
  tag: string;
}

/**
 * Bakes the busybox base of examples/busybox-base with Kiln itself: /bin/busybox plus the
 * applets the app and its health check need, as symlinks. Returns it by digest.
 */
export async function bakeBusyboxBase(
  registryHost: string,
  opts: { repository?: string; tag?: string; registries?: Registries } = {},
): Promise<BakedBase> {
  const repository = `${registryHost}/${opts.repository ?? 'kiln-test/busybox-base'}`;
  const tag = opts.tag ?? '1.35';
  const ctx = await mkdtemp(join(tmpdir(), 'kiln-busybox-base-'));
  try {
    await mkdir(join(ctx, 'bin'));
    await copyFile('/bin/busybox', join(ctx, 'bin', 'busybox'));
    for (const applet of ['sh', 'httpd', 'wget', 'cat']) {
      await symlink('busybox', join(ctx, 'bin', applet));
    }
    const req = parseBakeRequest(
      fromRecord({
        image: repository,
        context: ctx,
        copy: 'bin:/bin/',
        tags: tag,
        'source-date-epoch': String(BASE_EPOCH),
      }),
    );
    const result = await bake(req, opts.registries ?? new Registries(), () => {});
    return { image: result.image, repository, tag };
  } finally {
    await rm(ctx, { recursive: true, force: true });
  }
}

/** The bake-image inputs of examples/shop, as its README gives them; `overrides` win. */
export function sampleAppInputs(
  registryHost: string,
  baseRef: string,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    image: `${registryHost}/kiln-test/shop`,
    context: SHOP_CONTEXT,
    base: baseRef,
    copy: 'www:/www/',
    cmd: JSON.stringify(SHOP_CMD),
    env: 'APP_REVISION=sample',
    user: '65534',
    expose: '8080',
    healthcheck: 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
    ...overrides,
  };
}
