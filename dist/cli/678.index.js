export const id = 678;
export const ids = [678];
export const modules = {

/***/ 40778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   HK: () => (/* binding */ parsePinnedImage),
/* harmony export */   jt: () => (/* binding */ parseReplaceFleetRequest)
/* harmony export */ });
/* unused harmony export DEPLOY_DEFAULTS */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48051);
/* harmony import */ var _config_queries_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(93044);
/* harmony import */ var _ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43291);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(37638);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88315);
/* harmony import */ var _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(47034);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67528);
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32314);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3547);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(93966);











/** Defaults when neither an input nor the environment's kiln.yml entry says. */
const DEPLOY_DEFAULTS = {
    strategy: 'rolling',
    batchSize: 1,
    healthTimeoutMs: 5 * 60_000,
    /** Blue-green: the old colour stays up this long after the switch (rollback = one switch). */
    keepWarmMs: 10 * 60_000,
    healthIntervalMs: 5_000,
    /**
     * The least time one run of health-cmd may take: a slow answer from a busy node is not a
     * failed check (a refused connection still fails at once). Docker runs checks one after another.
     */
    healthCheckTimeoutMs: 5_000,
};
/**
 * `repo@sha256:…`, or a bare `sha256:…` in `repository` (the environment's, from kiln.yml); a
 * tag is refused (tags move; a deploy names exactly one image).
 */
function parsePinnedImage(raw, repository, input = 'image') {
    const v = raw.trim();
    if (v.startsWith('sha256:')) {
        const problem = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestProblem */ .WQ)(v);
        if (problem)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, raw, `digest ${problem}`);
        if (!repository)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, raw, 'a bare digest needs the repository from kiln.yml (`image:`); write repository@sha256:…');
        const image = {
            registry: repository.registry,
            repository: repository.repository,
            digest: v,
        };
        return { image, digest: v };
    }
    let ref;
    try {
        ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(v);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "${input}": ${err.message}`, { cause: err });
    }
    const pinned = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .requireDigest */ .m0)(ref, input);
    return { image: pinned, digest: pinned.digest };
}
function optionalInteger(read, name, fallback, max) {
    const raw = read(name);
    if (raw.trim() === '')
        return fallback;
    return (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)(name, raw, undefined, { min: 1, max });
}
/**
 * Parses replace-fleet's inputs over the environment's kiln.yml entry (inputs win). Nothing
 * here touches the network: a tag, an unknown environment or provider, or a bad value is
 * refused before any registry or engine call.
 */
function parseReplaceFleetRequest(read, config) {
    const rawImage = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_5__/* .required */ .mw)(read, 'image');
    const envName = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_5__/* .required */ .mw)(read, 'environment');
    const env = config ? (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_9__/* .environment */ .cA)(config, envName) : undefined;
    // The name makes the ledger's tag kiln-ledger-<environment>.
    if (!_ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__/* .ENV_NAME */ .G.test(envName))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('environment', envName, _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__/* .ENV_NAME_RULE */ .D);
    const { image, digest } = parsePinnedImage(rawImage, config && (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_9__/* .environmentRepository */ .gu)(config, envName));
    (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .requireEnvironmentRepository */ .l2)(config, envName, image, 'image', rawImage);
    const provider = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('provider', read('provider'), _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVIDERS */ .xq, env?.provider ?? 'swarm');
    if (env && read('provider').trim() && env.provider !== provider)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('provider', provider, `${config?.source.file} gives environment ${envName} provider ${env.provider}; one environment runs on one provider`);
    const target = read('target').trim() || env?.target;
    if (!target)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "target" is required (the swarm service, Kubernetes Deployment or Auto Scaling group), unless kiln.yml names the environment's target`);
    const strategy = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('strategy', read('strategy'), _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__/* .STRATEGIES */ .YL, env?.strategy ?? DEPLOY_DEFAULTS.strategy);
    const batchSize = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)('batch-size', read('batch-size'), env?.batchSize ?? DEPLOY_DEFAULTS.batchSize, { min: 1, max: 1000 });
    const healthTimeoutMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('health-timeout', read('health-timeout'), env?.healthTimeoutMs ?? DEPLOY_DEFAULTS.healthTimeoutMs);
    if (healthTimeoutMs <= 0)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-timeout', read('health-timeout'), 'must be longer than 0s');
    const keepWarmMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('keep-warm', read('keep-warm'), env?.keepWarmMs ?? DEPLOY_DEFAULTS.keepWarmMs);
    const swarm = env?.provider === 'swarm' ? env.settings : {};
    const req = {
        image,
        digest,
        environment: envName,
        provider,
        target,
        strategy,
        batchSize,
        healthTimeoutMs,
        autoRollback: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .yG)('auto-rollback', read('auto-rollback'), true),
        quarantineOnRollback: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .yG)('quarantine-on-rollback', read('quarantine-on-rollback'), true),
        keepWarmMs,
        ledgerRepository: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerRepositoryFor */ .Fn)(config, envName, image),
        quarantineLedgers: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .configLedgers */ .$G)(config),
    };
    const replicas = optionalInteger(read, 'replicas', swarm.replicas, 1000);
    if (replicas !== undefined)
        req.replicas = replicas;
    const port = optionalInteger(read, 'port', swarm.port, 65535);
    if (port !== undefined)
        req.port = port;
    const network = read('network').trim() || swarm.network;
    if (network)
        req.network = network;
    const dockerHost = read('docker-host').trim() || swarm.dockerHost;
    if (dockerHost) {
        if (!/^(unix|tcp|ssh|npipe):\/\/\S+$/.test(dockerHost))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('docker-host', dockerHost, 'must be a unix://, tcp:// or ssh:// address');
        req.dockerHost = dockerHost;
    }
    if (env?.provider === 'kubernetes')
        req.kubernetes = env.settings;
    else if (provider === 'kubernetes')
        req.kubernetes = {};
    if (env?.provider === 'aws-asg')
        req.awsAsg = env.settings;
    else if (provider === 'aws-asg')
        req.awsAsg = {};
    const kubeconfig = read('kubeconfig');
    if (kubeconfig.trim()) {
        // Masked before anything can print it: a kubeconfig holds the cluster's credentials.
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(kubeconfig);
        if (provider !== 'kubernetes')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "kubeconfig" is only used with provider kubernetes (this environment runs on ${provider})`);
        req.kubeconfig = kubeconfig;
    }
    if (env?.url)
        req.url = env.url;
    if (env?.requires)
        req.requires = env.requires;
    const healthCmd = read('health-cmd').trim();
    const healthInterval = read('health-interval');
    if (healthCmd) {
        const intervalMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('health-interval', healthInterval, DEPLOY_DEFAULTS.healthIntervalMs);
        if (intervalMs <= 0)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-interval', healthInterval, 'must be longer than 0s');
        req.health = {
            cmd: healthCmd,
            intervalMs,
            timeoutMs: Math.max(intervalMs, DEPLOY_DEFAULTS.healthCheckTimeoutMs),
            retries: 3,
            startPeriodMs: 0,
        };
    }
    else if (healthInterval.trim()) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-interval', healthInterval, 'is only used with health-cmd');
    }
    const socket = read('haproxy-socket').trim();
    const previewUrl = read('preview-url').trim();
    if (socket) {
        req.haproxy = {
            socket,
            mapFile: read('haproxy-map').trim() || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(socket), 'routes.map'),
        };
        if (previewUrl) {
            if (!/^https?:\/\/\S+$/.test(previewUrl))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('preview-url', previewUrl, 'must be an http(s) URL');
            req.haproxy.previewUrl = previewUrl;
        }
    }
    else if (previewUrl) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('preview-url', previewUrl, 'needs haproxy-socket: the router that previews');
    }
    // Kubernetes switches its Service's selector; aws-asg refuses blue-green itself.
    if (strategy === 'blue-green' && provider === 'swarm' && !req.haproxy)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Strategy blue-green moves traffic through a load balancer: set input "haproxy-socket" (haproxy's runtime API socket)`);
    return req;
}


