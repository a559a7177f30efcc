import {
  type AppsV1Api,
  type CoreV1Api,
  PatchStrategy,
  setHeaderOptions,
  type V1Deployment,
  type V1Pod,
  type V1ReplicaSet,
  type V1Service,
} from '@kubernetes/client-node';
import { sleep as realSleep } from '../../util/retry.js';
import { digestOf, proveConvergence, shortDigest } from '../converged.js';
import type { Colour, ConvergenceProof, FleetTask } from '../provider.js';
import { type KubeCall, isNotFound, kubeCall } from './errors.js';
import {
  containerOf,
  containerPort,
  deploymentImage,
  isLive,
  type JsonPatchOp,
  LABEL,
  type Patch,
  podTask,
  previousReplicaSet,
  rolloutStatus,
  type RolloutStatus,
  selectorQuery,
  undoPatch,
} from './spec.js';

/** The Deployment and ReplicaSet calls the provider makes: a narrow slice of AppsV1Api. */
export type KubeApps = Pick<
  AppsV1Api,
  | 'readNamespacedDeployment'
  | 'createNamespacedDeployment'
  | 'patchNamespacedDeployment'
  | 'listNamespacedReplicaSet'
>;

/** The pod and Service calls the provider makes: a narrow slice of CoreV1Api. */
export type KubeCore = Pick<
  CoreV1Api,
  | 'listNamespacedPod'
  | 'readNamespacedService'
  | 'createNamespacedService'
  | 'patchNamespacedService'
>;

export interface KubeSettings {
  /** The Deployment (rolling) or the prefix of the two colour Deployments (blue-green). */
  target: string;
  namespace: string;
  apps: KubeApps;
  core: KubeCore;
  /** The container whose image is replaced (kiln.yml `container`); default the first. */
  container?: string;
  /** The Service that carries the traffic; default the target's name. */
  service?: string;
  log?: (line: string) => void;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  /** Time between two looks at the API server. */
  pollMs?: number;
  /** Blue-green: how long the old colour keeps answering requests it already has after the switch. */
  drainMs?: number;
}

/** How a wait for a digest ended. */
export type WaitEnd =
  | { kind: 'converged'; proof: ConvergenceProof; deployment: V1Deployment }
  /** The Deployment's progress deadline passed (its `Progressing` condition says ProgressDeadlineExceeded). */
  | { kind: 'stalled'; proof: ConvergenceProof; deployment: V1Deployment; message: string }
  /** The Deployment no longer asks for the digest: someone changed or undid it. */
  | { kind: 'reverted'; proof: ConvergenceProof; deployment: V1Deployment; message: string }
  | { kind: 'timeout'; proof: ConvergenceProof; deployment?: V1Deployment; status?: RolloutStatus };

const DEFAULT_POLL_MS = 1_000;
const DEFAULT_DRAIN_MS = 1_000;

const strategic = setHeaderOptions('Content-Type', PatchStrategy.StrategicMergePatch);
const merge = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);
const jsonPatch = setHeaderOptions('Content-Type', PatchStrategy.JsonPatch);

/**
 * What the strategies share: the API (through client-node), the namespace, the clock and the
 * log, and the few reads and writes every strategy needs. Every call goes through kubeCall,
 * so errors are mapped in one place and conflicts are retried there.
 */
export class KubeContext {
  readonly target: string;
  readonly namespace: string;
  readonly container: string | undefined;
  readonly serviceName: string;
  readonly now: () => number;
  readonly sleep: (ms: number) => Promise<void>;
  readonly pollMs: number;
  readonly drainMs: number;
  private readonly apps: KubeApps;
  private readonly core: KubeCore;
  private readonly logLine: (line: string) => void;

  constructor(s: KubeSettings) {
    this.target = s.target;
    this.namespace = s.namespace;
    this.apps = s.apps;
    this.core = s.core;
    this.container = s.container;
    this.serviceName = s.service ?? s.target;
    this.logLine = s.log ?? (() => {});
    this.now = s.now ?? Date.now;
    this.sleep = s.sleep ?? realSleep;
    this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
    this.drainMs = s.drainMs ?? DEFAULT_DRAIN_MS;
  }

  log(line: string): void {
    this.logLine(line);
  }

  private call(verb: string, resource: string, name?: string): KubeCall {
    return { verb, resource, namespace: this.namespace, ...(name ? { name } : {}) };
  }

