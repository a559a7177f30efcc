import type { ProviderSettings } from '../config/kiln-config.js';
import { invalidInput } from '../errors.js';
import type { AwsAsgProvider, AwsAsgProviderSettings } from './aws-asg/provider.js';
import type { KubernetesProvider, KubernetesProviderSettings } from './kubernetes/provider.js';
import type { FleetProvider, TrafficRouter } from './provider.js';
import type { SwarmProvider, SwarmProviderSettings } from './swarm/provider.js';

/** Each provider kind, its settings and what it returns; the types cost nothing at start-up. */
export interface ProviderKinds {
  swarm: { settings: SwarmProviderSettings; provider: SwarmProvider };
  'aws-asg': { settings: AwsAsgProviderSettings; provider: AwsAsgProvider };
  kubernetes: { settings: KubernetesProviderSettings; provider: KubernetesProvider };
}

export type ProviderKind = keyof ProviderKinds;

/** The kinds the `provider` input accepts. */
export const PROVIDER_KINDS: readonly ProviderKind[] = ['swarm', 'kubernetes', 'aws-asg'];

/**
 * Loads a provider with `import()` where it is first used, so an action that never deploys
 * never loads an engine client (and later the Kubernetes and AWS SDKs).
 */
export async function loadProvider<K extends ProviderKind>(
  kind: K,
  settings: ProviderKinds[K]['settings'],
): Promise<ProviderKinds[K]['provider']> {
  switch (kind) {
    case 'swarm': {
      const { SwarmProvider } = await import('./swarm/provider.js');
      return new SwarmProvider(settings as SwarmProviderSettings);
    }
    case 'aws-asg': {
      // The AWS SDK (three clients) loads here, only for a fleet on Auto Scaling.
      const { AwsAsgProvider } = await import('./aws-asg/provider.js');
      return new AwsAsgProvider(settings as AwsAsgProviderSettings);
    }
    case 'kubernetes': {
      // @kubernetes/client-node loads here, only for a fleet on Kubernetes.
      const { KubernetesProvider } = await import('./kubernetes/provider.js');
      return new KubernetesProvider(settings as KubernetesProviderSettings);
    }
    default:
      throw invalidInput('provider', String(kind), `must be one of ${PROVIDER_KINDS.join(', ')}`);
  }
}

/** An environment's fleet as kiln.yml describes it: provider, target and that provider's block. */
export type FleetSettings = {
  [K in ProviderKind]: { provider: K; target: string; settings: ProviderSettings[K] };
}[ProviderKind];

/** Provider settings kiln.yml does not carry (API clients, clocks, poll intervals), by kind. */
export type ProviderTuning = { [K in ProviderKind]?: Partial<ProviderKinds[K]['settings']> };

/** What opening a fleet takes besides kiln.yml: inputs and the run's own pieces. */
export interface FleetOpening {
  log?: (line: string) => void;
  /** Swarm: the traffic router in front of the colours (blue-green). */
  router?: TrafficRouter;
  /** Kubernetes: a kubeconfig's content (a secret input; the provider masks it). */
  kubeconfig?: string;
  /** Kubernetes: where users reach the Service (the Service router's url). */
  url?: string;
  /** Applied over the mapped settings (embedders and tests). */
  tuning?: ProviderTuning;
}

/**
 * Opens an environment's fleet: each provider's kiln.yml block through that provider's own
 * mapper, so replace-fleet, rollback and status open the same fleet the same way.
 */
export async function openFleet(
  fleet: FleetSettings,
  opening: FleetOpening = {},
): Promise<FleetProvider> {
  const log = opening.log ? { log: opening.log } : {};
  switch (fleet.provider) {
    case 'swarm': {
      const host = fleet.settings.dockerHost;
      return loadProvider('swarm', {
        target: fleet.target,
        ...(host ? { dockerHost: host } : {}),
        ...(opening.router ? { router: opening.router } : {}),
        ...log,
        ...opening.tuning?.swarm,
      });
    }
    case 'kubernetes': {
      const { kubernetesSettingsOf } = await import('./kubernetes/settings.js');
      return loadProvider('kubernetes', {
        ...kubernetesSettingsOf(fleet.target, fleet.settings),
        ...(opening.kubeconfig?.trim() ? { kubeconfig: opening.kubeconfig } : {}),
        ...(opening.url ? { url: opening.url } : {}),
        ...log,
        ...opening.tuning?.kubernetes,
      });
    }
    case 'aws-asg': {
      // The SDK loads with the mapper's module; loadProvider finds it already loaded.
      const { awsAsgSettingsOf } = await import('./aws-asg/provider.js');
      return loadProvider('aws-asg', {
        ...awsAsgSettingsOf(fleet.target, fleet.settings),
        ...log,
        ...opening.tuning?.['aws-asg'],
      });
    }
    default:
      throw invalidInput(
        'provider',
        String((fleet as { provider: unknown }).provider),
        `must be one of ${PROVIDER_KINDS.join(', ')}`,
      );
  }
}
