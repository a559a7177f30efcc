export const id = 67;
export const ids = [67];
export const modules = {

/***/ 5067:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_DEFAULTS: () => (/* reexport */ deploy_request/* DEPLOY_DEFAULTS */.Dd),
  DEPLOY_GATES: () => (/* reexport */ DEPLOY_GATES),
  FleetFailedError: () => (/* reexport */ FleetFailedError),
  PREVIEW_TIMEOUT_MS: () => (/* reexport */ PREVIEW_TIMEOUT_MS),
  RolledBackError: () => (/* reexport */ RolledBackError),
  deployRequest: () => (/* reexport */ deployRequest),
  describeQuarantine: () => (/* reexport */ describeQuarantine),
  environmentLedger: () => (/* reexport */ environmentLedger),
  fleetSettings: () => (/* reexport */ fleetSettings),
  ledgerReason: () => (/* reexport */ ledgerReason),
  openProvider: () => (/* reexport */ openProvider),
  parsePinnedImage: () => (/* reexport */ deploy_request/* parsePinnedImage */.HK),
  parseReplaceFleetRequest: () => (/* reexport */ deploy_request/* parseReplaceFleetRequest */.jt),
  quarantineRolledBack: () => (/* reexport */ quarantineRolledBack),
  replaceFleet: () => (/* reexport */ replaceFleet),
  replaceFleetSummary: () => (/* reexport */ replaceFleetSummary),
  rolledBackReason: () => (/* reexport */ rolledBackReason),
  unquarantined: () => (/* reexport */ unquarantined)
});

// EXTERNAL MODULE: ./packages/core/src/deploy/deploy-request.ts + 2 modules
var deploy_request = __webpack_require__(7545);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(4469);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(9468);
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
var external_node_net_ = __webpack_require__(7030);
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
            const { SwarmProvider } = await __webpack_require__.e(/* import() */ 93).then(__webpack_require__.bind(__webpack_require__, 1093));
            return new SwarmProvider(settings);
        }
        case 'aws-asg': {
            // The AWS SDK (three clients) loads here, only for a fleet on Auto Scaling.
            const { AwsAsgProvider } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 9809));
            return new AwsAsgProvider(settings);
        }
        case 'kubernetes': {
            // @kubernetes/client-node loads here, only for a fleet on Kubernetes.
            const { KubernetesProvider } = await Promise.all(/* import() */[__webpack_require__.e(943), __webpack_require__.e(198)]).then(__webpack_require__.bind(__webpack_require__, 3198));
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
            const { kubernetesSettingsOf } = await __webpack_require__.e(/* import() */ 950).then(__webpack_require__.bind(__webpack_require__, 5950));
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
            const { awsAsgSettingsOf } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 9809));
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

// EXTERNAL MODULE: ./packages/core/src/oci/referrers.ts
var referrers = __webpack_require__(3847);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(7428);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/ledger/env-name.ts
var env_name = __webpack_require__(7034);
;// CONCATENATED MODULE: ./packages/core/src/ledger/limits.ts
// Apart from entry.ts (zod), so input parsers can check a reason's length without loading it.
/** Longest `reason` kept in an entry. */
const REASON_MAX = 1000;

;// CONCATENATED MODULE: ./packages/core/src/ledger/entry.ts





/** The entry artifact's type; its subject is the image the entry is about. */
const LEDGER_ENTRY_TYPE = referrers/* KilnArtifactType */.PP.LedgerEntry;
/** The entry's one JSON layer. */
const LEDGER_LAYER_TYPE = 'application/json';
/** The largest entry layer read: entries are small; a bigger one is not ours. */
const ENTRY_MAX_BYTES = 64 * 1024;
/** Known-good digests an entry carries forward, newest first: "last known-good" reads only the head. */
const entry_KNOWN_GOOD_KEPT = 16;
/**
 * Quarantines an entry carries forward, newest first, so every environment's head alone says
 * which digests it refuses (a referrers index can be rewritten; the chain cannot without a
 * witness noticing). At about 190 bytes each, 200 keep an entry well under ENTRY_MAX_BYTES.
 */
const QUARANTINED_KEPT = 200;
/** Annotations of an entry's manifest, so a referrers listing answers without reading entries. */
const LedgerAnnotation = {
    Prev: 'dev.kiln.ledger.prev',
    Env: 'dev.kiln.ledger.env',
    Seq: 'dev.kiln.ledger.seq',
    Action: 'dev.kiln.ledger.action',
    Outcome: 'dev.kiln.ledger.outcome',
};
const LEDGER_ACTIONS = ['deploy', 'promote', 'rollback', 'quarantine'];
const LEDGER_OUTCOMES = [
    'deployed',
    'unchanged',
    'rolled-back',
    'promoted',
    'failed',
    'quarantined',
];
/** Re-exported: the rule and the limit live where input parsers can load them without zod. */


const entry_digest = schemas/* string */.YjP()
    .refine((d) => (0,digest/* digestProblem */.WQ)(d) === undefined, { message: 'invalid digest' })
    .transform((d) => d);
