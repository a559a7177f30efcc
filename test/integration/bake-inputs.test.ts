import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { cp, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bake, parseBakeRequest } from '@kiln/core/bake';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { Registries } from '@kiln/core/oci';
import {
  testEnvironment,
  startFaultProxy,
  type FaultProxy,
  bakeBusyboxBase,
  sampleAppInputs,
  SHOP_CONTEXT,
} from '@kiln/local';

// Bad inputs must fail before any push. The base is read through one counting proxy and the
// image pushed through another, so "no request reached the target" is measured, not assumed.
// The proxies answer on this process's event loop: nothing here may run a child synchronously.
const env = testEnvironment();
const id = `${process.pid}-${Date.now()}`;

describe('bake-image inputs are checked before any push', () => {
  let work = '';
  let context = '';
  let savedCacheDir: string | undefined;
  let baseProxy: FaultProxy;
  let targetProxy: FaultProxy;
  let baseRef = '';

  /** The shop's inputs through the proxies, with one value made bad by `overrides`. */
  const inputs = (overrides: Record<string, string> = {}): Record<string, string> =>
    sampleAppInputs(targetProxy.host, baseRef, {
      image: `${targetProxy.host}/bake-inputs/shop-${id}`,
      context,
      'source-date-epoch': '1700000000', // the context is a temp folder, outside git
      ...overrides,
    });
  // parse and bake as the action does; a fresh Registries so no connection is shared.
  const bakeWith = async (values: Record<string, string>): Promise<unknown> =>
    bake(parseBakeRequest(fromRecord(values)), new Registries(), () => {});
  const failure = (values: Record<string, string>): Promise<unknown> =>
    bakeWith(values).then(
      () => new Error('the bake succeeded'),
      (e: unknown) => e,
    );

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'kiln-bake-inputs-'));
    savedCacheDir = process.env.KILN_CACHE_DIR;
    process.env.KILN_CACHE_DIR = join(work, 'cache');
    // The context: the shop, plus symlinks that leave it in each way a link can.
    context = join(work, 'ctx');
    await cp(SHOP_CONTEXT, context, { recursive: true });
    await writeFile(join(work, 'secret'), 'outside the context\n');
    await mkdir(join(context, 'linked'));
    await symlink('../../secret', join(context, 'linked', 'escape'));
    await symlink('/etc/passwd', join(context, 'abs-link'));
    await symlink('..', join(context, 'up'));

    const base = await bakeBusyboxBase(env.registry2.host, {
      repository: `bake-inputs/base-${id}`,
    });
    baseProxy = await startFaultProxy(env.registry2.host);
    targetProxy = await startFaultProxy(env.registry.host);
    baseRef = `${baseProxy.host}/bake-inputs/base-${id}:${base.tag}`;
  }, 60_000);

  afterAll(async () => {
    await baseProxy?.stop();
    await targetProxy?.stop();
    if (savedCacheDir === undefined) delete process.env.KILN_CACHE_DIR;
    else process.env.KILN_CACHE_DIR = savedCacheDir;
    if (work) await rm(work, { recursive: true, force: true });
  });

  beforeEach(() => {
    baseProxy.resetStats();
    targetProxy.resetStats();
  });

  it('the good inputs do go through both proxies (so a zero count means something)', async () => {
    await bakeWith(inputs());
    expect(baseProxy.stats().requests.length).toBeGreaterThan(0);
    expect(targetProxy.stats().requests.some((r) => r.method === 'PUT')).toBe(true);
  }, 60_000);

  // [what, bad inputs, input named, value named, more the message must say or '']
  // Every row has all five: jest passes a `done` callback for a missing trailing argument.
  it.each<[string, Record<string, string>, string, string, string]>([
    [
      'a missing copy source',
      { copy: 'www:/www/\nmissing/app.js:/app/' },
      'copy',
      'missing/app.js:/app/',
      'does not exist',
    ],
    ['a copy source escaping through ..', { copy: '../secret:/secret' }, 'copy', '../secret', ''],
    [
      'a copy source escaping through a/../..',
      { copy: 'www/../../x:/x' },
      'copy',
      'www/../../x',
      '',
    ],
    [
      'a folder holding a symlink out of the context',
      { copy: 'linked:/linked/' },
      'copy',
      'linked:/linked/',
      'symlink "linked/escape" -> "../../secret" points outside the context',
    ],
    ['an absolute symlink as the source', { copy: 'abs-link:/etc/x' }, 'copy', 'abs-link', ''],
    [
      'a source below a symlinked parent',
      { copy: 'up/secret:/secret' },
      'copy',
      'up/secret',
      'through a symlink',
    ],
    ['a malformed label key', { labels: 'org..example=1' }, 'labels', 'org..example', ''],
    ['a label line without key=value', { labels: 'bad key=1' }, 'labels', 'bad key=1', ''],
    ['push without an image', { image: '', push: 'true' }, 'image', 'push', ''],
    ['an output that is not oci-layout:', { output: 'foo' }, 'output', '"foo"', ''],
    ['a malformed platform', { platform: 'linux' }, 'platform', '"linux"', ''],
    ['a platform list with a bad entry', { platform: 'linux/amd64, win' }, 'platform', '"win"', ''],
    [
      'a word as source-date-epoch',
      { 'source-date-epoch': 'later' },
      'source-date-epoch',
      'later',
      '',
    ],
    [
      'a negative source-date-epoch',
      { 'source-date-epoch': '-1' },
      'source-date-epoch',
      '"-1"',
      '',
    ],
  ])('%s fails naming the value, with no request sent', async (_what, bad, input, value, more) => {
    const err = await failure(inputs(bad));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`Input "${input}"`);
    expect((err as Error).message).toContain(value);
    if (more !== '') expect((err as Error).message).toContain(more);
    expect(baseProxy.stats().requests).toEqual([]);
    expect(targetProxy.stats().requests).toEqual([]);
  });

  it('an image with a tag fails naming it, with no request sent', async () => {
    const image = `${targetProxy.host}/bake-inputs/shop-${id}:v1`;
    const err = await failure(inputs({ image }));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`Input "image" has value ${JSON.stringify(image)}`);
    expect(baseProxy.stats().requests).toEqual([]);
    expect(targetProxy.stats().requests).toEqual([]);
  });

  it('a base tag that cannot be resolved fails naming it; only the base registry is asked', async () => {
    const base = `${baseProxy.host}/bake-inputs/base-${id}:no-such-tag`;
    const err = await failure(inputs({ base }));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`Input "base" has value ${JSON.stringify(base)}`);
    expect(baseProxy.stats().requests.length).toBeGreaterThan(0);
    expect(targetProxy.stats().requests).toEqual([]);
  });

  it('a base repository that does not exist fails the same way', async () => {
    const base = `${baseProxy.host}/bake-inputs/nothing-${id}:1.0`;
    const err = await failure(inputs({ base }));
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toContain(`Input "base" has value ${JSON.stringify(base)}`);
    expect(targetProxy.stats().requests).toEqual([]);
  });
});
