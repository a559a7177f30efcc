import * as z from 'zod/mini';
import { errorMessage } from '../errors.js';
import { parseDuration } from '../inputs/parse.js';
import { parseReference, type ImageReference } from '../oci/reference.js';
import { MAX_ENVIRONMENT_NAME, PROVIDERS, STRATEGIES, type ProviderName } from './kiln-config.js';

/**
 * The shape of kiln.yml, key by key. Every message is a rule ("must be …") without the value:
 * the caller adds the key path, the value and the position, the same way for every key.
 */

/**
 * The rule part of an error another parser threw for `raw`, so its wording stays in one place:
 * those messages read `… "<raw>"…: <rule>`.
 */
function ruleOf(err: unknown, raw: string): string {
  const message = errorMessage(err);
  const quoted = JSON.stringify(raw);
  const at = message.indexOf(quoted);
  const colon = at < 0 ? -1 : message.indexOf(': ', at + quoted.length);
  return colon < 0 ? message : message.slice(colon + 2);
}

const text = (rule: string, pattern?: RegExp, max = 1024): z.ZodMiniString =>
  z
    .string({ error: rule })
    .check(
      z.minLength(1, { error: rule }),
      z.maxLength(max, { error: rule }),
      ...(pattern ? [z.regex(pattern, { error: rule })] : []),
    );

const whole = (min: number, max?: number): z.ZodMiniNumber => {
  const rule =
    max === undefined
      ? `must be a whole number of at least ${min}`
      : `must be a whole number from ${min} to ${max}`;
  return z
    .number({ error: rule })
    .check(
      z.int({ error: rule }),
      z.minimum(min, { error: rule }),
      ...(max === undefined ? [] : [z.maximum(max, { error: rule })]),
    );
};

/**
 * A duration as the inputs take it (`90s`, `10m`, `1h30m`; a bare number is seconds), in ms.
 * Any value goes to parseDuration, so its rule is the message for a wrong type too. (z.unknown
 * makes the key optional, which every duration is.)
 */
const duration = (positive: boolean) =>
  z.pipe(
    z.unknown(),
    z.transform((v, ctx): number => {
      const raw = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
      try {
        const ms = parseDuration('duration', raw);
        if (positive && ms <= 0) throw new Error(`${JSON.stringify(raw)}: must be longer than 0`);
        return ms;
      } catch (err) {
        ctx.issues.push({ code: 'custom', message: ruleOf(err, raw), input: v });
        return z.NEVER;
      }
    }),
  );

const REPOSITORY_RULE = 'must be an image repository such as ghcr.io/acme/shop';

/** An image repository: a reference without tag or digest (each deploy names its digest). */
const repository = z.pipe(
  z.string({ error: REPOSITORY_RULE }),
  z.transform((v: string, ctx): ImageReference => {
    try {
      const ref = parseReference(v);
      if (ref.tag === undefined && ref.digest === undefined) return ref;
      ctx.issues.push({
        code: 'custom',
        message: `${REPOSITORY_RULE}, without a tag or digest (each deploy names the digest it runs)`,
        input: v,
      });
    } catch (err) {
      ctx.issues.push({ code: 'custom', message: ruleOf(err, v), input: v });
    }
    return z.NEVER;
  }),
);

const URL_RULE = 'must be an http or https URL';
const url = text(URL_RULE).check(
  z.refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), {
    error: URL_RULE,
  }),
);

export const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
export const ENVIRONMENT_NAME_RULE = `must be an environment name: lower-case letters, digits, - and _, starting with a letter or digit, at most ${MAX_ENVIRONMENT_NAME} characters`;