const isoTime = schemas/* string */.YjP().refine((t) => !Number.isNaN(Date.parse(t)), { message: 'not a time' });
const markSchema = schemas/* strictObject */.rej({
    digest: entry_digest,
    seq: schemas/* number */.aig().int().positive(),
    at: isoTime,
    entry: entry_digest,
});
/** The stored record, checked on every read: registry content is untrusted. */
const recordSchema = schemas/* strictObject */.rej({
    version: schemas/* literal */.euz(1),
    env: schemas/* string */.YjP().regex(env_name/* ENV_NAME */.G),
    seq: schemas/* number */.aig().int().positive(),
    action: schemas/* enum */.k5n(LEDGER_ACTIONS),
    digest: entry_digest,
    previous: entry_digest.nullable(),
    outcome: schemas/* enum */.k5n(LEDGER_OUTCOMES),
    at: isoTime,
    duration_ms: schemas/* number */.aig().int().nonnegative(),
    actor: schemas/* string */.YjP(),
    commit: schemas/* string */.YjP(),
    run_url: schemas/* string */.YjP(),
    evidence: schemas/* array */.YOg(entry_digest),
    reason: schemas/* string */.YjP().max(REASON_MAX).optional(),
    from: schemas/* string */.YjP().regex(env_name/* ENV_NAME */.G).optional(),
    prev: entry_digest.nullable(),
    previous_since: isoTime.nullable(),
    known_good: schemas/* array */.YOg(markSchema).max(entry_KNOWN_GOOD_KEPT),
    quarantined: schemas/* array */.YOg(markSchema).max(QUARANTINED_KEPT),
    abandoned: schemas/* array */.YOg(entry_digest).optional(),
});
/** JSON with object keys sorted at every level and no whitespace: one encoding per record. */
function canonicalJson(value) {
    if (Array.isArray(value))
        return `[${value.map(canonicalJson).join(',')}]`;
    if (value !== null && typeof value === 'object') {
        const entries = Object.entries(value)
            .filter(([, v]) => v !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
        return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
    }
    return JSON.stringify(value);
}
/** The entry layer's bytes. */
function encodeRecord(record) {
    return Buffer.from(canonicalJson(record));
}
/** The entry's hash: the digest of its canonical JSON, i.e. of its layer. */
function recordHash(record) {
    return sha256(encodeRecord(record));
}
/**
 * Parses an entry layer; returns the problem instead of throwing, so verify can name the link.
 * Bytes that are not the canonical encoding of what they parse to were not written by Kiln.
 */
function parseRecord(bytes) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        return { problem: 'its layer is not JSON' };
    }
    const r = recordSchema.safeParse(json);
    if (!r.success)
        return { problem: `its layer is not a ledger entry: ${core_errors/* prettifyError */.S1(r.error)}` };
    const record = r.data;
    if (!encodeRecord(record).equals(bytes))
        return { problem: 'its layer is not canonical JSON' };
    return { record };
}
/** The manifest annotations of an entry: derived from the record, so they must agree with it. */
function recordAnnotations(record) {
    return {
        [LedgerAnnotation.Env]: record.env,
        [LedgerAnnotation.Seq]: String(record.seq),
        [LedgerAnnotation.Action]: record.action,
        [LedgerAnnotation.Outcome]: record.outcome,
        ...(record.prev ? { [LedgerAnnotation.Prev]: record.prev } : {}),
    };
}
/** The problem when a manifest's annotations do not say what its record says, else undefined. */
function annotationProblem(record, annotations) {
    const want = recordAnnotations(record);
    for (const key of Object.values(LedgerAnnotation)) {
        if ((annotations?.[key] ?? undefined) !== want[key])
            return `annotation ${key} is ${JSON.stringify(annotations?.[key] ?? null)} but the entry says ${JSON.stringify(want[key] ?? null)}`;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/ledger/chain.ts

/** A deploy or rollback that ended deployed/unchanged runs its digest; anything else leaves `previous`. */
function chain_effectOf(r) {
    const good = (r.action === 'deploy' || r.action === 'rollback') &&
        (r.outcome === 'deployed' || r.outcome === 'unchanged');
    const current = good ? r.digest : r.previous;
    const since = current === r.previous ? r.previous_since : r.at;
    return { current, since, good };
}
/** Whether the entry quarantines its digest. */
const quarantines = (r) => r.action === 'quarantine' && r.outcome === 'quarantined';
/** What the next entry after `head` (undefined: the first entry) must carry. */
function carryFrom(head) {
    if (!head)
        return {
            prev: null,
            seq: 1,
            previous: null,
            previous_since: null,
            known_good: [],
            quarantined: [],
        };
    const r = head.entry;
    const e = chain_effectOf(r);
    const mark = { digest: r.digest, seq: r.seq, at: r.at, entry: head.digest };
    const good = e.good ? [mark] : [];
    // One mark per digest: a second quarantine of it replaces the first.
    const quarantined = quarantines(r)
        ? [mark, ...r.quarantined.filter((q) => q.digest !== r.digest)]
        : r.quarantined;
    return {
        prev: head.digest,
        seq: r.seq + 1,
        previous: e.current,
        previous_since: e.since,
        known_good: [...good, ...r.known_good].slice(0, entry_KNOWN_GOOD_KEPT),
        quarantined: quarantined.slice(0, QUARANTINED_KEPT),
    };
}
/** Digests quarantined as of after `head`, newest first (the head's own first when it is one). */
function chain_quarantinedAfter(head) {
    return carryFrom(head).quarantined;
}
/** Known-good digests as of after `head`, newest first (the head's own first when it is good). */
function chain_knownGoodAfter(head) {
    return carryFrom(head).known_good;
}
/**
 * The newest known-good digest other than `before` and those in `skip` (quarantined), older
 * than the newest time `before` itself was good: "what ran healthy before this digest". After
 * v1, v2, v3 and a rollback to v2 that quarantined v3, it is v1. undefined when there is none.
 */
function chain_pickKnownGood(list, before, skip = new Set()) {
    const at = before ? list.findIndex((k) => k.digest === before) : -1;
    return list.slice(at + 1).find((k) => k.digest !== before && !skip.has(k.digest));
}
const chain_short = (d) => d.slice(0, 19);
/** Each field an entry carries, checked against what the entry before it implies. */
function carriedProblem(r, want) {
    if (r.previous !== want.previous)
        return `entry edited: previous is ${r.previous ?? 'null'} but ${want.previous ?? 'nothing'} ran before it`;
    if (r.previous_since !== want.previous_since)
        return `entry edited: previous_since is ${r.previous_since ?? 'null'}, the history says ${want.previous_since ?? 'null'}`;
    if (JSON.stringify(r.known_good) !== JSON.stringify(want.known_good))
        return 'entry edited: its known-good list does not match the history before it';
    if (JSON.stringify(r.quarantined) !== JSON.stringify(want.quarantined))
        return 'entry edited: its quarantine list does not match the history before it';
    return undefined;
}
/**
 * What is wrong with `link` as the entry after `before` (undefined: the first entry) in `env`'s
 * chain: another environment's entry, a seq gap, a wrong prev, or a carried field that the
 * history does not imply. undefined when it follows.
 */
function linkProblem(env, link, before) {
    const r = link.entry;
    const want = carryFrom(before);
    return r.env !== env
        ? `env mismatch: entry ${chain_short(link.digest)} is of environment ${JSON.stringify(r.env)}`
        : r.seq !== want.seq
            ? `seq gap: entry ${chain_short(link.digest)} has seq ${r.seq} where seq ${want.seq} belongs`
            : r.prev !== want.prev
                ? `wrong prev: entry ${chain_short(link.digest)} names ${r.prev ?? 'no entry'} as previous, not ${want.prev ?? 'no entry'}`
                : carriedProblem(r, want);
}
/**
 * Walks a chain (oldest first, as read by following `prev` from the head) and names the first
 * broken link: an entry missing, edited (content not an entry or not matching its digest,
 * annotations or history), a wrong prev, a seq gap, another environment's entry. `listed` are
 * this environment's entries listed as referrers of their images: one that is not in the chain
 * (and not recorded as abandoned by a retried append) was removed or replaced behind the
 * ledger's back.
 */
function verifyChain(env, links, listed = []) {
    const breaks = [];
    let before;
    const inChain = new Set();
    const abandoned = new Set();
    for (const [i, link] of links.entries()) {
        // The walk stops at a missing or broken entry, so only the oldest link can be one: its seq
        // is the one before the entry that named it.
        const next = links[i + 1];
        const seq = before
            ? before.entry.seq + 1
            : next && 'stored' in next
                ? Math.max(1, next.stored.entry.seq - 1)
                : 1;
        inChain.add(link.digest);
        if ('missing' in link) {
            breaks.push({ seq, reason: `entry missing: ${link.digest} is not in the store` });
            break;
        }
        if ('problem' in link) {
            breaks.push({ seq, reason: `entry edited: ${link.digest} ${link.problem}` });
            break;
        }
        const reason = linkProblem(env, link.stored, before);
        if (reason) {
            breaks.push({ seq: carryFrom(before).seq, reason });
            break;
        }
        for (const d of link.stored.entry.abandoned ?? [])
            abandoned.add(d);
        before = link.stored;
    }
    // A walk cut short by a break says nothing about entries older than it.
    const oldest = links[0] && 'stored' in links[0] ? 1 : (breaks[0]?.seq ?? 1);
    for (const d of listed) {
        if (d.annotations?.[LedgerAnnotation.Env] !== env)
            continue;
        if (inChain.has(d.digest) || abandoned.has(d.digest))
            continue;
        const seq = Number(d.annotations?.[LedgerAnnotation.Seq] ?? 0);
        if (seq < oldest)
            continue;
        breaks.push({
            seq: Number.isInteger(seq) && seq > 0 ? seq : 1,
            reason: `entry removed: ${d.digest} (seq ${d.annotations?.[LedgerAnnotation.Seq] ?? '?'}) is listed as a referrer of its image but is not in the chain`,
        });
    }
    const first = breaks.sort((a, b) => a.seq - b.seq)[0];
    const entries = links.filter((l) => 'stored' in l).length;
    if (!first)
        return { ok: true, entries };
    return { ok: false, entries, brokenAt: first.seq, reason: first.reason };
}

// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(4890);
;// CONCATENATED MODULE: ./packages/core/src/ledger/errors.ts
/**
 * Another writer moved the environment's head while this append was writing, on every attempt.
 * Operational (exit 2): nothing was recorded in the chain; the entries written and abandoned
 * are named so nobody mistakes them for history.
 */
class LedgerConflictError extends Error {
    data;
    name = 'LedgerConflictError';
    constructor(message, data, options) {
        super(message, options);
        this.data = data;
    }
}
/** The store holds something at a ledger digest that is not a well-formed entry (or nothing). */
class LedgerCorruptError extends Error {
    data;
    name = 'LedgerCorruptError';
    constructor(message, data, options) {
        super(message, options);
        this.data = data;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/ledger/store.ts








/** The head tag of an environment's chain is this prefix and the environment's name. */
const LEDGER_TAG_PREFIX = 'kiln-ledger-';
/** Appends tried (each from the newest head) before a concurrent writer fails the append. */
const APPEND_ATTEMPTS = 3;
/**
 * How long an append waits after moving the head tag before re-reading it, at least (plus twice
 * its own look-to-move time, see settleWait). Tags have no conditional write: a writer that
 * checked the head just before our move can still move it after, within about one request's
 * time; a re-read after that window sees it.
 */
const HEAD_SETTLE_MS = 100;
/** Entries followed back from a moved head to find our own before calling it a conflict. */
const DESCENT_MAX = 16;
/** The head tag of `env`. */
function ledgerTag(env) {
    return `${LEDGER_TAG_PREFIX}${env}`;
}
/**
 * One environment's append-only, hash-chained ledger in an artifact store: each entry an OCI
 * artifact whose subject is the image, linked to the previous entry by `dev.kiln.ledger.prev`,
 * the newest one tagged `kiln-ledger-<env>`.
 */
class Ledger {
    store;
    env;
    tag;
    now;
    attempts;
    settleMs;
    wait;
    anchor;
    /** The newest head this ledger verified or wrote: later reads need only descend from it. */
    trusted;
    constructor(store, env, opts = {}) {
        this.store = store;
        this.env = env;
        if (!env_name/* ENV_NAME */.G.test(env))
            throw new errors/* ConfigurationError */.j1(`environment ${JSON.stringify(env)} cannot name a ledger: use letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")`);
        this.tag = ledgerTag(env);
        this.now = opts.now ?? (() => new Date());
        this.attempts = Math.max(1, opts.attempts ?? APPEND_ATTEMPTS);
        this.settleMs = opts.settleMs ?? HEAD_SETTLE_MS;
        this.wait = opts.sleep ?? retry/* sleep */.yy;
        this.anchor = opts.anchor;
    }
    /** The head a witness recorded, that every head read must descend from. */
    get witnessed() {
        return this.anchor;
    }
    /** The newest head this ledger verified or appended (what a witness records after a run). */
    get verifiedHead() {
        return this.trusted;
    }
    /**
     * The newest entry, or undefined for an empty ledger, checked before anything trusts it: it
     * follows from the entry before it (link, seq, carried fields), and it descends from the
     * witnessed head and from any head this ledger read before. Four reads when the head is new
     * and no witness is older than it; one (the tag's manifest) when it is the head already
     * verified. A head that fails is a LedgerCorruptError naming the entry; nothing is written
     * after it.
     */
    async head() {
        const manifest = await this.readHead();
        const floor = this.trusted
            ? { digest: this.trusted.digest, seq: this.trusted.entry.seq }
            : this.anchor;
        if (!manifest) {
            if (floor)
                throw this.rewritten(undefined, floor);
            return undefined;
        }
        // The manifest's digest names its entry: the one verified already needs no second read.
        if (this.trusted?.digest === manifest.digest)
            return this.trusted;
        const read = this.stored(await this.link(manifest.digest, manifest));
        await this.checkDescent(read, floor);
        this.trusted = read;
        return read;
    }
    /**
     * Walks back from `head`, checking each link against the entry before it, until `floor`'s
     * seq (which must then be `floor` itself); with no floor, checks the head's own link only.
     */
    async checkDescent(head, floor) {
        let newer = head;
        for (;;) {
            if (floor && newer.entry.seq <= floor.seq) {
                if (newer.entry.seq === floor.seq && newer.digest === floor.digest)
                    return;
                throw this.rewritten(head, floor);
            }
            const older = await this.linkBefore(newer);
            if (!floor || !older) {
                if (floor)
                    throw this.rewritten(head, floor);
                return;
            }
            newer = older;
        }
    }
    /**
     * The entry `newer` names as its prev, checked as the link before it: LedgerCorruptError,
     * naming `newer`, when `newer` does not follow from it (undefined: `newer` is the first).
     */
    async linkBefore(newer) {
        const older = newer.entry.prev ? await this.load(newer.entry.prev) : undefined;
        const problem = linkProblem(this.env, newer, older);
        if (problem)
            throw new LedgerCorruptError(`ledger ${this.env} (${this.store.label}:${this.tag}): entry #${newer.entry.seq} ${newer.digest} is not a link of the chain: ${problem}; nothing was done (run kiln ledger verify ${this.env})`, { env: this.env, digest: newer.digest, store: this.store.label });
        return older;
    }
    rewritten(head, floor) {
        const by = 'source' in floor && floor.source ? `the witness (${floor.source})` : 'this run';
        const now = head ? `#${head.entry.seq} ${head.digest}` : 'no entry (the head tag is gone)';
        return new LedgerCorruptError(`ledger ${this.env} (${this.store.label}:${this.tag}): the head is ${now}, which does not descend from #${floor.seq} ${floor.digest} recorded by ${by}: the chain was rewritten or truncated in the registry; nothing was done`, { env: this.env, ...(head ? { digest: head.digest } : {}), store: this.store.label });
    }
    /** The manifest the head tag names, unchecked. */
    async readHead() {
        for (let attempt = 1;; attempt++) {
            let manifest;
            try {
                manifest = await this.store.getManifest(this.tag);
            }
            catch (err) {
                // Absent, or created by another writer since the read failed: then read once more.
                if ((await this.store.resolve(this.tag)) === undefined)
                    return undefined;
                if (attempt >= 2)
                    throw err;
                continue;
            }
            return manifest;
        }
    }
    /** The entry with manifest digest `digest`; LedgerCorruptError when it is not one. */
    async load(digest) {
        return this.stored(await this.link(digest));
    }
    /**
     * Appends an entry: read the head, write the entry (subject = the image, prev = the head),
     * move the head tag, wait, re-read it. A head moved by another writer is never overwritten
     * silently: the append starts again from the new head (up to `attempts`), naming the entries
     * it abandoned, or fails with LedgerConflictError. `subject` defaults to the image manifest
     * `digest` names in this store.
     */
    async append(input, opts = {}) {
        const subject = opts.subject ?? (0,manifest/* descriptorOf */.nb)(await this.store.getManifest(input.digest));
        if (subject.digest !== input.digest)
            throw new Error(`ledger ${this.env}: subject ${subject.digest} is not ${input.digest}`);
        const abandoned = [];
        // Verified: an entry never carries fields from a head that does not follow its chain.
        let head = await this.head();
        for (let attempt = 1; attempt <= this.attempts; attempt++) {
            const record = this.record(input, head, abandoned);
            const artifact = {
                artifactType: LEDGER_ENTRY_TYPE,
                layers: [{ mediaType: LEDGER_LAYER_TYPE, data: encodeRecord(record) }],
                annotations: recordAnnotations(record),
                subject,
            };
            const { manifest, descriptor } = await (0,referrers/* writeArtifact */.w6)(this.store, artifact);
            // Last look before the move: a writer that got in first costs us nothing but a retry.
            const started = Date.now();
            const before = await this.store.resolve(this.tag);
            if (before === head?.digest) {
                await this.store.putManifest(manifest, { tag: this.tag });
                await this.wait((0,referrers/* settleWait */.fu)(this.settleMs, Date.now() - started));
                const after = await this.store.resolve(this.tag);
                if (after && (await this.descends(after, manifest.digest, record.seq))) {
                    // Listed only once in the chain, so a referrers listing never shows a lost attempt.
                    await this.store.indexReferrer(subject.digest, descriptor);
                    this.trusted = { entry: record, digest: manifest.digest };
                    return this.trusted;
                }
            }
            abandoned.push(manifest.digest);
            head = await this.head();
            await this.wait(Math.floor(Math.random() * (this.settleMs + 1)));
        }
        throw new LedgerConflictError(`ledger ${this.env} (${this.store.label}:${this.tag}): another writer moved the head during each of ${this.attempts} attempts; nothing was recorded (abandoned entries ${abandoned.join(', ')} are not in the chain)`, { env: this.env, tag: this.tag, attempts: this.attempts, abandoned });
    }
    /**
     * Entries newest first, up to `limit`: two reads per entry, each checked as the link before
     * the one after it (an inconsistent chain is a LedgerCorruptError naming the entry).
     */
    async history(limit = Infinity) {
        const out = [];
        let next = await this.head();
        while (next && out.length < limit) {
            out.push(next);
            if (out.length >= limit || !next.entry.prev)
                break;
            next = await this.linkBefore(next);
        }
        return out;
    }
    /**
     * Whether `stored` is on the chain from the (verified) head: an entry found through a
     * referrers listing counts only if the chain holds it. Costs the distance back from the head.
     */
    async onChain(stored) {
        const head = await this.head();
        if (!head || stored.entry.env !== this.env || stored.entry.seq > head.entry.seq)
            return false;
        const walked = await this.history(head.entry.seq - stored.entry.seq + 1);
        return walked[walked.length - 1]?.digest === stored.digest;
    }
    /**
     * Walks the chain from the head and names the first broken link; also lists this
     * environment's entries among the referrers of every image in the chain, and of every image
     * the repository's referrers indexes name where the store can list its tags, so an entry
     * removed or replaced behind the ledger's back (the head re-written to name another digest,
     * too) is found even when the chain left is consistent. With a witness, the witnessed head
     * must be on the chain.
     */
    async verify() {
        const headDigest = await this.store.resolve(this.tag);
        if (!headDigest) {
            if (!this.anchor)
                return { ok: true, entries: 0 };
            return {
                ok: false,
                entries: 0,
                brokenAt: this.anchor.seq,
                reason: `witness: ${this.anchor.source} recorded head #${this.anchor.seq} ${this.anchor.digest}, but ${this.tag} is gone`,
            };
        }
        const links = [];
        let digest = headDigest;
        // No chain is longer than its head's seq; a longer walk is a broken chain, stop there.
        let bound = Infinity;
        while (digest && links.length < bound) {
            const link = await this.link(digest);
            links.push(link);
            if (!('stored' in link))
                break;
            if (bound === Infinity)
                bound = link.stored.entry.seq + 1;
            digest = link.stored.entry.prev;
        }
        links.reverse();
        const images = new Set(await indexedSubjects(this.store));
        for (const l of links)
            if ('stored' in l)
                images.add(l.stored.entry.digest);
        const listed = [];
        for (const image of images)
            listed.push(...(await this.store.listReferrers(image, LEDGER_ENTRY_TYPE)));
        const result = verifyChain(this.env, links, listed);
        const witnessed = this.anchor && witnessProblem(this.anchor, links);
        if (!witnessed || (!result.ok && result.brokenAt < witnessed.seq))
            return result;
        // At the same entry, both say something: what is wrong with it, and what was there.
        const reason = !result.ok && result.brokenAt === witnessed.seq
            ? `${result.reason}; ${witnessed.reason}`
            : witnessed.reason;
        return { ok: false, entries: result.entries, brokenAt: witnessed.seq, reason };
    }
    record(input, head, abandoned) {
        const { at, ...rest } = input;
        const record = {
            version: 1,
            ...rest,
            env: this.env,
            at: at ?? this.now().toISOString(),
            ...carryFrom(head),
            ...(abandoned.length ? { abandoned: [...abandoned] } : {}),
        };
        const r = recordSchema.safeParse(record);
        if (!r.success)
            throw new errors/* ConfigurationError */.j1(`ledger entry for ${this.env} refused: ${core_errors/* prettifyError */.S1(r.error).replace(/\s+/g, ' ')}`);
        return record;
    }
    /** Whether `mine` is `from` or an ancestor of it, within DESCENT_MAX entries. */
    async descends(from, mine, mySeq) {
        let d = from;
        for (let i = 0; d && i <= DESCENT_MAX; i++) {
            if (d === mine)
                return true;
            const m = await this.store.getManifest(d);
            const ann = m.kind === 'image' ? m.manifest.annotations : undefined;
            if (Number(ann?.[LedgerAnnotation.Seq]) <= mySeq)
                return false;
            d = ann?.[LedgerAnnotation.Prev];
        }
        return false;
    }
    stored(link) {
        if ('stored' in link)
            return link.stored;
        const what = 'missing' in link ? 'is missing' : link.problem;
        throw new LedgerCorruptError(`ledger ${this.env}: entry ${link.digest} ${what}`, {
            env: this.env,
            digest: link.digest,
            store: this.store.label,
        });
    }
    /** Reads and checks one entry without throwing for what verify must name. */
    async link(digest, read) {
        let m = read;
        if (!m) {
            try {
                m = await this.store.getManifest(digest);
            }
            catch (err) {
                if ((await this.store.resolve(digest).catch(() => digest)) === undefined)
                    return { digest, missing: true };
                return { digest, problem: `cannot be read as a manifest: ${(0,errors/* errorMessage */.gJ)(err)}` };
            }
        }
        // A registry client checks this already; a lax store might not.
        if (m.digest !== digest)
            return { digest, problem: `content does not match its digest (it hashes to ${m.digest})` };
        if (m.kind !== 'image' || m.manifest.artifactType !== LEDGER_ENTRY_TYPE)
            return { digest, problem: `is not a ledger entry (${m.mediaType})` };
        const layer = m.manifest.layers[0];
        if (m.manifest.layers.length !== 1 || !layer || layer.mediaType !== LEDGER_LAYER_TYPE)
            return { digest, problem: 'does not have exactly one JSON layer' };
        if (layer.size > ENTRY_MAX_BYTES)
            return { digest, problem: `has a ${layer.size}-byte layer (at most ${ENTRY_MAX_BYTES})` };
        let bytes;
        try {
            bytes = await this.store.readBlob(layer);
        }
        catch (err) {
            return { digest, problem: `layer cannot be read: ${(0,errors/* errorMessage */.gJ)(err)}` };
        }
        const parsed = parseRecord(bytes);
        if ('problem' in parsed)
            return { digest, problem: parsed.problem };
        const record = parsed.record;
        const problem = annotationProblem(record, m.manifest.annotations) ??
            (m.manifest.subject?.digest !== record.digest
                ? `has subject ${m.manifest.subject?.digest ?? 'none'} but is about ${record.digest}`
                : undefined);
        if (problem)
            return { digest, problem };
        return { digest, stored: { entry: record, digest } };
    }
}
/** The subjects of the store's referrers fallback indexes (`sha256-<hex>` tags), where it lists tags. */
async function indexedSubjects(store) {
    const lister = store;
    if (typeof lister.tags !== 'function')
        return [];
    const tags = await lister.tags();
    return tags
        .filter((t) => /^sha256-[0-9a-f]{64}$/.test(t))
        .map((t) => `sha256:${t.slice('sha256-'.length)}`);
}
/** Why the chain read does not hold the witnessed head, or undefined when it does. */
function witnessProblem(anchor, links) {
    const at = links.find((l) => 'stored' in l && l.stored.entry.seq === anchor.seq);
    if (at?.digest === anchor.digest)
        return undefined;
    const found = at
        ? `the chain holds ${at.digest} at #${anchor.seq}`
        : `the chain has no entry #${anchor.seq}`;
    return {
        seq: anchor.seq,
        reason: `witness: ${anchor.source} recorded head #${anchor.seq} ${anchor.digest}, but ${found}: the chain was rewritten or truncated`,
    };
}

;// CONCATENATED MODULE: ./packages/core/src/ledger/queries.ts





/** Evidence artifacts read at most per query: bounds what a flood of referrers costs. */
const EVIDENCE_READ_MAX = 8;
/** The largest validation report read. */
const REPORT_MAX_BYTES = (/* unused pure expression or super */ null && (4 * 1024 * 1024));
/** The digest running in the ledger's environment, from the head alone. */
async function current(ledger) {
    const head = await ledger.head();
    return (head && chain_effectOf(head.entry).current) ?? undefined;
}
/**
 * The newest digest that ran healthy before `before` (default: the current digest) and is not
 * quarantined in the environment, from the known-good list the head carries: a constant number
 * of reads while it holds the answer, a walk of the history only when the answer is older than
 * the KNOWN_GOOD_KEPT kept. `skip`: digests quarantined elsewhere, refused too.
 */
async function lastKnownGood(ledger, before, skip = new Set()) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const list = knownGoodAfter(head);
    const target = before ?? effectOf(head.entry).current;
    const refused = new Set([...skip, ...quarantinedAfter(head).map((q) => q.digest)]);
    const found = pickKnownGood(list, target, refused);
    if (found)
        return found.entry === head.digest ? head : ledger.load(found.entry);
    if (list.length < KNOWN_GOOD_KEPT)
        return undefined;
    // The list was cut: the answer, if any, is older than every digest it holds.
    const history = await ledger.history();
    const all = history
        .filter((s) => effectOf(s.entry).good)
        .map((s) => ({ digest: s.entry.digest, seq: s.entry.seq, at: s.entry.at, entry: s.digest }));
    const older = pickKnownGood(all, target, refused);
    return older ? history.find((s) => s.digest === older.entry) : undefined;
}
/**
 * The entry of `ledger`'s chain that quarantines `digest`, from the quarantines its (verified)
 * head carries: constant cost, and no rewrite of a referrers index can hide it.
 */
async function quarantineIn(ledger, digest) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const mark = chain_quarantinedAfter(head).find((q) => q.digest === digest);
    if (!mark)
        return undefined;
    return mark.entry === head.digest ? head : ledger.load(mark.entry);
}
/** When the current run of `digest` in the environment began (for min-soak); undefined if not running. */
async function queries_deployedSince(ledger, digest) {
    const head = await ledger.head();
    if (!head)
        return undefined;
    const e = effectOf(head.entry);
    return e.current === digest && e.since ? new Date(e.since) : undefined;
}
/**
 * Whether validation evidence that passed exists for `digest`: a referrer of type
 * `application/vnd.kiln.validation.v1+json` whose report says `pass` for this digest (the
 * report is read, not only the listing's annotation).
 */
async function queries_isValidated(store, digest) {
    const listed = await store.listReferrers(digest, KilnArtifactType.Validation);
    if (!listed.length)
        return { ok: false, reason: `no validation evidence for ${digest}` };
    // Newest last in a listing; a pass annotation is only a hint until the report says so.
    const candidates = [...listed]
        .reverse()
        .filter((d) => d.annotations?.[VALIDATION_RESULT_ANNOTATION] !== 'fail')
        .slice(0, EVIDENCE_READ_MAX);
    for (const d of candidates) {
        const report = await readReport(store, d);
        if (report?.result === 'pass' && reportNames(report, digest))
            return { ok: true, evidence: d, reason: `validation evidence ${d.digest} passed` };
    }
    const last = listed[listed.length - 1];
    return {
        ok: false,
        evidence: last,
        reason: `no passing validation evidence for ${digest} (${listed.length} report(s), newest ${last.digest} ${last.annotations?.[VALIDATION_RESULT_ANNOTATION] ?? 'unreadable'})`,
    };
}
const reportNames = (r, digest) => r.image?.digest === digest || r.image?.manifestDigest === digest;
/** The report JSON of an evidence artifact, or undefined when it is not one. */
async function readReport(store, d) {
    const m = await store.getManifest(d.digest);
    const layer = m.kind === 'image' ? m.manifest.layers[0] : undefined;
    if (!layer || layer.size > REPORT_MAX_BYTES)
        return undefined;
    try {
        const json = JSON.parse((await store.readBlob(layer)).toString('utf8'));
        return typeof json === 'object' && json !== null ? json : undefined;
    }
    catch {
        return undefined;
    }
}
/**
 * This environment's (or any environment's) ledger entries about `digest` that match, as the
 * digest's referrers list them (unverified: a caller that grants something checks onChain).
 */
async function entriesAbout(store, digest, match) {
    const listed = await store.listReferrers(digest, LEDGER_ENTRY_TYPE);
    const out = [];
    for (const d of listed) {
        const a = d.annotations ?? {};
        const env = a[LedgerAnnotation.Env];
        // Not an environment name Kiln writes: not one of our entries.
        if (!env || !env_name/* ENV_NAME */.G.test(env) || (match.env !== undefined && env !== match.env))
            continue;
        if (!match.actions.includes(a[LedgerAnnotation.Action]))
            continue;
        if (!match.outcomes.includes(a[LedgerAnnotation.Outcome]))
            continue;
        // The listing is a hint; the entry itself must say the same (LedgerCorruptError if not one).
        const stored = await new Ledger(store, env).load(d.digest);
        const e = stored.entry;
        if (e.digest === digest && e.env === env && match.actions.includes(e.action))
            out.push(stored);
    }
    return out;
}
/**
 * Whether `digest` ran healthy in the ledger's environment (a deploy or rollback that deployed
 * or found it running), by an entry on its chain: one only listed as a referrer proves nothing.
 */
async function queries_wasHealthy(ledger, digest) {
    const found = await entriesAbout(ledger.store, digest, {
        env: ledger.env,
        actions: ['deploy', 'rollback'],
        outcomes: ['deployed', 'unchanged'],
    });
    return anyOnChain(ledger, found);
}
/** Whether `digest` was promoted into the ledger's environment, by an entry on its chain. */
async function wasPromotedTo(ledger, digest) {
    const found = await entriesAbout(ledger.store, digest, {
        env: ledger.env,
        actions: ['promote'],
        outcomes: ['promoted'],
    });
    return anyOnChain(ledger, found);
}
/** Newest first, at most EVIDENCE_READ_MAX checked: forged listings cannot make it walk far. */
async function anyOnChain(ledger, found) {
    const newest = [...found].sort((a, b) => b.entry.seq - a.entry.seq).slice(0, EVIDENCE_READ_MAX);
    for (const s of newest)
        if (await ledger.onChain(s))
            return true;
    return false;
}
/**
 * Whether `digest` is quarantined, in any environment: a quarantine entry is a referrer of the
 * digest, so one listing answers for every environment. An entry that claims quarantine but
 * cannot be read fails the query (LedgerCorruptError) rather than letting the digest through.
 */
async function isQuarantined(store, digest) {
    const found = await entriesAbout(store, digest, {
        actions: ['quarantine'],
        outcomes: ['quarantined'],
    });
    const entry = found[found.length - 1];
    return entry ? { quarantined: true, entry } : { quarantined: false };
}
/** Quarantines `digest`: a `quarantine` entry in `env`'s ledger, a referrer of the digest. */
async function quarantine(store, env, digest, reason, ctx) {
    if (!reason.trim())
        throw new errors/* ConfigurationError */.j1('a quarantine needs a reason');
    return new Ledger(store, env, ctx.ledger).append({
        action: 'quarantine',
        outcome: 'quarantined',
        digest,
        duration_ms: ctx.duration_ms ?? 0,
        actor: ctx.actor,
        commit: ctx.commit,
        run_url: ctx.run_url,
        evidence: ctx.evidence ?? [],
        reason,
    }, ctx.subject ? { subject: ctx.subject } : {});
}

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
        const entry = await quarantineIn(ledger, digest);
        if (entry)
            return entry;
    }
    for (const store of scope.stores) {
        const q = await isQuarantined(store, digest);
        if (q.entry)
            return q.entry;
    }
    return undefined;
}
/** Validation evidence that passed exists for the digest (`require-validation`). */
async function validated(store, digest) {
    const v = await isValidated(store, digest);
    return {
        gate: 'validated',
        status: v.ok ? 'pass' : 'fail',
        reason: `${v.reason} in ${store.label}`,
        ...(v.evidence ? { evidence: v.evidence.digest } : {}),
    };
}

// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var registry_errors = __webpack_require__(5020);
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
    const effect = effectOf(head.entry);
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
    const proof = knownGoodAfter(head).find((k) => k.digest === digest);
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
    const since = await deployedSince(ledger, digest);
    if (!since)
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not running in ${where(ledger)}, so it has not soaked there (min-soak ${formatMs(minSoakMs)})`,
        };
    const soaked = now.getTime() - since.getTime();
    if (soaked >= minSoakMs)
        return {
            gate,
            status: 'pass',
            reason: `running in ${ledger.env} for ${formatMs(soaked)} since ${since.toISOString()} (min-soak ${formatMs(minSoakMs)})`,
        };
    return {
        gate,
        status: 'fail',
        reason: `running in ${ledger.env} for ${formatMs(Math.max(0, soaked))} since ${since.toISOString()}, min-soak is ${formatMs(minSoakMs)}: ${formatMs(minSoakMs - soaked)} to go`,
    };
}
/**
 * The digest was promoted into the ledger's environment (kiln.yml `requires: from`): a deploy
 * there refuses a digest that did not come through promote.
 */
async function promotedInto(ledger, digest, from) {
    const gate = 'promoted';
    return (await wasPromotedTo(ledger, digest))
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
    const kept = head ? knownGoodAfter(head).find((k) => k.digest === digest) : undefined;
    if (kept)
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (ledger seq ${kept.seq}, ${kept.at})`,
            evidence: kept.entry,
        };
    if (head && (await wasHealthy(ledger, digest)))
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

