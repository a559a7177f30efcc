import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import {
  digestOf,
  type HostileRegistry,
  respond,
  startHostileRegistry,
} from '../support/hostile-registry.js';

// The fake itself: an honest registry by default, rules take over chosen requests.
describe('hostile fake registry', () => {
  let reg: HostileRegistry;
  let storage: HostileRegistry;

  beforeAll(async () => {
    reg = await startHostileRegistry({ auth: { basic: { username: 'u', password: 'p' } } });
    storage = await startHostileRegistry();
  });
  afterAll(async () => {
    await reg?.stop();
    await storage?.stop();
  });

  const basic = `Basic ${Buffer.from('u:p').toString('base64')}`;

  it('serves manifests with the chosen Content-Type, challenges, and records each request', async () => {
    const body = '{"schemaVersion":2,"layers":[],"manifests":[]}';
    const digest = reg.serveManifest('a/b', body, 'application/vnd.oci.image.index.v1+json', ['t']);
    expect(digest).toBe(digestOf(body));
    const anon = await fetch(`${reg.origin}/v2/a/b/manifests/t`);
    expect(anon.status).toBe(401);
    expect(anon.headers.get('www-authenticate')).toBe('Basic realm="hostile"');
    const res = await fetch(`${reg.origin}/v2/a/b/manifests/${digest}`, {
      headers: { authorization: basic },
    });
    expect(res.headers.get('content-type')).toBe('application/vnd.oci.image.index.v1+json');
    expect(await res.text()).toBe(body);
    expect(reg.requests.map((r) => [r.method, r.pathname, r.host, r.authorization])).toEqual([
      ['GET', '/v2/a/b/manifests/t', reg.host, undefined],
      ['GET', `/v2/a/b/manifests/${digest}`, reg.host, basic],
    ]);
  });

  it('redirects to a storage host when a rule says so, and rules run out', async () => {
    const digest = storage.serveBlob('layer bytes');
    storage.serveFile('/store/x', 'layer bytes');
    reg.on({
      method: 'GET',
      path: /\/blobs\//,
      times: 1,
      respond: respond.redirect(`${storage.origin}/store/x`),
    });
    const res = await fetch(`${reg.origin}/v2/a/b/blobs/${digest}`, {
      headers: { authorization: basic },
    });
    expect(await res.text()).toBe('layer bytes');
    expect(storage.requestsTo('/store/x')).toHaveLength(1);
    const again = await fetch(`${reg.origin}/v2/a/b/blobs/${digest}`, {
      headers: { authorization: basic },
    });
    expect(again.status).toBe(404);
  });

  it('takes uploads, on a storage host too', async () => {
    reg.uploadOrigin = storage.origin;
    const start = await fetch(`${reg.origin}/v2/a/b/blobs/uploads/`, {
      method: 'POST',
      headers: { authorization: basic },
    });
    const location = start.headers.get('location') as string;
    expect(new URL(location).host).toBe(storage.host);
    const put = await fetch(`${location}&digest=${digestOf('up')}`, { method: 'PUT', body: 'up' });
    expect(put.status).toBe(201);
    expect(storage.blob(digestOf('up'))?.toString()).toBe('up');
    reg.uploadOrigin = reg.origin;
  });
});
