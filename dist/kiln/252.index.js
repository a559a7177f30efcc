export const id = 252;
export const ids = [252];
export const modules = {

/***/ 19649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vo: () => (/* binding */ DockerCli),
/* harmony export */   YJ: () => (/* binding */ DockerCommandError),
/* harmony export */   fE: () => (/* binding */ formatCommand)
/* harmony export */ });
/* unused harmony exports reasonLine, unreachableReason */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88315);




/**
 * A failed docker command. The message is one line (the command line and the engine's reason);
 * the whole stderr stays in `stderr`, for the debug log and for callers that read it.
 */
class DockerCommandError extends Error {
    command;
    exitCode;
    stderr;
    timedOut;
    stdout;
    name = 'DockerCommandError';
    /** The engine's reason in one line, without the command (what a caller's own message quotes). */
    reason;
    constructor(message, command, exitCode, stderr, timedOut = false, 
    /** What it printed before failing: `docker inspect a b` prints the objects that exist. */
    stdout = '', reason) {
        super(message);
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.timedOut = timedOut;
        this.stdout = stdout;
        this.reason = reason ?? (reasonLine(stderr) || message);
    }
}
/**
 * The line of a docker CLI's stderr that says why it failed: the last one that names an error
 * (`docker run` ends with a usage hint, a build with its summary), else the last line.
 */
function reasonLine(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const line = lines.findLast((l) => /error|denied|cannot|no such|not found|failed/i.test(l));
    return (line ?? lines.at(-1) ?? '').replace(/^docker: /, '');
}
/** What the CLI prints when it cannot reach the engine; it keeps the socket's own error to itself. */
const UNREACHABLE = /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/;
const PROBE_TIMEOUT_MS = 3_000;
/** The OS's reason for a failed connect, in its own words (the CLI's older versions printed them). */
const CONNECT_ERRORS = {
    ECONNREFUSED: 'connection refused',
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    ENOTSOCK: 'not a socket',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ENOTFOUND: 'unknown host',
    ETIMEDOUT: 'connection timed out',
};
/**
 * Why the engine at `host` cannot be reached, found by connecting to it as the CLI would (the
 * CLI says only "Is the docker daemon running?"). Undefined when it answers now or the host is
 * not a unix or tcp one (ssh: the CLI's own words stand).
 */
