import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { AppsV1Api, CoreV1Api, KubeConfig } from '@kubernetes/client-node';
import { ConfigurationError, errorMessage } from '../../errors.js';
import { setSecret } from '../../log.js';
import { otherColour } from '../colours.js';
import { digestOf, proveConvergence, runtimeDigest } from '../converged.js';
import type {
  ConvergenceProof,
  DeployRequest,
  DeployResult,
  FleetProvider,
  FleetState,
  FleetTask,
  TrafficRouter,
} from '../provider.js';
import { checkDeployRequest } from '../request-check.js';
import { blueGreenDeploy, blueGreenRollback, readColours } from './blue-green.js';
import { KubeContext, type KubeSettings } from './context.js';
import { previousImage, rollingDeploy, rollingRollback } from './rolling.js';
import { ServiceRouter } from './service-router.js';
import { ANNOTATION, annotation, colourDeployment, deploymentReplicas } from './spec.js';

/** Where the service account of a pod finds its token and namespace (in-cluster). */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';

/**
 * Settings of the Kubernetes provider. The API client comes from, in order: `kubeconfig`
 * (the file's content, e.g. from a secret input; masked), KUBECONFIG, ~/.kube/config, the
 * pod's service account (in-cluster). `apps` and `core` replace the client (tests).
 */
export interface KubernetesProviderSettings extends Omit<
  KubeSettings,
  'apps' | 'core' | 'namespace'
> {
  /** Default: the context's namespace, else the service account's (in-cluster), else `default`. */
  namespace?: string;
  /** kubeconfig context; default its current-context. */
  context?: string;
  /** A kubeconfig's content (YAML); registered as a secret before it is parsed. */
  kubeconfig?: string;
  /** Where users reach the Service, for the router's `url`. */
  url?: string;
  apps?: KubeSettings['apps'];
  core?: KubeSettings['core'];
  /** rollback() has no request: how long the fleet may take to be back N/N. */
  rollbackTimeoutMs?: number;
  /** The environment read for KUBECONFIG and in-cluster detection (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** The home directory holding .kube/config (default the user's). */
  home?: string;
  /** The service account directory (default the one Kubernetes mounts). */
  serviceAccountDir?: string;
}

const DEFAULT_ROLLBACK_TIMEOUT_MS = 120_000;
/** A Deployment name that is also a valid label value (the pods carry it): at most 63. */
const TARGET_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;

/** A kubeconfig, where it came from, and the namespace it implies. */
export interface LoadedKubeConfig {
  config: KubeConfig;
  source: string;
  namespace: string;
}

/** Reads the kubeconfig from the first source that has one; its credentials are masked. */
export function loadKubeConfig(s: KubernetesProviderSettings): LoadedKubeConfig {
  const env = s.env ?? process.env;
  const sa = s.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
  const kc = new KubeConfig();
  let source: string;
  let inCluster = false;
  try {
    if (s.kubeconfig?.trim()) {
      setSecret(s.kubeconfig);
      source = 'the kubeconfig input';
      kc.loadFromString(s.kubeconfig);
    } else if (env.KUBECONFIG?.trim()) {
      // kubectl's rule: the files of the list merged, the first one's current-context wins.
      const files = env.KUBECONFIG.split(delimiter).filter(Boolean);
      source = `KUBECONFIG (${files.join(delimiter)})`;
      kc.loadFromFile(files[0] as string);
      for (const file of files.slice(1)) {
        const more = new KubeConfig();
        more.loadFromFile(file);
        kc.mergeConfig(more, true);
      }
    } else if (existsSync(join(s.home ?? homedir(), '.kube', 'config'))) {
      const file = join(s.home ?? homedir(), '.kube', 'config');
      source = file;
      kc.loadFromFile(file);
    } else if (env.KUBERNETES_SERVICE_HOST && existsSync(join(sa, 'token'))) {
      source = 'the pod service account (in-cluster)';
      inCluster = true;
      kc.loadFromCluster();
    } else {
      throw new ConfigurationError(
        'No kubeconfig: give the kubeconfig input, set KUBECONFIG, write ~/.kube/config (e.g. with your cloud\'s "get credentials" action), or run in a pod with a service account',
      );
    }
  } catch (err) {
    if (err instanceof ConfigurationError) throw err;
    throw new ConfigurationError(`The kubeconfig could not be read: ${errorMessage(err)}`);
  }
  for (const u of kc.getUsers()) {
    setSecret(u.token);
    setSecret(u.password);
    setSecret(u.keyData);
  }
  if (s.context) {
    if (!kc.getContextObject(s.context))
      throw new ConfigurationError(
        `kubeconfig from ${source} has no context ${JSON.stringify(s.context)}; its contexts are ${
          kc
            .getContexts()
            .map((c) => c.name)
            .join(', ') || 'none'
        }`,
      );
    kc.setCurrentContext(s.context);
  }
  if (!kc.getCurrentCluster())
    throw new ConfigurationError(
      `kubeconfig from ${source} names no cluster for context ${JSON.stringify(kc.getCurrentContext())}`,
    );
  const fromContext = kc.getContextObject(kc.getCurrentContext())?.namespace;
  const fromPod =
    inCluster && existsSync(join(sa, 'namespace'))
      ? readFileSync(join(sa, 'namespace'), 'utf8').trim()
      : undefined;
  return { config: kc, source, namespace: s.namespace ?? fromContext ?? fromPod ?? 'default' };
}

