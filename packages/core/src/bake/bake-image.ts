import { ConfigurationError } from '../errors.js';
import { info } from '../log.js';
import { inspectImage } from '../oci/inspect.js';
import type { Registries } from '../oci/registries.js';
import type { BakeRequest } from './bake-request.js';
import { bake, type BakeResult } from './bake.js';
import { bakeWithDockerfile } from './dockerfile-baker.js';
import { provenanceLabels } from './image-config-builder.js';
import { headRevision, sourceDateEpoch } from './source-date.js';
import { readRunContext } from '../github/context.js';

/** The native baker, or the local engine when a Dockerfile is given; same result either way. */
export async function bakeImage(
  req: BakeRequest,
  registries: Registries,
  log: (l: string) => void = info,
): Promise<BakeResult> {
  if (!req.dockerfile) return bake(req, registries, log);
  if (!req.repository || !req.push) {
    throw new ConfigurationError(
      'Input "dockerfile" needs "image" and push: true: the Dockerfile baker reports the digest the registry holds (for runs without a registry use the native baker with output: oci-layout:DIR)',
    );
  }
  if (req.verifyReproducible) {
    throw new ConfigurationError(
      'Input "verify-reproducible" is supported by the native baker only (leave "dockerfile" empty)',
    );
  }
  if (req.platforms.length > 1) {
    throw new ConfigurationError(
      'Input "platform" may name one platform with "dockerfile"; the native baker builds several',
    );
  }
  const epoch = req.sourceDateEpoch ?? (await sourceDateEpoch('', req.context));
  const revision = readRunContext().commit ?? (await headRevision(req.context));
  const labels = {
    ...provenanceLabels({ sourceDateEpoch: epoch, ...(revision ? { revision } : {}) }),
    ...req.labels,
  };
  const built = await bakeWithDockerfile({
    context: req.context,
    dockerfile: req.dockerfile,
    repository: req.repository,
    tags: req.tags,
    ...(req.platforms[0] ? { platform: req.platforms[0] } : {}),
    sourceDateEpoch: epoch,
    labels,
    push: true,
    registries,
    log,
  });
  const store = registries.repository(req.repository.registry, req.repository.repository);
  const inspected = await inspectImage(store, built.digest);
  const layers = inspected.images[0]?.layers ?? [];
  // The Dockerfile's last layer is the app's; a Dockerfile with no layer of its own has none.
  const last = layers[layers.length - 1];
  if (!last) throw new Error(`${built.image} has no layers`);
  const result: BakeResult = {
    digest: built.digest,
    image: built.image,
    tags: req.tags,
    mediaType: inspected.mediaType,
    size: inspected.size,
    platforms: req.platforms,
    appLayer: last,
    appLayers: [{ ...last, lines: [], cached: false }],
    layers: layers.map((l) => ({ ...l, from: 'app' as const })),
    reproducible: 'unchecked',
    sourceDateEpoch: epoch,
    copiedBytes: 0,
  };
  if (revision) result.revision = revision;
  return result;
}
