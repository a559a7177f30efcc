import { sha256 } from '../oci/digest.js';
import type { ImageReference } from '../oci/reference.js';
import {
  configSchema,
  knownKeys,
  type CheckedConfig,
  type CheckedEnvironment,
} from './config-schema.js';
import { environmentProblems } from './environment-checks.js';
import { issueProblems } from './issue-problems.js';
import type { EnvironmentConfig, KilnConfig } from './kiln-config.js';
import { problemsError, YamlSource, type Problem, type Yaml } from './yaml-source.js';

/** Top-level keys starting with this are the user's (e.g. anchors to merge), as in Compose. */
const EXTENSION_PREFIX = 'x-';

export interface ParseConfigOptions {
  /** Replaces the file's `image` (and the ledger's default), e.g. a registry chosen at run time. */
  image?: string;
}

/**
 * Checks kiln.yml text. Every problem is reported at once, one `file:line:col: key: rule, got
 * value` per line, as a ConfigurationError; shapes first, then the rules between keys.
 */
export function parseConfigText(
  yaml: Yaml,
  text: string,
  file: string,
  opts: ParseConfigOptions = {},
): KilnConfig {
  const parsed = YamlSource.parse(yaml, text, file, { merge: true });
  if ('problems' in parsed) throw problemsError(file, parsed.problems);
  const { source, value } = parsed;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw problemsError(file, [
      {
        ...source.position([]),
        message:
          'a Kiln config is a map with image: and environments:, e.g. "image: ghcr.io/acme/shop"',
      },
    ]);
  }
  const own = Object.fromEntries(
    Object.entries(value).filter(([key]) => !key.startsWith(EXTENSION_PREFIX)),
  );
  if (opts.image !== undefined) own.image = opts.image;
  const checked = configSchema.safeParse(own);
  if (!checked.success) {
    const problems = issueProblems(checked.error.issues, own, source, knownKeys);
    throw problemsError(file, overridden(problems, opts, file));
  }
  const problems = environmentProblems(checked.data.environments, source);
  if (problems.length > 0) throw problemsError(file, problems);
  return toConfig(checked.data, file, text);
}

/** A problem with a replaced image is about the replacement, not the line in the file. */
function overridden(problems: Problem[], opts: ParseConfigOptions, file: string): Problem[] {
  if (opts.image === undefined) return problems;
  return problems.map((p) =>
    p.message.startsWith('image: ')
      ? { ...p, message: `${p.message} (the image given in place of ${file}'s)` }
      : p,
  );
}

function toConfig(c: CheckedConfig, file: string, text: string): KilnConfig {
  const environments = new Map<string, EnvironmentConfig>();
  for (const [name, env] of Object.entries(c.environments))
    environments.set(name, toEnvironment(name, env));
  const image: ImageReference = c.image;
  return {
    image,
    ledger: { repository: c.ledger?.repository ?? image },
    environments,
    source: { file, sha256: sha256(text) },
  };
}

function toEnvironment(name: string, e: CheckedEnvironment): EnvironmentConfig {
  const base = definedOnly({
    name,
    target: e.target,
    requires: e.requires,
    minSoakMs: e['min-soak'],
    strategy: e.strategy,
    batchSize: e['batch-size'],
    healthTimeoutMs: e['health-timeout'],
    keepWarmMs: e['keep-warm'],
    url: e.url,
    image: e.image,
  });
  switch (e.provider) {
    case 'swarm': {
      const s = e.swarm ?? {};
      const settings = definedOnly({
        replicas: s.replicas,
        port: s.port,
        network: s.network,
        dockerHost: s['docker-host'],
      });
      return { ...base, provider: 'swarm', settings };
    }
    case 'kubernetes':
      return { ...base, provider: 'kubernetes', settings: definedOnly({ ...e.kubernetes }) };
    case 'aws-asg': {
      const s = e['aws-asg'] ?? {};
      const settings = definedOnly({
        region: s.region,
        launchTemplate: s['launch-template'],
        targetGroupArn: s['target-group-arn'],
        minHealthyPercentage: s['min-healthy-percentage'],
      });
      return { ...base, provider: 'aws-asg', settings };
    }
  }
}

/** Leaves out keys the file did not set, so a config compares and prints as it was written. */
function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
