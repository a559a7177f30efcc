import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { buildBusyboxLayout } from '../support/busybox-image.js';
import { startTokenRegistry, type TokenRegistry } from '../support/token-server.js';
import { testEnvironment, startFaultProxy, type FaultProxy } from '@kiln/local';

// The proxy and the token server run in this process: a synchronous child (execFileSync,
// pushLayout) would block the event loop they answer on and hang. Run skopeo asynchronously.
const skopeoCopy = async (args: string[]): Promise<void> => {
  await promisify(execFile)('skopeo', ['copy', '--quiet', ...args]);
};

const sha256 = (b: Uint8Array): string => 'sha256:' + createHash('sha256').update(b).digest('hex');

/** Reads a body to its end or its first error: how many bytes arrived, and whether it failed. */
async function drain(res: Response): Promise<{ bytes: number; error?: unknown }> {
  let bytes = 0;
  if (!res.body) return { bytes };
  const reader = res.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes };
      bytes += value.length;
    }
  } catch (error) {
    return { bytes, error };
  }
}

let layoutDir = '';
beforeAll(() => {
  layoutDir = buildBusyboxLayout({ page: 'test-support\n' }).layout;
});
afterAll(() => {
  if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
});

describe('fault proxy in front of the real registry', () => {
  const env = testEnvironment();
  let proxy: FaultProxy;
  const repo = `faults/busybox-${process.pid}`;
  let layer = { digest: '', size: 0 };

  beforeAll(async () => {
    proxy = await startFaultProxy(env.registry.host);
  });
  afterAll(async () => {
    await proxy.stop();
  });

  it('passes requests through and injects status faults in order', async () => {
    expect((await fetch(`http://${proxy.host}/v2/`)).status).toBe(200);

    proxy.addFault({ kind: 'status', status: 503, times: 2, match: /^\/v2\/$/ });
    proxy.addFault({ kind: 'status', status: 429, times: 1, retryAfter: '3', match: /^\/v2\/$/ });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`http://${proxy.host}/v2/`)).status);
    expect(statuses).toEqual([503, 503, 429]);
    const res = await fetch(`http://${proxy.host}/v2/`, { method: 'HEAD' });
    expect(res.status).toBe(200); // every fault is used up
    proxy.addFault({ kind: 'status', status: 429, times: 1, retryAfter: '3' });
    const limited = await fetch(`http://${proxy.host}/v2/`);
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('3');
    expect(proxy.stats().requests.map((r) => r.status)).toEqual([200, 503, 503, 429, 200, 429]);
  });

  it('carries a skopeo push through, rewriting upload Locations, and counts bytes up', async () => {
    proxy.resetStats();
    await skopeoCopy([
      '--dest-tls-verify=false',
      `oci:${layoutDir}:latest`,
      `docker://${proxy.host}/${repo}:1`,
    ]);
    const stats = proxy.stats();
    // Every upload PATCH/PUT came back to the proxy: the Location rewrite worked.
    expect(
      stats.requests.some((r) => r.method === 'PUT' && r.path.includes('/blobs/uploads/')),
    ).toBe(true);
    expect(stats.blobBytesUp).toBeGreaterThan(100_000);
  });

  it('serves a blob intact, then flipped, truncated and reset', async () => {
    const manifestRes = await fetch(`http://${proxy.host}/v2/${repo}/manifests/1`, {
      headers: { accept: 'application/vnd.oci.image.manifest.v1+json' },
    });
    expect(manifestRes.status).toBe(200);
    const manifest = (await manifestRes.json()) as {
      layers: Array<{ digest: string; size: number }>;
    };
    layer = manifest.layers.reduce((a, b) => (b.size > a.size ? b : a));
    const blobUrl = `http://${proxy.host}/v2/${repo}/blobs/${layer.digest}`;
    const blobPath = new RegExp(`/blobs/${layer.digest}$`);

    proxy.resetStats();
    const intact = new Uint8Array(await (await fetch(blobUrl)).arrayBuffer());
    expect(sha256(intact)).toBe(layer.digest);
    expect(proxy.stats().blobBytesDown).toBe(layer.size);

    proxy.addFault({ kind: 'flip', times: 1, match: blobPath });
    // A HEAD does not use up a body fault given no method.
    expect((await fetch(blobUrl, { method: 'HEAD' })).status).toBe(200);
    const flipped = new Uint8Array(await (await fetch(blobUrl)).arrayBuffer());
    expect(flipped.length).toBe(layer.size);
    expect(sha256(flipped)).not.toBe(layer.digest);

    proxy.addFault({ kind: 'truncate', times: 1, match: blobPath, bytes: 1000 });
    const truncatedRes = await fetch(blobUrl);
    expect(truncatedRes.status).toBe(200);
    expect(truncatedRes.headers.get('content-length')).toBe(String(layer.size));
    const truncated = await drain(truncatedRes);
    expect(truncated.error).toBeDefined();
    expect(truncated.bytes).toBeLessThanOrEqual(1000);

    proxy.addFault({ kind: 'reset', times: 1, match: blobPath, method: 'GET', afterBytes: 5000 });
    const reset = await fetch(blobUrl).then(drain, (error: unknown) => ({ bytes: 0, error }));
    expect(reset.error).toBeDefined();
    expect(reset.bytes).toBeLessThan(layer.size);

    // Faults used up: the blob is whole again.
    const again = new Uint8Array(await (await fetch(blobUrl)).arrayBuffer());
    expect(sha256(again)).toBe(layer.digest);
    expect(proxy.stats().blobBytesDown).toBeGreaterThanOrEqual(3 * layer.size);
  });
});

