import { createHash, randomUUID } from 'node:crypto';
import {
  createServer as createHttpServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import {
  type V1Deployment,
  type V1Pod,
  type V1ReplicaSet,
  type V1Service,
  type V1Status,
} from '@kubernetes/client-node';
// The client's own serializer (the models' attribute maps), not re-exported by its index.
import { ObjectSerializer } from '@kubernetes/client-node/dist/gen/models/ObjectSerializer.js';
import { checkKube } from './kube-types.js';
import { selfSignedCertificate } from './self-signed.js';

/**
 * A local fake of the few Kubernetes API endpoints the kubernetes provider calls (Deployments,
 * ReplicaSets, pods by label selector, Services), over HTTPS with a CA of its own and a bearer
 * token, with a simulated deployment controller: a rollout surges new pods, which start and
 * turn ready over ticks, and scales the old ReplicaSet down; a release whose readiness never
 * passes stalls until its `progressDeadlineSeconds` pass (the `Progressing` condition becomes
 * ProgressDeadlineExceeded). State is kept as the client's own types (checked at compile time);
 * every request body and every response is also checked at run time against the client's
 * models (kube-types.ts): an unknown field, a missing required one or a wrong type is answered
 * 400/500 and recorded in `violations`, which tests assert to be empty.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/** How the fake runs an image. */
export interface FakeImage {
  /** What its pods answer through a Service. */
  page?: string;
  /** Whether its readiness probe passes (false: a broken release). */
  ready: boolean;
  /** What the node's runtime reports as imageID (default `repo@digest` of the reference). */
  imageId?: string;
}

export interface FakeKubeOptions {
  images: Record<string, FakeImage>;
  token?: string;
  /** Real milliseconds between two controller steps. */
  tickMs?: number;
  /** Real milliseconds the controller counts as one second of a progress deadline. */
  secondMs?: number;
  nodes?: string[];
}

/** One request as the fake saw it. */
export interface SeenRequest {
  method: string;
  path: string;
  query: string;
  contentType?: string;
  body?: Json;
  status: number;
}

interface PodState {
  pod: V1Pod;
  born: number;
  ticks: number;
}

const ANN_REVISION = 'deployment.kubernetes.io/revision';
const HASH = 'pod-template-hash';
const PATCH_TYPES = [
  'application/strategic-merge-patch+json',
  'application/merge-patch+json',
  'application/json-patch+json',
];
/** Lists merged by key in a strategic-merge patch (the API's patchMergeKey), as far as the fake needs. */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name',
  initContainers: 'name',
  env: 'name',
  ports: 'containerPort',
  volumes: 'name',
  volumeMounts: 'mountPath',
};

const isObject = (v: Json | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** RFC 7386 merge; with `strategic`, the lists of MERGE_KEYS merge element by element on their key. */
export function mergePatch(
  target: Json | undefined,
  patch: Json,
  strategic: boolean,
  key = '',
): Json {
  if (strategic && Array.isArray(patch) && Array.isArray(target) && MERGE_KEYS[key]) {
    const k = MERGE_KEYS[key] as string;
    const out = [...target];
    for (const p of patch) {
      const i = out.findIndex((t) => isObject(t) && isObject(p) && t[k] === p[k]);
      if (i >= 0) out[i] = mergePatch(out[i], p, strategic);
      else out.push(p);
    }
    return out;
  }
  if (!isObject(patch)) return patch;
  const out: JsonObject = isObject(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v, strategic, k);
  }
  return out;
}