async function unreachableReason(host) {
    let url;
    try {
        url = new URL(host);
    }
    catch {
        return undefined;
    }
    // A tcp host without a port: the CLI picks 2375 or 2376 by its TLS settings, not guessed here.
    const target = url.protocol === 'unix:'
        ? { path: decodeURIComponent(url.pathname) }
        : url.protocol === 'tcp:' && url.hostname && url.port
            ? { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) }
            : undefined;
    if (!target)
        return undefined;
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)(target);
        socket.setTimeout(PROBE_TIMEOUT_MS, () => {
            socket.destroy();
            resolve(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`);
        });
        socket.on('connect', () => {
            socket.destroy();
            resolve(undefined);
        });
        socket.on('error', (e) => {
            resolve(CONNECT_ERRORS[e.code ?? ''] ?? e.message);
        });
    });
}
const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;
/** Quotes for display only, so a reader can paste the command into a shell. */
function formatCommand(argv) {
    return argv
        .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
class DockerCli {
    options;
    binary;
    constructor(options = {}) {
        this.options = options;
        this.binary = options.binary ?? 'docker';
    }
    /** The DOCKER_HOST commands go to, or undefined for the CLI's default. */
    get dockerHost() {
        return this.options.dockerHost ?? (this.options.env ?? process.env).DOCKER_HOST;
    }
    /** Runs `docker ...args`; resolves with its output on exit 0, else rejects with DockerCommandError. */
    run(args, opts = {}) {
        const env = { ...(this.options.env ?? process.env) };
        if (this.options.dockerHost)
            env.DOCKER_HOST = this.options.dockerHost;
        const host = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : '';
        const command = (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(formatCommand([this.binary, ...args]) + host);
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.binary, args, {
                env,
                stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            });
            const out = [];
            let outBytes = 0;
            let err = '';
            child.stdout?.on('data', (c) => {
                if (outBytes < MAX_STDOUT)
                    out.push(c);
                outBytes += c.length;
            });
            child.stderr?.on('data', (c) => {
                err = (err + c.toString('utf8')).slice(-MAX_STDERR);
            });
            let timedOut = false;
            const timer = opts.timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                    timedOut = true;
                    child.kill('SIGTERM');
                }, opts.timeoutMs);
            // The input's own failure (e.g. a blob failing its digest check) is the cause of a failed
            // load; a broken pipe only means docker stopped reading, and docker's stderr says why.
            let inputError;
            const fed = opts.input && child.stdin
                ? (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(opts.input, child.stdin).catch((e) => {
                    inputError = e;
                    child.stdin?.destroy();
                })
                : Promise.resolve();
            child.on('error', (e) => {
                if (timer)
                    clearTimeout(timer);
                const why = e.code === 'ENOENT' ? `${this.binary} is not on PATH` : e.message;
                reject(new DockerCommandError(`${command} could not run: ${why}`, command, null, ''));
            });
            child.on('close', (code, signal) => {
                if (timer)
                    clearTimeout(timer);
                void fed.then(() => {
                    const stderr = err.trim();
                    const stdout = Buffer.concat(out).toString('utf8');
                    const pipeBroken = inputError !== undefined &&
                        ['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(inputError.code ?? '');
                    if (inputError !== undefined && !pipeBroken && !timedOut) {
                        const why = inputError instanceof Error ? inputError.message : String(inputError);
                        reject(new DockerCommandError(`${command}: input failed: ${why}`, command, code, stderr));
                        return;
                    }
                    if (code === 0 && !timedOut && inputError === undefined) {
                        resolve({ stdout, stderr });
                        return;
                    }
                    const status = timedOut
                        ? `timed out after ${opts.timeoutMs} ms`
                        : code !== null
                            ? `failed with exit code ${code}`
                            : `was killed by ${signal ?? 'a signal'}`;
                    void engineReason(stderr)
                        .catch(() => reasonLine(stderr))
                        .then((reason) => {
                        const detail = reason ? `: ${(0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(reason)}` : '';
                        reject(new DockerCommandError(`docker command ${status}: ${command}${detail}`, command, code, stderr, timedOut, stdout, reason ? (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(reason) : undefined));
                    });
                });
            });
        });
    }
    /** `run` with stdout trimmed, for commands that print one value (an ID, a format string). */
    async output(args, opts = {}) {
        return (await this.run(args, opts)).stdout.trim();
    }
}
/** The engine's reason for a failure in one line; an unreachable engine is asked why itself. */
async function engineReason(stderr) {
    const host = UNREACHABLE.exec(stderr)?.[1];
    if (host) {
        const why = await unreachableReason(host);
        return `cannot reach the docker engine at ${host}${why ? `: ${why}` : ''}`;
    }
    return reasonLine(stderr);
}


/***/ }),

/***/ 31079:
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

/***/ 21642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   b: () => (/* binding */ checkDeployRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93966);


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


/***/ }),

/***/ 88252:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  SwarmProvider: () => (/* binding */ SwarmProvider)
});

// EXTERNAL MODULE: ./packages/core/src/engine/docker-cli.ts
var docker_cli = __webpack_require__(19649);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(29468);
// EXTERNAL MODULE: ./packages/core/src/fleet/colours.ts
var colours = __webpack_require__(31079);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: ./packages/core/src/fleet/request-check.ts
var request_check = __webpack_require__(21642);
;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/spec.ts
/** Labels Kiln puts on the services it manages, so a later run knows what it made. */
const LABEL = {
    target: 'dev.kiln.fleet.target',
    strategy: 'dev.kiln.fleet.strategy',
    colour: 'dev.kiln.fleet.colour',
    port: 'dev.kiln.fleet.port',
    network: 'dev.kiln.fleet.network',
    warmUntil: 'dev.kiln.fleet.warm-until',
};
/** How long a replaced batch must stay healthy before the engine moves on, unless asked. */
const DEFAULT_MONITOR_MS = 5_000;
/** Engine update states during which the engine is still replacing tasks. */
const IN_PROGRESS = new Set(['updating', 'rollback_started']);
/** Engine update states after a failed batch: nothing moves until someone acts. */
const PAUSED = new Set(['paused', 'rollback_paused']);
const serviceImage = (s) => s.Spec.TaskTemplate.ContainerSpec.Image;
const serviceReplicas = (s) => s.Spec.Mode?.Replicated?.Replicas ?? 0;
const serviceLabel = (s, key) => s.Spec.Labels?.[key];
/** The service name of a colour of a blue-green fleet. */
const colourService = (target, colour) => `${target}-${colour}`;
/** A Go duration the engine's flags take. */
const duration = (ms) => `${Math.max(0, Math.round(ms))}ms`;
function healthFlags(h) {
    if (!h)
        return [];
    return [
        '--health-cmd',
        h.cmd,
        ...(h.intervalMs !== undefined ? ['--health-interval', duration(h.intervalMs)] : []),
        ...(h.timeoutMs !== undefined ? ['--health-timeout', duration(h.timeoutMs)] : []),
        ...(h.retries !== undefined ? ['--health-retries', String(h.retries)] : []),
        ...(h.startPeriodMs !== undefined ? ['--health-start-period', duration(h.startPeriodMs)] : []),
    ];
}
/**
 * Flags shared by create and update: the engine's own update and rollback policy (start-first,
 * `batchSize` at a time, a monitor window, rollback on failure) and the health check, so the
 * engine does the replacement and a runner that dies mid-way leaves a fleet that still converges.
 */
function policyFlags(r) {
    const batch = String(r.batchSize);
    const monitor = duration(r.monitorMs ?? DEFAULT_MONITOR_MS);
    return [
        '--update-order',
        'start-first',
        '--update-parallelism',
        batch,
        '--update-delay',
        '0s',
        '--update-monitor',
        monitor,
        '--update-max-failure-ratio',
        '0',
        '--update-failure-action',
        r.autoRollback ? 'rollback' : 'pause',
        '--rollback-order',
        'start-first',
        '--rollback-parallelism',
        batch,
        '--rollback-monitor',
        monitor,
        '--rollback-failure-action',
        'pause',
        ...healthFlags(r.health),
        '--with-registry-auth',
    ];
}
/** `docker service create` for the first deploy of a service. */
function createArgs(name, r, opts) {
    const labels = {
        [LABEL.target]: opts.target,
        [LABEL.strategy]: opts.strategy,
        ...(opts.colour ? { [LABEL.colour]: opts.colour } : {}),
        ...(r.port !== undefined ? { [LABEL.port]: String(r.port) } : {}),
        ...(r.network ? { [LABEL.network]: r.network } : {}),
    };
    return [
        'service',
        'create',
        '--detach',
        '--name',
        name,
        '--replicas',
        String(opts.replicas),
        // On a network the router reaches each task at its own address; without one, each task
        // publishes the port on its node (mode=host, a port the engine picks: two tasks on one node
        // and start-first both need their own). The ingress mesh is not used.
        ...(r.network
            ? ['--network', r.network]
            : r.port !== undefined
                ? ['--publish', `mode=host,target=${r.port}`]
                : []),
        ...Object.entries(labels).flatMap(([k, v]) => ['--label', `${k}=${v}`]),
        ...policyFlags(r),
        r.image,
    ];
}
/**
 * `docker service update` to a new digest: one spec change (labels included), so the engine's
 * previous spec is the one before the deploy and its rollback returns there.
 */
function updateArgs(name, r, replicas, removeLabels = []) {
    return [
        'service',
        'update',
        '--detach',
        ...policyFlags(r),
        ...(replicas !== undefined ? ['--replicas', String(replicas)] : []),
        ...removeLabels.flatMap((k) => ['--label-rm', k]),
        '--image',
        r.image,
        name,
    ];
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/blue-green.ts




/**
 * Blue-green: the new digest runs as the idle colour's service at full size, proven N/N
 * healthy by the engine and by the router's own checks, optionally previewed, then traffic
 * moves in one switch. The old colour stays warm for keepWarmMs (rollback = one switch back).
 */
async function blueGreenDeploy(ctx, r) {
    const started = ctx.now();
    const router = requireRouter(ctx);
    const digest = (0,converged/* digestOf */.ol)(r.image);
    const plain = await ctx.inspect(ctx.target);
    if (plain)
        throw new errors/* ConfigurationError */.j1(`service ${ctx.target} runs as a rolling fleet; deploy it with strategy rolling (blue-green runs ${colourService(ctx.target, 'blue')} and ${colourService(ctx.target, 'green')})`);
    let fleet = await readColours(ctx);
    if (await retireExpired(ctx, fleet))
        fleet = await readColours(ctx);
    const live = fleet.live;
    const liveSvc = live ? fleet.services[live] : undefined;
    const previous = liveSvc ? serviceImage(liveSvc) : undefined;
    const replicas = r.replicas ?? (liveSvc ? serviceReplicas(liveSvc) : 0);
    if (!replicas)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} does not exist yet: the first deploy needs replicas`);
    if (live && liveSvc && (0,converged/* digestOf */.ol)(previous ?? '') === digest) {
        const name = colourService(ctx.target, live);
        const tasks = await ctx.tasks(name, liveSvc);
        const proof = (0,converged/* proveConvergence */.GZ)(tasks, digest, replicas);
        if (proof.converged) {
            const warmUntil = await settle(ctx, router, fleet, live, tasks, r.keepWarmMs);
            ctx.log(`${name} already runs ${proof.summary} and takes the traffic: unchanged`);
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
    const idleName = colourService(ctx.target, idle);
    const idleSvc = fleet.services[idle];
    if (!idleSvc) {
        if (r.network)
            await ctx.ensureNetwork(r.network);
        const first = liveSvc ? inherit(r, liveSvc) : r;
        await ctx.run(createArgs(idleName, first, {
            target: ctx.target,
            strategy: 'blue-green',
            replicas,
            colour: idle,
        }), `create service ${idleName}`, idleName);
    }
    else {
        const warmLabel = serviceLabel(idleSvc, LABEL.warmUntil) ? [LABEL.warmUntil] : [];
        await ctx.run(updateArgs(idleName, r, replicas, warmLabel), `update service ${idleName}`, idleName);
    }
    ctx.log(`${idle} (${idleName}): ${replicas} × ${r.image} starting, no traffic yet`);
    const wasWarm = idleSvc !== undefined && serviceReplicas(idleSvc) > 0;
    const refuse = async (reason, reverted = false) => {
        ctx.log(`${idleName}: ${reason}; traffic stays on ${live ?? 'nothing'}`);
        if (r.autoRollback) {
            await router.setEndpoints(idle, []);
            // A colour that was kept warm goes back to its spec, still warm (the engine may have
            // done it already); a new or retired one goes back to 0.
            if (!wasWarm)
                await ctx.scale(idleName, 0);
            else if (!reverted)
                await ctx.run(['service', 'rollback', '--detach', idleName], `roll back service ${idleName}`, idleName);
        }
        if (!live || !previous)
            throw new converged/* ConvergenceError */.g7(`fleet ${ctx.target} did not come up on ${r.image}: ${reason}; there is no earlier digest to return to`, (0,converged/* proveConvergence */.GZ)(await ctx.tasks(idleName), digest, replicas));
        const back = (0,converged/* proveConvergence */.GZ)(await ctx.tasks(colourService(ctx.target, live)), (0,converged/* digestOf */.ol)(previous), replicas);
        if (!back.converged)
            throw new converged/* ConvergenceError */.g7(`fleet ${ctx.target} did not come up on ${r.image} (${reason}), and ${live} is not N/N on ${previous} either: ${back.summary}`, back);
        return {
            outcome: 'rolled-back',
            strategy: 'blue-green',
            requested: r.image,
            image: previous,
            previous,
            reason: r.autoRollback
                ? reason
                : `${reason} (the new colour is left running: auto-rollback is off)`,
            proof: back,
            durationMs: ctx.now() - started,
        };
    };
    const deadline = ctx.now() + r.healthTimeoutMs;
    const end = await ctx.waitFor(idleName, digest, replicas, deadline);
    if (end.kind !== 'converged')
        return refuse(await ctx.explain(idleName, end), end.kind === 'reverted');
    const tasks = await ctx.tasks(idleName, end.service);
    await ctx.route(idle, tasks);
    try {
        await router.waitReady(idle, replicas, Math.max(0, deadline - ctx.now()));
        if (r.preview) {
            if (!router.previewUrl)
                throw new Error('the router has no preview address');
            await r.preview(router.previewUrl);
            ctx.log(`preview ${router.previewUrl}: passed`);
        }
    }
    catch (err) {
        return refuse((0,errors/* errorMessage */.gJ)(err));
    }
    await router.switchTo(idle);
    ctx.log(`traffic switched to ${idle} (${end.proof.summary})`);
    let warmUntil;
    if (live && liveSvc) {
        const liveName = colourService(ctx.target, live);
        warmUntil = (0,colours/* warmUntil */.U7)(ctx.now(), r.keepWarmMs);
        if (warmUntil) {
            await ctx.label(liveName, { [LABEL.warmUntil]: warmUntil });
            ctx.log(`${live} (${liveName}) kept warm until ${warmUntil}: rollback is one switch back`);
        }
        else {
            await retire(ctx, live);
        }
    }
    return {
        outcome: 'deployed',
        strategy: 'blue-green',
        requested: r.image,
        image: r.image,
        ...(previous ? { previous } : {}),
        proof: end.proof,
        durationMs: ctx.now() - started,
        ...(router.previewUrl ? { previewUrl: router.previewUrl } : {}),
        ...(warmUntil ? { warmUntil } : {}),
    };
}
/**
 * Switch back to the other colour: at once while it is warm, after scaling it up when retired.
 * With `seen` (current(), just before) holding the warm colour N/N healthy on its digest, the
 * switch comes first: the pool is pointed at those instances, haproxy's own checks must see
 * them up, traffic moves, and only then does a fresh look prove N/N again (what the result
 * reports) while the colour rolled back from is retired.
 */
async function blueGreenRollback(ctx, healthTimeoutMs, seen) {
    const started = ctx.now();
    const router = requireRouter(ctx);
    const warm = seen?.warm;
    if (seen?.live && seen.image && warm?.tasks && warm.replicas === seen.replicas) {
        const proof = (0,converged/* proveConvergence */.GZ)(warm.tasks, (0,converged/* digestOf */.ol)(warm.image), seen.replicas);
        if (proof.converged)
            return switchBackWarm(ctx, router, healthTimeoutMs, started, {
                live: seen.live,
                liveImage: seen.image,
                back: warm.colour,
                image: warm.image,
                replicas: seen.replicas,
                tasks: warm.tasks,
                proof,
                labelled: warm.until !== undefined,
            });
        ctx.log(`${warm.colour} is kept warm but not ${proof.summary}: looking again before the switch`);
    }
    const fleet = await readColours(ctx);
    const live = fleet.live;
    const liveSvc = live ? fleet.services[live] : undefined;
    if (!live || !liveSvc)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} takes no traffic`);
    const back = (0,colours/* otherColour */.RQ)(live);
    const backName = colourService(ctx.target, back);
    const backSvc = fleet.services[back];
    if (!backSvc)
        throw new errors/* ConfigurationError */.j1(`fleet ${ctx.target} has no ${back} colour to roll back to`);
    const image = serviceImage(backSvc);
    const replicas = serviceReplicas(liveSvc);
    if (serviceReplicas(backSvc) !== replicas) {
        ctx.log(`${back} (${backName}) was retired: scaling it back to ${replicas}`);
        await ctx.scale(backName, replicas);
    }
    const deadline = ctx.now() + healthTimeoutMs;
    const end = await ctx.waitFor(backName, (0,converged/* digestOf */.ol)(image), replicas, deadline);
    if (end.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`${backName} did not come back N/N on ${image}, so traffic stays on ${live}: ${await ctx.explain(backName, end)}`, end.proof);
    await ctx.route(back, await ctx.tasks(backName, end.service));
    await router.waitReady(back, replicas, Math.max(0, deadline - ctx.now()));
    await router.switchTo(back);
    ctx.log(`traffic switched back to ${back} (${end.proof.summary})`);
    if (serviceLabel(backSvc, LABEL.warmUntil))
        await ctx.label(backName, {}, [LABEL.warmUntil]);
    // The colour rolled back from is the bad one: retired now, its spec kept.
    await retire(ctx, live);
    return {
        outcome: 'rolled-back',
        strategy: 'blue-green',
        requested: image,
        image,
        previous: serviceImage(liveSvc),
        reason: 'rollback requested',
        proof: end.proof,
        durationMs: ctx.now() - started,
    };
}
/** The switch first (what restores service), then the proof from a fresh look and the retiring. */
async function switchBackWarm(ctx, router, healthTimeoutMs, started, w) {
    const backName = colourService(ctx.target, w.back);
    // Usually a no-op: the pool still holds the colour's instances from when it was live.
    await ctx.route(w.back, w.tasks);
    await router.waitReady(w.back, w.replicas, healthTimeoutMs);
    await router.switchTo(w.back);
    ctx.log(`traffic switched back to ${w.back} (${w.proof.summary} in the look before)`);
    // Requests the bad colour already has finish while the look and the label run.
    const drained = ctx.sleep(ctx.drainMs);
    const [tasks] = await Promise.all([
        ctx.tasks(backName),
        w.labelled ? ctx.label(backName, {}, [LABEL.warmUntil]) : undefined,
    ]);
    const proof = (0,converged/* proveConvergence */.GZ)(tasks, (0,converged/* digestOf */.ol)(w.image), w.replicas);
    if (!proof.converged)
        throw new converged/* ConvergenceError */.g7(`traffic switched back to ${w.back}, but ${backName} is no longer N/N on ${w.image} (${proof.problems.join('; ') || proof.summary}); ${w.live} still runs, untouched`, proof);
    // An instance the engine replaced since the look gets its place in the pool.
    await ctx.route(w.back, tasks);
    ctx.log(`${backName}: ${proof.summary} after the switch`);
    await drained;
    await retire(ctx, w.live, false);
    return {
        outcome: 'rolled-back',
        strategy: 'blue-green',
        requested: w.image,
        image: w.image,
        previous: w.liveImage,
        reason: 'rollback requested',
        proof,
        durationMs: ctx.now() - started,
    };
}
/** What the colour rules (colours.ts) need of a colour's service. */
function pool(s) {
    if (!s)
        return undefined;
    const until = serviceLabel(s, LABEL.warmUntil);
    return { replicas: serviceReplicas(s), ...(until ? { warmUntil: until } : {}) };
}
/**
 * Both colour services and the live one: the router's word, else the only colour that runs.
 * `found`: the services already inspected in the same look (by name).
 */
async function readColours(ctx, found) {
    const names = colours/* COLOURS */.O5.map((c) => colourService(ctx.target, c));
    const all = found ?? (await ctx.inspectAll(names));
    const [blue, green] = names.map((n) => all.get(n));
    const services = { blue, green };
    const live = (0,colours/* liveColour */.L0)(await ctx.router?.live(), { blue: pool(blue), green: pool(green) });
    return { ...(live ? { live } : {}), services };
}
/**
 * The state a switch to `live` leaves, for a fleet whose live colour already runs the digest:
 * the route on it, no keep-warm label on it, the other colour retired or kept warm per
 * keepWarmMs. A run killed between its switch and its ledger entry (a rollback's) left the
 * colour it switched away from running; the re-run finishes that. Returns the other colour's
 * warm-until when it is kept warm.
 */
async function settle(ctx, router, fleet, live, tasks, keepWarmMs) {
    // The balancer may have lost its state (restarted); putting it back restarts nothing.
    await ctx.route(live, tasks);
    const switched = (await router.live()) !== live;
    if (switched) {
        await router.switchTo(live);
        ctx.log(`traffic switched to ${live}: the route did not point at it`);
    }
    const liveName = colourService(ctx.target, live);
    const liveSvc = fleet.services[live];
    if (liveSvc && serviceLabel(liveSvc, LABEL.warmUntil)) {
        // A live colour labelled warm would read as the idle one to a router that lost its state.
        await ctx.label(liveName, {}, [LABEL.warmUntil]);
        ctx.log(`${live} (${liveName}) takes the traffic: its keep-warm label removed`);
    }
    const idle = (0,colours/* otherColour */.RQ)(live);
    const idleName = colourService(ctx.target, idle);
    const idleSvc = fleet.services[idle];
    const next = (0,colours/* idleColour */.NB)(pool(idleSvc), keepWarmMs, ctx.now());
    if (next.kind === 'none' || !idleSvc)
        return undefined;
    const runs = `${idle} (${idleName}) still runs ${ctx.short(serviceImage(idleSvc))} beside the live colour`;
    if (next.kind === 'retire') {
        ctx.log(`${runs} and keep-warm is 0: retiring it`);
        if (serviceLabel(idleSvc, LABEL.warmUntil))
            await ctx.label(idleName, {}, [LABEL.warmUntil]);
        // Only traffic this run moved off it can still be in flight.
        await retire(ctx, idle, switched);
        return undefined;
    }
    if (next.label) {
        await ctx.label(idleName, { [LABEL.warmUntil]: next.until });
        ctx.log(`${runs} with no keep-warm window: kept warm until ${next.until}`);
    }
    return next.until;
}
/** Scales warm colours whose keep-warm window has passed to 0; true when it retired one. */
async function retireExpired(ctx, fleet) {
    let retired = false;
    for (const c of colours/* COLOURS */.O5) {
        const s = fleet.services[c];
        if (!(0,colours/* warmExpired */.dK)(pool(s), fleet.live, c, ctx.now()))
            continue;
        ctx.log(`${c} was kept warm until ${s && serviceLabel(s, LABEL.warmUntil)}: retiring it`);
        await ctx.label(colourService(ctx.target, c), {}, [LABEL.warmUntil]);
        await retire(ctx, c, false);
        retired = true;
    }
    return retired;
}
/** Takes a colour out of the router and scales it to 0, after a drain for requests in flight. */
async function retire(ctx, colour, drain = true) {
    if (drain)
        await ctx.sleep(ctx.drainMs);
    await ctx.router?.setEndpoints(colour, []);
    await ctx.scale(colourService(ctx.target, colour), 0);
    ctx.log(`${colour} (${colourService(ctx.target, colour)}) retired: scaled to 0`);
}
function requireRouter(ctx) {
    if (!ctx.router)
        throw new errors/* ConfigurationError */.j1(`blue-green for ${ctx.target} needs a traffic router (the load balancer in front of the fleet)`);
    return ctx.router;
}
/** The second colour's first spec takes the port and network of the first, unless given. */
function inherit(r, live) {
    const port = Number(serviceLabel(live, LABEL.port)) || undefined;
    const network = serviceLabel(live, LABEL.network);
    return {
        ...r,
        ...(r.port === undefined && port !== undefined ? { port } : {}),
        ...(!r.network && network ? { network } : {}),
    };
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/errors.ts



/** An engine call of the swarm provider that failed for an operational reason. */
class SwarmError extends Error {
    service;
    name = 'SwarmError';
    constructor(message, service, options) {
        super(message, options);
        this.service = service;
    }
}
/** The engine said the object does not exist (service, network, task, container, node). */
function isNotFound(err) {
    if (err instanceof SwarmError)
        return isNotFound(err.cause);
    return (err instanceof docker_cli/* DockerCommandError */.YJ &&
        /no such (service|network|task|container|node|object)|not found/i.test(err.stderr));
}
/**
 * What a many-object inspect printed for the objects that exist when some did not (the CLI
 * prints those and fails for the rest); undefined for any other failure.
 */
function foundPart(err) {
    return isNotFound(err) && err instanceof docker_cli/* DockerCommandError */.YJ ? err.stdout.trim() : undefined;
}
// Engine answers the user has to fix, in one table: DOCKER_HOST at the wrong engine, a
// name the engine refuses, a spec the engine refuses. Everything else is operational.
const USER_ERRORS = [
    {
        name: 'not a swarm manager',
        pattern: /not a swarm manager|swarm mode|This node is not part of a swarm/i,
        say: (host) => `the engine at ${host} is not a swarm manager: point DOCKER_HOST at a manager node (docker swarm init or join)`,
    },
    {
        name: 'spec refused',
        pattern: /code = InvalidArgument|invalid reference format/,
        say: () => 'the engine refused the service spec',
    },
    {
        name: 'name taken',
        pattern: /already exists|name conflicts/i,
        say: () => 'a service or network of that name already exists',
    },
    {
        name: 'no permission',
        pattern: /permission denied/i,
        say: (host) => `no permission to talk to the engine at ${host}`,
    },
];
/**
 * Maps a failed engine call to a ConfigurationError (the user's to fix) or a SwarmError, both
 * one line with the engine's reason and the failed call as `cause` (its whole stderr there).
 * The one place that reads the engine's error text.
 */
function swarmError(err, doing, service) {
    if (err instanceof errors/* ConfigurationError */.j1 || err instanceof SwarmError)
        return err;
    if (!(err instanceof docker_cli/* DockerCommandError */.YJ))
        return new SwarmError(`Could not ${doing}: ${(0,errors/* errorMessage */.gJ)(err)}`, service, { cause: err });
    const host = /DOCKER_HOST=(\S+)\)/.exec(err.command)?.[1] ?? 'DOCKER_HOST';
    const row = err.stderr ? USER_ERRORS.find((r) => r.pattern.test(err.stderr)) : undefined;
    if (row)
        return new errors/* ConfigurationError */.j1(`Could not ${doing}: ${row.say(host)}: ${err.reason}`, {
            cause: err,
        });
    return new SwarmError(`Could not ${doing}: ${err.reason}`, service, { cause: err });
}
// A node that cannot pull logs why and then fails the task with the create's "No such image";
// the other rows are what the engine reports when the pull's own error reaches the task.
const PULL_ERRORS = [
    { name: 'no such image', pattern: /No such image/i },
    { name: 'access denied', pattern: /pull access denied/i },
    { name: 'manifest unknown', pattern: /manifest unknown/i },
    { name: 'blob unknown', pattern: /blob unknown/i },
    { name: 'registry unreachable', pattern: /connection refused|no such host|i\/o timeout/i },
];
/**
 * Whether a deploy of `image` failed because its image could not be pulled: the tasks of that
 * digest that the engine rejected or failed all say so (one that ran and failed its health says
 * the release was tried). Returns the engine's first such error, else undefined.
 */
function pullFailure(tasks, image) {
    const digest = (0,converged/* digestOf */.ol)(image);
    const failed = tasks.filter((t) => digest !== undefined &&
        (0,converged/* digestOf */.ol)(t.image) === digest &&
        /^(rejected|failed)\b/i.test(t.state) &&
        t.error !== '');
    if (failed.length === 0)
        return undefined;
    if (!failed.every((t) => PULL_ERRORS.some((r) => r.pattern.test(t.error))))
        return undefined;
    return failed[0]?.error;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/context.ts




/** The label the engine puts on a task's container: the service it belongs to. */
const SERVICE_NAME_LABEL = 'com.docker.swarm.service.name';
const DEFAULT_POLL_MS = 500;
const DEFAULT_DRAIN_MS = 1_000;
/**
 * What the strategies share: the engine (one way: the docker CLI), the clock, the log and the
 * router, and the few engine reads and writes every strategy needs.
 */
class SwarmContext {
    target;
    router;
    now;
    sleep;
    pollMs;
    drainMs;
    docker;
    logLine;
    constructor(s) {
        this.target = s.target;
        this.docker = s.docker;
        this.router = s.router;
        this.logLine = s.log ?? (() => { });
        this.now = s.now ?? Date.now;
        this.sleep = s.sleep ?? retry/* sleep */.yy;
        this.pollMs = s.pollMs ?? DEFAULT_POLL_MS;
        this.drainMs = s.drainMs ?? DEFAULT_DRAIN_MS;
    }
    log(line) {
        this.logLine(line);
    }
    /** Runs a docker command; failures go through errors.ts. */
    async run(args, doing, service) {
        try {
            return await this.docker.output(args);
        }
        catch (err) {
            throw swarmError(err, doing, service);
        }
    }
    async inspect(name) {
        return (await this.inspectAll([name])).get(name);
    }
    /** Several services in one engine call, by name; a missing one is absent from the map. */
    async inspectAll(names) {
        const found = await this.inspectObjects(['service', 'inspect', ...names], `inspect service ${names.join(', ')}`, names.length === 1 ? names[0] : undefined);
        return new Map(found.map((s) => [s.Spec.Name, s]));
    }
    /** A many-object inspect: the objects that exist (one missing does not fail the rest). */
    async inspectObjects(args, doing, service) {
        let out;
        try {
            out = await this.docker.output(args);
        }
        catch (err) {
            const part = foundPart(err);
            if (part === undefined)
                throw swarmError(err, doing, service);
            out = part;
        }
        return out ? JSON.parse(out) : [];
    }
    /** A swarm-scoped bridge network: tasks get addresses the host (and its router) can reach. */
    async ensureNetwork(name) {
        try {
            const [scope, driver] = (await this.docker.output(['network', 'inspect', name, '--format', '{{.Scope}} {{.Driver}}'])).split(' ');
            if (scope !== 'swarm')
                throw swarmError(new Error(`network ${name} exists with scope ${scope} and driver ${driver}; services need a swarm-scoped network`), `use network ${name}`);
            return;
        }
        catch (err) {
            if (!isNotFound(err))
                throw swarmError(err, `inspect network ${name}`);
        }
        await this.run([
            'network',
            'create',
            '--scope',
            'swarm',
            '--driver',
            'bridge',
            '--label',
            `${LABEL.target}=${this.target}`,
            name,
        ], `create network ${name}`);
        this.log(`network ${name} (swarm-scoped bridge) created`);
    }
    /**
     * The tasks the engine wants running, with health and address. Health comes from the
     * container where it runs on this engine; elsewhere a running task of a service with a
     * health check is healthy (the engine reports it running only once its check passed).
     */
    async tasks(name, service) {
        const [listing, found] = await Promise.all([
            this.listTasks([name]),
            service ? new Map([[name, service]]) : this.inspectAll([name]),
        ]);
        return (await this.tasksOf(listing, found)).get(name) ?? [];
    }
    /**
     * The first of the two rounds of a look at tasks: each service's task ids and this engine's
     * containers of them, all side by side. A missing service lists none.
     */
    async listTasks(names) {
        const only = names.length === 1 ? `=${names[0]}` : '';
        const [ids, local, nodes] = await Promise.all([
            Promise.all(names.map((n) => this.taskIds(n))),
            this.run([
                'ps',
                '--no-trunc',
                '--filter',
                `label=${SERVICE_NAME_LABEL}${only}`,
                '--format',
                `{{.ID}} {{.Label "${SERVICE_NAME_LABEL}"}}`,
            ], `list the containers of ${names.join(', ')}`),
            this.nodes(),
        ]);
        const wanted = new Set(names);
        return {
            ids: new Map(names.map((n, i) => [n, ids[i] ?? []])),
            local: local
                .split('\n')
                .map((l) => l.trim().split(' '))
                .filter((p) => p.length === 2 && wanted.has(p[1]))
                .map((p) => p[0]),
            nodes,
        };
    }
    /** The swarm's nodes, one engine call (a look reads them once, beside its task listings). */
    async nodes() {
        const out = await this.run(['node', 'ls', '--format', '{{.ID}} {{.Status}} {{.Availability}}'], 'list the nodes');
        return new Map(out
            .split('\n')
            .map((l) => l.trim().split(' '))
            .filter((p) => p.length === 3)
            .map(([id, status, availability]) => [id, { status, availability }]));
    }
    /** The second round: one task inspect and one container inspect for every listed service. */
    async tasksOf(listing, services) {
        const ids = [...listing.ids.values()].flat();
        const names = [...listing.ids.keys()].join(', ');
        if (ids.length === 0)
            return new Map();
        const [tasks, inspected] = await Promise.all([
            this.inspectObjects(['inspect', '--type', 'task', ...ids], `inspect the tasks of ${names}`),
            // Gone between the listing and the look: absent here, the next look sees the task's new state.
            listing.local.length
                ? this.inspectObjects(['inspect', '--type', 'container', ...listing.local], `inspect the containers of ${names}`)
                : Promise.resolve([]),
        ]);
        const containers = new Map(inspected.map((c) => [c.Id, c]));
        const byId = new Map(tasks.map((t) => [t.ID, t]));
        const out = new Map();
        for (const [name, own] of listing.ids) {
            const svc = services.get(name);
            const mine = own.flatMap((id) => byId.get(id) ?? []);
            out.set(name, await this.describe(mine, svc, containers, listing.nodes));
        }
        return out;
    }
    /** Tasks as the provider reports them, from the engine's task and container records. */
    async describe(tasks, svc, containers, nodes) {
        const port = svc ? Number(serviceLabel(svc, LABEL.port)) || undefined : undefined;
        const network = svc ? serviceLabel(svc, LABEL.network) : undefined;
        const hasCheck = (svc?.Spec.TaskTemplate.ContainerSpec.Healthcheck?.Test?.length ?? 0) > 0;
        const addresses = await this.nodeAddresses(tasks, port);
        return tasks.map((t) => {
            const c = containers.get(t.Status.ContainerStatus?.ContainerID ?? '');
            // The manager keeps a task running on a node it lost until it reschedules it; the last
            // health it heard from there says nothing about now.
            const off = t.NodeID ? nodeProblem(t.NodeID, nodes.get(t.NodeID)) : undefined;
            const health = off
                ? `unknown (${off})`
                : c
                    ? (c.State.Health?.Status ?? 'none')
                    : t.Status.State === 'running' && hasCheck
                        ? 'healthy'
                        : 'unknown';
            const address = taskAddress(t, c, port, network, addresses);
            return {
                id: t.ID,
                node: t.NodeID ?? '',
                state: t.Status.State,
                health,
                image: t.Spec.ContainerSpec.Image,
                ...(address ? { address } : {}),
                ...(t.Status.Err ? { error: t.Status.Err } : {}),
            };
        });
    }
    async taskIds(name) {
        try {
            return (await this.docker.output([
                'service',
                'ps',
                name,
                '--filter',
                'desired-state=running',
                '--no-trunc',
                '--format',
                '{{.ID}}',
            ]))
                .split('\n')
                .filter(Boolean);
        }
        catch (err) {
            if (isNotFound(err))
                return [];
            throw swarmError(err, `list the tasks of ${name}`, name);
        }
    }
    /** Node addresses, only when tasks publish a port on their node. */
    async nodeAddresses(tasks, port) {
        const ids = [
            ...new Set(tasks.filter((t) => hostPort(t, port) !== undefined).map((t) => t.NodeID ?? '')),
        ].filter(Boolean);
        if (ids.length === 0)
            return new Map();
        const out = await this.run(['node', 'inspect', '--format', '{{.ID}} {{.Status.Addr}}', ...ids], 'inspect the nodes');
        return new Map(out
            .split('\n')
            .map((l) => l.trim().split(' '))
            .filter((p) => p.length === 2));
    }
    /**
     * Polls until the service runs `digest` N/N healthy with the engine's update finished, the
     * engine takes the digest back, the update pauses, or the deadline passes. `onTasks` sees
     * every look (the rolling strategy keeps the router on the healthy tasks with it).
     */
    async waitFor(name, digest, replicas, deadline, onTasks) {
        let last = '';
        for (;;) {
            const service = await this.inspect(name);
            const tasks = service ? await this.tasks(name, service) : [];
            if (onTasks)
                await onTasks(tasks);
            const proof = (0,converged/* proveConvergence */.GZ)(tasks, digest, replicas);
            const state = service?.UpdateStatus?.State ?? '';
            const line = `${name}: ${proof.summary}${state ? ` (update ${state})` : ''}`;
            if (line !== last)
                this.log(line);
            last = line;
            if (service) {
                const message = service.UpdateStatus?.Message ?? '';
                if ((0,converged/* digestOf */.ol)(serviceImage(service)) !== digest)
                    return {
                        kind: 'reverted',
                        proof,
                        service,
                        message: message || `the service now asks for ${serviceImage(service)}`,
                    };
                if (PAUSED.has(state))
                    return { kind: 'paused', proof, service, message };
                if (proof.converged && !IN_PROGRESS.has(state))
                    return { kind: 'converged', proof, service };
            }
            if (this.now() >= deadline)
                return { kind: 'timeout', proof, service };
            await this.sleep(this.pollMs);
        }
    }
    /** Why a wait did not converge, in the engine's words and the tasks' errors. */
    async explain(name, end) {
        const engine = end.kind === 'reverted' || end.kind === 'paused'
            ? `update ${end.service.UpdateStatus?.State ?? end.kind}${end.message ? `: ${end.message}` : ''}`
            : end.kind === 'timeout'
                ? `not N/N healthy in time: ${end.proof.problems.join('; ') || end.proof.summary}`
                : '';
        const tasks = await this.taskErrors(name);
        return [engine, tasks && `tasks: ${tasks}`].filter(Boolean).join('; ');
    }
    /** The engine's errors for the service's recent tasks, for a failure's reason. */
    async taskErrors(name) {
        return (await this.taskHistory(name))
            .map((t) => `${t.name} ${t.image} ${t.state}${t.error ? ` ${t.error}` : ''}`)
            .filter((l) => /failed|rejected|unhealthy|error/i.test(l))
            .slice(0, 5)
            .map((l) => l.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+/, '@sha256:$1…'))
            .join('; ');
    }
    /**
     * The service's tasks as the engine keeps them, the ones it replaced included (their errors
     * say why); none when the service or the engine cannot be read (a failure's reason is best-effort).
     */
    async taskHistory(name) {
        try {
            const out = await this.docker.output([
                'service',
                'ps',
                name,
                '--no-trunc',
                '--format',
                '{{json .}}',
            ]);
            return out
                .split('\n')
                .filter(Boolean)
                .map((l) => {
                const t = JSON.parse(l);
                return {
                    name: t.Name ?? '',
                    image: t.Image ?? '',
                    state: t.CurrentState ?? '',
                    // The CLI quotes the error when it does not truncate it.
                    error: (t.Error ?? '').replace(/^"(.*)"$/s, '$1'),
                };
            });
        }
        catch {
            return [];
        }
    }
    /** Scales a service (0 retires a colour and keeps its spec for a later switch back). */
    async scale(name, replicas) {
        await this.run(['service', 'update', '--detach', '--replicas', String(replicas), name], `scale ${name} to ${replicas}`, name);
    }
    /** Sets or removes service labels (no task restarts: only the service's own labels change). */
    async label(name, add, remove = []) {
        const args = [
            ...Object.entries(add).flatMap(([k, v]) => ['--label-add', `${k}=${v}`]),
            ...remove.flatMap((k) => ['--label-rm', k]),
        ];
        if (args.length === 0)
            return;
        await this.run(['service', 'update', '--detach', ...args, name], `label ${name}`, name);
    }
    /** Points a router pool at the healthy running tasks (what traffic may reach). */
    async route(colour, tasks) {
        const addresses = servable(tasks);
        if (this.router)
            await this.router.setEndpoints(colour, addresses);
        return addresses;
    }
    short(image) {
        const d = (0,converged/* digestOf */.ol)(image);
        return d ? (0,converged/* shortDigest */.VK)(d) : image;
    }
}
/** Addresses of the tasks that may take traffic: running, healthy, reachable. */
function servable(tasks) {
    return tasks
        .filter((t) => t.state === 'running' && t.health === 'healthy' && t.address)
        .map((t) => t.address)
        .sort();
}
/**
 * Why a node's tasks do not count as healthy, if they do not: the node is not Ready (the manager
 * has lost it) or is draining (its tasks are being stopped). A paused node's tasks keep running
 * and serving (only new tasks go elsewhere), so they still count.
 */
function nodeProblem(id, node) {
    const short = id.slice(0, 12);
    if (!node)
        return `node ${short} is not in the swarm`;
    if (node.status.toLowerCase() !== 'ready')
        return `node ${short} is ${node.status}`;
    if (node.availability.toLowerCase() === 'drain')
        return `node ${short} is draining`;
    return undefined;
}
function hostPort(t, port) {
    return t.Status.PortStatus?.Ports?.find((p) => p.PublishMode === 'host' && (port === undefined || p.TargetPort === port))?.PublishedPort;
}
function taskAddress(t, c, port, network, nodes) {
    const published = hostPort(t, port);
    if (published !== undefined) {
        const addr = nodes.get(t.NodeID ?? '');
        return addr ? `${addr}:${published}` : undefined;
    }
    if (port === undefined || !c)
        return undefined;
    const nets = c.NetworkSettings.Networks ?? {};
    const ip = (network ? nets[network] : Object.values(nets)[0])?.IPAddress;
    return ip ? `${ip}:${port}` : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/rolling.ts




/**
 * Rolling: one service, replaced by the engine itself (`docker service update` to the digest,
 * start-first, `batchSize` at a time, health-gated, failure action rollback) and watched until
 * N/N run the digest. The engine's own rollback is reported as `rolled-back`, never deployed.
 */
async function rollingDeploy(ctx, r) {
    const started = ctx.now();
    const name = ctx.target;
    const digest = (0,converged/* digestOf */.ol)(r.image);
    const existing = await ctx.inspect(name);
    if (existing && serviceLabel(existing, LABEL.strategy) === 'blue-green')
        throw new errors/* ConfigurationError */.j1(`service ${name} is a colour of a blue-green fleet; deploy it with strategy blue-green`);
    const pool = await livePool(ctx);
    const follow = ctx.router ? followTasks(ctx, pool) : undefined;
    const deadline = () => ctx.now() + r.healthTimeoutMs;
    if (!existing) {
        if (!r.replicas)
            throw new errors/* ConfigurationError */.j1(`service ${name} does not exist yet: the first deploy needs replicas`);
        if (r.network)
            await ctx.ensureNetwork(r.network);
        await ctx.run(createArgs(name, r, { target: name, strategy: 'rolling', replicas: r.replicas }), `create service ${name}`, name);
        ctx.log(`service ${name} created: ${r.replicas} × ${r.image}`);
        const end = await ctx.waitFor(name, digest, r.replicas, deadline(), follow);
        if (end.kind !== 'converged')
            throw new converged/* ConvergenceError */.g7(`service ${name} did not reach ${end.proof.summary} within ${r.healthTimeoutMs} ms; there is no earlier digest to return to, so it stays as the engine left it: ${await ctx.explain(name, end)}`, end.proof);
        return result(r, 'deployed', r.image, undefined, end, started, ctx);
    }
    const previous = serviceImage(existing);
    const replicas = r.replicas ?? serviceReplicas(existing);
    if ((0,converged/* digestOf */.ol)(previous) === digest) {
        // Already asked for and converged: nothing to do, nothing restarted.
        const now = (0,converged/* proveConvergence */.GZ)(await ctx.tasks(name, existing), digest, replicas);
        if (now.converged && replicas === serviceReplicas(existing)) {
            if (follow)
                await follow(await ctx.tasks(name, existing));
            ctx.log(`${name} already runs ${now.summary}: unchanged`);
            return {
                outcome: 'unchanged',
                strategy: 'rolling',
                requested: r.image,
                image: r.image,
                ...(existing.PreviousSpec
                    ? { previous: existing.PreviousSpec.TaskTemplate.ContainerSpec.Image }
                    : {}),
                proof: now,
                durationMs: ctx.now() - started,
            };
        }
    }
    // An update to this digest still under way (a runner that died mid-deploy): watch it
    // finish; its previous spec is what it replaces. Anything else gets one update.
    const inFlight = (0,converged/* digestOf */.ol)(previous) === digest && IN_PROGRESS.has(existing.UpdateStatus?.State ?? '');
    const before = inFlight
        ? (existing.PreviousSpec?.TaskTemplate.ContainerSpec.Image ?? previous)
        : previous;
    if (inFlight) {
        ctx.log(`service ${name}: an update to ${ctx.short(r.image)} is already under way: watching it`);
    }
    else {
        await ctx.run(updateArgs(name, r, replicas), `update service ${name} to ${r.image}`, name);
        ctx.log(`service ${name}: update to ${ctx.short(r.image)} issued (start-first, ${r.batchSize} at a time)`);
    }
    const end = await ctx.waitFor(name, digest, replicas, deadline(), follow);
    if (end.kind === 'converged')
        return result(r, 'deployed', r.image, before, end, started, ctx);
    return recover(ctx, r, end, before, replicas, started, follow);
}
/** After a failed update: the engine's rollback finished, or Kiln starts it; then proven N/N on the previous digest. */
async function recover(ctx, r, end, previous, replicas, started, follow) {
    const name = ctx.target;
    const reason = await ctx.explain(name, end);
    if (end.kind !== 'reverted') {
        if (!r.autoRollback)
            throw new converged/* ConvergenceError */.g7(`service ${name} did not converge on ${r.image} (${end.proof.summary}) and auto-rollback is off, so it stays as the engine left it: ${reason}`, end.proof);
        ctx.log(`service ${name}: ${reason}; rolling back to ${ctx.short(previous)}`);
        await ctx.run(['service', 'rollback', '--detach', name], `roll back service ${name}`, name);
    }
    else {
        ctx.log(`service ${name}: the engine rolled the update back: ${reason}`);
    }
    const back = await ctx.waitFor(name, (0,converged/* digestOf */.ol)(previous), replicas, ctx.now() + r.healthTimeoutMs, follow);
    if (back.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`service ${name} did not converge on ${r.image} (${reason}), and not back on ${previous} either: ${back.proof.summary}: ${await ctx.explain(name, back)}`, back.proof);
    return { ...result(r, 'rolled-back', previous, previous, back, started, ctx), reason };
}
/** `docker service rollback`: back to the engine's previous spec, watched to N/N. */
async function rollingRollback(ctx, existing, healthTimeoutMs) {
    const started = ctx.now();
    const name = ctx.target;
    const current = serviceImage(existing);
    const previous = existing.PreviousSpec?.TaskTemplate.ContainerSpec.Image;
    if ((existing.UpdateStatus?.State ?? '').startsWith('rollback'))
        // The engine's previous spec is now the release rolled back from: "back" would redeploy it.
        throw new errors/* ConfigurationError */.j1(`service ${name} was already rolled back to ${current}; the engine's previous spec is the release it rolled back from: deploy an explicit digest instead`);
    if (!previous || (0,converged/* digestOf */.ol)(previous) === undefined)
        throw new errors/* ConfigurationError */.j1(`service ${name} has no previous digest to roll back to`);
    const replicas = serviceReplicas(existing);
    await ctx.run(['service', 'rollback', '--detach', name], `roll back service ${name}`, name);
    ctx.log(`service ${name}: rolling back from ${ctx.short(current)} to ${ctx.short(previous)}`);
    const pool = await livePool(ctx);
    const follow = ctx.router ? followTasks(ctx, pool) : undefined;
    const end = await ctx.waitFor(name, (0,converged/* digestOf */.ol)(previous), replicas, ctx.now() + healthTimeoutMs, follow);
    if (end.kind !== 'converged')
        throw new converged/* ConvergenceError */.g7(`service ${name} did not converge back on ${previous}: ${end.proof.summary}: ${await ctx.explain(name, end)}`, end.proof);
    return {
        outcome: 'rolled-back',
        strategy: 'rolling',
        requested: previous,
        image: previous,
        previous: current,
        reason: 'rollback requested',
        proof: end.proof,
        durationMs: ctx.now() - started,
    };
}
/** The router pool a rolling fleet lives in: whatever is live, blue before the first switch. */
async function livePool(ctx) {
    return (await ctx.router?.live()) ?? 'blue';
}
/**
 * Keeps the router on the healthy running tasks while the engine replaces them (new ones in
 * as they turn healthy, old ones out as the engine retires them), and makes the pool live.
 */
function followTasks(ctx, pool) {
    let last = '';
    let live = false;
    return async (tasks) => {
        const addresses = servable(tasks);
        // Never empty the pool while nothing new is healthy yet: a draining task beats no task.
        if (addresses.length === 0)
            return;
        const key = addresses.join(',');
        if (key !== last) {
            await ctx.route(pool, tasks);
            last = key;
        }
        if (!live) {
            if ((await ctx.router?.live()) !== pool)
                await ctx.router?.switchTo(pool);
            live = true;
        }
    };
}
function result(r, outcome, image, previous, end, started, ctx) {
    ctx.log(`service ${ctx.target}: ${end.proof.summary}`);
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

;// CONCATENATED MODULE: ./packages/core/src/fleet/swarm/provider.ts











const DEFAULT_ROLLBACK_TIMEOUT_MS = 120_000;
/** Swarm service names: the engine's own rule (letters, digits, dashes; 63 at most). */
const SERVICE_NAME = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,56}$/;
/** A fleet on Docker swarm: a rolling service or a pair of colour services behind a router. */
class SwarmProvider {
    kind = 'swarm';
    target;
    ctx;
    rollbackTimeoutMs;
    constructor(settings) {
        if (!SERVICE_NAME.test(settings.target))
            throw new errors/* ConfigurationError */.j1(`Fleet target ${JSON.stringify(settings.target)} is not a valid swarm service name: letters, digits, "_", "." and "-", starting with a letter or digit, at most 57 characters (the colour suffix needs the rest)`);
        this.target = settings.target;
        this.rollbackTimeoutMs = settings.rollbackTimeoutMs ?? DEFAULT_ROLLBACK_TIMEOUT_MS;
        this.ctx = new SwarmContext({
            ...settings,
            docker: settings.docker ?? new docker_cli/* DockerCli */.Vo({ dockerHost: settings.dockerHost }),
        });
    }
    /** The load balancer in front of the fleet (present only when one was given). */
    get router() {
        return this.ctx.router;
    }
    /**
     * One look at the fleet in two rounds of engine calls: the services (one inspect) beside the
     * task listings of every name the fleet may run under, then one task and one container
     * inspect for what runs. A switch back acts on this look, not on another.
     */
    async current() {
        const names = [this.target, ...colours/* COLOURS */.O5.map((c) => colourService(this.target, c))];
        const [found, listing] = await Promise.all([
            this.ctx.inspectAll(names),
            this.ctx.listTasks(names),
        ]);
        const plain = found.get(this.target);
        if (plain) {
            const tasks = (await this.ctx.tasksOf(listing, found)).get(this.target) ?? [];
            const previous = plain.PreviousSpec?.TaskTemplate.ContainerSpec.Image;
            return {
                target: this.target,
                exists: true,
                strategy: 'rolling',
                image: serviceImage(plain),
                ...(previous ? { previous } : {}),
                replicas: serviceReplicas(plain),
                digests: digests(tasks),
                tasks,
            };
        }
        const fleet = await readColours(this.ctx, found);
        const liveSvc = fleet.live ? fleet.services[fleet.live] : undefined;
        if (!fleet.live || !liveSvc)
            return { target: this.target, exists: false, replicas: 0, digests: [], tasks: [] };
        const other = (0,colours/* otherColour */.RQ)(fleet.live);
        const otherSvc = fleet.services[other];
        const warmSvc = otherSvc && serviceReplicas(otherSvc) > 0 ? otherSvc : undefined;
        const all = await this.ctx.tasksOf(listing, found);
        const tasks = all.get(colourService(this.target, fleet.live)) ?? [];
        const warmTasks = all.get(colourService(this.target, other)) ?? [];
        const until = warmSvc && serviceLabel(warmSvc, LABEL.warmUntil);
        const warm = warmSvc
            ? {
                colour: other,
                image: serviceImage(warmSvc),
                ...(until ? { until } : {}),
                replicas: serviceReplicas(warmSvc),
                tasks: warmTasks,
            }
            : undefined;
        return {
            target: this.target,
            exists: true,
            strategy: 'blue-green',
            image: serviceImage(liveSvc),
            ...(otherSvc ? { previous: serviceImage(otherSvc) } : {}),
            replicas: serviceReplicas(liveSvc),
            digests: digests(tasks),
            tasks,
            live: fleet.live,
            ...(warm ? { warm } : {}),
        };
    }
    async deploy(request) {
        (0,request_check/* checkDeployRequest */.b)(request);
        const result = request.strategy === 'blue-green'
            ? await blueGreenDeploy(this.ctx, request)
            : await rollingDeploy(this.ctx, request);
        return result.outcome === 'rolled-back' ? this.whyRolledBack(result, request) : result;
    }
    /**
     * A rolled-back deploy whose tasks could not pull the image says so (`failure: 'pull'`): the
     * release never ran, so its rollback says nothing about it. Read from the tasks the engine
     * kept, whichever strategy ran them.
     */
    async whyRolledBack(result, request) {
        const names = request.strategy === 'blue-green'
            ? colours/* COLOURS */.O5.map((c) => colourService(this.target, c))
            : [this.target];
        const tasks = (await Promise.all(names.map((n) => this.ctx.taskHistory(n)))).flat();
        const pull = pullFailure(tasks, request.image);
        if (!pull)
            return result;
        // The engine's words for the pull alone (the wait's own reason repeats them once per task),
        // the digest shortened as in every task line.
        const said = pull.replace(/@sha256:([0-9a-f]{12})[0-9a-f]+/g, '@sha256:$1…');
        const reason = `the image could not be pulled: ${said}`;
        this.ctx.log(`${this.target}: ${reason}; the release never ran`);
        return { ...result, failure: 'pull', reason };
    }
    /** `seen`: this provider's current() just before; a blue-green switch back acts on it. */
    async rollback(seen) {
        if (seen?.target === this.target && seen.strategy === 'blue-green')
            return blueGreenRollback(this.ctx, this.rollbackTimeoutMs, seen);
        const plain = await this.ctx.inspect(this.target);
        if (plain)
            return rollingRollback(this.ctx, plain, this.rollbackTimeoutMs);
        return blueGreenRollback(this.ctx, this.rollbackTimeoutMs);
    }
    async converged(digest, replicas) {
        const state = await this.current();
        return (0,converged/* proveConvergence */.GZ)(state.exists ? state.tasks : [], digest, replicas);
    }
    /**
     * Removes the fleet's services (and the network when Kiln created it), waiting for their
     * containers to go. Not part of the provider interface: a teardown for demos and tests.
     */
    async remove(network) {
        const removed = [];
        for (const name of [
            this.target,
            colourService(this.target, 'blue'),
            colourService(this.target, 'green'),
        ]) {
            try {
                await this.ctx.run(['service', 'rm', name], `remove service ${name}`, name);
                removed.push(name);
            }
            catch (err) {
                if (!isNotFound(err))
                    throw err;
            }
        }
        for (const name of removed)
            await this.containersGone(name);
        if (network)
            await this.removeNetwork(network);
        await this.ctx.router?.setEndpoints('blue', []);
        await this.ctx.router?.setEndpoints('green', []);
        return removed;
    }
    async containersGone(name, timeoutMs = 60_000) {
        const end = this.ctx.now() + timeoutMs;
        while (this.ctx.now() < end) {
            const left = await this.ctx.run(['ps', '--all', '--quiet', '--filter', `label=com.docker.swarm.service.name=${name}`], `list the containers of ${name}`);
            if (left === '')
                return;
            await (0,retry/* sleep */.yy)(250);
        }
        throw swarmError(new Error(`containers of ${name} were still there ${timeoutMs / 1000} s after service rm`), `remove service ${name}`, name);
    }
    /** Removes the network if Kiln made it; the engine may need a moment after its last task left. */
    async removeNetwork(network) {
        for (let attempt = 0;; attempt++) {
            try {
                const owner = await this.ctx.run(['network', 'inspect', network, '--format', `{{index .Labels "${LABEL.target}"}}`], `inspect network ${network}`);
                if (owner !== this.target)
                    return;
                await this.ctx.run(['network', 'rm', network], `remove network ${network}`);
                return;
            }
            catch (err) {
                if (isNotFound(err))
                    return;
                if (attempt >= 20)
                    throw err;
                await (0,retry/* sleep */.yy)(500);
            }
        }
    }
}
function digests(tasks) {
    return [...new Set(tasks.map((t) => (0,converged/* digestOf */.ol)(t.image) ?? t.image))].sort();
}


/***/ })

};
