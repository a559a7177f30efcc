import type {
  V1Container,
  V1Deployment,
  V1LabelSelector,
  V1Pod,
  V1PodTemplateSpec,
  V1ReplicaSet,
} from '@kubernetes/client-node';
import { ConfigurationError } from '../../errors.js';
import type { Colour, DeployRequest, FleetTask } from '../provider.js';

// Type-only imports above: this file is pure and loads no client code.

/** Labels Kiln puts on what it creates; the Service selects pods by target (and colour). */
export const LABEL = {
  target: 'fleet.kiln.dev/target',
  strategy: 'fleet.kiln.dev/strategy',
  colour: 'fleet.kiln.dev/colour',
} as const;

/** Annotations: Kiln's own, and the deployment controller's revision number. */
export const ANNOTATION = {
  warmUntil: 'fleet.kiln.dev/warm-until',
  /** Set by an undo: the Deployment's previous revision is now the release rolled back from. */
  rolledBackFrom: 'fleet.kiln.dev/rolled-back-from',
  revision: 'deployment.kubernetes.io/revision',
} as const;

/** The label the deployment controller adds to each ReplicaSet's pods; never part of a template Kiln writes. */
export const POD_TEMPLATE_HASH = 'pod-template-hash';

/** The container name of Deployments Kiln creates. */
export const DEFAULT_CONTAINER = 'app';

/** A merge-patch body of `T`: every field optional, `null` removes it. */
export type Patch<T> = {
  [K in keyof T]?: T[K] extends Array<infer U>
    ? Array<Patch<U>>
    : T[K] extends Date
      ? T[K] | null
      : T[K] extends object | undefined
        ? Patch<NonNullable<T[K]>> | null
        : T[K] | null;
};

/** One operation of an RFC 6902 JSON patch (what `kubectl rollout undo` sends). */
export interface JsonPatchOp {
  op: 'replace' | 'add' | 'remove' | 'test';
  path: string;
  value?: unknown;
}

export function colourDeployment(target: string, colour: Colour): string {
  return `${target}-${colour}`;
}

/** The container whose image Kiln replaces: the one named by `container`, else the first. */
export function containerOf(dep: V1Deployment, container?: string): V1Container {
  const containers = dep.spec?.template.spec?.containers ?? [];
  const found = container ? containers.find((c) => c.name === container) : containers[0];
  if (!found)
    throw new ConfigurationError(
      container
        ? `Deployment ${dep.metadata?.name} has no container ${JSON.stringify(container)}; its containers are ${containers.map((c) => c.name).join(', ') || 'none'} (kiln.yml kubernetes.container)`
        : `Deployment ${dep.metadata?.name} has no containers`,
    );
  return found;
}

export function deploymentImage(dep: V1Deployment, container?: string): string {
  return containerOf(dep, container).image ?? '';
}

export function deploymentReplicas(dep: V1Deployment): number {
  return dep.spec?.replicas ?? 1;
}

export function label(obj: { metadata?: { labels?: Record<string, string> } }, key: string) {
  return obj.metadata?.labels?.[key];
}

export function annotation(
  obj: { metadata?: { annotations?: Record<string, string> } },
  key: string,
): string | undefined {
  return obj.metadata?.annotations?.[key];
}

/** A label selector as the API's `labelSelector` query (matchLabels only: what Deployments Kiln drives use). */
export function selectorQuery(selector: V1LabelSelector | undefined): string {
  const exprs = selector?.matchExpressions ?? [];
  const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
  for (const e of exprs) {
    const values = (e.values ?? []).join(',');
    if (e.operator === 'In') parts.push(`${e.key} in (${values})`);
    else if (e.operator === 'NotIn') parts.push(`${e.key} notin (${values})`);
    else if (e.operator === 'Exists') parts.push(e.key);
    else if (e.operator === 'DoesNotExist') parts.push(`!${e.key}`);
  }
  return parts.join(',');
}

/** Seconds from milliseconds, at least 1: the unit of `progressDeadlineSeconds`. */
export function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