// EXTERNAL MODULE: ./packages/core/src/github/summary.ts + 1 modules
var summary = __webpack_require__(4451);
;// CONCATENATED MODULE: ./packages/core/src/gates/gate-rows.ts

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' };
/** Column headers of gateRows. */
const GATE_HEADERS = ['gate', 'result', 'reason', 'evidence'];
/** Rows for a job-summary table; reasons quote registry content, so they stay text (escaped). */
function gateRows(results) {
    return results.map((r) => [
        r.gate,
        ICON[r.status],
        r.reason,
        r.evidence ? (0,summary.inlineCode)(r.evidence) : '',
    ]);
}
/** The gates as one markdown table. */
function gateTable(results) {
    return (0,summary.table)(GATE_HEADERS, gateRows(results));
}

;// CONCATENATED MODULE: ./packages/core/src/gates/index.ts
// Gates shared by promote, replace-fleet and rollback: each answers pass, fail or skip with
// the evidence it rests on; runGates collects them and GateRefusedError refuses (exit 1).






// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(3966);
;// CONCATENATED MODULE: ./packages/core/src/ledger/witness.ts


/**
 * `env`'s ledger in `store`, anchored at the head the witness last recorded: every head it
 * reads must descend from that one. A witness that cannot be read is a warning, and the ledger
 * is checked link by link only.
 */