  private run<T>(call: KubeCall, fn: () => Promise<T>): Promise<T> {
    return kubeCall(call, fn, {
      sleep: this.sleep,
      onConflict: (n) =>
        this.log(`${call.verb} ${call.name ?? call.resource}: conflict, retrying (${n})`),
    });
  }

  /** Like run, for a read of one object: undefined when the server answers 404. */
  private find<T>(call: KubeCall, fn: () => Promise<T>): Promise<T | undefined> {
    return this.run(call, () =>
      fn().catch((err: unknown) => {
        if (isNotFound(err)) return undefined;
        throw err;
      }),
    );
  }

  /** The Deployment, or undefined when there is none of that name. */
  deployment(name: string): Promise<V1Deployment | undefined> {
    return this.find(this.call('get', 'deployments.apps', name), () =>
      this.apps.readNamespacedDeployment({ name, namespace: this.namespace }),
    );
  }

  async createDeployment(body: V1Deployment): Promise<V1Deployment> {
    const name = body.metadata?.name ?? '';
    return this.run(this.call('create', 'deployments.apps', name), () =>
      this.apps.createNamespacedDeployment({ namespace: this.namespace, body }),
    );
  }

  /** A strategic-merge patch (containers merge by name, as `kubectl set image` and `kubectl patch` do). */
  async patchDeployment(name: string, body: Patch<V1Deployment>): Promise<V1Deployment> {
    return this.run(this.call('patch', 'deployments.apps', name), () =>
      this.apps.patchNamespacedDeployment({ name, namespace: this.namespace, body }, strategic),
    );
  }

  async scale(name: string, replicas: number): Promise<void> {
    await this.run(this.call('patch', 'deployments.apps', name), () =>
      this.apps.patchNamespacedDeployment(
        {
          name,
          namespace: this.namespace,
          body: { spec: { replicas } } satisfies Patch<V1Deployment>,
        },
        merge,
      ),
    );
  }

  /** Sets (a string) or removes (null) annotations; the pod template is untouched, so nothing restarts. */
  async annotate(name: string, annotations: Record<string, string | null>): Promise<void> {
    await this.run(this.call('patch', 'deployments.apps', name), () =>
      this.apps.patchNamespacedDeployment(
        {
          name,
          namespace: this.namespace,
          body: { metadata: { annotations } } satisfies Patch<V1Deployment>,
        },
        merge,
      ),
    );
  }

  /** The ReplicaSets the Deployment's selector matches (previousReplicaSet keeps the ones it owns). */
  async replicaSets(dep: V1Deployment): Promise<V1ReplicaSet[]> {
    const list = await this.run(this.call('list', 'replicasets.apps'), () =>
      this.apps.listNamespacedReplicaSet({
        namespace: this.namespace,
        labelSelector: selectorQuery(dep.spec?.selector),
      }),
    );
    return list.items;
  }

  /**
   * `kubectl rollout undo`: the pod template of the ReplicaSet of the previous revision,
   * written back into the Deployment (the controller then scales that ReplicaSet up again).
   * Returns the image it goes back to, or undefined when there is no earlier revision.
   */
  async undo(dep: V1Deployment, rolledBackFrom: string): Promise<string | undefined> {
    const name = dep.metadata?.name ?? '';
    const rs = previousReplicaSet(dep, await this.replicaSets(dep));
    if (!rs) return undefined;
    const body: JsonPatchOp[] = undoPatch(rs, rolledBackFrom, !!dep.metadata?.annotations);
    await this.run(this.call('patch', 'deployments.apps', name), () =>
      this.apps.patchNamespacedDeployment({ name, namespace: this.namespace, body }, jsonPatch),
    );
    const template = rs.spec?.template;
    const container = template?.spec?.containers.find((c) => c.name === this.containerName(dep));
    return container?.image;
  }

  /** The name of the container Kiln replaces in this Deployment. */
  containerName(dep: V1Deployment): string {
    return containerOf(dep, this.container).name;
  }

  image(dep: V1Deployment): string {
    return deploymentImage(dep, this.container);
  }

  /** The Deployment's pods that run or start (not the ones being deleted), as fleet instances. */
  async tasks(dep: V1Deployment): Promise<FleetTask[]> {
    const list = await this.run(this.call('list', 'pods'), () =>
      this.core.listNamespacedPod({
        namespace: this.namespace,
        labelSelector: selectorQuery(dep.spec?.selector),
      }),
    );
    const container = this.containerName(dep);
    const port = containerPort(dep, this.container);
    return list.items
      .filter(isLive)
      .map((p: V1Pod) => podTask(p, container, port))
      .sort((a, b) => a.id.localeCompare(b.id));
  }

