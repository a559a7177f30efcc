export const id = 198;
export const ids = [198];
export const modules = {

/***/ 1079:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L0: () => (/* binding */ liveColour),
/* harmony export */   NB: () => (/* binding */ idleColour),
/* harmony export */   O5: () => (/* binding */ COLOURS),
/* harmony export */   RQ: () => (/* binding */ otherColour),
/* harmony export */   U7: () => (/* binding */ warmUntil),
/* harmony export */   dK: () => (/* binding */ warmExpired)
/* harmony export */ });
// The blue-green rules every provider with two colour pools shares: which colour is live,
// and how long the old one is kept warm after a switch.
const COLOURS = ['blue', 'green'];
const otherColour = (c) => (c === 'blue' ? 'green' : 'blue');
/**
 * The live colour: the one traffic is routed to, when that pool exists; else (a fresh or
 * restarted router, a Service that selects no colour) the only colour that runs and is not
 * merely kept warm; else none.
 */
function liveColour(routed, pools) {
    if (routed && pools[routed])
        return routed;
    const running = COLOURS.filter((c) => {
        const p = pools[c];
        return p && p.replicas > 0 && !p.warmUntil;
    });
    return running.length === 1 ? running[0] : undefined;
}
/** The end of a keep-warm window that starts now; undefined when nothing is kept warm. */
function warmUntil(now, keepWarmMs) {
    return keepWarmMs > 0 ? new Date(now + keepWarmMs).toISOString() : undefined;
}
/** A warm colour whose window has passed, to be retired (its spec stays for a switch back). */
function warmExpired(pool, live, colour, now) {
    return (!!pool?.warmUntil && colour !== live && pool.replicas > 0 && Date.parse(pool.warmUntil) <= now);
}
/**
 * The idle colour as a switch to the live one leaves it: retired with keep-warm 0, else kept
 * warm for its own window, or for one that starts now when it carries none (a run killed
 * between the switch and its ledger entry left it running, unlabelled); retired once its
 * window has passed.
 */
function idleColour(pool, keepWarmMs, now) {
    if (!pool || pool.replicas === 0)
        return { kind: 'none' };
    if (keepWarmMs <= 0)
        return { kind: 'retire' };
    const end = pool.warmUntil ? Date.parse(pool.warmUntil) : Number.NaN;
    if (Number.isNaN(end))
        return { kind: 'warm', until: warmUntil(now, keepWarmMs), label: true };
    if (end <= now)
        return { kind: 'retire' };
    return { kind: 'warm', until: pool.warmUntil, label: false };
}


/***/ }),

/***/ 3198:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  KubernetesProvider: () => (/* binding */ KubernetesProvider)
});

// UNUSED EXPORTS: loadKubeConfig

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/@kubernetes/client-node/dist/index.js + 875 modules
var dist = __webpack_require__(1943);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(8315);
// EXTERNAL MODULE: ./packages/core/src/fleet/colours.ts
var colours = __webpack_require__(1079);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(4469);
// EXTERNAL MODULE: ./packages/core/src/fleet/request-check.ts
var request_check = __webpack_require__(1642);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(9468);
;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/errors.ts



/** An API call of the Kubernetes provider that failed for an operational reason. */
class KubernetesError extends Error {
    status;
    name = 'KubernetesError';
    constructor(message, 
    /** The HTTP status the API server answered, when it answered. */
    status, options) {
        super(message, options);
        this.status = status;
    }
}
/** The status code of a failed call (client-node's ApiException carries it as `code`). */
function statusOf(err) {
    if (err instanceof KubernetesError)
        return err.status;
    const code = err?.code;
    return typeof code === 'number' && code >= 100 && code < 600 ? code : undefined;
}
/** The `Status` object an error answer carries (client-node keeps it as text or parsed). */
function statusBody(err) {
    let body = err?.body;
    if (typeof body === 'string') {
        const text = body;
        try {
            body = JSON.parse(text);
        }
        catch {
            return { text: text.trim().split('\n')[0]?.slice(0, 300) };
        }
    }
    const b = (body ?? {});
    return {
        ...(typeof b.message === 'string' ? { message: b.message } : {}),
        ...(typeof b.reason === 'string' ? { reason: b.reason } : {}),
    };
}
/** The API server's own sentence, when the answer holds one. */
function statusMessage(err) {
    const b = statusBody(err);
    return b.message ?? (b.text || undefined);
}
/** The object does not exist (404). */
function isNotFound(err) {
    return statusOf(err) === 404;
}
/**
 * Someone else wrote the object between our read and our write (409 Conflict): read again and
 * retry. A 409 AlreadyExists (a create of a name that is taken) is not one.
 */
function isConflict(err) {
    return statusOf(err) === 409 && statusBody(err).reason !== 'AlreadyExists';
}
/** The server did not take the request at all (429 throttled, 503 unavailable): safe to send again. */
function isBusy(err) {
    const status = statusOf(err);
    return status === 429 || status === 503;
}
function what(call) {
    const kind = call.resource.split('.')[0] ?? call.resource;
    return `${call.name ? `${kind}/${call.name}` : kind} in namespace ${call.namespace}`;
}
/**
 * Maps a failed API call to a ConfigurationError (the user's to fix: credentials, RBAC, a
 * missing Deployment, a spec the server refuses) or a KubernetesError with the server's words
 * and `cause`. The one place that reads the API's errors.
 */
function kubeError(err, call) {
    if (err instanceof errors/* ConfigurationError */.j1 || err instanceof KubernetesError)
        return err;
    const status = statusOf(err);
    const said = statusMessage(err);
    const suffix = said ? `: ${said}` : '';
    switch (status) {
        case 401:
            return new errors/* ConfigurationError */.j1(`Kubernetes refused the credentials to ${call.verb} ${what(call)} (401 Unauthorized): the kubeconfig's user has no valid token or certificate (expired?)${suffix}`);
        case 403:
            return new errors/* ConfigurationError */.j1(`Kubernetes forbids ${call.verb} on ${call.resource} in namespace ${call.namespace} (403 Forbidden): grant the deploying identity the verb "${call.verb}" on "${call.resource}" there (a Role and RoleBinding)${suffix}`);
        case 404:
            if (call.resource === 'deployments.apps' && call.name)
                return new errors/* ConfigurationError */.j1(`Deployment ${call.name} not found in namespace ${call.namespace}: check target and namespace (and the kubeconfig context)${suffix}`);
            if (call.resource === 'namespaces' || /namespaces? .* not found/i.test(said ?? ''))
                return new errors/* ConfigurationError */.j1(`Namespace ${call.namespace} not found${suffix}`);
            break;
        case 422:
        case 400:
            return new errors/* ConfigurationError */.j1(`Kubernetes refused to ${call.verb} ${what(call)} (${status})${suffix}`);
    }
    const reason = status !== undefined ? `${status}${suffix}` : (0,errors/* errorMessage */.gJ)(err);
    return new KubernetesError(`Could not ${call.verb} ${what(call)}: ${reason}`, status, {
        cause: err,
    });
}
/** How often a call that conflicts (409) or finds the server busy (429, 503) is sent again. */
const CONFLICT_ATTEMPTS = 5;
/**
 * Runs one API call (or one read-modify-write), again when the server answers 409 Conflict,
 * 429 or 503; every other failure is mapped once, by kubeError.
 */