async function witnessedLedger(store, env, witness, opts = {}) {
    const { log, ...options } = opts;
    // The name is checked before the witness is asked.
    new Ledger(store, env, options);
    let anchor;
    if (witness) {
        try {
            anchor = await witness.last(env, store.label);
        }
        catch (err) {
            log?.(`witness: ${witness.label} could not be read (${(0,errors/* errorMessage */.gJ)(err)}); the ledger of ${env} is checked link by link only`);
        }
    }
    return new Ledger(store, env, { ...options, ...(anchor ? { anchor } : {}) });
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
        log(`witness: ${ledger.env} head ${what} could not be recorded in ${witness.label}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/ledger/quarantine-scope.ts



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
        ...(await Promise.all(others.map((r) => witnessedLedger(open(r.repository), r.env, witness, opts)))),
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
        const key = (0,reference/* repositoryName */.aR)(ref);
        let s = stores.get(key);
        if (!s)
            stores.set(key, (s = open(ref)));
        return s;
    };
}
/** Every digest the scope's ledgers quarantine, from their (verified) heads. */
async function quarantinedIn(scope) {
    const heads = await Promise.all(scope.ledgers.map((l) => l.head()));
    return new Set(heads.flatMap((h) => (h ? quarantinedAfter(h).map((q) => q.digest) : [])));
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/quarantine-rolled-back.ts



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
    return why.length <= REASON_MAX ? why : `${why.slice(0, REASON_MAX - 1)}…`;
}
/**
 * Quarantines `digest` in `env`'s ledger unless an entry already does (a re-run adds none):
 * a deploy rolled back, and the digest a rollback leaves. `ctx` may be read only when an entry
 * is written (rollback reads the image's descriptor then); its failure is the step's.
 * Never rejects: the deploy it follows is recorded whatever becomes of the quarantine.
 */
async function quarantineRolledBack(store, env, digest, reason, ctx) {
    try {
        const known = await isQuarantined(store, digest);
        if (known.quarantined && known.entry) {
            const e = known.entry.entry;
            return { kind: 'already', entry: known.entry.digest, seq: e.seq, env: e.env };
        }
        const context = typeof ctx === 'function' ? await ctx() : ctx;
        const stored = await quarantine(store, env, digest, reason, context);
        return { kind: 'quarantined', entry: stored.digest, seq: stored.entry.seq, reason };
    }
    catch (cause) {
        return { kind: 'failed', error: (0,errors/* errorMessage */.gJ)(cause), cause };
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
    const ledger = await witnessedLedger(stores.ledger, fleet.environment, deps.witness, {
        ...options,
        log,
    });
    const open = storeCache((ref) => (0,reference/* repositoryName */.aR)(ref) === (0,reference/* repositoryName */.aR)(repo)
        ? stores.ledger
        : deps.registries.repository(ref.registry, ref.repository));
    const scope = await quarantineScope(ledger, fleet.quarantineLedgers, open, deps.witness, options);
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
        super(`${result.requestedImage} did not converge in ${result.environment} (${result.reason ?? 'rolled back'}); the fleet is back on ${result.deployedImage}: ${result.proof.summary}; ledger entry #${result.seq} ${result.ledgerEntry}${result.quarantine ? `; ${describeQuarantine(result.quarantine, (0,converged/* digestOf */.ol)(result.requestedImage) ?? result.requestedImage)}` : ''}`);
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
    const gates = await timed('gates', () => runGates([
        gated('digest-exists', () => digestExists(stores.image, req.digest)),
        gated('not-quarantined', () => notQuarantined(scope, req.digest)),
        ...(req.requires
            ? [gated('promoted', () => promotedInto(ledger, req.digest, req.requires))]
            : []),
    ], { log }));
    if (!gates.passed)
        throw new GateRefusedError(gates.results, `${action} of ${image} to ${req.environment}`);
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
            ? { reason: ledgerReason((reason ?? opts.reason)) }
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
        await witnessHead(ledger, deps.witness, log);
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
            ? await timed('ledger', () => quarantineRolledBack(stores.ledger, req.environment, req.digest, rolledBackReason(req.environment, result.reason), {
                actor: entryBase.actor,
                commit: entryBase.commit,
                run_url: entryBase.run_url,
                duration_ms: Math.max(0, Math.round(now().getTime() - started)),
                ...(subject ? { subject } : {}),
                ledger: { now, ...deps.ledger },
            }))
            : unquarantined(result.failure);
        log(`quarantine: ${describeQuarantine(quarantined, req.digest)}`);
    }
    // A repeated run of a digest the ledger already says runs adds nothing; one the engine
    // finished after a runner died (no entry yet) gets its `unchanged` entry now.
    const stored = await timed('ledger', async () => {
        if (result.outcome === 'unchanged' && action === 'deploy') {
            const head = await ledger.head();
            if (head && (await current(ledger)) === req.digest)
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
    await witnessHead(ledger, deps.witness, log);
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

;// CONCATENATED MODULE: ./packages/core/src/deploy/deploy-summary.ts





const OUTCOME = {
    deployed: '✅ deployed',
    unchanged: '➖ unchanged (already running N/N; nothing restarted)',
    'rolled-back': '❌ rolled back: the fleet is back on the previous digest',
};
const ms = (n) => (n >= 10_000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`);
/**
 * Job summary of a replace-fleet (or a rollback through it): the outcome, the gates, the N/N
 * proof row by row and the time of each phase. Images, task ids and reasons come from
 * registries and the engine: text, escaped by table().
 */
function replaceFleetSummary(r, title = 'replace-fleet') {
    const facts = [
        [
            'outcome',
            r.quarantine?.kind === 'not-pulled'
                ? '❌ rolled back: the image could not be pulled (the release never ran); the fleet is back on the previous digest'
                : OUTCOME[r.outcome],
        ],
        ['environment', r.environment],
        ['target', `${r.target} (${r.strategy})`],
        ['requested', (0,summary.inlineCode)(r.requestedImage)],
        ['running now', (0,summary.inlineCode)(r.deployedImage)],
        ['previous', r.previousImage ? (0,summary.inlineCode)(r.previousImage) : '—'],
        ['proof', r.proof.summary],
        ...((0,converged/* perNodeLine */.Me)(r.proof) ? [['spread', (0,converged/* perNodeLine */.Me)(r.proof)]] : []),
        ...(r.reason ? [['reason', r.reason]] : []),
        ...(r.quarantine
            ? [
                [
                    'quarantine',
                    `${r.quarantine.kind === 'failed' ? '❌ ' : ''}${describeQuarantine(r.quarantine, (0,converged/* digestOf */.ol)(r.requestedImage) ?? r.requestedImage)}`,
                ],
            ]
            : []),
        ...(r.previewUrl ? [['preview', r.previewUrl]] : []),
        ...(r.warmUntil ? [['old colour warm until', r.warmUntil]] : []),
        [
            'ledger entry',
            (0,summary.inlineCode)(`#${r.seq} ${r.ledgerEntry}${r.recorded ? '' : ' (already recorded)'}`),
        ],
        ['duration', ms(r.durationMs)],
    ];
    const tasks = r.proof.tasks.map((t) => [
        (0,summary.inlineCode)(t.task.slice(0, 12)),
        t.node.slice(0, 12),
        t.digest ? (0,summary.inlineCode)(t.digest) : (0,summary.inlineCode)(t.image),
        t.state,
        t.health,
        t.ok ? '✅' : `❌ ${t.why ?? ''}`,
    ]);
    return [
        (0,summary.heading)(title),
        (0,summary.table)(['', ''], facts),
        '',
        (0,summary.heading)('Gates', 4),
        r.gates.length ? gateTable(r.gates) : 'none',
        '',
        (0,summary.heading)(`Convergence: ${r.proof.healthy}/${r.proof.replicas}`, 4),
        (0,summary.table)(['task', 'node', 'digest', 'state', 'health', 'counts'], tasks),
        '',
        (0,summary.heading)('Timings', 4),
        (0,summary.table)(['phase', 'time'], [...r.timings.map((t) => [t.phase, ms(t.ms)]), ['total', ms(r.durationMs)]]),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/index.ts
// The deploy domain: replace-fleet's request, the deploy core (gates -> provider -> ledger ->
// GitHub deployment statuses) and its job summary. rollback goes through the same core.






/***/ }),

/***/ 4469:
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

/***/ 4451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Markdown: () => (/* binding */ Markdown),
  code: () => (/* binding */ code),
  details: () => (/* binding */ details),
  heading: () => (/* binding */ heading),
  inlineCode: () => (/* binding */ inlineCode),
  table: () => (/* binding */ table),
  writeSummary: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(8315);
;// CONCATENATED MODULE: ./packages/core/src/github/escape.ts

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
    return (0,log/* printable */.g$)(value)
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
    return (0,log/* printable */.g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\n/g, '<br>');
}

;// CONCATENATED MODULE: ./packages/core/src/github/summary.ts



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
    const source = value instanceof Markdown ? value.source : markdownText(String(value ?? ''));
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
    const shown = (0,log/* printable */.g$)(text);
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
    const shown = (0,log/* printable */.g$)(text).replace(/\n/g, ' ');
    const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const tick = '`'.repeat(longest + 1);
    return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${markdownText(text)}`;
}
/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw(markdown, true).write();
}


/***/ })

};