/** RFC 6902, the operations `kubectl rollout undo` and the provider send. */
export function jsonPatch(doc: Json, ops: Json): Json {
  if (!Array.isArray(ops)) throw new Error('a JSON patch is an array of operations');
  let out = structuredClone(doc);
  for (const op of ops) {
    if (!isObject(op) || typeof op.path !== 'string' || typeof op.op !== 'string')
      throw new Error(`bad operation ${JSON.stringify(op)}`);
    const keys = op.path
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'));
    const last = keys.pop();
    if (last === undefined) {
      out = op.value ?? null;
      continue;
    }
    let parent: Json | undefined = out;
    for (const k of keys) parent = isObject(parent) ? parent[k] : undefined;
    if (!isObject(parent)) throw new Error(`path ${op.path} does not exist`);
    if (op.op === 'test') {
      if (JSON.stringify(parent[last]) !== JSON.stringify(op.value))
        throw new Error(`test of ${op.path} failed`);
    } else if (op.op === 'remove') {
      if (!(last in parent)) throw new Error(`path ${op.path} does not exist`);
      delete parent[last];
    } else if (op.op === 'replace') {
      if (!(last in parent)) throw new Error(`path ${op.path} does not exist`);
      parent[last] = op.value ?? null;
    } else if (op.op === 'add') parent[last] = op.value ?? null;
    else throw new Error(`operation ${op.op} is not supported by the fake`);
  }
  return out;
}

/** `a=b,c=d` (equality only: what the provider sends) as a predicate on labels. */
function selectorMatcher(query: string): (labels: Record<string, string> | undefined) => boolean {
  const pairs = query
    .split(',')
    .filter(Boolean)
    .map((p) => {
      const m = /^([^=!]+)=([^=]*)$/.exec(p);
      if (!m) throw new Error(`label selector ${JSON.stringify(p)} is not an equality`);
      return [m[1] as string, m[2] as string] as const;
    });
  return (labels) => pairs.every(([k, v]) => labels?.[k] === v);
}

const matches = (selector: Record<string, string> | undefined, labels?: Record<string, string>) =>
  Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);

function intOrPercent(
  v: number | string | undefined,
  of: number,
  round: (n: number) => number,
  dflt: number,
): number {
  if (v === undefined) return dflt;
  if (typeof v === 'number') return v;
  const pct = /^(\d+)%$/.exec(v);
  return pct ? round((of * Number(pct[1])) / 100) : Number(v);
}

export class FakeKubeApi {
  readonly requests: SeenRequest[] = [];
  readonly violations: string[] = [];
  readonly deployments = new Map<string, V1Deployment>();
  readonly replicaSets = new Map<string, V1ReplicaSet>();
  readonly services = new Map<string, V1Service>();
  readonly pods = new Map<string, PodState>();
  /** RBAC: `verb resource` pairs (`patch deployments.apps`) answered 403. */
  readonly deny = new Set<string>();
  url = '';
  readonly token: string;
  readonly images: Record<string, FakeImage>;
  private readonly tickMs: number;
  private readonly secondMs: number;
  private readonly nodes: string[];
  // The fake's own CA for 127.0.0.1, given to the client by the kubeconfig.
  private readonly tls = selfSignedCertificate('/CN=127.0.0.1', {
    days: 1,
    altName: 'IP:127.0.0.1',
  });
  private server: Server | undefined;
  private readonly serviceServers: Server[] = [];
  private timer: NodeJS.Timeout | undefined;
  private version = 1;
  private now = 0;
  private podSeq = 0;
  private readonly faults: Array<{ method: string; path: RegExp; status: number; reason: string }> =
    [];
  private readonly progress = new Map<string, { at: number; key: string }>();
  private roundRobin = 0;

  constructor(opts: FakeKubeOptions) {
    this.images = opts.images;
    this.token = opts.token ?? `fake-${randomUUID()}`;
    this.tickMs = opts.tickMs ?? 20;
    this.secondMs = opts.secondMs ?? 100;
    this.nodes = opts.nodes ?? ['node-a', 'node-b', 'node-c'];
  }