/***/ }),

/***/ 37570:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   ML: () => (/* binding */ quarantineRolledBack),
/* harmony export */   O2: () => (/* binding */ rolledBackReason),
/* harmony export */   Ux: () => (/* binding */ describeQuarantine),
/* harmony export */   aB: () => (/* binding */ unquarantined),
/* harmony export */   eI: () => (/* binding */ ledgerReason)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37638);
/* harmony import */ var _ledger_limits_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77047);
/* harmony import */ var _ledger_queries_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(26711);



/** Why a rolled-back deploy's digest gets no quarantine entry: never pulled, or the input is off. */
function unquarantined(failure) {
    return failure === 'pull' ? { kind: 'not-pulled' } : { kind: 'off' };
}
/** The ledger's reason for quarantining a rolled-back digest: the environment and what failed. */
function rolledBackReason(environment, why) {
    return ledgerReason(`rolled back in ${environment}: ${why?.trim() || 'it did not converge'}`);
}
/**
 * An engine's reason as the ledger keeps it: at most REASON_MAX characters. Engine text (task
 * errors of every replica) can be longer, and the fleet has already moved by then: the entry
 * must still be written.
 */
function ledgerReason(why) {
    return why.length <= _ledger_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .REASON_MAX */ .o ? why : `${why.slice(0, _ledger_limits_js__WEBPACK_IMPORTED_MODULE_1__/* .REASON_MAX */ .o - 1)}…`;
}
/**
 * Quarantines `digest` in `env`'s ledger unless an entry already does (a re-run adds none):
 * a deploy rolled back, and the digest a rollback leaves. `ctx` may be read only when an entry
 * is written (rollback reads the image's descriptor then); its failure is the step's.
 * Never rejects: the deploy it follows is recorded whatever becomes of the quarantine.
 */
async function quarantineRolledBack(store, env, digest, reason, ctx) {
    try {
        const known = await (0,_ledger_queries_js__WEBPACK_IMPORTED_MODULE_0__/* .isQuarantined */ .fK)(store, digest);
        if (known.quarantined && known.entry) {
            const e = known.entry.entry;
            return { kind: 'already', entry: known.entry.digest, seq: e.seq, env: e.env };
        }
        const context = typeof ctx === 'function' ? await ctx() : ctx;
        const stored = await (0,_ledger_queries_js__WEBPACK_IMPORTED_MODULE_0__/* .quarantine */ .tW)(store, env, digest, reason, context);
        return { kind: 'quarantined', entry: stored.digest, seq: stored.entry.seq, reason };
    }
    catch (cause) {
        return { kind: 'failed', error: (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .errorMessage */ .gJ)(cause), cause };
    }
}
/** One line for the log, the summary and the step's error. */
function describeQuarantine(q, digest) {
    switch (q.kind) {
        case 'quarantined':
            return `${digest} quarantined (ledger seq ${q.seq}): promote and deploy refuse it in every environment`;
        case 'already':
            return `${digest} was already quarantined (${q.env}, ledger seq ${q.seq})`;
        case 'off':
            return `${digest} not quarantined (input quarantine-on-rollback is false)`;
        case 'not-moved':
            return `${digest} not quarantined: the rollback did not move the fleet off it`;
        case 'not-pulled':
            return `${digest} not quarantined: it could not be pulled, the release was never tried`;
        case 'failed':
            return `${digest} could not be quarantined: ${q.error}; promote and deploy still accept it`;
    }
}


/***/ }),

/***/ 16801:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ai: () => (/* binding */ RolledBackError),
  Zf: () => (/* binding */ environmentLedger),
  C2: () => (/* binding */ openProvider),
  HL: () => (/* binding */ replaceFleet)
});

// UNUSED EXPORTS: DEPLOY_GATES, FleetFailedError, PREVIEW_TIMEOUT_MS, deployRequest, fleetSettings

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(29468);
;// CONCATENATED MODULE: ./packages/core/src/fleet/haproxy/config.ts
/** Servers each colour's backend holds; the runtime API fills them, haproxy cannot add more. */
const POOL_SLOTS = 16;
/** The map keys the two frontends look up: the live route and the preview route. */
const LIVE_KEY = 'live';
const PREVIEW_KEY = 'preview';
/** An address no server answers on, for a slot that holds no task. */
const UNUSED_ADDRESS = '127.0.0.1:1';
/** The backend of a colour's pool. */
const backendOf = (c) => `app_${c}`;
/** The server in slot `i` (1-based) of a colour's pool. */
const slotName = (c, i) => `${c}${i}`;
/**
 * The frontends and backends the haproxy router works with: one frontend for users and one
 * for previews, each picking its backend from one map entry, so a switch is one `set map`;
 * a backend per colour with fixed server slots the runtime API points at tasks.
 */
function haproxyRoutes(o) {
    const slots = o.slots ?? POOL_SLOTS;
    const pool = (c, initial) => [
        `backend ${backendOf(c)}`,
        '  balance roundrobin',
        `  option httpchk GET ${o.healthPath ?? '/'}`,
        '  http-check expect status 200',
        '  default-server check inter 1s fall 2 rise 1',
        ...Array.from({ length: slots }, (_, i) => initial[i]
            ? `  server ${slotName(c, i + 1)} ${initial[i]}`
            : `  server ${slotName(c, i + 1)} ${UNUSED_ADDRESS} disabled`),
        '',
    ];
    return [
        'frontend app',
        `  bind 127.0.0.1:${o.port}`,
        `  use_backend %[str(${LIVE_KEY}),map(${o.mapFile},${backendOf('blue')})]`,
        '',
        'frontend preview',
        `  bind 127.0.0.1:${o.previewPort}`,
        `  use_backend %[str(${PREVIEW_KEY}),map(${o.mapFile},${backendOf('green')})]`,
        '',
        ...pool('blue', o.initial ?? []),
        ...pool('green', []),
    ];
}
/** The map file for a live colour (the preview route takes the other one). */
function routesMap(live) {
    const idle = live === 'blue' ? 'green' : 'blue';
    return `${LIVE_KEY} ${backendOf(live)}\n${PREVIEW_KEY} ${backendOf(idle)}\n`;
}

