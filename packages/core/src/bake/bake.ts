import { link } from 'node:fs/promises';
import { join } from 'node:path';
import { readRunContext, type RunContext } from '../github/context.js';
import { info } from '../log.js';
import { copyImage } from '../oci/copy.js';
import type { Digest } from '../oci/digest.js';
import { inspectImage } from '../oci/inspect.js';
import { OciLayout } from '../oci/layout/oci-layout.js';
import { undoLayoutWriteOnFailure } from '../oci/layout/layout-undo.js';
import { checkLayoutOutput, parseLocation } from '../oci/location.js';
import type { Descriptor } from '../oci/manifest.js';
import { repositoryName } from '../oci/reference.js';
import type { Registries } from '../oci/registries.js';
import type { ImageStore } from '../oci/store.js';
import { withBaseCache } from './base-cache.js';
import { type ResolvedBase, resolveBase } from './base-image.js';
import type { BakeRequest } from './bake-request.js';
import { ComposedStore } from './composed-store.js';
import { composeImage, type ComposedImage } from './compose-image.js';
import { resolveCopyLayers } from './copy-spec.js';
import { type LayerCache, withLayerCache } from './layer-cache.js';
import type { BakeProvenance } from './image-config-builder.js';
import type { LayerEntry } from './layer-entry.js';
import { diffLayers } from './layer-diff.js';
import { warmDeflatePool } from './deflate-pool.js';
import { headRevision, sourceDateEpoch } from './source-date.js';
import { withTempDir } from '../util/temp-dir.js';
import { activity } from '../util/activity.js';

export interface BakeResult {
  digest: Digest;
  /** `repo@sha256:…`, or `oci-layout:DIR@sha256:…` */
  image: string;
  tags: string[];
  mediaType: string;
  /** Bytes of every blob and manifest the image needs. */
  size: number;
  platforms: string[];
  /** The top app layer (the last copy group's). */
  appLayer: Descriptor;
  /** Every app layer in order, with its copy lines and whether the layer cache had it. */
  appLayers: Array<Descriptor & { lines: string[]; cached: boolean }>;
  layers: Array<Descriptor & { from: 'base' | 'app' }>;
  base?: { name: string; digest: Digest };
  /** 'true'/'false' when verify-reproducible ran, else 'unchecked'. */
  reproducible: 'true' | 'false' | 'unchecked';
  sourceDateEpoch: number;
  revision?: string;
  copiedBytes: number;
}

export class NotReproducibleError extends Error {
  override readonly name = 'NotReproducibleError';
}

/** Git keeps only the executable bit; so does the layer, or checkouts under other umasks differ. */
export function normaliseModes(entries: LayerEntry[]): LayerEntry[] {
  return entries.map((e) => ({
    ...e,
    mode: e.type === 'dir' ? 0o755 : e.type === 'symlink' ? 0o777 : e.mode & 0o111 ? 0o755 : 0o644,
  }));
}

/** What the commit says (its time, its id): git is asked at most once per fact, in parallel. */
function readCommit(
  req: BakeRequest,
  ctx: RunContext,
  env = process.env,
): Promise<{ sourceDateEpoch: number; revision: string | undefined }> {
  const commit = ctx.commit;
  const date =
    req.sourceDateEpoch !== undefined
      ? Promise.resolve(req.sourceDateEpoch)
      : sourceDateEpoch('', req.context, env);
  const revision = commit !== undefined ? Promise.resolve(commit) : headRevision(req.context, env);
  return Promise.all([date, revision]).then(([sourceDateEpoch, revision]) => ({
    sourceDateEpoch,
    revision,
  }));
}

