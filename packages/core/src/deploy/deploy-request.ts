import { dirname, join } from 'node:path';
import type {
  AwsAsgSettings,
  EnvironmentConfig,
  KilnConfig,
  KubernetesSettings,
  ProviderName,
  Strategy,
} from '../config/kiln-config.js';
import { PROVIDERS, STRATEGIES } from '../config/kiln-config.js';
import { environment, environmentRepository } from '../config/queries.js';
import {
  configLedgers,
  type LedgerRef,
  ledgerRepositoryFor,
  requireEnvironmentRepository,
} from '../ledger/ledger-repository.js';
import { ConfigurationError, invalidInput } from '../errors.js';
import { setSecret } from '../log.js';
import { ENV_NAME, ENV_NAME_RULE } from '../ledger/env-name.js';
import type { HealthCheck } from '../fleet/provider.js';
import { parseBoolean, parseChoice, parseDuration, parseInteger } from '../inputs/parse.js';
import { type InputReader, required } from '../inputs/source.js';
import type { Digest } from '../oci/digest.js';
import { digestProblem } from '../oci/digest.js';
import { type ImageReference, parseReference, requireDigest } from '../oci/reference.js';

/** Defaults when neither an input nor the environment's kiln.yml entry says. */
export const DEPLOY_DEFAULTS = {
  strategy: 'rolling' as Strategy,
  batchSize: 1,
  healthTimeoutMs: 5 * 60_000,
  /** Blue-green: the old colour stays up this long after the switch (rollback = one switch). */
  keepWarmMs: 10 * 60_000,
  healthIntervalMs: 5_000,
  /**
   * The least time one run of health-cmd may take: a slow answer from a busy node is not a
   * failed check (a refused connection still fails at once). Docker runs checks one after another.
   */
  healthCheckTimeoutMs: 5_000,
} as const;

/** The haproxy the fleet sits behind (runtime API socket and the route map its frontends read). */
export interface HaproxySettings {
  socket: string;
  mapFile: string;
  /** Where the pool that is not live answers; checked before a blue-green switch. */
  previewUrl?: string;
}

/** One replace-fleet, parsed and checked before any registry or engine call. */
export interface ReplaceFleetRequest {
  /** Pinned (`repo@sha256:…`). */
  image: ImageReference;
  digest: Digest;
  environment: string;
  provider: ProviderName;
  target: string;
  strategy: Strategy;
  batchSize: number;
  healthTimeoutMs: number;
  autoRollback: boolean;
  /** A deploy rolled back (its health failed) quarantines its digest: refused everywhere after. */
  quarantineOnRollback: boolean;
  keepWarmMs: number;
  replicas?: number;
  port?: number;
  network?: string;
  dockerHost?: string;
  /** The environment's URL (GitHub Deployments). */
  url?: string;
  /** From kiln.yml: the environment the digest must have been promoted from. */
  requires?: string;
  /** The repository whose artifacts hold the environment's ledger. */
  ledgerRepository: ImageReference;
  /** Every environment's ledger kiln.yml names: a quarantine in any refuses the digest. */
  quarantineLedgers: LedgerRef[];
  /** Overrides the image's own health check. */
  health?: HealthCheck;
  /** The traffic router in front of the fleet (blue-green on swarm needs one). */
  haproxy?: HaproxySettings;
  /** Kubernetes: the environment's `kubernetes:` block of kiln.yml. */
  kubernetes?: KubernetesSettings;
  /** Kubernetes: the `kubeconfig` input's content (masked when read). */
  kubeconfig?: string;
  /** Auto Scaling: the environment's `aws-asg:` block (no region: AWS_REGION). */
  awsAsg?: AwsAsgSettings;
}

/**
 * `repo@sha256:…`, or a bare `sha256:…` in `repository` (the environment's, from kiln.yml); a
 * tag is refused (tags move; a deploy names exactly one image).
 */
export function parsePinnedImage(
  raw: string,
  repository: ImageReference | undefined,
  input = 'image',
): { image: ImageReference; digest: Digest } {
  const v = raw.trim();
  if (v.startsWith('sha256:')) {
    const problem = digestProblem(v);
    if (problem) throw invalidInput(input, raw, `digest ${problem}`);
    if (!repository)
      throw invalidInput(
        input,
        raw,
        'a bare digest needs the repository from kiln.yml (`image:`); write repository@sha256:…',
      );
    const image = {
      registry: repository.registry,
      repository: repository.repository,
      digest: v as Digest,
    };
    return { image, digest: v as Digest };
  }
  let ref: ImageReference;
  try {
    ref = parseReference(v);
  } catch (err) {
    throw new ConfigurationError(`Input "${input}": ${(err as Error).message}`, { cause: err });
  }
  const pinned = requireDigest(ref, input);
  return { image: pinned, digest: pinned.digest };
}

function optionalInteger(
  read: InputReader,
  name: string,
  fallback: number | undefined,
  max: number,
) {
  const raw = read(name);
  if (raw.trim() === '') return fallback;
  return parseInteger(name, raw, undefined, { min: 1, max });
}

/**
 * Parses replace-fleet's inputs over the environment's kiln.yml entry (inputs win). Nothing
 * here touches the network: a tag, an unknown environment or provider, or a bad value is
 * refused before any registry or engine call.
 */