describe('token registry (distribution 2.8 with auth: token)', () => {
  let reg: TokenRegistry;

  beforeAll(async () => {
    reg = await startTokenRegistry();
  }, 30_000);
  afterAll(async () => {
    await reg?.stop();
  });

  const basic = (user: string, pass: string): string =>
    'Basic ' + Buffer.from(`${user}:${pass}`).toString('base64');

  it('challenges with Bearer and accepts the tokens it signs', async () => {
    const ping = await fetch(`http://${reg.host}/v2/`);
    expect(ping.status).toBe(401);
    expect(ping.headers.get('www-authenticate')).toBe(
      `Bearer realm="${reg.realm}",service="kiln-test-registry"`,
    );

    const scope = 'repository:t/a:pull,push';
    const tokenRes = await fetch(
      `${reg.realm}?service=kiln-test-registry&scope=${encodeURIComponent(scope)}`,
      { headers: { authorization: basic(reg.username, reg.password) } },
    );
    expect(tokenRes.status).toBe(200);
    const body = (await tokenRes.json()) as { token: string; access_token: string };
    expect(body.access_token).toBe(body.token);
    const authed = await fetch(`http://${reg.host}/v2/`, {
      headers: { authorization: `Bearer ${body.token}` },
    });
    expect(authed.status).toBe(200);
    expect(reg.tokenRequests().at(-1)).toEqual({
      scope: [scope],
      service: 'kiln-test-registry',
      account: 'kiln',
    });

    const wrong = await fetch(`${reg.realm}?service=kiln-test-registry`, {
      headers: { authorization: basic(reg.username, 'wrong') },
    });
    expect(wrong.status).toBe(401);
  });

  it('lets skopeo push with the token flow, and pulls with a password or refresh token', async () => {
    await skopeoCopy([
      '--dest-creds',
      `${reg.username}:${reg.password}`,
      '--dest-tls-verify=false',
      `oci:${layoutDir}:latest`,
      `docker://${reg.host}/t/a:1`,
    ]);
    expect(
      reg.tokenRequests().some((r) => r.scope.some((s) => /^repository:t\/a:.*push/.test(s))),
    ).toBe(true);

    // OAuth2 form: a password grant asking for a refresh token, then the refresh grant.
    const form = (fields: Record<string, string>): Promise<Response> =>
      fetch(reg.realm, { method: 'POST', body: new URLSearchParams(fields) });
    const first = (await (
      await form({
        grant_type: 'password',
        username: reg.username,
        password: reg.password,
        service: 'kiln-test-registry',
        client_id: 'kiln-test',
        access_type: 'offline',
        scope: 'repository:t/a:pull',
      })
    ).json()) as { refresh_token: string };
    const refreshed = await form({
      grant_type: 'refresh_token',
      refresh_token: first.refresh_token,
      service: 'kiln-test-registry',
      client_id: 'kiln-test',
      scope: 'repository:t/a:pull',
    });
    expect(refreshed.status).toBe(200);
    const { access_token } = (await refreshed.json()) as { access_token: string };
    const tags = await fetch(`http://${reg.host}/v2/t/a/tags/list`, {
      headers: { authorization: `Bearer ${access_token}` },
    });
    expect(tags.status).toBe(200);
    expect(await tags.json()).toEqual({ name: 't/a', tags: ['1'] });

    // An anonymous token opens /v2/ but grants no repository.
    const anon = (await (await fetch(`${reg.realm}?service=kiln-test-registry`)).json()) as {
      token: string;
    };
    const denied = await fetch(`http://${reg.host}/v2/t/a/tags/list`, {
      headers: { authorization: `Bearer ${anon.token}` },
    });
    expect(denied.status).toBe(401);
    expect(
      (await form({ grant_type: 'password', username: 'kiln', password: 'x', client_id: 'k' }))
        .status,
    ).toBe(400);
  }, 60_000);
});
