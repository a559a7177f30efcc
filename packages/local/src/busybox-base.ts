// The busybox base of examples/busybox-base, shared by the demo and the tests (test/support/sample-app.ts).
import { copyFile, mkdir, symlink } from 'node:fs/promises';

import { join } from 'node:path';
import { withTempDir } from '@kiln/core/util';

/** The static binary of the Debian package busybox-static (the dynamic one would not run in scratch). */
export const BUSYBOX_BINARY = '/bin/busybox';
/** Applets the sample app and its health check need, as symlinks to /bin/busybox. */
export const BUSYBOX_APPLETS = ['sh', 'httpd', 'wget', 'cat'] as const;
/** A fixed date: the base's context is a temp folder outside git, so there is no commit time. */
export const BASE_EPOCH = 1_700_000_000;
export const BASE_TAG = '1.35';

/**
 * Writes the base's build context (bin/busybox plus applet symlinks) into a fresh temp folder,
 * runs `fn` with it and removes it again.
 */
export async function withBusyboxBaseContext<T>(fn: (context: string) => Promise<T>): Promise<T> {
  return withTempDir('kiln-busybox-base-', async (ctx) => {
    await mkdir(join(ctx, 'bin'));
    await copyFile(BUSYBOX_BINARY, join(ctx, 'bin', 'busybox'));
    for (const applet of BUSYBOX_APPLETS) await symlink('busybox', join(ctx, 'bin', applet));
    return fn(ctx);
  });
}

/** bake-image inputs for the base, as examples/busybox-base/README.md gives them. */
export function busyboxBaseInputs(
  repository: string,
  context: string,
  tag = BASE_TAG,
  overrides: Record<string, string> = {},
): Record<string, string> {
  return {
    image: repository,
    context,
    copy: 'bin:/bin/',
    tags: tag,
    'source-date-epoch': String(BASE_EPOCH),
    ...overrides,
  };
}