export function parseReplaceFleetRequest(
  read: InputReader,
  config?: KilnConfig,
): ReplaceFleetRequest {
  const rawImage = required(read, 'image');
  const envName = required(read, 'environment');
  const env: EnvironmentConfig | undefined = config ? environment(config, envName) : undefined;
  // The name makes the ledger's tag kiln-ledger-<environment>.
  if (!ENV_NAME.test(envName)) throw invalidInput('environment', envName, ENV_NAME_RULE);
  const { image, digest } = parsePinnedImage(
    rawImage,
    config && environmentRepository(config, envName),
  );
  requireEnvironmentRepository(config, envName, image, 'image', rawImage);

  const provider = parseChoice('provider', read('provider'), PROVIDERS, env?.provider ?? 'swarm');
  if (env && read('provider').trim() && env.provider !== provider)
    throw invalidInput(
      'provider',
      provider,
      `${config?.source.file} gives environment ${envName} provider ${env.provider}; one environment runs on one provider`,
    );
  const target = read('target').trim() || env?.target;
  if (!target)
    throw new ConfigurationError(
      `Input "target" is required (the swarm service, Kubernetes Deployment or Auto Scaling group), unless kiln.yml names the environment's target`,
    );

  const strategy = parseChoice(
    'strategy',
    read('strategy'),
    STRATEGIES,
    env?.strategy ?? DEPLOY_DEFAULTS.strategy,
  );
  const batchSize = parseInteger(
    'batch-size',
    read('batch-size'),
    env?.batchSize ?? DEPLOY_DEFAULTS.batchSize,
    { min: 1, max: 1000 },
  );
  const healthTimeoutMs = parseDuration(
    'health-timeout',
    read('health-timeout'),
    env?.healthTimeoutMs ?? DEPLOY_DEFAULTS.healthTimeoutMs,
  );
  if (healthTimeoutMs <= 0)
    throw invalidInput('health-timeout', read('health-timeout'), 'must be longer than 0s');
  const keepWarmMs = parseDuration(
    'keep-warm',
    read('keep-warm'),
    env?.keepWarmMs ?? DEPLOY_DEFAULTS.keepWarmMs,
  );

  const swarm = env?.provider === 'swarm' ? env.settings : {};
  const req: ReplaceFleetRequest = {
    image,
    digest,
    environment: envName,
    provider,
    target,
    strategy,
    batchSize,
    healthTimeoutMs,
    autoRollback: parseBoolean('auto-rollback', read('auto-rollback'), true),
    quarantineOnRollback: parseBoolean(
      'quarantine-on-rollback',
      read('quarantine-on-rollback'),
      true,
    ),
    keepWarmMs,
    ledgerRepository: ledgerRepositoryFor(config, envName, image),
    quarantineLedgers: configLedgers(config),
  };
  const replicas = optionalInteger(read, 'replicas', swarm.replicas, 1000);
  if (replicas !== undefined) req.replicas = replicas;
  const port = optionalInteger(read, 'port', swarm.port, 65535);
  if (port !== undefined) req.port = port;
  const network = read('network').trim() || swarm.network;
  if (network) req.network = network;
  const dockerHost = read('docker-host').trim() || swarm.dockerHost;
  if (dockerHost) {
    if (!/^(unix|tcp|ssh|npipe):\/\/\S+$/.test(dockerHost))
      throw invalidInput('docker-host', dockerHost, 'must be a unix://, tcp:// or ssh:// address');
    req.dockerHost = dockerHost;
  }
  if (env?.provider === 'kubernetes') req.kubernetes = env.settings;
  else if (provider === 'kubernetes') req.kubernetes = {};
  if (env?.provider === 'aws-asg') req.awsAsg = env.settings;
  else if (provider === 'aws-asg') req.awsAsg = {};
  const kubeconfig = read('kubeconfig');
  if (kubeconfig.trim()) {
    // Masked before anything can print it: a kubeconfig holds the cluster's credentials.
    setSecret(kubeconfig);
    if (provider !== 'kubernetes')
      throw new ConfigurationError(
        `Input "kubeconfig" is only used with provider kubernetes (this environment runs on ${provider})`,
      );
    req.kubeconfig = kubeconfig;
  }
  if (env?.url) req.url = env.url;
  if (env?.requires) req.requires = env.requires;

  const healthCmd = read('health-cmd').trim();
  const healthInterval = read('health-interval');
  if (healthCmd) {
    const intervalMs = parseDuration(
      'health-interval',
      healthInterval,
      DEPLOY_DEFAULTS.healthIntervalMs,
    );
    if (intervalMs <= 0)
      throw invalidInput('health-interval', healthInterval, 'must be longer than 0s');
    req.health = {
      cmd: healthCmd,
      intervalMs,
      timeoutMs: Math.max(intervalMs, DEPLOY_DEFAULTS.healthCheckTimeoutMs),
      retries: 3,
      startPeriodMs: 0,
    };
  } else if (healthInterval.trim()) {
    throw invalidInput('health-interval', healthInterval, 'is only used with health-cmd');
  }

  const socket = read('haproxy-socket').trim();
  const previewUrl = read('preview-url').trim();
  if (socket) {
    req.haproxy = {
      socket,
      mapFile: read('haproxy-map').trim() || join(dirname(socket), 'routes.map'),
    };
    if (previewUrl) {
      if (!/^https?:\/\/\S+$/.test(previewUrl))
        throw invalidInput('preview-url', previewUrl, 'must be an http(s) URL');
      req.haproxy.previewUrl = previewUrl;
    }
  } else if (previewUrl) {
    throw invalidInput('preview-url', previewUrl, 'needs haproxy-socket: the router that previews');
  }
  // Kubernetes switches its Service's selector; aws-asg refuses blue-green itself.
  if (strategy === 'blue-green' && provider === 'swarm' && !req.haproxy)
    throw new ConfigurationError(
      `Strategy blue-green moves traffic through a load balancer: set input "haproxy-socket" (haproxy's runtime API socket)`,
    );
  return req;
}
