import type { ImageReference } from '../oci/reference.js';

/** Where the `config` input points when it is left empty (read only when the file exists). */
export const DEFAULT_CONFIG_PATH = '.github/kiln.yml';

/** The engines replace-fleet can drive; each has a settings block of the same name. */
export const PROVIDERS = ['swarm', 'kubernetes', 'aws-asg'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

export const STRATEGIES = ['rolling', 'blue-green'] as const;
export type Strategy = (typeof STRATEGIES)[number];

/** The ledger's head tag is `kiln-ledger-<env>`; a tag is at most 128 characters. */
export const LEDGER_TAG_PREFIX = 'kiln-ledger-';
export const MAX_ENVIRONMENT_NAME = 128 - LEDGER_TAG_PREFIX.length;

/** Settings of the `swarm:` block: how the service is created on the first deploy. */
export interface SwarmSettings {
  replicas?: number;
  /** Published port. */
  port?: number;
  network?: string;
  /** `unix://`, `tcp://` or `ssh://` address of the engine (else `DOCKER_HOST`). */
  dockerHost?: string;
}

/** Settings of the `kubernetes:` block. */
export interface KubernetesSettings {
  namespace?: string;
  /** kubeconfig context (else the current one). */
  context?: string;
  /** Container of the Deployment whose image is replaced (else the only one). */
  container?: string;
}

/** Settings of the `aws-asg:` block. */
export interface AwsAsgSettings {
  region?: string;
  /** Launch template name or id (`lt-…`). */
  launchTemplate?: string;
  targetGroupArn?: string;
  minHealthyPercentage?: number;
}

/** Provider settings by provider name. */
export interface ProviderSettings {
  swarm: SwarmSettings;
  kubernetes: KubernetesSettings;
  'aws-asg': AwsAsgSettings;
}

/** What every environment has, whatever its provider. Durations are milliseconds. */
export interface EnvironmentBase {
  name: string;
  /** Swarm service, Kubernetes Deployment or Auto Scaling group name. */
  target: string;
  /** The environment a digest must have been promoted from before it runs here. */
  requires?: string;
  /** How long a digest must have run healthy in `requires` before it may come here. */
  minSoakMs?: number;
  strategy?: Strategy;
  batchSize?: number;
  healthTimeoutMs?: number;
  /** How long the old colour stays up after a blue-green switch. */
  keepWarmMs?: number;
  /** Environment URL shown on GitHub Deployments. */
  url?: string;
  /**
   * The repository the environment runs images from, when it is not the config's `image:`
   * (e.g. production in a registry of its own): every image deployed, promoted into or rolled
   * back to there is in it, and its ledger lives there unless `ledger.repository` says otherwise.
   */
  image?: ImageReference;
}

/** One environment, its provider and that provider's settings (empty when none are given). */
export type EnvironmentConfig = {
  [P in ProviderName]: EnvironmentBase & { provider: P; settings: ProviderSettings[P] };
}[ProviderName];

/** A checked `.github/kiln.yml`. */
export interface KilnConfig {
  /** The image repository (no tag, no digest). */
  image: ImageReference;
  /** Where the ledger lives: the image repository unless `ledger.repository` names another. */
  ledger: { repository: ImageReference };
  /** In file order; a Map, so a name such as `constructor` is only ever an environment. */
  environments: ReadonlyMap<string, EnvironmentConfig>;
  /** The file it came from, and its digest (evidence can name the config it acted on). */
  source: { file: string; sha256: string };
}