// EXTERNAL MODULE: external "node:net"
var external_node_net_ = __webpack_require__(77030);
;// CONCATENATED MODULE: ./packages/core/src/fleet/haproxy/runtime-api.ts

/** How long one runtime API command may take on the local socket. */
const RUNTIME_TIMEOUT_MS = 3_000;
/** haproxy refused a runtime API command or did not answer. */
class HaproxyError extends Error {
    command;
    name = 'HaproxyError';
    constructor(message, command, options) {
        super(message, options);
        this.command = command;
    }
}
// The runtime API answers errors in prose; these are the ones its commands use.
const REFUSED = /^(No such|Unknown|Require|Invalid|Can't|Cannot|Not found|unknown|Missing|'[^']*' only|Permission denied)/im;
/** Sends one command to haproxy's runtime API (a stats socket with level admin) and returns the answer. */
function runtimeCommand(socket, command, timeoutMs = RUNTIME_TIMEOUT_MS) {
    return new Promise((resolve, reject) => {
        const c = (0,external_node_net_.createConnection)(socket);
        let out = '';
        c.setTimeout(timeoutMs, () => c.destroy(new HaproxyError(`haproxy at ${socket} did not answer "${command}" within ${timeoutMs} ms`, command)));
        c.on('connect', () => c.write(`${command}\n`));
        c.on('data', (d) => (out += d.toString('utf8')));
        c.on('end', () => {
            const refused = REFUSED.exec(out);
            if (refused)
                reject(new HaproxyError(`haproxy at ${socket} refused "${command}": ${out.trim().split('\n')[0]}`, command));
            else
                resolve(out);
        });
        c.on('error', (err) => reject(err instanceof HaproxyError
            ? err
            : new HaproxyError(`haproxy runtime API at ${socket}: ${err.message}`, command, {
                cause: err,
            })));
    });
}
/** `show stat`: the server rows of every backend, or of one. */
async function showStat(socket, backend) {
    const lines = (await runtimeCommand(socket, 'show stat')).trim().split('\n');
    const header = (lines[0] ?? '').replace(/^# /, '').split(',');
    const col = (name) => header.indexOf(name);
    return lines
        .slice(1)
        .map((l) => l.split(','))
        .filter((r) => (backend === undefined || r[col('pxname')] === backend) &&
        !['BACKEND', 'FRONTEND'].includes(r[col('svname')] ?? ''))
        .map((r) => ({
        backend: r[col('pxname')] ?? '',
        name: r[col('svname')] ?? '',
        status: r[col('status')] ?? '',
        address: r[col('addr')] ?? '',
        sessions: Number(r[col('stot')] ?? 0),
        check: r[col('check_status')] ?? '',
    }));
}

;// CONCATENATED MODULE: ./packages/core/src/fleet/haproxy/router.ts





const ADDRESS = /^(\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:]+\]):(\d{1,5})$/;
/**
 * The local default traffic router: haproxy through its runtime API. Servers of a pool are
 * slots pointed at task addresses; the live pool is one map entry, so a switch is one command
 * and every request after it goes to the new colour.
 */
class HaproxyRouter {
    o;
    url;
    previewUrl;
    sleep;
    pollMs;
    constructor(o) {
        this.o = o;
        if (o.url)
            this.url = o.url;
        if (o.previewUrl)
            this.previewUrl = o.previewUrl;
        this.sleep = o.sleep ?? retry/* sleep */.yy;
        this.pollMs = o.pollMs ?? 200;
    }
    cmd(command) {
        return runtimeCommand(this.o.socket, command);
    }
    async live() {
        const entry = (await this.routes()).get(LIVE_KEY);
        return entry === backendOf('blue')
            ? 'blue'
            : entry === backendOf('green')
                ? 'green'
                : undefined;
    }
    /** The server rows of one pool or both, for logs and summaries. */
    async stats(colour) {
        const rows = await showStat(this.o.socket);
        const backends = colour ? [backendOf(colour)] : [backendOf('blue'), backendOf('green')];
        return rows.filter((r) => backends.includes(r.backend));
    }
    async setEndpoints(colour, addresses) {
        const backend = backendOf(colour);
        for (const a of addresses)
            if (!ADDRESS.test(a))
                throw new errors/* ConfigurationError */.j1(`Endpoint ${JSON.stringify(a)} is not an ip:port address`);
        const slots = await this.stats(colour);
        if (slots.length === 0)
            throw new HaproxyError(`haproxy at ${this.o.socket} has no backend ${backend}: it runs a configuration without the router's pools; restart it with the current one`, 'show stat');
        const want = new Set(addresses);
        if (want.size > slots.length)
            throw new errors/* ConfigurationError */.j1(`${want.size} endpoints do not fit the ${slots.length} server slots of ${backend}`);
        const active = (s) => s.status !== 'MAINT';
        const keep = slots.filter((s) => active(s) && want.has(s.address));
        for (const s of keep)
            want.delete(s.address);
        const drop = slots.filter((s) => active(s) && !keep.includes(s));
        const free = [...slots.filter((s) => !active(s)), ...drop];
        // New servers first, then the old ones out: the pool is never empty on the way.
        for (const address of want) {
            const slot = free.shift();
            const m = ADDRESS.exec(address);
            const ip = m[1].replace(/^\[|\]$/g, '');
            if (active(slot))
                await this.cmd(`set server ${backend}/${slot.name} state maint`);
            await this.cmd(`set server ${backend}/${slot.name} addr ${ip} port ${m[2]}`);
            await this.cmd(`set server ${backend}/${slot.name} state ready`);
            const reused = drop.indexOf(slot);
            if (reused >= 0)
                drop.splice(reused, 1);
        }
        for (const s of drop)
            await this.cmd(`set server ${backend}/${s.name} state maint`);
    }
    async waitReady(colour, count, timeoutMs) {
        const end = Date.now() + timeoutMs;
        let rows;
        for (;;) {
            rows = (await this.stats(colour)).filter((r) => r.status !== 'MAINT');
            if (rows.filter((r) => r.status === 'UP').length >= count)
                return;
            if (Date.now() >= end)
                break;
            await this.sleep(this.pollMs);
        }
        throw new HaproxyError(`haproxy's health checks did not see ${count} servers of ${backendOf(colour)} UP within ${timeoutMs} ms: ${rows.map((r) => `${r.name} ${r.address} ${r.status} ${r.check}`).join(', ') || 'no servers'}`, 'show stat');
    }
    async switchTo(colour) {
        const routes = await this.routes();
        const idle = colour === 'blue' ? 'green' : 'blue';
        // One map entry per route: the live one flips in one command.
        for (const [key, backend] of [
            [LIVE_KEY, backendOf(colour)],
            [PREVIEW_KEY, backendOf(idle)],
        ]) {
            const verb = routes.has(key) ? 'set' : 'add';
            await this.cmd(`${verb} map ${this.o.mapFile} ${key} ${backend}`);
        }
        const tmp = `${this.o.mapFile}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, routesMap(colour));
        (0,external_node_fs_.renameSync)(tmp, this.o.mapFile);
    }
    async routes() {
        const out = await this.cmd(`show map ${this.o.mapFile}`);
        const entries = new Map();
        for (const line of out.split('\n')) {
            const [, key, value] = line.trim().split(/\s+/);
            if (key && value)
                entries.set(key, value);
        }
        return entries;
    }
}

// EXTERNAL MODULE: ./packages/core/src/fleet/providers.ts
var providers = __webpack_require__(24200);
// EXTERNAL MODULE: ./packages/core/src/gates/index.ts + 4 modules
var src_gates = __webpack_require__(10424);
// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(26711);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(74890);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(93966);
// EXTERNAL MODULE: ./packages/core/src/ledger/quarantine-scope.ts
var quarantine_scope = __webpack_require__(86582);
// EXTERNAL MODULE: ./packages/core/src/ledger/witness.ts
var witness = __webpack_require__(81864);
// EXTERNAL MODULE: ./packages/core/src/deploy/quarantine-rolled-back.ts
var quarantine_rolled_back = __webpack_require__(37570);
;// CONCATENATED MODULE: ./packages/core/src/deploy/replace-fleet.ts











/** Gate names replaceFleet runs (what `skipGates` may list). */
const DEPLOY_GATES = (/* unused pure expression or super */ null && (['digest-exists', 'not-quarantined', 'promoted']));
/**
 * The environment's stores, its ledger anchored at the witness (the Ledger checks the name
 * before any call; its head is checked before use), and the quarantine scope around it: every
 * kiln.yml ledger, this one's store shared (one client, one verified head).
 */
async function environmentLedger(fleet, image, deps, now, log) {
    const repo = fleet.ledgerRepository;
    const stores = deps.stores ?? {
        image: deps.registries.repository(image.registry, image.repository),
        ledger: deps.registries.repository(repo.registry, repo.repository),
    };
    const options = { now, ...deps.ledger };
    const ledger = await (0,witness/* witnessedLedger */.s)(stores.ledger, fleet.environment, deps.witness, {
        ...options,
        log,
    });
    const open = (0,quarantine_scope/* storeCache */.Cu)((ref) => (0,reference/* repositoryName */.aR)(ref) === (0,reference/* repositoryName */.aR)(repo)
        ? stores.ledger
        : deps.registries.repository(ref.registry, ref.repository));
    const scope = await (0,quarantine_scope/* quarantineScope */.lB)(ledger, fleet.quarantineLedgers, open, deps.witness, options);
    return { stores, ledger, scope };
}
/**
 * A fleet that could not be kept running: the new digest did not converge and the fleet did not
 * get back to the previous one either (or auto-rollback is off). The ledger holds a `failed`
 * entry when it could be written.
 */
class FleetFailedError extends Error {
    entry;
    name = 'FleetFailedError';
    constructor(message, entry, options) {
        super(message, options);
        this.entry = entry;
    }
}
/**
 * The requested digest did not converge and the fleet is back on the previous one: the step
 * fails (exit 2) after the outputs, the summary and the `rolled-back` entry are written.
 */
class RolledBackError extends Error {
    result;
    name = 'RolledBackError';
    constructor(result) {
        super(`${result.requestedImage} did not converge in ${result.environment} (${result.reason ?? 'rolled back'}); the fleet is back on ${result.deployedImage}: ${result.proof.summary}; ledger entry #${result.seq} ${result.ledgerEntry}${result.quarantine ? `; ${(0,quarantine_rolled_back/* describeQuarantine */.Ux)(result.quarantine, (0,converged/* digestOf */.ol)(result.requestedImage) ?? result.requestedImage)}` : ''}`);
        this.result = result;
    }
}
/**
 * Replaces the environment's fleet with the request's digest: gates (the digest exists, is not
 * quarantined, was promoted from `requires`), then the provider's deploy (the engine replaces
 * the instances and proves N/N), then a ledger entry and GitHub deployment statuses. A refusal
 * (GateRefusedError) changes nothing; a rolled-back deploy is returned as `rolled-back`, never
 * as deployed, with its entry recorded.
 */
