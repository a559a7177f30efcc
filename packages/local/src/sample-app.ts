import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import { BASE_TAG, busyboxBaseInputs, withBusyboxBaseContext } from './busybox-base.js';
import { ROOT } from './services.js';

/** examples/shop, the sample app: busybox httpd serving a page that prints APP_REVISION. */
export const SHOP_CONTEXT = join(ROOT, 'examples', 'shop');
export const SHOP_CMD = ['/bin/busybox', 'httpd', '-f', '-p', '8080', '-h', '/www'];

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
  const tag = opts.tag ?? BASE_TAG;
  return withBusyboxBaseContext(async (ctx) => {
    const req = parseBakeRequest(fromRecord(busyboxBaseInputs(repository, ctx, tag)));
    const result = await bake(req, opts.registries ?? new Registries(), () => {});
    return { image: result.image, repository, tag };
  });
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
