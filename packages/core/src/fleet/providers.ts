import { invalidInput } from '../errors.js';
import type { SwarmProvider, SwarmProviderSettings } from './swarm/provider.js';

/** Each provider kind, its settings and what it returns; the types cost nothing at start-up. */
export interface ProviderKinds {
  swarm: { settings: SwarmProviderSettings; provider: SwarmProvider };
}

export type ProviderKind = keyof ProviderKinds;

/** The kinds the `provider` input accepts. */
export const PROVIDER_KINDS: readonly ProviderKind[] = ['swarm'];

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
      return new SwarmProvider(settings);
    }
    default:
      throw invalidInput('provider', String(kind), `must be one of ${PROVIDER_KINDS.join(', ')}`);
  }
}