async function replaceFleet(req, deps, opts = {}) {
    const now = deps.now ?? (() => new Date());
    const log = deps.log ?? (() => { });
    const action = opts.action ?? 'deploy';
    const started = now().getTime();
    const image = (0,reference/* pinned */.dp)(req.image, req.digest);
    const timings = [];
    const timed = async (phase, fn) => {
        const t = now().getTime();
        try {
            return await fn();
        }
        finally {
            timings.push({ phase, ms: now().getTime() - t });
        }
    };
    const { stores, ledger, scope } = await environmentLedger(req, req.image, deps, now, log);
    const separateLedger = (0,reference/* formatReference */.FH)(req.ledgerRepository) !==
        (0,reference/* formatReference */.FH)({ registry: req.image.registry, repository: req.image.repository });
    log(`${action} ${image} to ${req.environment} (${req.provider} ${req.target}, ${req.strategy})`);
    const skip = new Set(opts.skipGates ?? []);
    const gated = (gate, check) => async () => skip.has(gate) ? { gate, status: 'skip', reason: 'answered by the caller' } : check();
    const gates = await timed('gates', () => (0,src_gates/* runGates */.AQ)([
        gated('digest-exists', () => (0,src_gates/* digestExists */.B2)(stores.image, req.digest)),
        gated('not-quarantined', () => (0,src_gates/* notQuarantined */.ws)(scope, req.digest)),
        ...(req.requires
            ? [gated('promoted', () => (0,src_gates/* promotedInto */.pJ)(ledger, req.digest, req.requires))]
            : []),
    ], { log }));
    if (!gates.passed)
        throw new src_gates/* GateRefusedError */.Ub(gates.results, `${action} of ${image} to ${req.environment}`);
    // A ledger in a repository of its own names the image by its descriptor (it is not there).
    const subject = separateLedger
        ? (0,manifest/* descriptorOf */.nb)(await stores.image.getManifest(req.digest))
        : undefined;
    const provider = deps.provider ?? (await openProvider(req, log, deps.tuning));
    const before = await provider.current();
    const ref = deps.run?.commit ?? req.digest;
    const deployment = deps.github
        ? await deps.github.start({
            environment: req.environment,
            ref,
            digest: req.digest,
            image,
            ...(req.url ? { url: req.url } : {}),
        })
        : undefined;
    await deployment?.setStatus('in_progress');
    const run = deps.run ?? {};
    const entryBase = {
        action,
        digest: req.digest,
        actor: run.actor ?? process.env.USER ?? 'unknown',
        commit: run.commit ?? '',
        run_url: run.runUrl ?? '',
        evidence: [],
    };
    const append = (outcome, reason) => ledger.append({
        ...entryBase,
        outcome,
        duration_ms: Math.max(0, Math.round(now().getTime() - started)),
        ...((reason ?? opts.reason)
            ? { reason: (0,quarantine_rolled_back/* ledgerReason */.eI)((reason ?? opts.reason)) }
            : {}),
    }, subject ? { subject } : {});
    let result;
    try {
        result = await timed('deploy', () => provider.deploy(deployRequest(req, image, log)));
    }
    catch (err) {
        if (!(err instanceof converged/* ConvergenceError */.g7)) {
            await deployment?.setStatus('failure', { description: (0,errors/* errorMessage */.gJ)(err) });
            throw err;
        }
        // The fleet is neither on the new digest nor back on the old: say so in the ledger.
        const entry = await append('failed', (0,errors/* errorMessage */.gJ)(err)).catch((e) => {
            log(`ledger: the failed deploy could not be recorded: ${(0,errors/* errorMessage */.gJ)(e)}`);
            return undefined;
        });
        await deployment?.setStatus('failure', { description: (0,errors/* errorMessage */.gJ)(err) });
        await (0,witness/* witnessHead */.Q)(ledger, deps.witness, log);
        throw new FleetFailedError(`${action} of ${image} to ${req.environment} failed: ${(0,errors/* errorMessage */.gJ)(err)}${entry ? `; ledger entry #${entry.entry.seq} ${entry.digest}` : ''}`, entry, { cause: err });
    }
    log(`${result.outcome}: ${req.target} ${result.proof.summary}`);
    const spread = (0,converged/* perNodeLine */.Me)(result.proof);
    if (spread)
        log(`${req.target} ${spread}`);
    // A digest that failed its health here is refused everywhere afterwards. Written before the
    // deploy entry (as rollback writes its quarantine before its own entry), so the head still
    // says what this run did. A rollback that did not come up quarantines nothing: its target ran
    // healthy before, and the rollback action quarantines the digest it rolled back from.
    // An image the engine could not pull never ran: its rollback says nothing against it.
    const quarantining = req.quarantineOnRollback && result.failure !== 'pull';
    let quarantined;
    if (result.outcome === 'rolled-back' && action === 'deploy') {
        quarantined = quarantining
            ? await timed('ledger', () => (0,quarantine_rolled_back/* quarantineRolledBack */.ML)(stores.ledger, req.environment, req.digest, (0,quarantine_rolled_back/* rolledBackReason */.O2)(req.environment, result.reason), {
                actor: entryBase.actor,
                commit: entryBase.commit,
                run_url: entryBase.run_url,
                duration_ms: Math.max(0, Math.round(now().getTime() - started)),
                ...(subject ? { subject } : {}),
                ledger: { now, ...deps.ledger },
            }))
            : (0,quarantine_rolled_back/* unquarantined */.aB)(result.failure);
        log(`quarantine: ${(0,quarantine_rolled_back/* describeQuarantine */.Ux)(quarantined, req.digest)}`);
    }
    // A repeated run of a digest the ledger already says runs adds nothing; one the engine
    // finished after a runner died (no entry yet) gets its `unchanged` entry now.
    const stored = await timed('ledger', async () => {
        if (result.outcome === 'unchanged' && action === 'deploy') {
            const head = await ledger.head();
            if (head && (await (0,queries/* current */.ss)(ledger)) === req.digest)
                return { entry: head, recorded: false };
        }
        const entry = await append(result.outcome, result.reason);
        return { entry, recorded: true };
    });
    log(`ledger ${req.environment}: ${stored.recorded ? 'entry' : 'already at'} #${stored.entry.entry.seq} ${stored.entry.entry.action} ${stored.entry.entry.outcome} ${(0,converged/* shortDigest */.VK)(req.digest)} (${stored.entry.digest})`);
    await deployment?.setStatus(result.outcome === 'rolled-back' ? 'failure' : 'success', {
        description: `${result.outcome}: ${result.proof.summary}`,
    });
    // After the status: the witness restates the deployment's newest state with the head.
    await (0,witness/* witnessHead */.Q)(ledger, deps.witness, log);
    const previousImage = result.outcome === 'unchanged' ? before.image : (result.previous ?? before.image);
    return {
        outcome: result.outcome,
        environment: req.environment,
        target: req.target,
        strategy: req.strategy,
        requestedImage: image,
        deployedImage: result.image,
        ...(previousImage ? { previousImage } : {}),
        durationMs: Math.max(0, Math.round(now().getTime() - started)),
        ledgerEntry: stored.entry.digest,
        recorded: stored.recorded,
        seq: stored.entry.entry.seq,
        proof: result.proof,
        gates: gates.results,
        timings,
        ...(result.reason ? { reason: result.reason } : {}),
        ...(result.previewUrl ? { previewUrl: result.previewUrl } : {}),
        ...(result.warmUntil ? { warmUntil: result.warmUntil } : {}),
        ...(quarantined ? { quarantine: quarantined } : {}),
    };
}
/** The provider of the request's fleet, with its router; loaded with import() on first use. */
async function openProvider(req, log, tuning) {
    const router = req.haproxy
        ? new HaproxyRouter({
            socket: req.haproxy.socket,
            mapFile: req.haproxy.mapFile,
            ...(req.url ? { url: req.url } : {}),
            ...(req.haproxy.previewUrl ? { previewUrl: req.haproxy.previewUrl } : {}),
        })
        : undefined;
    return (0,providers/* openFleet */.xZ)(fleetSettings(req), {
        log,
        ...(router ? { router } : {}),
        ...(req.kubeconfig ? { kubeconfig: req.kubeconfig } : {}),
        ...(req.url ? { url: req.url } : {}),
        ...(tuning ? { tuning } : {}),
    });
}
/** The request's fleet as kiln.yml describes it, the inputs already merged over it. */
function fleetSettings(req) {
    const target = req.target;
    switch (req.provider) {
        case 'kubernetes':
            return { provider: 'kubernetes', target, settings: req.kubernetes ?? {} };
        case 'aws-asg':
            return { provider: 'aws-asg', target, settings: req.awsAsg ?? {} };
        default:
            return {
                provider: 'swarm',
                target,
                settings: req.dockerHost ? { dockerHost: req.dockerHost } : {},
            };
    }
}
/** How long a preview check waits for one answer. */
const PREVIEW_TIMEOUT_MS = 10_000;
/** The provider's request: the parsed inputs, and a preview check when a preview address is set. */
function deployRequest(req, image, log) {
    return {
        image,
        strategy: req.strategy,
        batchSize: req.batchSize,
        healthTimeoutMs: req.healthTimeoutMs,
        autoRollback: req.autoRollback,
        keepWarmMs: req.keepWarmMs,
        ...(req.replicas !== undefined ? { replicas: req.replicas } : {}),
        ...(req.port !== undefined ? { port: req.port } : {}),
        ...(req.network ? { network: req.network } : {}),
        ...(req.health ? { health: req.health } : {}),
        ...(req.haproxy?.previewUrl
            ? {
                preview: async (url) => {
                    const res = await fetch(url, { signal: AbortSignal.timeout(PREVIEW_TIMEOUT_MS) });
                    await res.body?.cancel();
                    log(`preview ${url}: HTTP ${res.status}`);
                    if (res.status < 200 || res.status > 299)
                        throw new Error(`the preview at ${url} answered HTTP ${res.status}`);
                },
            }
            : {}),
    };
}


/***/ }),