/** DNS-1123 label: Kubernetes namespace and container names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_RULE = 'lower-case letters, digits and -, at most 63 characters';

const settings = {
  swarm: z.partial(
    z.strictObject(
      {
        replicas: whole(1),
        port: whole(1, 65535),
        network: text(
          'must be a network name: letters, digits, _ . and -',
          /^[A-Za-z0-9][A-Za-z0-9_.-]*$/,
          255,
        ),
        'docker-host': text(
          'must be an engine address such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host',
          /^(unix|tcp|ssh|npipe):\/\/\S+$/,
        ),
      },
      { error: "must be a map of this provider's settings" },
    ),
  ),
  kubernetes: z.partial(
    z.strictObject(
      {
        namespace: text(`must be a namespace name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
        context: text('must be a kubeconfig context name'),
        container: text(`must be a container name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
      },
      { error: "must be a map of this provider's settings" },
    ),
  ),
  'aws-asg': z.partial(
    z.strictObject(
      {
        region: text('must be an AWS region such as us-east-1', /^[a-z]{2}(-[a-z]+)+-\d+$/, 32),
        'launch-template': text(
          'must be a launch template name (3 to 128 of letters, digits, ( ) . / _ -) or id (lt-…)',
          /^[A-Za-z0-9()./_-]{3,128}$/,
        ),
        'target-group-arn': text(
          'must be a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)',
          /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/,
        ),
        'min-healthy-percentage': whole(0, 100),
      },
      { error: "must be a map of this provider's settings" },
    ),
  ),
} as const;

const environment = z.strictObject(
  {
    provider: z.enum(PROVIDERS, { error: `must be one of ${PROVIDERS.join(', ')}` }),
    target: text(
      'must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group',
    ),
    requires: z.optional(text('must be the name of another environment')),
    'min-soak': z.optional(duration(false)),
    strategy: z.optional(z.enum(STRATEGIES, { error: `must be one of ${STRATEGIES.join(', ')}` })),
    'batch-size': z.optional(whole(1)),
    'health-timeout': z.optional(duration(true)),
    'keep-warm': z.optional(duration(false)),
    url: z.optional(url),
    /** The environment's own repository, when it is not the config's `image:`. */
    image: z.optional(repository),
    swarm: z.optional(settings.swarm),
    kubernetes: z.optional(settings.kubernetes),
    'aws-asg': z.optional(settings['aws-asg']),
  },
  { error: 'must be a map with provider:, target: and the settings of the environment' },
);

const ledger = z.strictObject({ repository }, { error: 'must be a map with repository:' });

export const configSchema = z.strictObject({
  image: repository,
  ledger: z.optional(ledger),
  environments: z
    .record(
      z.string().check(z.maxLength(MAX_ENVIRONMENT_NAME), z.regex(ENVIRONMENT_NAME)),
      environment,
      {
        error: (issue) =>
          issue.code === 'invalid_key'
            ? ENVIRONMENT_NAME_RULE
            : 'must be a map of environment name to its settings',
      },
    )
    .check(
      z.refine((envs) => Object.keys(envs).length > 0, {
        error: 'must name at least one environment',
      }),
    ),
});

export type CheckedConfig = z.infer<typeof configSchema>;
export type CheckedEnvironment = z.infer<typeof environment>;

/** The keys a map at `path` may have, for "unknown key" messages. */
export function knownKeys(path: readonly PropertyKey[]): readonly string[] {
  const [first, , third] = path;
  if (path.length === 0) return Object.keys(configSchema.shape);
  if (first === 'ledger') return Object.keys(ledger.shape);
  if (first !== 'environments') return [];
  if (path.length === 2) return Object.keys(environment.shape);
  const block: { shape: object } | undefined = settings[third as keyof typeof settings];
  return block ? Object.keys(block.shape) : [];
}

/** What `target` names for each provider, as that engine spells its names. */
export const TARGET_RULES: Record<ProviderName, { pattern: RegExp; max: number; rule: string }> = {
  swarm: {
    // swarmkit: a service name is a DNS name component.
    pattern: /^[A-Za-z0-9](?:[-_]*[A-Za-z0-9]+)*$/,
    max: 63,
    rule: 'must be a swarm service name: letters and digits, joined by - or _, at most 63 characters',
  },
  kubernetes: {
    pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
    max: 253,
    rule: 'must be a Deployment name: lower-case letters, digits, - and ., at most 253 characters',
  },
  'aws-asg': {
    pattern: /^[^\p{Cc}]+$/u,
    max: 255,
    rule: 'must be an Auto Scaling group name: 1 to 255 characters, no control characters',
  },
};
