export const id = 803;
export const ids = [803];
export const modules = {

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

/***/ 8803:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ZY: () => (/* binding */ DEPLOY_GATES),
  mu: () => (/* binding */ FleetFailedError),
  ym: () => (/* binding */ PREVIEW_TIMEOUT_MS),
  Ai: () => (/* binding */ RolledBackError),
  Lo: () => (/* binding */ deployRequest),
  Zf: () => (/* binding */ environmentLedger),
  E0: () => (/* binding */ fleetSettings),
  C2: () => (/* binding */ openProvider),
  HL: () => (/* binding */ replaceFleet)
});

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

;// CONCATENATED MODULE: ./packages/core/src/fleet/providers.ts

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
            throw (0,errors/* invalidInput */.aY)('provider', String(kind), `must be one of ${PROVIDER_KINDS.join(', ')}`);
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
            throw (0,errors/* invalidInput */.aY)('provider', String(fleet.provider), `must be one of ${PROVIDER_KINDS.join(', ')}`);
    }
}

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
const DEPLOY_GATES = ['digest-exists', 'not-quarantined', 'promoted'];
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
    const gates = await timed('gates', () => (0,src_gates.runGates)([
        gated('digest-exists', () => (0,src_gates.digestExists)(stores.image, req.digest)),
        gated('not-quarantined', () => (0,src_gates.notQuarantined)(scope, req.digest)),
        ...(req.requires
            ? [gated('promoted', () => (0,src_gates.promotedInto)(ledger, req.digest, req.requires))]
            : []),
    ], { log }));
    if (!gates.passed)
        throw new src_gates.GateRefusedError(gates.results, `${action} of ${image} to ${req.environment}`);
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
    return openFleet(fleetSettings(req), {
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

/***/ 86582:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Cu: () => (/* binding */ storeCache),
/* harmony export */   lB: () => (/* binding */ quarantineScope),
/* harmony export */   u0: () => (/* binding */ quarantinedIn)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93966);
/* harmony import */ var _chain_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(44814);
/* harmony import */ var _witness_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(81864);



/**
 * The ledgers of `refs` (kiln.yml's environments), anchored at their witnessed heads, with
 * `own` (the ledgers the action reads and writes) in place of theirs, so one verified head
 * serves both; and the stores of all of them for the referrers search.
 */
async function quarantineScope(own, refs, open, witness, opts = {}) {
    const mine = Array.isArray(own) ? own : [own];
    const others = refs.filter((r) => !mine.some((l) => r.env === l.env && open(r.repository).label === l.store.label));
    const ledgers = [
        ...mine,
        ...(await Promise.all(others.map((r) => (0,_witness_js__WEBPACK_IMPORTED_MODULE_2__/* .witnessedLedger */ .s)(open(r.repository), r.env, witness, opts)))),
    ];
    const stores = new Map();
    for (const l of ledgers)
        stores.set(l.store.label, l.store);
    return { ledgers, stores: [...stores.values()] };
}
/** Stores opened once per repository, so ledgers in one repository share a client. */
function storeCache(open) {
    const stores = new Map();
    return (ref) => {
        const key = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(ref);
        let s = stores.get(key);
        if (!s)
            stores.set(key, (s = open(ref)));
        return s;
    };
}
/** Every digest the scope's ledgers quarantine, from their (verified) heads. */
async function quarantinedIn(scope) {
    const heads = await Promise.all(scope.ledgers.map((l) => l.head()));
    return new Set(heads.flatMap((h) => (h ? (0,_chain_js__WEBPACK_IMPORTED_MODULE_1__/* .quarantinedAfter */ .jY)(h).map((q) => q.digest) : [])));
}


/***/ }),

/***/ 81864:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Q: () => (/* binding */ witnessHead),
/* harmony export */   s: () => (/* binding */ witnessedLedger)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _store_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(60124);


/**
 * `env`'s ledger in `store`, anchored at the head the witness last recorded: every head it
 * reads must descend from that one. A witness that cannot be read is a warning, and the ledger
 * is checked link by link only.
 */
async function witnessedLedger(store, env, witness, opts = {}) {
    const { log, ...options } = opts;
    // The name is checked before the witness is asked.
    new _store_js__WEBPACK_IMPORTED_MODULE_0__/* .Ledger */ .Oc(store, env, options);
    let anchor;
    if (witness) {
        try {
            anchor = await witness.last(env, store.label);
        }
        catch (err) {
            log?.(`witness: ${witness.label} could not be read (${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}); the ledger of ${env} is checked link by link only`);
        }
    }
    return new _store_js__WEBPACK_IMPORTED_MODULE_0__/* .Ledger */ .Oc(store, env, { ...options, ...(anchor ? { anchor } : {}) });
}
/**
 * Records the newest head `ledger` verified or wrote with the witness. Never throws: a run that
 * did its work is not failed by its witness; the log says what was not recorded.
 */
async function witnessHead(ledger, witness, log) {
    const head = ledger.verifiedHead;
    if (!witness || !head)
        return;
    const what = `#${head.entry.seq} ${head.digest}`;
    try {
        const done = await witness.record(ledger.env, ledger.store.label, {
            digest: head.digest,
            seq: head.entry.seq,
        });
        log(done
            ? `witness: ${ledger.env} head ${what} recorded in ${witness.label}`
            : `witness: ${ledger.env} head ${what} not recorded: ${witness.label} has nothing of ${ledger.env} to record it on yet`);
    }
    catch (err) {
        log(`witness: ${ledger.env} head ${what} could not be recorded in ${witness.label}: ${(0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .errorMessage */ .gJ)(err)}`);
    }
}


/***/ })

};