/***/ 34469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ proveConvergence),
/* harmony export */   Me: () => (/* binding */ perNodeLine),
/* harmony export */   PC: () => (/* binding */ runtimeDigest),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   g7: () => (/* binding */ ConvergenceError),
/* harmony export */   iB: () => (/* binding */ AMI_ID),
/* harmony export */   jq: () => (/* binding */ pinnedIdOf),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);

/** A fleet that neither reached the requested digest nor got back to the previous one. */
class ConvergenceError extends Error {
    proof;
    name = 'ConvergenceError';
    constructor(message, proof, options) {
        super(message, options);
        this.proof = proof;
    }
}
/** The digest an image reference pins (`repo@sha256:…`), or undefined for a tag or junk. */
function digestOf(image) {
    const at = image.lastIndexOf('@');
    if (at < 0)
        return undefined;
    const digest = image.slice(at + 1);
    return (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(digest) ? undefined : digest;
}
/** An EC2 machine image id: as immutable as a digest (an AMI can be deregistered, never changed). */
const AMI_ID = /^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
/** What an instance runs, by an immutable id: the digest its reference pins, or an AMI id. */
function pinnedIdOf(image) {
    return AMI_ID.test(image) ? image : digestOf(image);
}
/**
 * The registry digest in a runtime's image id: `repo@sha256:…` (containerd, CRI-O) or
 * `docker-pullable://repo@sha256:…` (dockershim). A bare `sha256:…` or `docker://sha256:…`
 * is a local image id (the config's digest), not what a registry serves: undefined.
 */
function runtimeDigest(imageId) {
    return imageId.includes('@') ? digestOf(imageId) : undefined;
}
/** Short form for log lines; the proof's `digest` field keeps the full one. */
function shortDigest(digest) {
    return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}
/**
 * The N/N proof, the same for every provider: every instance the engine wants running runs
 * `digest` (by the digest its image reference pins, or its AMI id; never a tag), is on the
 * `revision` when one is asked for, and is healthy, and there are exactly `replicas` of them.
 * Extra instances (an old one still draining) keep it from converging.
 */
function proveConvergence(tasks, digest, replicas, revision) {
    const rows = tasks.map((t) => {
        const runs = t.imageId !== undefined ? runtimeDigest(t.imageId) : pinnedIdOf(t.image);
        const why = runs === undefined
            ? t.imageId !== undefined
                ? t.imageId
                    ? `its runtime reports ${t.imageId}, which names no registry digest`
                    : 'its runtime reports no image yet'
                : `its image ${t.image} is not pinned by digest`
            : runs !== digest
                ? `it runs ${shortDigest(runs)}`
                : revision && t.revision !== revision.want
                    ? `it is on ${revision.noun} ${t.revision ?? '(unknown)'}, not ${revision.want}`
                    : t.state !== 'running'
                        ? `it is ${t.state}${t.error ? ` (${t.error})` : ''}`
                        : t.health !== 'healthy'
                            ? t.health === 'none'
                                ? 'it has no health check'
                                : `its health is ${t.health}`
                            : undefined;
        return {
            task: t.id,
            node: t.node,
            image: t.image,
            ...(runs ? { digest: runs } : {}),
            state: t.state,
            health: t.health,
            ...(revision && t.revision !== undefined ? { revision: t.revision } : {}),
            ok: why === undefined,
            ...(why ? { why } : {}),
        };
    });
    const healthy = rows.filter((r) => r.ok).length;
    const problems = rows.filter((r) => !r.ok).map((r) => `task ${r.task.slice(0, 12)}: ${r.why}`);
    if (rows.length < replicas)
        problems.push(`${rows.length} of ${replicas} instances are wanted running`);
    return {
        converged: healthy === replicas && rows.length === replicas,
        digest,
        replicas,
        healthy,
        running: rows.length,
        tasks: rows,
        nodes: countPerNode(rows),
        summary: `${healthy}/${replicas} healthy on ${digest}${rows.length > replicas ? ` (${rows.length - healthy} other instances still running)` : ''}`,
        problems,
    };
}
/** Healthy and wanted instances per node, in node order. */
function countPerNode(rows) {
    const by = new Map();
    for (const r of rows) {
        const c = by.get(r.node) ?? { node: r.node, healthy: 0, running: 0 };
        c.running++;
        if (r.ok)
            c.healthy++;
        by.set(r.node, c);
    }
    return [...by.values()].sort((a, b) => a.node.localeCompare(b.node));
}
/** `per node: abc123def456 2/2, …` for a fleet on more than one node; empty on one node. */
function perNodeLine(proof) {
    if (proof.nodes.length < 2)
        return '';
    return `per node: ${proof.nodes.map((n) => `${n.node.slice(0, 12) || '(unassigned)'} ${n.healthy}/${n.running}`).join(', ')}`;
}


/***/ }),