async function kubeCall(call, fn, opts = {}) {
    try {
        return await (0,retry/* retry */.L5)(fn, {
            attempts: CONFLICT_ATTEMPTS,
            baseMs: 100,
            maxMs: 2_000,
            ...(opts.sleep ? { sleep: opts.sleep } : {}),
            retryable: (err) => isConflict(err) || isBusy(err),
            onRetry: (_err, attempt) => opts.onConflict?.(attempt),
        });
    }
    catch (err) {
        throw kubeError(err, call);
    }
}
// The kubelet's waiting reasons for a container whose image it cannot get: the release never ran.
const PULL_REASONS = /^(ErrImagePull|ImagePullBackOff)\b/;
/**
 * Whether a rollout of `image` failed because its pods could not pull it: the pods of that
 * digest that report an error all wait on the pull, and none ran and failed its readiness.
 * Returns the first such pod's reason (`ImagePullBackOff: Back-off pulling image …`), else undefined.
 */
function pullFailure(pods, image) {
    const digest = (0,converged/* digestOf */.ol)(image);
    const own = pods.filter((p) => digest !== undefined && (0,converged/* digestOf */.ol)(p.image) === digest);
    const failed = own.filter((p) => p.error);
    if (failed.length === 0)
        return undefined;
    const tried = own.some((p) => p.state === 'running' && p.health === 'unhealthy');
    if (tried || !failed.every((p) => PULL_REASONS.test(p.error ?? '')))
        return undefined;
    return failed[0]?.error;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/spec.ts

// Type-only imports above: this file is pure and loads no client code.
/** Labels Kiln puts on what it creates; the Service selects pods by target (and colour). */
const LABEL = {
    target: 'fleet.kiln.dev/target',
    strategy: 'fleet.kiln.dev/strategy',
    colour: 'fleet.kiln.dev/colour',
};
/** Annotations: Kiln's own, and the deployment controller's revision number. */
const ANNOTATION = {
    warmUntil: 'fleet.kiln.dev/warm-until',
    /** Set by an undo: the Deployment's previous revision is now the release rolled back from. */
    rolledBackFrom: 'fleet.kiln.dev/rolled-back-from',
    revision: 'deployment.kubernetes.io/revision',
};
/** The label the deployment controller adds to each ReplicaSet's pods; never part of a template Kiln writes. */
const POD_TEMPLATE_HASH = 'pod-template-hash';
/** The container name of Deployments Kiln creates. */
const DEFAULT_CONTAINER = 'app';
function colourDeployment(target, colour) {
    return `${target}-${colour}`;
}
/** The container whose image Kiln replaces: the one named by `container`, else the first. */
function containerOf(dep, container) {
    const containers = dep.spec?.template.spec?.containers ?? [];
    const found = container ? containers.find((c) => c.name === container) : containers[0];
    if (!found)
        throw new errors/* ConfigurationError */.j1(container
            ? `Deployment ${dep.metadata?.name} has no container ${JSON.stringify(container)}; its containers are ${containers.map((c) => c.name).join(', ') || 'none'} (kiln.yml kubernetes.container)`
            : `Deployment ${dep.metadata?.name} has no containers`);
    return found;
}
function deploymentImage(dep, container) {
    return containerOf(dep, container).image ?? '';
}
function deploymentReplicas(dep) {
    return dep.spec?.replicas ?? 1;
}
function label(obj, key) {
    return obj.metadata?.labels?.[key];
}
function annotation(obj, key) {
    return obj.metadata?.annotations?.[key];
}
/** A label selector as the API's `labelSelector` query (matchLabels only: what Deployments Kiln drives use). */
function selectorQuery(selector) {
    const exprs = selector?.matchExpressions ?? [];
    const parts = Object.entries(selector?.matchLabels ?? {}).map(([k, v]) => `${k}=${v}`);
    for (const e of exprs) {
        const values = (e.values ?? []).join(',');
        if (e.operator === 'In')
            parts.push(`${e.key} in (${values})`);
        else if (e.operator === 'NotIn')
            parts.push(`${e.key} notin (${values})`);
        else if (e.operator === 'Exists')
            parts.push(e.key);
        else if (e.operator === 'DoesNotExist')
            parts.push(`!${e.key}`);
    }
    return parts.join(',');
}
/** Seconds from milliseconds, at least 1: the unit of `progressDeadlineSeconds`. */
function seconds(ms) {
    return Math.max(1, Math.ceil(ms / 1000));
}
/**
 * The Deployment of a first deploy: one container on the digest, a readiness probe from the
 * request's health check (Kubernetes sends traffic only to ready pods, so the probe is the
 * gate), start-first (`maxUnavailable: 0`, `maxSurge: batchSize`), and Kubernetes' own
 * progress deadline set to the health timeout.
 */
function newDeployment(name, namespace, r, opts) {
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
function imagePatch(container, image, extra = {}) {
    return {
        ...(extra.annotations ? { metadata: { annotations: extra.annotations } } : {}),
        spec: {
            ...(extra.replicas !== undefined ? { replicas: extra.replicas } : {}),
            template: { spec: { containers: [{ name: container, image }] } },
        },
    };
}
/** kubectl's rollout status rules: observed generation, updated, old and available replicas, the deadline. */
function rolloutStatus(dep) {
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
function revisionOf(obj) {
    return Number(annotation(obj, ANNOTATION.revision)) || 0;
}
/**
 * `kubectl rollout undo`'s target: the ReplicaSet of the newest revision before the current
 * one (the current is the one with the Deployment's revision), among those the Deployment owns.
 */
function previousReplicaSet(dep, sets) {
    const uid = dep.metadata?.uid;
    const owned = sets.filter((rs) => (rs.metadata?.ownerReferences ?? []).some((o) => o.kind === 'Deployment' && o.uid === uid));
    const current = revisionOf(dep) || Math.max(0, ...owned.map(revisionOf));
    return owned
        .filter((rs) => revisionOf(rs) > 0 && revisionOf(rs) < current)
        .sort((a, b) => revisionOf(b) - revisionOf(a))[0];
}
/** A ReplicaSet's pod template as the Deployment's again: without the controller's hash label. */
function templateOf(rs) {
    const template = structuredClone(rs.spec?.template ?? {});
    if (template.metadata?.labels)
        delete template.metadata.labels[POD_TEMPLATE_HASH];
    return template;
}
/** The undo as kubectl sends it: JSON patch replacing the pod template, Kiln's note beside it. */
function undoPatch(rs, rolledBackFrom, hasAnnotations) {
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
function isLive(pod) {
    return (!pod.metadata?.deletionTimestamp &&
        pod.status?.phase !== 'Succeeded' &&
        pod.status?.phase !== 'Failed');
}
/**
 * One pod as a fleet instance. `imageId` is what the node's runtime reports it pulled (the
 * digest that really runs); health is the container's readiness, `none` without a readiness
 * probe (nothing gated it), as the swarm provider reports a task without a health check.
 */
function podTask(pod, container, port) {
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
    const error = waiting?.reason && waiting.reason !== 'ContainerCreating'
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
function containerPort(dep, container) {
    return containerOf(dep, container).ports?.[0]?.containerPort;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/blue-green.ts





/**
 * Blue-green: the new digest rolls out as the idle colour's Deployment at full size, proven
 * N/N ready from its pods' image ids, then the Service's selector moves to that colour in one
 * patch (its endpoints are the ready pods it selects). The old colour stays warm for
 * keepWarmMs, so a rollback is one selector patch back.
 */
async function blueGreenDeploy(ctx, r) {
    const started = ctx.now();
    const digest = (0,converged/* digestOf */.ol)(r.image);
    if (await ctx.deployment(ctx.target))
        throw new errors/* ConfigurationError */.j1(`Deployment ${ctx.target} runs as a rolling fleet; deploy it with strategy rolling (blue-green runs ${colourDeployment(ctx.target, 'blue')} and ${colourDeployment(ctx.target, 'green')})`);
    let fleet = await readColours(ctx);
    if (await retireExpired(ctx, fleet))
        fleet = await readColours(ctx);
    const live = fleet.live;
    const liveDep = live ? fleet.deployments[live] : undefined;
    const previous = liveDep ? ctx.image(liveDep) : undefined;
    const replicas = r.replicas ?? (liveDep ? deploymentReplicas(liveDep) : 0);
    if (!replicas)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} does not exist yet: the first deploy needs replicas`);
    if (live && liveDep && (0,converged/* digestOf */.ol)(previous ?? '') === digest) {
        const proof = (0,converged/* proveConvergence */.GZ)(await ctx.tasks(liveDep), digest, replicas);
        if (proof.converged && rolloutStatus(liveDep).kind === 'complete') {
            const warmUntil = await settle(ctx, fleet, live, r.port, r.keepWarmMs);
            ctx.log(`${liveDep.metadata?.name} already runs ${proof.summary} and takes the traffic: unchanged`);
            return {
                outcome: 'unchanged',
                strategy: 'blue-green',
                requested: r.image,
                image: r.image,
                proof,
                durationMs: ctx.now() - started,
                ...(warmUntil ? { warmUntil } : {}),
            };
        }
    }
    const idle = live ? (0,colours/* otherColour */.RQ)(live) : 'blue';
    const idleName = colourDeployment(ctx.target, idle);
    const idleDep = fleet.deployments[idle];
    const wasWarm = idleDep !== undefined && deploymentReplicas(idleDep) > 0;
    let port = r.port;
    if (!idleDep) {
        const body = liveDep
            ? sibling(ctx, liveDep, idleName, idle, r.image, replicas)
            : newDeployment(idleName, ctx.namespace, r, {
                target: ctx.target,
                strategy: 'blue-green',
                replicas,
                colour: idle,
                ...(ctx.container ? { container: ctx.container } : {}),
            });
        port ??= containerPort(body, ctx.container);
        await ctx.createDeployment(body);
    }
    else {
        port ??= containerPort(idleDep, ctx.container);
        // Its warm-until stays until the switch: a refused release leaves it warm, as it was.
        await ctx.patchDeployment(idleName, imagePatch(ctx.containerName(idleDep), r.image, {
            replicas,
            annotations: { [ANNOTATION.rolledBackFrom]: null },
        }));
    }
    ctx.log(`${idle} (${idleName}): ${replicas} × ${r.image} rolling out, no traffic yet`);
    const refuse = async (reason, proof) => {
        ctx.log(`${idleName}: ${reason}; traffic stays on ${live ?? 'nothing'}`);
        const now = await ctx.deployment(idleName);
        // Read before the colour is scaled away: an image no pod could pull never ran.
        const pull = now ? pullFailure(await ctx.tasks(now), r.image) : undefined;
        if (r.autoRollback) {
            // A new or retired colour goes back to 0; a warm one back to its previous revision, still warm.
            if (!wasWarm)
                await ctx.scale(idleName, 0);
            else if (now)
                await ctx.undo(now, r.image);
        }
        if (!live || !liveDep || !previous)
            throw new converged/* ConvergenceError */.g7(`fleet ${ctx.target} did not come up on ${r.image}: ${reason}; there is no earlier digest to return to`, proof);
        const back = (0,converged/* proveConvergence */.GZ)(await ctx.tasks(liveDep), (0,converged/* digestOf */.ol)(previous), replicas);
        if (!back.converged)
            throw new converged/* ConvergenceError */.g7(`fleet ${ctx.target} did not come up on ${r.image} (${reason}), and ${live} is not N/N on ${previous} either: ${back.summary}`, back);
        return {
            outcome: 'rolled-back',
            strategy: 'blue-green',
            requested: r.image,
            image: previous,
            previous,
            ...(pull ? { failure: 'pull' } : {}),
            reason: `${pull ? `the image could not be pulled: ${pull}` : reason}${r.autoRollback ? '' : ' (the new colour is left running: auto-rollback is off)'}`,
            proof: back,
            durationMs: ctx.now() - started,
        };
    };
    const end = await ctx.waitFor(idleName, digest, replicas, ctx.now() + r.healthTimeoutMs);
    if (end.kind !== 'converged')
        return refuse(ctx.explain(end), end.proof);
    if (r.preview)
        return refuse('a preview check was asked for, and the Kubernetes provider has no preview address', end.proof);
    await ctx.selectColour(idle, port);
    ctx.log(`traffic switched to ${idle}: service ${ctx.serviceName} selects ${idleName} (${end.proof.summary})`);
    if (annotation(end.deployment, ANNOTATION.warmUntil))
        await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: null });
    let warmUntil;
    if (live && liveDep) {
        const liveName = colourDeployment(ctx.target, live);
        warmUntil = (0,colours/* warmUntil */.U7)(ctx.now(), r.keepWarmMs);
        if (warmUntil) {
            await ctx.annotate(liveName, { [ANNOTATION.warmUntil]: warmUntil });
            ctx.log(`${live} (${liveName}) kept warm until ${warmUntil}: rollback is one switch back`);
        }
        else
            await retire(ctx, live);
    }
    return {
        outcome: 'deployed',
        strategy: 'blue-green',
        requested: r.image,
        image: r.image,
        ...(previous ? { previous } : {}),
        proof: end.proof,
        durationMs: ctx.now() - started,
        ...(warmUntil ? { warmUntil } : {}),
    };
}
/** Switch back to the other colour: at once while it is warm, after scaling it up when retired. */
async function blueGreenRollback(ctx, healthTimeoutMs) {
    const started = ctx.now();
    const fleet = await readColours(ctx);
    const live = fleet.live;
    const liveDep = live ? fleet.deployments[live] : undefined;
    if (!live || !liveDep)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} takes no traffic`);
    const back = (0,colours/* otherColour */.RQ)(live);
    const backName = colourDeployment(ctx.target, back);
    const backDep = fleet.deployments[back];
    if (!backDep)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} has no ${back} colour to roll back to`);
    const image = ctx.image(backDep);
    const replicas = deploymentReplicas(liveDep);
    if (deploymentReplicas(backDep) !== replicas) {
        ctx.log(`${back} (${backName}) was retired: scaling it back to ${replicas}`);
        await ctx.scale(backName, replicas);
    }
    const end = await ctx.waitFor(backName, (0,converged/* digestOf */.ol)(image), replicas, ctx.now() + healthTimeoutMs);
    if (end.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`${backName} did not come back N/N on ${image}, so traffic stays on ${live}: ${ctx.explain(end)}`, end.proof);
    await ctx.selectColour(back, containerPort(backDep, ctx.container));
    ctx.log(`traffic switched back to ${back} (${end.proof.summary})`);
    if (annotation(backDep, ANNOTATION.warmUntil))
        await ctx.annotate(backName, { [ANNOTATION.warmUntil]: null });
    // The colour rolled back from is the bad one: retired now, its spec kept.
    await retire(ctx, live);
    return {
        outcome: 'rolled-back',
        strategy: 'blue-green',
        requested: image,
        image,
        previous: ctx.image(liveDep),
        reason: 'rollback requested',
        proof: end.proof,
        durationMs: ctx.now() - started,
    };
}
function pool(dep) {
    if (!dep)
        return undefined;
    const until = annotation(dep, ANNOTATION.warmUntil);
    return { replicas: deploymentReplicas(dep), ...(until ? { warmUntil: until } : {}) };
}
/** Both colour Deployments and the live one: the Service's selector, else the only colour that runs. */
async function readColours(ctx) {
    const [blue, green] = await Promise.all(colours/* COLOURS */.O5.map((c) => ctx.deployment(colourDeployment(ctx.target, c))));
    const deployments = { blue, green };
    const live = (0,colours/* liveColour */.L0)(await ctx.selectedColour(), { blue: pool(blue), green: pool(green) });
    return { ...(live ? { live } : {}), deployments };
}
/**
 * The state a switch to `live` leaves, for a fleet whose live colour already runs the digest:
 * the Service on it, no keep-warm annotation on it, the other colour retired or kept warm per
 * keepWarmMs. A run killed between its switch and its ledger entry (a rollback's) left the
 * colour it switched away from running; the re-run finishes that. Returns the other colour's
 * warm-until when it is kept warm.
 */
async function settle(ctx, fleet, live, port, keepWarmMs) {
    const liveName = colourDeployment(ctx.target, live);
    const liveDep = fleet.deployments[live];
    // The Service may select nothing (edited, recreated); pointing it back restarts nothing.
    const switched = await ctx.selectColour(live, port ?? (liveDep && containerPort(liveDep, ctx.container)));
    if (switched)
        ctx.log(`traffic switched to ${live}: service ${ctx.serviceName} did not select it`);
    if (liveDep && annotation(liveDep, ANNOTATION.warmUntil)) {
        // A live colour marked warm would read as the idle one to a Service that selects no colour.
        await ctx.annotate(liveName, { [ANNOTATION.warmUntil]: null });
        ctx.log(`${live} (${liveName}) takes the traffic: its keep-warm annotation removed`);
    }
    const idle = (0,colours/* otherColour */.RQ)(live);
    const idleName = colourDeployment(ctx.target, idle);
    const idleDep = fleet.deployments[idle];
    const next = (0,colours/* idleColour */.NB)(pool(idleDep), keepWarmMs, ctx.now());
    if (next.kind === 'none' || !idleDep)
        return undefined;
    const runs = `${idle} (${idleName}) still runs ${ctx.short(ctx.image(idleDep))} beside the live colour`;
    if (next.kind === 'retire') {
        ctx.log(`${runs} and keep-warm is 0: retiring it`);
        if (annotation(idleDep, ANNOTATION.warmUntil))
            await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: null });
        // Only traffic this run moved off it can still be in flight.
        await retire(ctx, idle, switched);
        return undefined;
    }
    if (next.label) {
        await ctx.annotate(idleName, { [ANNOTATION.warmUntil]: next.until });
        ctx.log(`${runs} with no keep-warm window: kept warm until ${next.until}`);
    }
    return next.until;
}
/** Scales warm colours whose keep-warm window has passed to 0; true when it retired one. */
async function retireExpired(ctx, fleet) {
    let retired = false;
    for (const c of colours/* COLOURS */.O5) {
        const dep = fleet.deployments[c];
        if (!(0,colours/* warmExpired */.dK)(pool(dep), fleet.live, c, ctx.now()))
            continue;
        ctx.log(`${c} was kept warm until ${annotation(dep, ANNOTATION.warmUntil)}: retiring it`);
        await ctx.annotate(colourDeployment(ctx.target, c), { [ANNOTATION.warmUntil]: null });
        await retire(ctx, c, false);
        retired = true;
    }
    return retired;
}
/** Scales a colour to 0 after a drain for requests in flight; its Deployment stays for a switch back. */
async function retire(ctx, colour, drain = true) {
    if (drain)
        await ctx.sleep(ctx.drainMs);
    const name = colourDeployment(ctx.target, colour);
    await ctx.scale(name, 0);
    ctx.log(`${colour} (${name}) retired: scaled to 0`);
}
/** The second colour's first Deployment: the live one's spec, relabelled, on the new image. */
function sibling(ctx, live, name, colour, image, replicas) {
    const spec = structuredClone(live.spec);
    const labels = { ...(spec.template.metadata?.labels ?? {}), [LABEL.colour]: colour };
    spec.replicas = replicas;
    spec.selector = { matchLabels: { ...(spec.selector.matchLabels ?? {}), [LABEL.colour]: colour } };
    spec.template.metadata = { ...(spec.template.metadata ?? {}), labels };
    const container = ctx.containerName(live);
    for (const c of spec.template.spec?.containers ?? [])
        if (c.name === container)
            c.image = image;
    return {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
            name,
            namespace: ctx.namespace,
            labels: { ...(live.metadata?.labels ?? {}), [LABEL.colour]: colour },
        },
        spec,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/context.ts





const DEFAULT_POLL_MS = 1_000;
const DEFAULT_DRAIN_MS = 1_000;
const strategic = (0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.StrategicMergePatch);
const merge = (0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.MergePatch);
const jsonPatch = (0,dist/* setHeaderOptions */.OkF)('Content-Type', dist/* PatchStrategy */.Qve.JsonPatch);
/**
 * What the strategies share: the API (through client-node), the namespace, the clock and the
 * log, and the few reads and writes every strategy needs. Every call goes through kubeCall,
 * so errors are mapped in one place and conflicts are retried there.
 */
class KubeContext {
    target;
    namespace;
    container;
    serviceName;
    now;
    sleep;
    pollMs;
    drainMs;
    apps;
    core;
    logLine;
    constructor(s) {
        this.target = s.target;
        this.namespace = s.namespace;
        this.apps = s.apps;
        this.core = s.core;
        this.container = s.container;
        this.serviceName = s.service ?? s.target;
        this.logLine = s.log ?? (() => { });
        this.now = s.now ?? Date.now;
        this.sleep = s.sleep ?? retry/* sleep */.yy;
        this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
        this.drainMs = s.drainMs ?? DEFAULT_DRAIN_MS;
    }
    log(line) {
        this.logLine(line);
    }
    call(verb, resource, name) {
        return { verb, resource, namespace: this.namespace, ...(name ? { name } : {}) };
    }
    run(call, fn) {
        return kubeCall(call, fn, {
            sleep: this.sleep,
            onConflict: (n) => this.log(`${call.verb} ${call.name ?? call.resource}: conflict, retrying (${n})`),
        });
    }
    /** Like run, for a read of one object: undefined when the server answers 404. */
    find(call, fn) {
        return this.run(call, () => fn().catch((err) => {
            if (isNotFound(err))
                return undefined;
            throw err;
        }));
    }
    /** The Deployment, or undefined when there is none of that name. */
    deployment(name) {
        return this.find(this.call('get', 'deployments.apps', name), () => this.apps.readNamespacedDeployment({ name, namespace: this.namespace }));
    }
    async createDeployment(body) {
        const name = body.metadata?.name ?? '';
        return this.run(this.call('create', 'deployments.apps', name), () => this.apps.createNamespacedDeployment({ namespace: this.namespace, body }));
    }
    /** A strategic-merge patch (containers merge by name, as `kubectl set image` and `kubectl patch` do). */
    async patchDeployment(name, body) {
        return this.run(this.call('patch', 'deployments.apps', name), () => this.apps.patchNamespacedDeployment({ name, namespace: this.namespace, body }, strategic));
    }
    async scale(name, replicas) {
        await this.run(this.call('patch', 'deployments.apps', name), () => this.apps.patchNamespacedDeployment({
            name,
            namespace: this.namespace,
            body: { spec: { replicas } },
        }, merge));
    }
    /** Sets (a string) or removes (null) annotations; the pod template is untouched, so nothing restarts. */
    async annotate(name, annotations) {
        await this.run(this.call('patch', 'deployments.apps', name), () => this.apps.patchNamespacedDeployment({
            name,
            namespace: this.namespace,
            body: { metadata: { annotations } },
        }, merge));
    }
    /** The ReplicaSets the Deployment's selector matches (previousReplicaSet keeps the ones it owns). */
    async replicaSets(dep) {
        const list = await this.run(this.call('list', 'replicasets.apps'), () => this.apps.listNamespacedReplicaSet({
            namespace: this.namespace,
            labelSelector: selectorQuery(dep.spec?.selector),
        }));
        return list.items;
    }
    /**
     * `kubectl rollout undo`: the pod template of the ReplicaSet of the previous revision,
     * written back into the Deployment (the controller then scales that ReplicaSet up again).
     * Returns the image it goes back to, or undefined when there is no earlier revision.
     */
    async undo(dep, rolledBackFrom) {
        const name = dep.metadata?.name ?? '';
        const rs = previousReplicaSet(dep, await this.replicaSets(dep));
        if (!rs)
            return undefined;
        const body = undoPatch(rs, rolledBackFrom, !!dep.metadata?.annotations);
        await this.run(this.call('patch', 'deployments.apps', name), () => this.apps.patchNamespacedDeployment({ name, namespace: this.namespace, body }, jsonPatch));
        const template = rs.spec?.template;
        const container = template?.spec?.containers.find((c) => c.name === this.containerName(dep));
        return container?.image;
    }
    /** The name of the container Kiln replaces in this Deployment. */
    containerName(dep) {
        return containerOf(dep, this.container).name;
    }
    image(dep) {
        return deploymentImage(dep, this.container);
    }
    /** The Deployment's pods that run or start (not the ones being deleted), as fleet instances. */
    async tasks(dep) {
        const list = await this.run(this.call('list', 'pods'), () => this.core.listNamespacedPod({
            namespace: this.namespace,
            labelSelector: selectorQuery(dep.spec?.selector),
        }));
        const container = this.containerName(dep);
        const port = containerPort(dep, this.container);
        return list.items
            .filter(isLive)
            .map((p) => podTask(p, container, port))
            .sort((a, b) => a.id.localeCompare(b.id));
    }
    /**
     * Polls until the Deployment's rollout is complete (observed generation, updated, old and
     * available replicas, as `kubectl rollout status`) and its pods run `digest` N/N ready, the
     * progress deadline passes, the Deployment stops asking for the digest, or `deadline` passes.
     */
    async waitFor(name, digest, replicas, deadline) {
        let last = '';
        for (;;) {
            const deployment = await this.deployment(name);
            const tasks = deployment ? await this.tasks(deployment) : [];
            const proof = (0,converged/* proveConvergence */.GZ)(tasks, digest, replicas);
            const status = deployment ? rolloutStatus(deployment) : undefined;
            const line = `${name}: ${proof.summary}${status ? ` (${status.message})` : ''}`;
            if (line !== last)
                this.log(line);
            last = line;
            if (deployment) {
                const image = this.image(deployment);
                if ((0,converged/* digestOf */.ol)(image) !== digest)
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
    explain(end) {
        const rollout = end.kind === 'stalled' || end.kind === 'reverted'
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
    service() {
        return this.find(this.call('get', 'services', this.serviceName), () => this.core.readNamespacedService({ name: this.serviceName, namespace: this.namespace }));
    }
    /**
     * Points the Service at the colour's pods: one merge patch of its selector, which the
     * API server applies atomically (the endpoints follow the selector). Creates the Service,
     * selecting that colour, when there is none and the port is known. True when it changed
     * what the Service selects.
     */
    async selectColour(colour, port) {
        const selector = { [LABEL.target]: this.target, ...(colour ? { [LABEL.colour]: colour } : {}) };
        const existing = await this.service();
        if (existing) {
            const now = existing.spec?.selector ?? {};
            if (Object.entries(selector).every(([k, v]) => now[k] === v))
                return false;
            await this.run(this.call('patch', 'services', this.serviceName), () => this.core.patchNamespacedService({
                name: this.serviceName,
                namespace: this.namespace,
                body: { spec: { selector } },
            }, merge));
            return true;
        }
        if (port === undefined) {
            this.log(`service ${this.serviceName} does not exist and no port is known: not created`);
            return false;
        }
        const body = {
            apiVersion: 'v1',
            kind: 'Service',
            metadata: {
                name: this.serviceName,
                namespace: this.namespace,
                labels: { [LABEL.target]: this.target },
            },
            spec: { selector, ports: [{ port, targetPort: port }] },
        };
        await this.run(this.call('create', 'services', this.serviceName), () => this.core.createNamespacedService({ namespace: this.namespace, body }));
        this.log(`service ${this.serviceName} created, selecting ${colour ?? this.target}`);
        return true;
    }
    /** The colour the Service selects, or undefined (no Service, or one without a colour). */
    async selectedColour() {
        const c = (await this.service())?.spec?.selector?.[LABEL.colour];
        return c === 'blue' || c === 'green' ? c : undefined;
    }
    short(image) {
        const d = (0,converged/* digestOf */.ol)(image);
        return d ? (0,converged/* shortDigest */.VK)(d) : image;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/rolling.ts




/**
 * Rolling: one Deployment, replaced by the deployment controller itself (its image patched to
 * the digest, as `kubectl set image`), watched as `kubectl rollout status` does and proven N/N
 * from the pods' image ids. A rollout that stalls is undone to the previous ReplicaSet
 * (`kubectl rollout undo`) and reported `rolled-back`, never deployed.
 */
async function rollingDeploy(ctx, r) {
    const started = ctx.now();
    const name = ctx.target;
    const digest = (0,converged/* digestOf */.ol)(r.image);
    const existing = await ctx.deployment(name);
    if (existing && label(existing, LABEL.strategy) === 'blue-green')
        throw new errors/* ConfigurationError */.j1(`Deployment ${name} is a colour of a blue-green fleet; deploy it with strategy blue-green`);
    const deadline = () => ctx.now() + r.healthTimeoutMs;
    if (!existing) {
        if (!r.replicas)
            throw new errors/* ConfigurationError */.j1(`Deployment ${name} does not exist in namespace ${ctx.namespace}: create it (kubectl apply) or give replicas for a first deploy`);
        await ctx.createDeployment(newDeployment(name, ctx.namespace, r, {
            target: name,
            strategy: 'rolling',
            replicas: r.replicas,
            ...(ctx.container ? { container: ctx.container } : {}),
        }));
        await ctx.selectColour(undefined, r.port);
        ctx.log(`Deployment ${name} created: ${r.replicas} × ${r.image}`);
        const end = await ctx.waitFor(name, digest, r.replicas, deadline());
        if (end.kind !== 'converged')
            throw new converged/* ConvergenceError */.g7(`Deployment ${name} did not reach ${end.proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier revision to return to, so it stays as the controller left it: ${ctx.explain(end)}`, end.proof);
        return result(ctx, r, 'deployed', r.image, undefined, end, started);
    }
    const current = ctx.image(existing);
    const replicas = r.replicas ?? deploymentReplicas(existing);
    const status = rolloutStatus(existing);
    if ((0,converged/* digestOf */.ol)(current) === digest && status.kind === 'complete') {
        // Already asked for and rolled out: nothing to do, nothing restarted.
        const now = (0,converged/* proveConvergence */.GZ)(await ctx.tasks(existing), digest, replicas);
        if (now.converged && replicas === deploymentReplicas(existing)) {
            ctx.log(`Deployment ${name} already runs ${now.summary}: unchanged`);
            const before = await previousImage(ctx, existing);
            return {
                outcome: 'unchanged',
                strategy: 'rolling',
                requested: r.image,
                image: r.image,
                ...(before ? { previous: before } : {}),
                proof: now,
                durationMs: ctx.now() - started,
            };
        }
    }
    // A rollout to this digest still under way (a runner that died mid-deploy): watch it
    // finish; the previous revision is what it replaces. Anything else gets one patch.
    const inFlight = (0,converged/* digestOf */.ol)(current) === digest && status.kind === 'progressing';
    const before = inFlight ? ((await previousImage(ctx, existing)) ?? current) : current;
    if (inFlight) {
        ctx.log(`Deployment ${name}: a rollout to ${ctx.short(r.image)} is already under way: watching it`);
    }
    else {
        await ctx.patchDeployment(name, imagePatch(ctx.containerName(existing), r.image, {
            ...(replicas !== deploymentReplicas(existing) ? { replicas } : {}),
            ...(annotation(existing, ANNOTATION.rolledBackFrom)
                ? { annotations: { [ANNOTATION.rolledBackFrom]: null } }
                : {}),
        }));
        ctx.log(`Deployment ${name}: image set to ${ctx.short(r.image)}; the controller rolls it out`);
    }
    const end = await ctx.waitFor(name, digest, replicas, deadline());
    if (end.kind === 'converged')
        return result(ctx, r, 'deployed', r.image, before, end, started);
    return recover(ctx, r, end, before, replicas, started);
}
/** After a rollout that did not converge: undone to the previous ReplicaSet, then proven N/N there. */
async function recover(ctx, r, end, previous, replicas, started) {
    const name = ctx.target;
    const reason = ctx.explain(end);
    if (end.kind === 'reverted')
        // Someone else wrote the Deployment meanwhile: theirs is the newer intent; Kiln undoes nothing.
        throw new converged/* ConvergenceError */.g7(`Deployment ${name} changed while it rolled out ${r.image}: ${reason}; left as it is`, end.proof);
    if (!r.autoRollback || !end.deployment)
        throw new converged/* ConvergenceError */.g7(`Deployment ${name} did not converge on ${r.image} (${end.proof.summary}) and ${r.autoRollback ? 'is gone' : 'auto-rollback is off, so it stays as the controller left it'}: ${reason}`, end.proof);
    ctx.log(`Deployment ${name}: ${reason}; undoing to the previous revision (${ctx.short(previous)})`);
    // Read before the undo scales the new pods away: an image no pod could pull never ran.
    const pull = pullFailure(await ctx.tasks(end.deployment), r.image);
    const back = await ctx.undo(end.deployment, r.image);
    if (!back || (0,converged/* digestOf */.ol)(back) === undefined)
        throw new converged/* ConvergenceError */.g7(`Deployment ${name} did not converge on ${r.image} (${reason}), and it has no earlier revision on a digest to undo to`, end.proof);
    const done = await ctx.waitFor(name, (0,converged/* digestOf */.ol)(back), replicas, ctx.now() + r.healthTimeoutMs);
    if (done.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`Deployment ${name} did not converge on ${r.image} (${reason}), and not back on ${back} either: ${done.proof.summary}: ${ctx.explain(done)}`, done.proof);
    return {
        ...result(ctx, r, 'rolled-back', back, back, done, started),
        ...(pull ? { failure: 'pull', reason: `the image could not be pulled: ${pull}` } : { reason }),
    };
}
/** `kubectl rollout undo`: back to the previous revision, watched to N/N. */
async function rollingRollback(ctx, existing, healthTimeoutMs) {
    const started = ctx.now();
    const name = ctx.target;
    const current = ctx.image(existing);
    const from = annotation(existing, ANNOTATION.rolledBackFrom);
    if (from)
        // The previous revision is now the release rolled back from: "back" would redeploy it.
        throw new errors/* ConfigurationError */.j1(`Deployment ${name} was already rolled back to ${current} (from ${from}); its previous revision is the release it rolled back from: deploy an explicit digest instead`);
    const replicas = deploymentReplicas(existing);
    const back = await ctx.undo(existing, current);
    if (!back || (0,converged/* digestOf */.ol)(back) === undefined)
        throw new errors/* ConfigurationError */.j1(`Deployment ${name} has no previous revision on a digest to roll back to`);
    ctx.log(`Deployment ${name}: undoing from ${ctx.short(current)} to ${ctx.short(back)}`);
    const end = await ctx.waitFor(name, (0,converged/* digestOf */.ol)(back), replicas, ctx.now() + healthTimeoutMs);
    if (end.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`Deployment ${name} did not converge back on ${back}: ${end.proof.summary}: ${ctx.explain(end)}`, end.proof);
    return {
        outcome: 'rolled-back',
        strategy: 'rolling',
        requested: back,
        image: back,
        previous: current,
        reason: 'rollback requested',
        proof: end.proof,
        durationMs: ctx.now() - started,
    };
}
/** The image of the previous revision (what an undo would return to), if any. */
async function previousImage(ctx, dep) {
    const rs = previousReplicaSet(dep, await ctx.replicaSets(dep));
    const name = ctx.containerName(dep);
    return rs?.spec?.template?.spec?.containers.find((c) => c.name === name)?.image;
}
function result(ctx, r, outcome, image, previous, end, started) {
    ctx.log(`Deployment ${ctx.target}: ${end.proof.summary}`);
    return {
        outcome,
        strategy: 'rolling',
        requested: r.image,
        image,
        ...(previous ? { previous } : {}),
        proof: end.proof,
        durationMs: ctx.now() - started,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/service-router.ts

/**
 * The Service as the fleet's traffic router: its selector's colour label is the live route,
 * and a switch is one patch of that selector. Kubernetes itself keeps the Service's endpoints
 * on the ready pods the selector matches, so there are no endpoints to set.
 */
class ServiceRouter {
    ctx;
    url;
    constructor(ctx, 
    /** Where users reach the Service (an Ingress or load balancer address), when known. */
    url) {
        this.ctx = ctx;
        this.url = url;
    }
    live() {
        return this.ctx.selectedColour();
    }
    async setEndpoints() {
        // The endpoints controller follows the selector; nothing to write.
    }
    /** Waits until `count` pods of the colour are ready: the endpoints the Service would use. */
    async waitReady(colour, count, timeoutMs) {
        const name = colourDeployment(this.ctx.target, colour);
        const end = this.ctx.now() + timeoutMs;
        for (;;) {
            const dep = await this.ctx.deployment(name);
            const tasks = dep ? await this.ctx.tasks(dep) : [];
            const ready = tasks.filter((t) => t.health === 'healthy').length;
            if (ready >= count)
                return;
            if (this.ctx.now() >= end)
                throw new Error(`${name} has ${ready} of ${count} pods ready after ${timeoutMs} ms`);
            await this.ctx.sleep(this.ctx.pollMs);
        }
    }
    async switchTo(colour) {
        await this.ctx.selectColour(colour, undefined);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/kubernetes/provider.ts














/** Where the service account of a pod finds its token and namespace (in-cluster). */
const SERVICE_ACCOUNT_DIR = '/var/run/secrets/kubernetes.io/serviceaccount';
const DEFAULT_ROLLBACK_TIMEOUT_MS = 120_000;
/** A Deployment name that is also a valid label value (the pods carry it): at most 63. */
const TARGET_NAME = /^[a-z0-9]([-a-z0-9.]{0,61}[a-z0-9])?$/;
/** Reads the kubeconfig from the first source that has one; its credentials are masked. */
function loadKubeConfig(s) {
    const env = s.env ?? process.env;
    const sa = s.serviceAccountDir ?? SERVICE_ACCOUNT_DIR;
    const kc = new dist/* KubeConfig */.ypW();
    let source;
    let inCluster = false;
    try {
        if (s.kubeconfig?.trim()) {
            (0,log/* setSecret */.Pq)(s.kubeconfig);
            source = 'the kubeconfig input';
            kc.loadFromString(s.kubeconfig);
        }
        else if (env.KUBECONFIG?.trim()) {
            // kubectl's rule: the files of the list merged, the first one's current-context wins.
            const files = env.KUBECONFIG.split(external_node_path_.delimiter).filter(Boolean);
            source = `KUBECONFIG (${files.join(external_node_path_.delimiter)})`;
            kc.loadFromFile(files[0]);
            for (const file of files.slice(1)) {
                const more = new dist/* KubeConfig */.ypW();
                more.loadFromFile(file);
                kc.mergeConfig(more, true);
            }
        }
        else if ((0,external_node_fs_.existsSync)((0,external_node_path_.join)(s.home ?? (0,external_node_os_.homedir)(), '.kube', 'config'))) {
            const file = (0,external_node_path_.join)(s.home ?? (0,external_node_os_.homedir)(), '.kube', 'config');
            source = file;
            kc.loadFromFile(file);
        }
        else if (env.KUBERNETES_SERVICE_HOST && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(sa, 'token'))) {
            source = 'the pod service account (in-cluster)';
            inCluster = true;
            kc.loadFromCluster();
        }
        else {
            throw new errors/* ConfigurationError */.j1('No kubeconfig: give the kubeconfig input, set KUBECONFIG, write ~/.kube/config (e.g. with your cloud\'s "get credentials" action), or run in a pod with a service account');
        }
    }
    catch (err) {
        if (err instanceof errors/* ConfigurationError */.j1)
            throw err;
        throw new errors/* ConfigurationError */.j1(`The kubeconfig could not be read: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    for (const u of kc.getUsers()) {
        (0,log/* setSecret */.Pq)(u.token);
        (0,log/* setSecret */.Pq)(u.password);
        (0,log/* setSecret */.Pq)(u.keyData);
    }
    if (s.context) {
        if (!kc.getContextObject(s.context))
            throw new errors/* ConfigurationError */.j1(`kubeconfig from ${source} has no context ${JSON.stringify(s.context)}; its contexts are ${kc
                .getContexts()
                .map((c) => c.name)
                .join(', ') || 'none'}`);
        kc.setCurrentContext(s.context);
    }
    if (!kc.getCurrentCluster())
        throw new errors/* ConfigurationError */.j1(`kubeconfig from ${source} names no cluster for context ${JSON.stringify(kc.getCurrentContext())}`);
    const fromContext = kc.getContextObject(kc.getCurrentContext())?.namespace;
    const fromPod = inCluster && (0,external_node_fs_.existsSync)((0,external_node_path_.join)(sa, 'namespace'))
        ? (0,external_node_fs_.readFileSync)((0,external_node_path_.join)(sa, 'namespace'), 'utf8').trim()
        : undefined;
    return { config: kc, source, namespace: s.namespace ?? fromContext ?? fromPod ?? 'default' };
}
/**
 * A fleet on Kubernetes: a Deployment rolled by its controller, or two colour Deployments
 * behind one Service whose selector is the switch.
 */
class KubernetesProvider {
    kind = 'kubernetes';
    target;
    namespace;
    ctx;
    serviceRouter;
    rollbackTimeoutMs;
    constructor(settings) {
        if (!TARGET_NAME.test(settings.target))
            throw new errors/* ConfigurationError */.j1(`Fleet target ${JSON.stringify(settings.target)} is not a valid Deployment name for Kiln: lower-case letters, digits, "-" and ".", starting and ending with a letter or digit, at most 63 characters (its pods carry it as a label)`);
        this.target = settings.target;
        this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
        let apps = settings.apps;
        let core = settings.core;
        let namespace = settings.namespace;
        if (!apps || !core) {
            const loaded = loadKubeConfig(settings);
            apps ??= loaded.config.makeApiClient(dist/* AppsV1Api */.eY6);
            core ??= loaded.config.makeApiClient(dist/* CoreV1Api */.f5Y);
            namespace ??= loaded.namespace;
            settings.log?.(`kubernetes: ${loaded.config.getCurrentCluster()?.server} (context ${loaded.config.getCurrentContext()}, from ${loaded.source}), namespace ${namespace}`);
        }
        this.namespace = namespace ?? 'default';
        this.ctx = new KubeContext({ ...settings, apps, core, namespace: this.namespace });
        this.serviceRouter = new ServiceRouter(this.ctx, settings.url);
    }
    /** The Service, as the fleet's traffic router. */
    get router() {
        return this.serviceRouter;
    }
    async current() {
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
        const other = (0,colours/* otherColour */.RQ)(fleet.live);
        const otherDep = fleet.deployments[other];
        const until = otherDep && annotation(otherDep, ANNOTATION.warmUntil);
        const warm = otherDep && deploymentReplicas(otherDep) > 0
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
    async deploy(request) {
        (0,request_check/* checkDeployRequest */.b)(request);
        return request.strategy === 'blue-green'
            ? blueGreenDeploy(this.ctx, request)
            : rollingDeploy(this.ctx, request);
    }
    async rollback() {
        const plain = await this.ctx.deployment(this.target);
        if (plain)
            return rollingRollback(this.ctx, plain, this.rollbackTimeoutMs);
        return blueGreenRollback(this.ctx, this.rollbackTimeoutMs);
    }
    async converged(digest, replicas) {
        const plain = await this.ctx.deployment(this.target);
        if (plain)
            return (0,converged/* proveConvergence */.GZ)(await this.ctx.tasks(plain), digest, replicas);
        const fleet = await readColours(this.ctx);
        const live = fleet.live ? fleet.deployments[fleet.live] : undefined;
        return (0,converged/* proveConvergence */.GZ)(live ? await this.ctx.tasks(live) : [], digest, replicas);
    }
    /** The colour Deployment's name (for tests and teardown). */
    colourDeployment(colour) {
        return colourDeployment(this.target, colour);
    }
}
function digests(tasks) {
    return [
        ...new Set(tasks.map((t) => (t.imageId && (0,converged/* runtimeDigest */.PC)(t.imageId)) || (0,converged/* digestOf */.ol)(t.image) || t.image)),
    ].sort();
}


/***/ }),

/***/ 1642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ checkDeployRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(7638);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3966);


/**
 * Invariants the request parser guarantees, checked again by a provider before its first
 * call, so no call reaches an engine without them: a digest-pinned image, whole positive
 * sizes, a positive health timeout.
 */
function checkDeployRequest(r, opts = {}) {
    if (!opts.immutableId?.test(r.image))
        (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .requireDigest */ .m0)((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .parseReference */ .F2)(r.image), 'image');
    if (!Number.isInteger(r.batchSize) || r.batchSize < 1)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`batch size ${r.batchSize} must be a whole number of at least 1`);
    if (r.replicas !== undefined && (!Number.isInteger(r.replicas) || r.replicas < 1))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`replicas ${r.replicas} must be a whole number of at least 1`);
    if (!(r.healthTimeoutMs > 0))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`health timeout ${r.healthTimeoutMs} ms must be positive`);
}


/***/ })

};