/**
 * The Deployment of a first deploy: one container on the digest, a readiness probe from the
 * request's health check (Kubernetes sends traffic only to ready pods, so the probe is the
 * gate), start-first (`maxUnavailable: 0`, `maxSurge: batchSize`), and Kubernetes' own
 * progress deadline set to the health timeout.
 */
export function newDeployment(
  name: string,
  namespace: string,
  r: DeployRequest,
  opts: {
    target: string;
    strategy: 'rolling' | 'blue-green';
    replicas: number;
    colour?: Colour;
    container?: string;
  },
): V1Deployment {
  const labels = {
    [LABEL.target]: opts.target,
    ...(opts.colour ? { [LABEL.colour]: opts.colour } : {}),
  };
  const h = r.health;
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace, labels: { ...labels, [LABEL.strategy]: opts.strategy } },
    spec: {
      replicas: opts.replicas,
      selector: { matchLabels: labels },
      progressDeadlineSeconds: seconds(r.healthTimeoutMs),
      strategy: {
        type: 'RollingUpdate',
        rollingUpdate: { maxSurge: r.batchSize, maxUnavailable: 0 },
      },
      template: {
        metadata: { labels },
        spec: {
          containers: [
            {
              name: opts.container ?? DEFAULT_CONTAINER,
              image: r.image,
              ...(r.port !== undefined ? { ports: [{ containerPort: r.port }] } : {}),
              ...(h
                ? {
                    readinessProbe: {
                      exec: { command: ['/bin/sh', '-c', h.cmd] },
                      ...(h.intervalMs ? { periodSeconds: seconds(h.intervalMs) } : {}),
                      ...(h.timeoutMs ? { timeoutSeconds: seconds(h.timeoutMs) } : {}),
                      ...(h.retries ? { failureThreshold: h.retries } : {}),
                      ...(h.startPeriodMs ? { initialDelaySeconds: seconds(h.startPeriodMs) } : {}),
                    },
                  }
                : {}),
            },
          ],
        },
      },
    },
  };
}

/**
 * The strategic-merge patch of `kubectl set image`: the container (merged by name) gets the
 * digest; nothing else of the pod template changes. `extra` adds spec fields (replicas).
 */
export function imagePatch(
  container: string,
  image: string,
  extra: { replicas?: number; annotations?: Record<string, string | null> } = {},
): Patch<V1Deployment> {
  return {
    ...(extra.annotations ? { metadata: { annotations: extra.annotations } } : {}),
    spec: {
      ...(extra.replicas !== undefined ? { replicas: extra.replicas } : {}),
      template: { spec: { containers: [{ name: container, image }] } },
    },
  };
}

/** How a rollout stands, in the words of `kubectl rollout status`. */
export type RolloutStatus =
  | { kind: 'complete'; message: string }
  | { kind: 'progressing'; message: string }
  /** The `Progressing` condition's reason is ProgressDeadlineExceeded: `progressDeadlineSeconds` passed. */
  | { kind: 'stalled'; message: string };