function provenanceFor(
  commit: { sourceDateEpoch: number; revision: string | undefined },
  base: ResolvedBase | undefined,
  ctx: RunContext,
  env = process.env,
): BakeProvenance {
  const p: BakeProvenance = { sourceDateEpoch: commit.sourceDateEpoch };
  const revision = commit.revision;
  if (revision) p.revision = revision;
  if (ctx.serverUrl && ctx.repo) p.source = `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}`;
  // Only a git tag names a version: tags are aliases and must not change the digest.
  if (env.GITHUB_REF_TYPE === 'tag' && env.GITHUB_REF_NAME) p.version = env.GITHUB_REF_NAME;
  if (base) {
    p.baseName = base.name;
    p.baseDigest = base.digest;
  }
  return p;
}

/** Bakes twice and names the layers (by their copy lines) and files that differ, if any. */
async function checkReproducible(
  first: ComposedImage,
  firstStore: ImageStore,
  again: () => Promise<{ image: ComposedImage; store: ImageStore }>,
): Promise<void> {
  const second = await again();
  if (second.image.root.digest === first.root.digest) return;
  const lines = [
    `two bakes of the same inputs gave ${first.root.digest} and ${second.image.root.digest}`,
  ];
  let differing = 0;
  for (const [i, a] of first.appLayers.entries()) {
    const b = second.image.appLayers[i];
    if (!b || b.digest === a.digest) continue;
    differing++;
    const from = a.cached ? ' (the first from the layer cache)' : '';
    lines.push(
      `app layer ${i + 1} of ${first.appLayers.length} (copy ${a.lines.join(', ')}) differs${from}: ${a.digest} vs ${b.digest}`,
    );
    lines.push(...(await diffLayers(firstStore, a, second.store, b)).slice(0, 50));
  }
  if (differing === 0) {
    lines.push(
      'the app layers are identical; the image config differs (check env, labels and the source date)',
    );
  }
  throw new NotReproducibleError(lines.join('\n  '));
}

/**
 * App layers go into an output layout as hard links where the file system allows: a layer is
 * written once, never copied again (copyImage then finds it present). Anything else is copied.
 */
async function linkAppLayers(
  layers: readonly Descriptor[],
  from: readonly OciLayout[],
  to: OciLayout,
): Promise<void> {
  await to.init();
  for (const layer of layers) {
    if (await to.hasBlob(layer)) continue;
    for (const layout of from) {
      if (!(await layout.hasBlob(layer))) continue;
      const linked = await link(layout.blobPath(layer.digest), to.blobPath(layer.digest)).then(
        () => true,
        () => false, // another file system, or links not allowed: copyImage copies it
      );
      if (linked) break;
    }
  }
}

/**
 * bake-image: resolve the copy lines (all checks, before any request), resolve the base to a
 * digest, compose the image in a work layout, optionally bake again to prove reproducibility,
 * then copy it by digest to the registry or the output layout.
 */
