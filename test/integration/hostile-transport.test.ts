import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { Readable } from 'node:stream';
import { redact } from '@kiln/core/log';
import { type Descriptor, type Digest, Registries, type RegistryOptions } from '@kiln/core/oci';
import { activity } from '@kiln/core/util';
import {
  digestOf,
  type HostileRegistry,
  respond,
  startHostileRegistry,
} from '../support/hostile-registry.js';
import { runKiln } from '../support/run-cli.js';

// A registry built to misbehave: redirects, foreign upload hosts, hangs, trickles, steady 503s.
// Each case asserts the exact error, and what each fake saw: which Authorization reached
// which host, and how many attempts were made.
const USER = 'hostile-user';
const PASSWORD = 'hostile-password-9c1f';
const BASIC = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;
const INDEX = 'application/vnd.oci.image.index.v1+json';
const MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const instant = async (): Promise<void> => {};

const blobBytes = Buffer.from('a layer that lives on the storage host\n');
const blob: Descriptor = {
  mediaType: 'application/vnd.oci.image.layer.v1.tar',
  digest: digestOf(blobBytes) as Digest,
  size: blobBytes.length,
};
const manifestBytes = Buffer.from(
  JSON.stringify({
    schemaVersion: 2,
    mediaType: MANIFEST,
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: blob.digest, size: 1 },
    layers: [blob],
  }),
);

const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** The whole message: `head (while doing; N attempts in T s)`; only the time T varies. */
const exactly = (head: string, attempts: number, doing?: string): RegExp =>
  new RegExp(
    `^${escape(head)} \\(${doing ? `while ${escape(doing)}; ` : ''}${attempts} attempts? in [\\d.]+ s\\)$`,
  );