/***/ 24200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xZ: () => (/* binding */ openFleet)
/* harmony export */ });
/* unused harmony exports PROVIDER_KINDS, loadProvider */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);

/** The kinds the `provider` input accepts. */
const PROVIDER_KINDS = ['swarm', 'kubernetes', 'aws-asg'];
/**
 * Loads a provider with `import()` where it is first used, so an action that never deploys
 * never loads an engine client (and later the Kubernetes and AWS SDKs).
 */
async function loadProvider(kind, settings) {
    switch (kind) {
        case 'swarm': {
            const { SwarmProvider } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 88252));
            return new SwarmProvider(settings);
        }
        case 'aws-asg': {
            // The AWS SDK (three clients) loads here, only for a fleet on Auto Scaling.
            const { AwsAsgProvider } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 49809));
            return new AwsAsgProvider(settings);
        }
        case 'kubernetes': {
            // @kubernetes/client-node loads here, only for a fleet on Kubernetes.
            const { KubernetesProvider } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(830), __webpack_require__.e(943), __webpack_require__.e(198)]).then(__webpack_require__.bind(__webpack_require__, 53198));
            return new KubernetesProvider(settings);
        }
        default:
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('provider', String(kind), `must be one of ${PROVIDER_KINDS.join(', ')}`);
    }
}
/**
 * Opens an environment's fleet: each provider's kiln.yml block through that provider's own
 * mapper, so replace-fleet, rollback and status open the same fleet the same way.
 */
async function openFleet(fleet, opening = {}) {
    const log = opening.log ? { log: opening.log } : {};
    switch (fleet.provider) {
        case 'swarm': {
            const host = fleet.settings.dockerHost;
            return loadProvider('swarm', {
                target: fleet.target,
                ...(host ? { dockerHost: host } : {}),
                ...(opening.router ? { router: opening.router } : {}),
                ...log,
                ...opening.tuning?.swarm,
            });
        }
        case 'kubernetes': {
            const { kubernetesSettingsOf } = await __webpack_require__.e(/* import() */ 950).then(__webpack_require__.bind(__webpack_require__, 35950));
            return loadProvider('kubernetes', {
                ...kubernetesSettingsOf(fleet.target, fleet.settings),
                ...(opening.kubeconfig?.trim() ? { kubeconfig: opening.kubeconfig } : {}),
                ...(opening.url ? { url: opening.url } : {}),
                ...log,
                ...opening.tuning?.kubernetes,
            });
        }
        case 'aws-asg': {
            // The SDK loads with the mapper's module; loadProvider finds it already loaded.
            const { awsAsgSettingsOf } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 49809));
            return loadProvider('aws-asg', {
                ...awsAsgSettingsOf(fleet.target, fleet.settings),
                ...log,
                ...opening.tuning?.['aws-asg'],
            });
        }
        default:
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('provider', String(fleet.provider), `must be one of ${PROVIDER_KINDS.join(', ')}`);
    }
}


