import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ConfigurationError } from '@kiln/core/errors';
import { parseLocation, parseReference, requireDigest } from '@kiln/core/oci';
import { testEnvironment, ROOT, type FaultProxy, startFaultProxy } from '@kiln/local';

// Bad references fail before any request: the proxy in front of the registry sees nothing.
const env = testEnvironment();
const kiln = (args: string[]): { status: number | null; stderr: string } => {
  const r = spawnSync(
    process.execPath,
    [join(ROOT, 'node_modules/tsx/dist/cli.mjs'), join(ROOT, 'packages/cli/src/main.ts'), ...args],
    {
      encoding: 'utf8',
    },
  );
  return { status: r.status, stderr: r.stderr };
};

describe('bad references and inputs', () => {
  let proxy: FaultProxy;
  beforeAll(async () => {
    proxy = await startFaultProxy(env.registry.host);
  });
  afterAll(async () => proxy?.stop());

  it('refuses a tag where a digest is required, naming the value', () => {
    expect(() => requireDigest(parseReference(`${proxy.host}/app:latest`), 'image')).toThrow(
      `Input "image" has value "${proxy.host}/app:latest": it must be pinned by digest`,
    );
  });

  it.each([
    [[`HOST/app@sha256:1234`, `HOST/b`], /sha256:1234.*64 lowercase hex/],
    [[`docker://HOST/app:1`, `HOST/b`], /unknown scheme "docker:\/\/"/],
    [[`s3://bucket/app`, `HOST/b`], /unknown scheme "s3:\/\/"/],
    [[`HOST/App:1`, `HOST/b`], /"127\.0\.0\.1:\d+\/App:1".*lowercase/],
    [[`HOST/app:1`, `HOST/b@sha256:${'a'.repeat(64)}`], /DST .* not a digest/],
    [[`oci-layout:`, `HOST/b`], /oci-layout: needs a folder/],
  ])('kiln copy %j fails with exit 1 before any request', (args, message) => {
    proxy.resetStats();
    const r = kiln(['copy', ...(args as string[]).map((a) => a.replace('HOST', proxy.host))]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(proxy.stats().requests).toHaveLength(0);
  });

  it('parses locations into configuration errors', () => {
    expect(() => parseLocation('oci:./x', 'image')).toThrow(ConfigurationError);
    expect(() => parseLocation(`oci-layout:./x@sha256:zz`, 'image')).toThrow(
      /Input "image" has value "oci-layout:.\/x@sha256:zz"/,
    );
  });
});