describe('hostile registry: redirects and credentials', () => {
  let reg: HostileRegistry;
  let storage: HostileRegistry;
  const registries = (o: RegistryOptions = {}): Registries =>
    new Registries({ username: USER, password: PASSWORD, sleep: instant, attempts: 3, ...o });

  beforeAll(async () => {
    reg = await startHostileRegistry({ auth: { basic: { username: USER, password: PASSWORD } } });
    storage = await startHostileRegistry();
    storage.serveFile(`/store/${blob.digest}`, blobBytes);
    storage.serveFile('/store/manifest', manifestBytes, MANIFEST);
  });
  afterEach(() => {
    reg.clearRules();
    reg.clearRequests();
    storage.clearRequests();
    reg.uploadOrigin = reg.origin;
  });
  afterAll(async () => {
    await reg?.stop();
    await storage?.stop();
  });

  const authOn = (r: HostileRegistry): Array<[string, string, string | undefined]> =>
    r.requests.map((q) => [q.method, q.pathname, q.authorization]);

  it('follows a blob GET redirect to the storage host without sending it credentials', async () => {
    reg.on({
      method: 'GET',
      path: /\/blobs\/sha256:/,
      authenticated: true,
      respond: respond.redirect(`${storage.origin}/store/${blob.digest}?X-Amz-Signature=secret`),
    });
    const bytes = await registries().repository(reg.host, 'app').readBlob(blob);
    expect(bytes.equals(blobBytes)).toBe(true);
    expect(authOn(reg)).toEqual([
      ['GET', `/v2/app/blobs/${blob.digest}`, undefined],
      ['GET', `/v2/app/blobs/${blob.digest}`, BASIC],
    ]);
    expect(authOn(storage)).toEqual([['GET', `/store/${blob.digest}`, undefined]]);
    expect(storage.requests[0]?.path).toBe(`/store/${blob.digest}?X-Amz-Signature=secret`);
  });

  it('follows a manifest GET redirect (302) and keeps the Content-Type of the target', async () => {
    reg.on({
      method: 'GET',
      path: /\/manifests\/v1$/,
      authenticated: true,
      respond: respond.redirect(`${storage.origin}/store/manifest`, 302),
    });
    const m = await registries().repository(reg.host, 'app').getManifest('v1');
    expect(m.digest).toBe(digestOf(manifestBytes));
    expect(m.kind).toBe('image');
    expect(authOn(storage)).toEqual([['GET', '/store/manifest', undefined]]);
  });

  it('keeps credentials on a redirect back to the registry itself', async () => {
    reg.serveBlob(blobBytes);
    reg.on({
      method: 'GET',
      path: /\/v2\/app\/blobs\//,
      times: 1,
      authenticated: true,
      respond: respond.redirect(`/v2/elsewhere/blobs/${blob.digest}`, 301),
    });
    await registries().repository(reg.host, 'app').readBlob(blob);
    expect(authOn(reg)).toEqual([
      ['GET', `/v2/app/blobs/${blob.digest}`, undefined],
      ['GET', `/v2/app/blobs/${blob.digest}`, BASIC],
      ['GET', `/v2/elsewhere/blobs/${blob.digest}`, BASIC],
    ]);
  });

  it('gives up after 5 redirects, naming the request', async () => {
    reg.on({ method: 'GET', path: /\/blobs\//, respond: respond.redirect((q) => `${q.path}x`) });
    const err = await registries({ attempts: 1 })
      .repository(reg.host, 'app')
      .readBlob(blob)
      .catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      exactly(
        `GET ${reg.origin}/v2/app/blobs/${blob.digest}xxxxx failed: 307: more than 5 redirects`,
        1,
      ),
    );
  });

  it('never follows a redirect on a PUT', async () => {
    reg.on({ method: 'PUT', path: /\/manifests\//, respond: respond.redirect(storage.origin) });
    const raw = {
      bytes: manifestBytes,
      digest: digestOf(manifestBytes) as Digest,
      mediaType: MANIFEST,
    };
    await expect(
      registries({ attempts: 1 }).repository(reg.host, 'app').putManifest(raw),
    ).rejects.toThrow(exactly(`PUT ${reg.origin}/v2/app/manifests/${raw.digest} failed: 307`, 1));
    expect(storage.requests).toEqual([]);
  });

  it('sends no Basic credentials to an upload Location on another host', async () => {
    reg.uploadOrigin = storage.origin;
    const repo = registries().repository(reg.host, 'app');
    const sent = await repo.putBlob(blob, async () => Readable.from([blobBytes]));
    expect(sent).toBe(blob.size);
    expect(storage.blob(blob.digest)?.equals(blobBytes)).toBe(true);
    expect(authOn(reg)).toEqual([
      ['POST', '/v2/app/blobs/uploads/', undefined],
      ['POST', '/v2/app/blobs/uploads/', BASIC],
    ]);
    expect(storage.requests.map((q) => [q.method, q.host, q.authorization])).toEqual([
      ['PUT', storage.host, undefined],
    ]);
  });

  it('masks the base64 user:password like the password', async () => {
    reg.serveBlob(blobBytes);
    await registries().repository(reg.host, 'app').readBlob(blob);
    const encoded = BASIC.slice('Basic '.length);
    expect(redact(`header ${encoded} and ${PASSWORD}`)).toBe('header *** and ***');
  });
});

describe('hostile registry: deadlines and retries', () => {
  let reg: HostileRegistry;
  const tight: RegistryOptions['transfer'] = { stallWindowMs: 300 };

  beforeAll(async () => {
    reg = await startHostileRegistry();
    reg.serveManifest('app', manifestBytes, MANIFEST, ['v1']);
  });
  afterEach(() => {
    reg.clearRules();
    reg.clearRequests();
  });
  afterAll(async () => reg?.stop());

  it('fails a hung registry after the stall window, on every attempt', async () => {
    reg.on({ path: /\/manifests\//, respond: respond.hang() });
    const repo = new Registries({ transfer: tight, attempts: 2, sleep: instant }).repository(
      reg.host,
      'app',
    );
    const err = await activity('reading base image app:v1', () => repo.getManifest('v1')).catch(
      (e: unknown) => e as Error,
    );
    expect((err as Error).message).toMatch(
      exactly(
        `GET ${reg.origin}/v2/app/manifests/v1 failed: no response for 0.3 s`,
        2,
        'reading base image app:v1',
      ),
    );
    expect((err as Error).name).toBe('TransferError');
    expect(reg.requestsTo('/v2/app/manifests/v1')).toHaveLength(2);
  });

  it('fails a registry that trickles a blob at 1 byte per tick below the floor', async () => {
    reg.on({
      path: /\/blobs\//,
      respond: respond.trickle(blobBytes, { intervalMs: 20 }),
    });
    const repo = new Registries({ transfer: tight, attempts: 2, sleep: instant }).repository(
      reg.host,
      'app',
    );
    const doing = `reading layer ${blob.digest} of base app:v1`;
    const err = await activity(doing, () => repo.readBlob(blob)).catch((e: unknown) => e as Error);
    expect((err as Error).message).toMatch(
      exactly(
        `GET ${reg.origin}/v2/app/blobs/${blob.digest} failed: stalled: less than 1024 bytes/s for 0.3 s`,
        2,
        doing,
      ),
    );
    expect(reg.requestsTo(`/v2/app/blobs/${blob.digest}`)).toHaveLength(2);
  });

  it('fails an upload the registry stops reading after the stall window', async () => {
    reg.on({ method: 'PUT', path: /\/uploads\//, raw: true, respond: respond.hang() });
    const big = Buffer.alloc(32 * 1024 * 1024, 7);
    const desc: Descriptor = {
      mediaType: blob.mediaType,
      digest: digestOf(big) as Digest,
      size: big.length,
    };
    const repo = new Registries({ transfer: tight, attempts: 2, sleep: instant }).repository(
      reg.host,
      'app',
    );
    const err = await repo.putBlob(desc, async () => Readable.from([big])).catch((e: unknown) => e);
    expect((err as Error).message).toMatch(
      new RegExp(
        `^PUT ${escape(reg.origin)}/uploads/[\\w-]+ failed: stalled: less than 1024 bytes/s for 0\\.3 s \\(while uploading blob ${desc.digest} to ${escape(reg.host)}/app; 2 attempts in [\\d.]+ s\\)$`,
      ),
    );
    expect(reg.requestsTo(/\/uploads\/[\w-]+\?/, 'PUT')).toHaveLength(2);
  });

  it('stops everything at the deadline, even inside a generous stall window', async () => {
    reg.on({ path: /\/blobs\//, respond: respond.trickle(blobBytes, { intervalMs: 20 }) });
    const repo = new Registries({ timeoutMs: 400, attempts: 5, sleep: instant }).repository(
      reg.host,
      'app',
    );
    await expect(repo.readBlob(blob)).rejects.toThrow(
      exactly(`GET ${reg.origin}/v2/app/blobs/${blob.digest} failed: the 0.4 s timeout ran out`, 1),
    );
    expect(reg.requestsTo(`/v2/app/blobs/${blob.digest}`)).toHaveLength(1);
  });

  it.each([
    [
      'a manifest GET',
      'GET',
      /\/manifests\//,
      (r: Registries) => r.repository(reg.host, 'app').getManifest('v1'),
    ],
    [
      'a blob GET',
      'GET',
      /\/blobs\/sha256/,
      (r: Registries) => r.repository(reg.host, 'app').readBlob(blob),
    ],
    [
      'a streamed upload',
      'POST',
      /\/blobs\/uploads\//,
      (r: Registries) =>
        r.repository(reg.host, 'app').putBlob(blob, async () => Readable.from([blobBytes])),
    ],
  ])('tries %s on a steady 503 exactly `attempts` times', async (_name, method, path, op) => {
    reg.on({ method, path, respond: respond.status(503) });
    const waits: number[] = [];
    const r = new Registries({ attempts: 4, sleep: async (ms) => void waits.push(ms) });
    await expect(op(r)).rejects.toThrow(
      /failed: 503 UNAVAILABLE: hostile 503 \(.*4 attempts in [\d.]+ s\)$/,
    );
    expect(reg.requests.filter((q) => q.method === method && path.test(q.path))).toHaveLength(4);
    expect(waits).toHaveLength(3);
  });

  it('says what was being read when a manifest passes its size limit', async () => {
    const big = Buffer.alloc(4 * 1024 * 1024 + 1, 0x20);
    reg.on({ path: /\/manifests\/huge$/, respond: respond.bytes(big, INDEX) });
    const repo = new Registries({ attempts: 3, sleep: instant }).repository(reg.host, 'app');
    await expect(
      activity('reading base image app:huge', () => repo.getManifest('huge')),
    ).rejects.toThrow(
      `manifest ${reg.host}/app@huge is larger than the 4194304 byte limit (while reading base image app:huge)`,
    );
    expect(reg.requestsTo('/v2/app/manifests/huge')).toHaveLength(1);
  });

  it('fails the CLI with exit code 2 within --timeout against a hung registry', async () => {
    reg.on({ path: /\/manifests\//, respond: respond.hang() });
    const err = await runKiln(['inspect', `${reg.host}/app:v1`, '--timeout', '1s']);
    expect(err.code).toBe(2);
    expect(err.stderr.trim()).toMatch(
      exactly(`kiln: HEAD ${reg.origin}/v2/app/manifests/v1 failed: the 1 s timeout ran out`, 1),
    );
    expect(reg.requestsTo('/v2/app/manifests/v1', 'HEAD')).toHaveLength(1);
  }, 30_000);
});
