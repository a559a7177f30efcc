import type { KubernetesSettings } from '../../config/kiln-config.js';
import type { KubernetesProviderSettings } from './provider.js';

/** The provider's settings from a kiln.yml `kubernetes:` block (the deploy request wires them). */
export function kubernetesSettingsOf(
  target: string,
  s: KubernetesSettings,
): KubernetesProviderSettings {
  return {
    target,
    ...(s.namespace ? { namespace: s.namespace } : {}),
    ...(s.context ? { context: s.context } : {}),
    ...(s.container ? { container: s.container } : {}),
  };
}