export async function bake(
  req: BakeRequest,
  registries: Registries,
  log: (l: string) => void = info,
): Promise<BakeResult> {
  // git runs while the copy lines are resolved and the base is read; a failure (no commit to
  // date the bake from) is reported after the input checks, as before.
  const ctx = readRunContext();
  const commit = readCommit(req, ctx);
  commit.catch(() => {});
  // A compression worker loads meanwhile too, ready by the first chunk worth sending it.
  warmDeflatePool(req.compressionWorkers);
  // No copy lines (a base and settings only) still give one, empty, app layer.
  const groups = req.layerGroups.length ? req.layerGroups : [[]];
  const layers = (await resolveCopyLayers(groups, req.context)).map((entries, i) => ({
    lines: groups[i] as string[],
    entries: normaliseModes(entries),
  }));
  const output = req.output ? parseLocation(req.output, 'output') : undefined;
  if (output && output.kind !== 'layout')
    throw new Error('unreachable: output is checked to be oci-layout');
  if (output) await checkLayoutOutput(output.dir, req.output as string, 'output');

  const from = req.base;
  const base =
    from === 'scratch'
      ? undefined
      : await activity(`reading base image ${req.baseInput}`, () =>
          resolveBase(req.baseInput, from, registries),
        );
  if (base) log(`base ${base.name}@${base.digest}`);
  const provenance = provenanceFor(await commit, base, ctx);

  const run = async (baseStore?: ImageStore): Promise<BakeResult> =>
    withLayerCache(req.layerCache, (cache) =>
      withTempDir('kiln-bake-', async (dir) => {
        const work = new OciLayout(join(dir, 'first'));
        const composeInto = (layout: OciLayout, layerCache?: LayerCache) =>
          composeImage(
            req,
            layers,
            layout,
            provenance,
            base && baseStore ? { ...base, store: baseStore } : undefined,
            layerCache,
          );
        const image = await composeInto(work, cache);
        for (const [i, l] of image.appLayers.entries()) {
          log(
            `app layer ${i + 1}/${image.appLayers.length} ${l.digest} (${l.size} bytes, ${layers[i]?.entries.length ?? 0} entries${l.cached ? ', from the layer cache' : ''})`,
          );
        }
        const firstStore = new ComposedStore(work, cache?.layout);
        let reproducible: BakeResult['reproducible'] = 'unchecked';
        if (req.verifyReproducible) {
          // The second bake reads no cache: it writes every layer again, so a cached layer is
          // checked against a fresh one too.
          await checkReproducible(image, firstStore, async () => {
            const layout = new OciLayout(join(dir, 'second'));
            return { image: await composeInto(layout), store: layout };
          });
          reproducible = 'true';
          log('reproducible: a second bake gave the same digest');
        }

        const source = new ComposedStore(work, cache?.layout, baseStore);
        const digest = image.root.digest;
        let target: ImageStore | undefined;
        let name = `oci-layout:${work.dir}`;
        if (output) {
          target = new OciLayout(output.dir);
          name = `oci-layout:${output.dir}`;
        } else if (req.push && req.repository) {
          target = registries.repository(req.repository.registry, req.repository.repository);
          name = repositoryName(req.repository);
        }
        const tags = [...req.tags, ...(output?.tag ? [output.tag] : [])];
        // Inspected before the copy: once the copy succeeds, nothing is left that can fail.
        const inspected = await inspectImage(source, digest);
        let copiedBytes = 0;
        if (target) {
          const to = target;
          const copy = (): ReturnType<typeof copyImage> =>
            copyImage(source, to, digest, { tags, log });
          const copied = output
            ? await undoLayoutWriteOnFailure(output.dir, name, async () => {
                await linkAppLayers(
                  image.appLayers,
                  [work, ...(cache ? [cache.layout] : [])],
                  to as OciLayout,
                );
                return copy();
              })
            : await copy();
          copiedBytes = copied.copiedBytes;
        }
        const firstImage = image.images[0] as ComposedImage['images'][number];
        const top = image.appLayers[
          image.appLayers.length - 1
        ] as ComposedImage['appLayers'][number];
        const baseCount = firstImage.layers.length - image.appLayers.length;
        const result: BakeResult = {
          digest,
          image: `${name}@${digest}`,
          tags: target ? tags : [],
          mediaType: image.root.mediaType,
          size: inspected.size,
          platforms: req.platforms,
          appLayer: { mediaType: top.mediaType, digest: top.digest, size: top.size },
          appLayers: image.appLayers.map((l) => ({
            mediaType: l.mediaType,
            digest: l.digest,
            size: l.size,
            lines: l.lines,
            cached: l.cached,
          })),
          layers: firstImage.layers.map((l, i) => ({ ...l, from: i < baseCount ? 'base' : 'app' })),
          reproducible,
          sourceDateEpoch: provenance.sourceDateEpoch,
          copiedBytes,
        };
        if (base) result.base = { name: base.name, digest: base.digest };
        if (provenance.revision) result.revision = provenance.revision;
        return result;
      }),
    );

  return base ? withBaseCache(base.digest, base.store, (cached) => run(cached)) : run();
}
