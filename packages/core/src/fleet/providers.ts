import { invalidInput } from '../errors.js';
import type { AwsAsgProvider, AwsAsgProviderSettings } from './aws-asg/provider.js';
import type { KubernetesProvider, KubernetesProviderSettings } from './kubernetes/provider.js';
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