/**
 * A fleet on Kubernetes: a Deployment rolled by its controller, or two colour Deployments
 * behind one Service whose selector is the switch.
 */
export class KubernetesProvider implements FleetProvider {
  readonly kind = 'kubernetes';
  readonly target: string;
  readonly namespace: string;
  private readonly ctx: KubeContext;
  private readonly serviceRouter: ServiceRouter;
  private readonly rollbackTimeoutMs: number;

  constructor(settings: KubernetesProviderSettings) {
    if (!TARGET_NAME.test(settings.target))
      throw new ConfigurationError(
        `Fleet target ${JSON.stringify(settings.target)} is not a valid Deployment name for Kiln: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 63 characters (its pods carry it as a label)`,
      );
    this.target = settings.target;
    this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
    let apps = settings.apps;
    let core = settings.core;
    let namespace = settings.namespace;
    if (!apps || !core) {
      const loaded = loadKubeConfig(settings);
      apps ??= loaded.config.makeApiClient(AppsV1Api);
      core ??= loaded.config.makeApiClient(CoreV1Api);
      namespace ??= loaded.namespace;
      settings.log?.(
        `kubernetes: ${loaded.config.getCurrentCluster()?.server} (context ${loaded.config.getCurrentContext()}, from ${loaded.source}), namespace ${namespace}`,
      );
    }
    this.namespace = namespace ?? 'default';
    this.ctx = new KubeContext({ ...settings, apps, core, namespace: this.namespace });
    this.serviceRouter = new ServiceRouter(this.ctx, settings.url);
  }

  /** The Service, as the fleet's traffic router. */
  get router(): TrafficRouter {
    return this.serviceRouter;
  }

  async current(): Promise<FleetState> {
    const plain = await this.ctx.deployment(this.target);
    if (plain) {
      const tasks = await this.ctx.tasks(plain);
      const previous = await previousImage(this.ctx, plain);
      return {
        target: this.target,
        exists: true,
        strategy: 'rolling',
        image: this.ctx.image(plain),
        ...(previous ? { previous } : {}),
        replicas: deploymentReplicas(plain),
        digests: digests(tasks),
        tasks,
      };
    }
    const fleet = await readColours(this.ctx);
    const liveDep = fleet.live ? fleet.deployments[fleet.live] : undefined;
    if (!fleet.live || !liveDep)
      return { target: this.target, exists: false, replicas: 0, digests: [], tasks: [] };
    const tasks = await this.ctx.tasks(liveDep);
    const other = otherColour(fleet.live);
    const otherDep = fleet.deployments[other];
    const until = otherDep && annotation(otherDep, ANNOTATION.warmUntil);
    const warm =
      otherDep && deploymentReplicas(otherDep) > 0
        ? { colour: other, image: this.ctx.image(otherDep), ...(until ? { until } : {}) }
        : undefined;
    return {
      target: this.target,
      exists: true,
      strategy: 'blue-green',
      image: this.ctx.image(liveDep),
      ...(otherDep ? { previous: this.ctx.image(otherDep) } : {}),
      replicas: deploymentReplicas(liveDep),
      digests: digests(tasks),
      tasks,
      live: fleet.live,
      ...(warm ? { warm } : {}),
    };
  }

  async deploy(request: DeployRequest): Promise<DeployResult> {
    checkDeployRequest(request);
    return request.strategy === 'blue-green'
      ? blueGreenDeploy(this.ctx, request)
      : rollingDeploy(this.ctx, request);
  }

  async rollback(): Promise<DeployResult> {
    const plain = await this.ctx.deployment(this.target);
    if (plain) return rollingRollback(this.ctx, plain, this.rollbackTimeoutMs);
    return blueGreenRollback(this.ctx, this.rollbackTimeoutMs);
  }

  async converged(digest: string, replicas: number): Promise<ConvergenceProof> {
    const plain = await this.ctx.deployment(this.target);
    if (plain) return proveConvergence(await this.ctx.tasks(plain), digest, replicas);
    const fleet = await readColours(this.ctx);
    const live = fleet.live ? fleet.deployments[fleet.live] : undefined;
    return proveConvergence(live ? await this.ctx.tasks(live) : [], digest, replicas);
  }

  /** The colour Deployment's name (for tests and teardown). */
  colourDeployment(colour: 'blue' | 'green'): string {
    return colourDeployment(this.target, colour);
  }
}

function digests(tasks: FleetTask[]): string[] {
  return [
    ...new Set(
      tasks.map((t) => (t.imageId && runtimeDigest(t.imageId)) || digestOf(t.image) || t.image),
    ),
  ].sort();
}