  async start(): Promise<this> {
    const server = createHttpsServer(this.tls, (req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.server = server;
    this.url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
    this.timer = setInterval(() => this.tick(), this.tickMs);
    return this;
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    for (const s of [this.server, ...this.serviceServers])
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** A kubeconfig for the fake: its CA, the bearer token, a context with `namespace`. */
  kubeconfig(namespace = 'default', token = this.token): string {
    const ca = Buffer.from(this.tls.cert).toString('base64');
    return [
      'apiVersion: v1',
      'kind: Config',
      'clusters:',
      `- name: fake`,
      `  cluster: { server: "${this.url}", certificate-authority-data: "${ca}" }`,
      'users:',
      `- name: kiln`,
      `  user: { token: "${token}" }`,
      'contexts:',
      `- name: fake`,
      `  context: { cluster: fake, user: kiln, namespace: ${namespace} }`,
      'current-context: fake',
      '',
    ].join('\n');
  }

  /** The next request matching `method` and `path` is answered `status` (409 Conflict, 503 …). */
  failNext(
    method: string,
    path: RegExp,
    status: number,
    reason = status === 409 ? 'Conflict' : 'ServiceUnavailable',
  ): void {
    this.faults.push({ method, path, status, reason });
  }

  /**
   * Where the Service answers: a loopback listener that sends each request to one ready pod
   * its selector matches (as kube-proxy does), answered with that pod's image page.
   */
  async serviceUrl(namespace: string, name: string): Promise<string> {
    const server = createHttpServer((req, res) => {
      const svc = this.services.get(`${namespace}/${name}`);
      const ready = [...this.pods.values()]
        .map((p) => p.pod)
        .filter(
          (p) =>
            p.metadata?.namespace === namespace &&
            !p.metadata.deletionTimestamp &&
            svc &&
            matches(svc.spec?.selector, p.metadata.labels) &&
            p.status?.containerStatuses?.every((c) => c.ready),
        );
      const pod = ready[this.roundRobin++ % Math.max(1, ready.length)];
      if (!svc || !pod) {
        res.writeHead(503).end('no endpoints');
        return;
      }
      const image = pod.spec?.containers[0]?.image ?? '';
      res.writeHead(200, { 'content-type': 'text/html' }).end(this.images[image]?.page ?? 'ok');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    this.serviceServers.push(server);
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  /** Live pods of a Deployment (by its selector), for assertions. */
  podsOf(namespace: string, deployment: string): V1Pod[] {
    const d = this.deployments.get(`${namespace}/${deployment}`);
    return [...this.pods.values()]
      .map((p) => p.pod)
      .filter(
        (p) =>
          p.metadata?.namespace === namespace &&
          !p.metadata.deletionTimestamp &&
          matches(d?.spec?.selector.matchLabels, p.metadata.labels),
      );
  }

  // ------------------------------------------------------------------ HTTP

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const seen: SeenRequest = {
      method: req.method ?? '',
      path: url.pathname,
      query: url.search,
      ...(req.headers['content-type'] ? { contentType: req.headers['content-type'] } : {}),
      status: 0,
    };
    this.requests.push(seen);
    const send = (status: number, body: unknown, type: string): void => {
      seen.status = status;
      const json = ObjectSerializer.serialize(body, type, '') as Json;
      const problems = checkKube(json, type);
      if (problems.length) {
        this.violations.push(`response ${req.method} ${url.pathname}: ${problems.join('; ')}`);
        res
          .writeHead(500, { 'content-type': 'application/json' })
          .end(JSON.stringify({ message: problems.join('; ') }));
        return;
      }
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
    };
    const fail = (
      code: number,
      reason: string,
      message: string,
      details?: V1Status['details'],
    ): void =>
      send(
        code,
        {
          apiVersion: 'v1',
          kind: 'Status',
          status: 'Failure',
          code,
          reason,
          message,
          ...(details ? { details } : {}),
        } satisfies V1Status,
        'V1Status',
      );
    try {
      if (text) seen.body = JSON.parse(text) as Json;
    } catch {
      this.violations.push(`request ${req.method} ${url.pathname}: body is not JSON`);
      return fail(400, 'BadRequest', 'body is not JSON');
    }
    if (req.headers.authorization !== `Bearer ${this.token}`)
      return fail(401, 'Unauthorized', 'Unauthorized');
    const fault = this.faults.findIndex(
      (f) => f.method === req.method && f.path.test(url.pathname),
    );
    if (fault >= 0) {
      const [f] = this.faults.splice(fault, 1);
      if (f) return fail(f.status, f.reason, `injected ${f.status}`);
    }

    const route =
      /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/(deployments|replicasets)(?:\/([^/]+))?$/.exec(
        url.pathname,
      ) ?? /^\/api\/v1\/namespaces\/([^/]+)\/(pods|services)(?:\/([^/]+))?$/.exec(url.pathname);
    if (!route) {
      this.violations.push(`unexpected endpoint ${req.method} ${url.pathname}`);
      return fail(404, 'NotFound', `the fake has no ${url.pathname}`);
    }
    const [, ns = '', kind = '', name] = route;
    const resource = kind === 'deployments' || kind === 'replicasets' ? `${kind}.apps` : kind;
    const verb =
      {
        GET: name ? 'get' : 'list',
        POST: 'create',
        PATCH: 'patch',
        DELETE: 'delete',
        PUT: 'update',
      }[req.method ?? ''] ?? 'unknown';
    if (this.deny.has(`${verb} ${resource}`)) {
      const [res0, group = ''] = resource.split('.');
      return fail(
        403,
        'Forbidden',
        `${resource} ${name ? `"${name}" ` : ''}is forbidden: User "system:serviceaccount:ci:kiln" cannot ${verb} resource "${res0}" in API group "${group}" in the namespace "${ns}"`,
        { ...(name ? { name } : {}), group, kind: res0 ?? '' },
      );
    }
    try {
      this.route(verb, kind, ns, name, url, seen, send, fail);
    } catch (err) {
      this.violations.push(`fake error on ${req.method} ${url.pathname}: ${String(err)}`);
      fail(500, 'InternalError', String(err));
    }
  }

  private route(
    verb: string,
    kind: string,
    ns: string,
    name: string | undefined,
    url: URL,
    seen: SeenRequest,
    send: (status: number, body: unknown, type: string) => void,
    fail: (code: number, reason: string, message: string) => void,
  ): void {
    const key = `${ns}/${name ?? ''}`;
    const TYPES: Record<string, string> = {
      deployments: 'V1Deployment',
      replicasets: 'V1ReplicaSet',
      pods: 'V1Pod',
      services: 'V1Service',
    };
    const type = TYPES[kind] as string;
    const store = (
      kind === 'deployments' ? this.deployments : kind === 'services' ? this.services : undefined
    ) as Map<string, V1Deployment | V1Service> | undefined;
    const notFound = () => fail(404, 'NotFound', `${kind} "${name}" not found`);
    const selector = url.searchParams.get('labelSelector') ?? '';

    if (verb === 'list') {
      let match: ReturnType<typeof selectorMatcher>;
      try {
        match = selectorMatcher(selector);
      } catch (err) {
        this.violations.push(String(err));
        return fail(400, 'BadRequest', String(err));
      }
      const items =
        kind === 'replicasets'
          ? [...this.replicaSets.values()]
          : kind === 'pods'
            ? [...this.pods.values()].map((p) => p.pod)
            : kind === 'deployments'
              ? [...this.deployments.values()]
              : [...this.services.values()];
      const list = {
        apiVersion: kind === 'replicasets' || kind === 'deployments' ? 'apps/v1' : 'v1',
        kind: `${type.slice(2)}List`,
        metadata: { resourceVersion: String(this.version) },
        items: items.filter((o) => o.metadata?.namespace === ns && match(o.metadata?.labels)),
      };
      return send(200, list, `${type}List`);
    }
    if (!store) {
      this.violations.push(`unexpected ${verb} of ${kind}`);
      return fail(405, 'MethodNotAllowed', `the fake does not ${verb} ${kind}`);
    }
    if (verb === 'get') {
      const obj = store.get(key);
      return obj ? send(200, obj, type) : notFound();
    }
    if (verb === 'create') {
      const problems = checkKube(seen.body, type);
      if (problems.length) {
        this.violations.push(`request create ${kind}: ${problems.join('; ')}`);
        return fail(400, 'BadRequest', problems.join('; '));
      }
      const obj = ObjectSerializer.deserialize(seen.body, type, '') as V1Deployment | V1Service;
      const objName = obj.metadata?.name ?? '';
      if (store.has(`${ns}/${objName}`))
        return fail(409, 'AlreadyExists', `${kind} "${objName}" already exists`);
      obj.metadata = {
        ...obj.metadata,
        namespace: ns,
        uid: randomUUID(),
        resourceVersion: String(++this.version),
        creationTimestamp: new Date(),
        ...(kind === 'deployments' ? { generation: 1 } : {}),
      };
      if (kind === 'deployments') (obj as V1Deployment).status = { observedGeneration: 0 };
      store.set(`${ns}/${objName}`, obj);
      return send(201, obj, type);
    }
    if (verb === 'patch') {
      const obj = store.get(key);
      if (!obj) return notFound();
      const ctype = seen.contentType ?? '';
      if (!PATCH_TYPES.includes(ctype)) {
        this.violations.push(`patch ${kind} with content type ${ctype}`);
        return fail(415, 'UnsupportedMediaType', `content type ${ctype}`);
      }
      if (ctype !== 'application/json-patch+json') {
        const problems = checkKube(seen.body, type, '$', { partial: true });
        if (problems.length) {
          this.violations.push(`request patch ${kind}: ${problems.join('; ')}`);
          return fail(400, 'BadRequest', problems.join('; '));
        }
      }
      const body = seen.body ?? null;
      const wantVersion =
        isObject(body) && isObject(body.metadata) ? body.metadata.resourceVersion : undefined;
      if (wantVersion !== undefined && wantVersion !== obj.metadata?.resourceVersion)
        return fail(
          409,
          'Conflict',
          `the object has been modified; please apply your changes to the latest version and try again`,
        );
      const before = ObjectSerializer.serialize(obj, type, '') as JsonObject;
      let after: Json;
      try {
        after =
          ctype === 'application/json-patch+json'
            ? jsonPatch(before, body)
            : mergePatch(before, body, ctype === 'application/strategic-merge-patch+json');
      } catch (err) {
        return fail(422, 'Invalid', String(err));
      }
      const problems = checkKube(after, type);
      if (problems.length) {
        this.violations.push(`patched ${kind} ${name}: ${problems.join('; ')}`);
        return fail(422, 'Invalid', problems.join('; '));
      }
      const next = ObjectSerializer.deserialize(after, type, '') as V1Deployment | V1Service;
      next.metadata = { ...next.metadata, resourceVersion: String(++this.version) };
      if (
        kind === 'deployments' &&
        JSON.stringify((after as JsonObject).spec) !== JSON.stringify(before.spec)
      )
        next.metadata.generation = (obj.metadata?.generation ?? 1) + 1;
      store.set(key, next);
      return send(200, next, type);
    }
    this.violations.push(`unexpected ${verb} of ${kind}`);
    fail(405, 'MethodNotAllowed', `the fake does not ${verb} ${kind}`);
  }

  // ------------------------------------------------------------------ the controller

  private tick(): void {
    this.now += this.tickMs;
    for (const [key, p] of this.pods) if (p.pod.metadata?.deletionTimestamp) this.pods.delete(key);
    for (const dep of this.deployments.values()) this.rollout(dep);
    for (const rs of this.replicaSets.values()) this.reconcile(rs);
    for (const p of this.pods.values()) this.advance(p);
    for (const dep of this.deployments.values()) this.status(dep);
  }

  private owned(dep: V1Deployment): V1ReplicaSet[] {
    return [...this.replicaSets.values()].filter((rs) =>
      rs.metadata?.ownerReferences?.some((o) => o.uid === dep.metadata?.uid),
    );
  }

  private podsOfSet(rs: V1ReplicaSet): PodState[] {
    return [...this.pods.values()].filter(
      (p) =>
        !p.pod.metadata?.deletionTimestamp &&
        p.pod.metadata?.ownerReferences?.some((o) => o.uid === rs.metadata?.uid),
    );
  }

  private ready(p: PodState): boolean {
    return p.pod.status?.containerStatuses?.every((c) => c.ready) ?? false;
  }

  /** The deployment controller: the ReplicaSet of the current template, surged up, the old ones scaled down. */
  private rollout(dep: V1Deployment): void {
    const spec = dep.spec;
    if (!spec || !dep.metadata) return;
    const ns = dep.metadata.namespace ?? '';
    const template = ObjectSerializer.serialize(
      spec.template,
      'V1PodTemplateSpec',
      '',
    ) as JsonObject;
    const hash = createHash('sha256').update(JSON.stringify(template)).digest('hex').slice(0, 10);
    const sets = this.owned(dep);
    const maxRevision = Math.max(
      0,
      ...sets.map((rs) => Number(rs.metadata?.annotations?.[ANN_REVISION]) || 0),
    );
    let current = sets.find((rs) => rs.metadata?.labels?.[HASH] === hash);
    if (!current) {
      const tpl = ObjectSerializer.deserialize(
        structuredClone(template),
        'V1PodTemplateSpec',
        '',
      ) as NonNullable<NonNullable<V1ReplicaSet['spec']>['template']>;
      tpl.metadata = { ...tpl.metadata, labels: { ...(tpl.metadata?.labels ?? {}), [HASH]: hash } };
      current = {
        apiVersion: 'apps/v1',
        kind: 'ReplicaSet',
        metadata: {
          name: `${dep.metadata.name}-${hash}`,
          namespace: ns,
          uid: randomUUID(),
          resourceVersion: String(++this.version),
          creationTimestamp: new Date(),
          labels: { ...(tpl.metadata.labels ?? {}) },
          annotations: { [ANN_REVISION]: String(maxRevision + 1) },
          ownerReferences: [
            {
              apiVersion: 'apps/v1',
              kind: 'Deployment',
              name: dep.metadata.name ?? '',
              uid: dep.metadata.uid ?? '',
              controller: true,
              blockOwnerDeletion: true,
            },
          ],
        },
        spec: {
          replicas: 0,
          selector: { matchLabels: { ...(spec.selector.matchLabels ?? {}), [HASH]: hash } },
          template: tpl,
        },
        status: { replicas: 0 },
      };
      this.replicaSets.set(`${ns}/${current.metadata?.name}`, current);
    } else if ((Number(current.metadata?.annotations?.[ANN_REVISION]) || 0) < maxRevision) {
      // An old template again (an undo): its ReplicaSet becomes the newest revision.
      current.metadata = {
        ...current.metadata,
        annotations: { ...current.metadata?.annotations, [ANN_REVISION]: String(maxRevision + 1) },
      };
    }
    const revision = current.metadata?.annotations?.[ANN_REVISION] ?? '1';
    if (dep.metadata.annotations?.[ANN_REVISION] !== revision)
      dep.metadata.annotations = { ...dep.metadata.annotations, [ANN_REVISION]: revision };
    dep.status = { ...dep.status, observedGeneration: dep.metadata.generation ?? 1 };

    const want = spec.replicas ?? 1;
    const ru = spec.strategy?.rollingUpdate;
    let surge = intOrPercent(ru?.maxSurge, want, Math.ceil, Math.ceil(want / 4));
    const unavailable = intOrPercent(ru?.maxUnavailable, want, Math.floor, Math.floor(want / 4));
    if (surge === 0 && unavailable === 0) surge = 1;
    const others = sets.filter((rs) => rs !== current);
    const total = [current, ...others].reduce((n, rs) => n + (rs.spec?.replicas ?? 0), 0);
    const cur = current.spec as NonNullable<V1ReplicaSet['spec']>;
    cur.replicas = Math.min(want, (cur.replicas ?? 0) + Math.max(0, want + surge - total));
    // Old pods go as far as availability allows: never below want - maxUnavailable ready.
    const readyAll = [current, ...others].reduce(
      (n, rs) => n + this.podsOfSet(rs).filter((p) => this.ready(p)).length,
      0,
    );
    let removable = Math.max(0, readyAll - (want - unavailable));
    for (const rs of others) {
      const s = rs.spec as NonNullable<V1ReplicaSet['spec']>;
      const pods = this.podsOfSet(rs);
      const notReady = pods.filter((p) => !this.ready(p)).length;
      const cut = Math.min(s.replicas ?? 0, notReady + removable);
      removable -= Math.max(0, cut - notReady);
      s.replicas = (s.replicas ?? 0) - cut;
    }
    if (want < (cur.replicas ?? 0)) cur.replicas = want;
  }

  /** The ReplicaSet controller: as many pods as replicas, extras deleted (not-ready ones first). */
  private reconcile(rs: V1ReplicaSet): void {
    const want = rs.spec?.replicas ?? 0;
    const pods = this.podsOfSet(rs).sort((a, b) => Number(this.ready(a)) - Number(this.ready(b)));
    for (let i = pods.length; i < want; i++) this.createPod(rs);
    for (const p of pods.slice(0, Math.max(0, pods.length - want)))
      p.pod.metadata = { ...p.pod.metadata, deletionTimestamp: new Date() };
  }

  private createPod(rs: V1ReplicaSet): void {
    const seq = ++this.podSeq;
    const ns = rs.metadata?.namespace ?? '';
    const name = `${rs.metadata?.name}-${seq.toString(36).padStart(5, '0')}`;
    const tpl = rs.spec?.template;
    const pod: V1Pod = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name,
        namespace: ns,
        uid: randomUUID(),
        creationTimestamp: new Date(),
        labels: { ...(tpl?.metadata?.labels ?? {}) },
        ownerReferences: [
          {
            apiVersion: 'apps/v1',
            kind: 'ReplicaSet',
            name: rs.metadata?.name ?? '',
            uid: rs.metadata?.uid ?? '',
            controller: true,
          },
        ],
      },
      spec: {
        ...(structuredClone(tpl?.spec) ?? { containers: [] }),
        nodeName: this.nodes[seq % this.nodes.length] ?? 'node',
      },
      status: {
        phase: 'Pending',
        containerStatuses: (tpl?.spec?.containers ?? []).map((c) => ({
          name: c.name,
          image: c.image ?? '',
          imageID: '',
          ready: false,
          restartCount: 0,
          started: false,
          state: { waiting: { reason: 'ContainerCreating' } },
        })),
      },
    };
    this.pods.set(`${ns}/${name}`, { pod, born: this.now, ticks: 0 });
  }

  /** The kubelet: a pod starts on its next tick and its readiness passes on the one after (good images only). */
  private advance(p: PodState): void {
    p.ticks++;
    const status = p.pod.status;
    if (!status) return;
    for (const c of status.containerStatuses ?? []) {
      const image = this.images[c.image];
      if (!image) {
        c.state = {
          waiting: { reason: 'ImagePullBackOff', message: `Back-off pulling image "${c.image}"` },
        };
        continue;
      }
      if (p.ticks >= 1 && !c.state?.running) {
        c.state = { running: { startedAt: new Date() } };
        c.started = true;
        const at = c.image.lastIndexOf('@');
        c.imageID = image.imageId ?? c.image;
        if (at < 0 && !image.imageId) c.imageID = `docker://sha256:${'0'.repeat(64)}`;
      }
      if (p.ticks >= 2) c.ready = image.ready;
    }
    const allRunning = status.containerStatuses?.every((c) => c.state?.running) ?? false;
    status.phase = allRunning ? 'Running' : 'Pending';
    if (allRunning)
      status.podIP = `10.0.${Math.floor(this.podSeq / 250)}.${(this.podSeq % 250) + 1}`;
    status.conditions = [{ type: 'Ready', status: this.ready(p) ? 'True' : 'False' }];
  }

  /** Deployment status and conditions, with the progress deadline counted in fake seconds. */
  private status(dep: V1Deployment): void {
    const sets = this.owned(dep);
    const hashOf = (rs: V1ReplicaSet) => rs.metadata?.labels?.[HASH];
    const revision = dep.metadata?.annotations?.[ANN_REVISION];
    const current = sets.find((rs) => rs.metadata?.annotations?.[ANN_REVISION] === revision);
    const all = sets.flatMap((rs) => this.podsOfSet(rs));
    const fresh = current ? this.podsOfSet(current) : [];
    const ready = all.filter((p) => this.ready(p)).length;
    const want = dep.spec?.replicas ?? 1;
    const key = `${dep.metadata?.namespace}/${dep.metadata?.name}`;
    const mark = `${current ? hashOf(current) : ''}:${fresh.length}:${fresh.filter((p) => this.ready(p)).length}:${all.length}`;
    const last = this.progress.get(key);
    if (!last || last.key !== mark) this.progress.set(key, { at: this.now, key: mark });
    const since = this.now - (this.progress.get(key)?.at ?? this.now);
    const complete =
      fresh.length === want &&
      all.length === want &&
      ready === want &&
      fresh.every((p) => this.ready(p));
    const deadline = (dep.spec?.progressDeadlineSeconds ?? 600) * this.secondMs;
    const prior = dep.status?.conditions?.find((c) => c.type === 'Progressing');
    const stalled =
      !complete &&
      (prior?.reason === 'ProgressDeadlineExceeded' ? last?.key === mark : since > deadline);
    const now = new Date();
    dep.status = {
      observedGeneration: dep.status?.observedGeneration ?? 0,
      replicas: all.length,
      updatedReplicas: fresh.length,
      readyReplicas: ready,
      availableReplicas: ready,
      ...(all.length - ready > 0 ? { unavailableReplicas: all.length - ready } : {}),
      conditions: [
        {
          type: 'Available',
          status: ready >= want - 0 ? 'True' : 'False',
          reason: ready >= want ? 'MinimumReplicasAvailable' : 'MinimumReplicasUnavailable',
          lastUpdateTime: now,
          lastTransitionTime: now,
        },
        complete
          ? {
              type: 'Progressing',
              status: 'True',
              reason: 'NewReplicaSetAvailable',
              message: `ReplicaSet "${current?.metadata?.name}" has successfully progressed.`,
              lastUpdateTime: now,
              lastTransitionTime: now,
            }
          : stalled
            ? {
                type: 'Progressing',
                status: 'False',
                reason: 'ProgressDeadlineExceeded',
                message: `ReplicaSet "${current?.metadata?.name}" has timed out progressing.`,
                lastUpdateTime: now,
                lastTransitionTime: now,
              }
            : {
                type: 'Progressing',
                status: 'True',
                reason: 'ReplicaSetUpdated',
                message: `ReplicaSet "${current?.metadata?.name}" is progressing.`,
                lastUpdateTime: now,
                lastTransitionTime: now,
              },
      ],
    };
    for (const rs of sets) {
      const pods = this.podsOfSet(rs);
      const r = pods.filter((p) => this.ready(p)).length;
      rs.status = {
        replicas: pods.length,
        readyReplicas: r,
        availableReplicas: r,
        observedGeneration: 1,
      };
    }
  }
}

/** Starts a fake API server; close() stops it and the Service listeners. */
export async function startFakeKubeApi(opts: FakeKubeOptions): Promise<FakeKubeApi> {
  return new FakeKubeApi(opts).start();
}