  /**
   * Polls until the Deployment's rollout is complete (observed generation, updated, old and
   * available replicas, as `kubectl rollout status`) and its pods run `digest` N/N ready, the
   * progress deadline passes, the Deployment stops asking for the digest, or `deadline` passes.
   */
  async waitFor(
    name: string,
    digest: string,
    replicas: number,
    deadline: number,
  ): Promise<WaitEnd> {
    let last = '';
    for (;;) {
      const deployment = await this.deployment(name);
      const tasks = deployment ? await this.tasks(deployment) : [];
      const proof = proveConvergence(tasks, digest, replicas);
      const status = deployment ? rolloutStatus(deployment) : undefined;
      const line = `${name}: ${proof.summary}${status ? ` (${status.message})` : ''}`;
      if (line !== last) this.log(line);
      last = line;
      if (deployment) {
        const image = this.image(deployment);
        if (digestOf(image) !== digest)
          return {
            kind: 'reverted',
            proof,
            deployment,
            message: `the Deployment now asks for ${image}`,
          };
        if (status?.kind === 'stalled')
          return { kind: 'stalled', proof, deployment, message: status.message };
        if (status?.kind === 'complete' && proof.converged)
          return { kind: 'converged', proof, deployment };
      }
      if (this.now() >= deadline)
        return {
          kind: 'timeout',
          proof,
          ...(deployment ? { deployment } : {}),
          ...(status ? { status } : {}),
        };
      await this.sleep(this.pollMs);
    }
  }

  /** Why a wait did not converge: the rollout's words and the pods' errors. */
  explain(end: WaitEnd): string {
    const rollout =
      end.kind === 'stalled' || end.kind === 'reverted'
        ? end.message
        : end.kind === 'timeout'
          ? `not N/N ready in time (${end.status?.message ?? 'no Deployment'}): ${end.proof.problems.join('; ') || end.proof.summary}`
          : '';
    const pods = end.proof.tasks
      .filter((t) => !t.ok)
      .slice(0, 5)
      .map((t) => `${t.task}: ${t.why}`)
      .join('; ');
    return [rollout, end.kind !== 'timeout' && pods ? `pods: ${pods}` : '']
      .filter(Boolean)
      .join('; ');
  }

  service(): Promise<V1Service | undefined> {
    return this.find(this.call('get', 'services', this.serviceName), () =>
      this.core.readNamespacedService({ name: this.serviceName, namespace: this.namespace }),
    );
  }

  /**
   * Points the Service at the colour's pods: one merge patch of its selector, which the
   * API server applies atomically (the endpoints follow the selector). Creates the Service,
   * selecting that colour, when there is none and the port is known. True when it changed
   * what the Service selects.
   */
  async selectColour(colour: Colour | undefined, port: number | undefined): Promise<boolean> {
    const selector = { [LABEL.target]: this.target, ...(colour ? { [LABEL.colour]: colour } : {}) };
    const existing = await this.service();
    if (existing) {
      const now = existing.spec?.selector ?? {};
      if (Object.entries(selector).every(([k, v]) => now[k] === v)) return false;
      await this.run(this.call('patch', 'services', this.serviceName), () =>
        this.core.patchNamespacedService(
          {
            name: this.serviceName,
            namespace: this.namespace,
            body: { spec: { selector } } satisfies Patch<V1Service>,
          },
          merge,
        ),
      );
      return true;
    }
    if (port === undefined) {
      this.log(`service ${this.serviceName} does not exist and no port is known: not created`);
      return false;
    }
    const body: V1Service = {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: this.serviceName,
        namespace: this.namespace,
        labels: { [LABEL.target]: this.target },
      },
      spec: { selector, ports: [{ port, targetPort: port }] },
    };
    await this.run(this.call('create', 'services', this.serviceName), () =>
      this.core.createNamespacedService({ namespace: this.namespace, body }),
    );
    this.log(`service ${this.serviceName} created, selecting ${colour ?? this.target}`);
    return true;
  }

  /** The colour the Service selects, or undefined (no Service, or one without a colour). */
  async selectedColour(): Promise<Colour | undefined> {
    const c = (await this.service())?.spec?.selector?.[LABEL.colour];
    return c === 'blue' || c === 'green' ? c : undefined;
  }

  short(image: string): string {
    const d = digestOf(image);
    return d ? shortDigest(d) : image;
  }
}