/** kubectl's rollout status rules: observed generation, updated, old and available replicas, the deadline. */
export function rolloutStatus(dep: V1Deployment): RolloutStatus {
  const name = dep.metadata?.name ?? '';
  const st = dep.status ?? {};
  if ((dep.metadata?.generation ?? 0) > (st.observedGeneration ?? 0))
    return {
      kind: 'progressing',
      message: 'waiting for the deployment spec update to be observed',
    };
  const progressing = st.conditions?.find((c) => c.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded')
    return {
      kind: 'stalled',
      message: `deployment ${name} exceeded its progress deadline (${dep.spec?.progressDeadlineSeconds ?? 600} s)${progressing.message ? `: ${progressing.message}` : ''}`,
    };
  const want = deploymentReplicas(dep);
  const updated = st.updatedReplicas ?? 0;
  if (updated < want)
    return { kind: 'progressing', message: `${updated} of ${want} new replicas have been updated` };
  if ((st.replicas ?? 0) > updated)
    return {
      kind: 'progressing',
      message: `${(st.replicas ?? 0) - updated} old replicas are pending termination`,
    };
  if ((st.availableReplicas ?? 0) < updated)
    return {
      kind: 'progressing',
      message: `${st.availableReplicas ?? 0} of ${updated} updated replicas are available`,
    };
  return { kind: 'complete', message: `deployment ${name} successfully rolled out` };
}

export function revisionOf(obj: { metadata?: { annotations?: Record<string, string> } }): number {
  return Number(annotation(obj, ANNOTATION.revision)) || 0;
}

/**
 * `kubectl rollout undo`'s target: the ReplicaSet of the newest revision before the current
 * one (the current is the one with the Deployment's revision), among those the Deployment owns.
 */
export function previousReplicaSet(
  dep: V1Deployment,
  sets: readonly V1ReplicaSet[],
): V1ReplicaSet | undefined {
  const uid = dep.metadata?.uid;
  const owned = sets.filter((rs) =>
    (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Deployment' && o.uid === uid),
  );
  const current = revisionOf(dep) || Math.max(0, ...owned.map(revisionOf));
  return owned
    .filter((rs) => revisionOf(rs) > 0 && revisionOf(rs) < current)
    .sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}

/** A ReplicaSet's pod template as the Deployment's again: without the controller's hash label. */
export function templateOf(rs: V1ReplicaSet): V1PodTemplateSpec {
  const template = structuredClone(rs.spec?.template ?? {});
  if (template.metadata?.labels) delete template.metadata.labels[POD_TEMPLATE_HASH];
  return template;
}

/** The undo as kubectl sends it: JSON patch replacing the pod template, Kiln's note beside it. */
export function undoPatch(
  rs: V1ReplicaSet,
  rolledBackFrom: string,
  hasAnnotations: boolean,
): JsonPatchOp[] {
  const key = ANNOTATION.rolledBackFrom.replace(/~/g, '~0').replace(/\//g, '~1');
  return [
    { op: 'replace', path: '/spec/template', value: templateOf(rs) },
    hasAnnotations
      ? { op: 'add', path: `/metadata/annotations/${key}`, value: rolledBackFrom }
      : {
          op: 'add',
          path: '/metadata/annotations',
          value: { [ANNOTATION.rolledBackFrom]: rolledBackFrom },
        },
  ];
}

/** A pod whose deletion has not begun and that has not ended. */
export function isLive(pod: V1Pod): boolean {
  return (
    !pod.metadata?.deletionTimestamp &&
    pod.status?.phase !== 'Succeeded' &&
    pod.status?.phase !== 'Failed'
  );
}

/**
 * One pod as a fleet instance. `imageId` is what the node's runtime reports it pulled (the
 * digest that really runs); health is the container's readiness, `none` without a readiness
 * probe (nothing gated it), as the swarm provider reports a task without a health check.
 */
export function podTask(pod: V1Pod, container: string, port?: number): FleetTask {
  const spec = pod.spec?.containers.find((c) => c.name === container);
  const status = pod.status?.containerStatuses?.find((c) => c.name === container);
  const waiting = status?.state?.waiting;
  const terminated = status?.state?.terminated;
  const state = status?.state?.running
    ? 'running'
    : terminated
      ? 'failed'
      : waiting
        ? 'starting'
        : (pod.status?.phase ?? 'pending').toLowerCase();
  const health = !spec?.readinessProbe
    ? 'none'
    : status?.ready
      ? 'healthy'
      : (status?.restartCount ?? 0) > 0
        ? 'unhealthy'
        : 'starting';
  const error =
    waiting?.reason && waiting.reason !== 'ContainerCreating'
      ? `${waiting.reason}${waiting.message ? `: ${waiting.message}` : ''}`
      : terminated
        ? `${terminated.reason ?? 'terminated'} (exit ${terminated.exitCode})`
        : undefined;
  const ip = pod.status?.podIP;
  return {
    id: pod.metadata?.name ?? '',
    node: pod.spec?.nodeName ?? '',
    state,
    health,
    image: spec?.image ?? status?.image ?? '',
    imageId: status?.imageID ?? '',
    ...(ip && port ? { address: `${ip}:${port}` } : {}),
    ...(error ? { error } : {}),
  };
}

/** The port the pods serve on: the container's first declared port. */
export function containerPort(dep: V1Deployment, container?: string): number | undefined {
  return containerOf(dep, container).ports?.[0]?.containerPort;
}
