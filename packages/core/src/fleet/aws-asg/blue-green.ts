import { ConfigurationError } from '../../errors.js';

/**
 * Blue-green on Auto Scaling: not offered. An instance refresh replaces instances of one group
 * in place, so there is no second colour to keep warm and switch back to in one step; a real
 * blue-green needs two groups and a listener switch, which this provider does not drive yet.
 * Refused before any call, so nothing is half-made.
 */
export function blueGreenRefusal(target: string): ConfigurationError {
  return new ConfigurationError(
    `provider aws-asg deploys group ${target} with strategy rolling only (an instance refresh, health-gated by the target group, with AWS's automatic rollback): blue-green needs a second group and a listener switch, which Kiln does not drive on AWS yet; set strategy: rolling`,
  );
}