/***/ }),

/***/ 68253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k0: () => (/* binding */ gateTable)
/* harmony export */ });
/* unused harmony exports GATE_HEADERS, gateRows */
/* harmony import */ var _github_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51561);

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' };
/** Column headers of gateRows. */
const GATE_HEADERS = ['gate', 'result', 'reason', 'evidence'];
/** Rows for a job-summary table; reasons quote registry content, so they stay text (escaped). */
function gateRows(results) {
    return results.map((r) => [
        r.gate,
        ICON[r.status],
        r.reason,
        r.evidence ? (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(r.evidence) : '',
    ]);
}
/** The gates as one markdown table. */
function gateTable(results) {
    return (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(GATE_HEADERS, gateRows(results));
}


/***/ }),

/***/ 10424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ub: () => (/* reexport */ GateRefusedError),
  z$: () => (/* reexport */ assertGatesPassed),
  B2: () => (/* reexport */ digestExists),
  Fm: () => (/* reexport */ healthyIn),
  ws: () => (/* reexport */ notQuarantined),
  pJ: () => (/* reexport */ promotedInto),
  Eb: () => (/* reexport */ ranHealthyIn),
  AQ: () => (/* reexport */ runGates),
  hT: () => (/* reexport */ skipped),
  vH: () => (/* reexport */ soakedFor),
  Pf: () => (/* reexport */ validated)
});

// UNUSED EXPORTS: GATE_HEADERS, gateLine, gateRows, gateTable

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
;// CONCATENATED MODULE: ./packages/core/src/gates/gate-result.ts

/** A gate that was not asked for, shown in the table so nobody thinks it passed. */
function skipped(gate, reason) {
    return { gate, status: 'skip', reason };
}
/** One log line per gate: `gate validated: pass: … (evidence sha256:…)`. */
function gateLine(r) {
    return `gate ${r.gate}: ${r.status}: ${r.reason}${r.evidence ? ` (evidence ${r.evidence})` : ''}`;
}
/**
 * Runs every check in order, even after a failure, so the log and the summary show each gate's
 * verdict at once rather than one refusal per run. A check that throws is an operational
 * failure (the registry could not answer), not a failed gate: it propagates.
 */
async function runGates(checks, opts = {}) {
    const results = [];
    for (const check of checks) {
        const r = await check();
        results.push(r);
        opts.log?.(gateLine(r));
    }
    return { passed: results.every((r) => r.status !== 'fail'), results };
}
/**
 * A digest refused by one or more gates: the user's to fix (exit 1). Nothing was copied,
 * deployed or recorded. The message names each failed gate and why.
 */
class GateRefusedError extends errors/* ConfigurationError */.j1 {
    results;
    /** What was refused, e.g. `promote of repo@sha256:… to production`. */
    what;
    constructor(results, what = 'refused') {
        const failed = results.filter((r) => r.status === 'fail');
        super(`${what}: ${failed.map((r) => `gate ${r.gate} failed: ${r.reason}`).join('; ') || 'no gate failed'}`);
        this.results = results;
        this.what = what;
    }
}
/** Throws GateRefusedError unless every gate passed or was skipped. */
function assertGatesPassed(outcome, what) {
    if (!outcome.passed)
        throw new GateRefusedError(outcome.results, what);
}

// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(26711);
;// CONCATENATED MODULE: ./packages/core/src/gates/image-gates.ts

/** The digest is in `store` (a deploy, promote or rollback never acts on a digest that is gone). */
async function digestExists(store, digest) {
    const found = await store.resolve(digest);
    return found === digest
        ? {
            gate: 'digest-exists',
            status: 'pass',
            reason: `${store.label} holds ${digest}`,
            evidence: `${store.label}@${digest}`,
        }
        : {
            gate: 'digest-exists',
            status: 'fail',
            reason: `${store.label} has no manifest ${digest} (deleted, or never pushed there)`,
        };
}
/**
 * No environment quarantined the digest: the verified head of every ledger in scope (each
 * environment kiln.yml names) carries its quarantines, so no rewrite of a referrers index hides
 * one; the digest's referrers in each ledger store are searched too, for ledgers kiln.yml does
 * not name. Any one refuses it.
 */
async function notQuarantined(scope, digest) {
    const found = await firstQuarantine(scope, digest);
    if (!found)
        return {
            gate: 'not-quarantined',
            status: 'pass',
            reason: `no quarantine of ${digest} in the ledgers of ${[...new Set(scope.ledgers.map((l) => l.env))].join(', ')} (${[...new Set(scope.stores.map((s) => s.label))].join(', ')})`,
        };
    const e = found.entry;
    return {
        gate: 'not-quarantined',
        status: 'fail',
        reason: `${digest} was quarantined in ${e.env} (seq ${e.seq}, ${e.at}, by ${e.actor || 'unknown'}): ${e.reason ?? 'no reason given'}`,
        evidence: found.digest,
    };
}
async function firstQuarantine(scope, digest) {
    for (const ledger of scope.ledgers) {
        const entry = await (0,queries/* quarantineIn */.Iw)(ledger, digest);
        if (entry)
            return entry;
    }
    for (const store of scope.stores) {
        const q = await (0,queries/* isQuarantined */.fK)(store, digest);
        if (q.entry)
            return q.entry;
    }
    return undefined;
}
/** Validation evidence that passed exists for the digest (`require-validation`). */
async function validated(store, digest) {
    const v = await (0,queries/* isValidated */.ft)(store, digest);
    return {
        gate: 'validated',
        status: v.ok ? 'pass' : 'fail',
        reason: `${v.reason} in ${store.label}`,
        ...(v.evidence ? { evidence: v.evidence.digest } : {}),
    };
}

// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var registry_errors = __webpack_require__(15020);
// EXTERNAL MODULE: ./packages/core/src/ledger/chain.ts
var chain = __webpack_require__(44814);
;// CONCATENATED MODULE: ./packages/core/src/gates/ledger-gates.ts



const where = (ledger) => `${ledger.env} (ledger ${ledger.store.label})`;
/**
 * The digest is what runs, healthy, in the ledger's environment now: the head's current digest
 * (a deploy or rollback that ended deployed or unchanged). A digest that ran there once but was
 * replaced since is not "deployed and healthy" there.
 */
async function healthyIn(ledger, digest) {
    const gate = 'healthy';
    const head = await ledger.head();
    if (!head)
        return { gate, status: 'fail', reason: `nothing was ever deployed to ${where(ledger)}` };
    const effect = (0,chain/* effectOf */.$x)(head.entry);
    if (effect.current !== digest) {
        const runs = effect.current
            ? `${ledger.env} runs ${effect.current}${effect.since ? ` since ${effect.since}` : ''}`
            : `nothing runs in ${ledger.env}`;
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not deployed and healthy in ${where(ledger)}: ${runs} (ledger seq ${head.entry.seq}: ${head.entry.action} ${head.entry.outcome})`,
        };
    }
    // The newest entry that ran it healthy: the head, or one the head carries in its list.
    const proof = (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest);
    return {
        gate,
        status: 'pass',
        reason: `${digest} runs healthy in ${where(ledger)}${effect.since ? ` since ${effect.since}` : ''}${proof ? ` (ledger seq ${proof.seq})` : ''}`,
        ...(proof ? { evidence: proof.entry } : {}),
    };
}
/**
 * The digest has run in the ledger's environment for at least `minSoakMs` without being
 * replaced: counted from the start of its current run (an `unchanged` redeploy does not
 * restart it; a rollback away and back does). 0 skips the gate.
 */
async function soakedFor(ledger, digest, minSoakMs, now) {
    const gate = 'min-soak';
    if (minSoakMs <= 0)
        return { gate, status: 'skip', reason: 'min-soak is 0' };
    const since = await (0,queries/* deployedSince */.JZ)(ledger, digest);
    if (!since)
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not running in ${where(ledger)}, so it has not soaked there (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    const soaked = now.getTime() - since.getTime();
    if (soaked >= minSoakMs)
        return {
            gate,
            status: 'pass',
            reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(soaked)} since ${since.toISOString()} (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    return {
        gate,
        status: 'fail',
        reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(Math.max(0, soaked))} since ${since.toISOString()}, min-soak is ${(0,registry_errors/* formatMs */._V)(minSoakMs)}: ${(0,registry_errors/* formatMs */._V)(minSoakMs - soaked)} to go`,
    };
}
/**
 * The digest was promoted into the ledger's environment (kiln.yml `requires: from`): a deploy
 * there refuses a digest that did not come through promote.
 */
async function promotedInto(ledger, digest, from) {
    const gate = 'promoted';
    return (await (0,queries/* wasPromotedTo */.V7)(ledger, digest))
        ? {
            gate,
            status: 'pass',
            reason: `${digest} was promoted into ${where(ledger)} (requires ${from})`,
        }
        : {
            gate,
            status: 'fail',
            reason: `${digest} was never promoted into ${where(ledger)}; ${ledger.env} requires ${from}: promote it from ${from} first`,
        };
}

;// CONCATENATED MODULE: ./packages/core/src/gates/rollback-gates.ts


/**
 * The digest ran healthy in the ledger's environment at some time (a deploy or rollback there
 * ended deployed or unchanged): a rollback goes only to a digest the environment has seen
 * working. The head's known-good list answers recent digests in one read; an older one is
 * looked up among the digest's own ledger referrers.
 */
async function ranHealthyIn(ledger, digest) {
    const gate = 'ran-healthy';
    const where = `${ledger.env} (ledger ${ledger.store.label})`;
    const head = await ledger.head();
    const kept = head ? (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest) : undefined;
    if (kept)
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (ledger seq ${kept.seq}, ${kept.at})`,
            evidence: kept.entry,
        };
    if (head && (await (0,queries/* wasHealthy */.tj)(ledger, digest)))
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (an entry older than the head's known-good list)`,
        };
    return {
        gate,
        status: 'fail',
        reason: `${digest} never ran healthy in ${where}: a rollback goes only to a digest that did`,
    };
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(68253);
;// CONCATENATED MODULE: ./packages/core/src/gates/index.ts
// Gates shared by promote, replace-fleet and rollback: each answers pass, fail or skip with
// the evidence it rests on; runGates collects them and GateRefusedError refuses (exit 1).







/***/ }),

/***/ 77642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* unused harmony export htmlText */
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88315);

/**
 * Untrusted text (labels, USER, file names, registry and container output) for GitHub's
 * markdown: the job summary and check-run summaries and texts are rendered by cmark-gfm, so a
 * label could otherwise bring a link, an image, a table row, a heading or HTML of its own.
 * Entity and backslash escapes are never markup in CommonMark, so escaped text shows as itself.
 */
/** Characters that open or close markup anywhere in a line; `\` first, so escapes stay pairs. */
const MARKUP = /[\\`*_[\]|~#$]/g;
/**
 * Text as markdown inline content (a table cell, a heading, a list item): every character
 * that could be markup escaped, `<`, `>` and `&` as entities, line breaks as `<br>` so the text
 * stays in its cell or heading, autolinks broken (`https\://`, `www\.`, and `@` followed by an
 * empty HTML comment, since cmark-gfm links e-mail addresses even through escapes; GitHub drops
 * the comment), and a leading list or setext marker escaped in case the text starts a line.
 */
function markdownText(value) {
    return (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKUP, (c) => `\\${c}`)
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '@<!-- -->')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^([-+=])/, '\\$1')
        .replace(/\n/g, '<br>');
}
/** Text inside an HTML block (such as `<summary>`), where markdown escapes do not apply. */
function htmlText(value) {
    return printable(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\n/g, '<br>');
}


/***/ }),

/***/ 51561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R_: () => (/* binding */ heading),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   oz: () => (/* binding */ Markdown),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony exports details, writeSummary */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88315);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77642);



/**
 * Markdown builders for job summaries (digests, sizes, gates, timings). They return strings so
 * callers compose a whole summary and write it once; each is plain GitHub-flavoured markdown.
 * A plain string given to a builder is text, wherever it came from, and is escaped
 * (escape.ts), so a label shows as itself; markup of Kiln's own is a `Markdown` value.
 */
/** Markdown source written by Kiln: used as it is where a plain string is escaped as text. */
class Markdown {
    source;
    constructor(source) {
        this.source = source;
    }
    toString() {
        return this.source;
    }
}
/**
 * A table cell is one line of markdown: a newline would end the row and an unescaped `|` the
 * cell, even inside a code span. A `|` after an even number of backslashes (none included)
 * gets one more, so it is escaped however a table parser pairs backslashes.
 */
function cell(value) {
    const source = value instanceof Markdown ? value.source : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(String(value ?? ''));
    return source
        .replace(/(\\*)\|/g, (m, bs) => (bs.length % 2 ? m : `${bs}\\|`))
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    const pad = (r) => Array.from({ length: headers.length }, (_, i) => r[i]);
    const rule = headers.map(() => new Markdown('---'));
    return [line(headers), line(rule), ...rows.map((r) => line(pad(r)))].join('\n');
}
/** A collapsed section; the blank lines let GitHub render markdown inside the HTML block. */
function details(summary, body) {
    return `<details><summary>${htmlText(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** A fenced block whose fence is longer than any backtick run inside, so content cannot end it. */
function code(text, lang = '') {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text);
    const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${shown.replace(/\n$/, '')}\n${fence}`;
}
/**
 * Inline code; a value containing backticks gets a longer delimiter and padding spaces. A
 * code span shows its content literally; a newline in it would still end a table row, and
 * becomes the space markdown renders it as anyway.
 */
function inlineCode(text) {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text).replace(/\n/g, ' ');
    const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const tick = '`'.repeat(longest + 1);
    return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(text)}`;
}
/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core.summary.addRaw(markdown, true).write();
}


/***/ })

};
