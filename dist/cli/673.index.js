export const id = 673;
export const ids = [673];
export const modules = {

/***/ 44673:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  promoteCommand: () => (/* binding */ promoteCommand)
});

// EXTERNAL MODULE: ./packages/core/src/config/index.ts + 1 modules
var src_config = __webpack_require__(83744);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
// EXTERNAL MODULE: ./packages/core/src/inputs/index.ts + 1 modules
var inputs = __webpack_require__(48892);
// EXTERNAL MODULE: ./packages/core/src/oci/index.ts + 10 modules
var oci = __webpack_require__(17069);
// EXTERNAL MODULE: ./packages/core/src/inputs/parse.ts
var parse = __webpack_require__(67528);
// EXTERNAL MODULE: ./packages/core/src/inputs/source.ts
var inputs_source = __webpack_require__(32314);
// EXTERNAL MODULE: ./packages/core/src/config/queries.ts
var queries = __webpack_require__(93044);
// EXTERNAL MODULE: ./packages/core/src/ledger/env-name.ts
var env_name = __webpack_require__(47034);
// EXTERNAL MODULE: ./packages/core/src/ledger/ledger-repository.ts
var ledger_repository = __webpack_require__(43291);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(93966);
;// CONCATENATED MODULE: ./packages/core/src/promote/promote-request.ts







const LAYOUT = 'oci-layout:';
/** A duration as kiln.yml would write it (whole hours or minutes where exact). */
const duration = (ms) => ms % 3_600_000 === 0 && ms > 0
    ? `${ms / 3_600_000}h`
    : ms % 60_000 === 0 && ms > 0
        ? `${ms / 60_000}m`
        : `${ms / 1000}s`;
const repositoryOf = (ref) => ({
    registry: ref.registry,
    repository: ref.repository,
});
/** An environment input: a name the ledger can tag, and one the config has when there is one. */
function environmentInput(read, name, config) {
    const value = read(name).trim();
    if (!value)
        return undefined;
    if (!env_name/* ENV_NAME */.G.test(value))
        throw (0,errors/* invalidInput */.aY)(name, value, env_name/* ENV_NAME_RULE */.D);
    if (config)
        (0,queries/* environment */.c)(config, value, name);
    return value;
}
/**
 * Parses promote's inputs against kiln.yml (when there is one): which digest, from which
 * repository and environment, to where, and which gates apply. Refuses a tag, a layout, an
 * environment kiln.yml does not know, a source other than the target's `requires`, and a
 * min-soak shorter than kiln.yml's, all before any remote call.
 *
 * Ledgers: kiln.yml's `ledger.repository` when it names one of its own; otherwise each
 * environment's ledger is in the repository its image is in (the target environment's in
 * `to-image` when given).
 */
function parsePromoteRequest(read, config) {
    // Empty: required() throws, naming the input.
    const to = environmentInput(read, 'to-environment', config) ?? (0,inputs_source/* required */.mw)(read, 'to-environment');
    const fromEnvironment = environmentInput(read, 'from-environment', config);
    if (fromEnvironment === to)
        throw (0,errors/* invalidInput */.aY)('from-environment', fromEnvironment, 'must differ from to-environment');
    const imageInput = read('image').trim();
    let source;
    let digest;
    if (imageInput) {
        if (imageInput.startsWith(LAYOUT))
            throw (0,errors/* invalidInput */.aY)('image', imageInput, 'promote copies between registries; copy the layout into a registry first (kiln copy)');
        const ref = (0,reference/* parseReference */.F2)(imageInput);
        // With from-environment a bare repository is enough: the ledger names the digest.
        if (ref.digest || ref.tag || !fromEnvironment)
            digest = (0,reference/* requireDigest */.m0)(ref, 'image').digest;
        source = repositoryOf(ref);
    }
    else if (fromEnvironment && config) {
        source = repositoryOf(config.image);
    }
    else {
        throw new errors/* ConfigurationError */.j1(fromEnvironment
            ? `Input "image" is required to find the ledger of ${fromEnvironment}: name the repository, or set image: in kiln.yml`
            : 'Input "image" is required: the image to promote, pinned by digest (repo@sha256:…), unless from-environment names the environment to take it from');
    }
    let target = source;
    const toImage = read('to-image').trim();
    if (toImage) {
        const ref = (0,reference/* parseReference */.F2)(toImage);
        if (ref.digest)
            throw (0,errors/* invalidInput */.aY)('to-image', toImage, 'name a repository; the digest comes from image or from-environment');
        if (ref.tag)
            throw (0,errors/* invalidInput */.aY)('to-image', toImage, 'name a repository without a tag: promote copies by digest and moves no tag');
        target = ref;
    }
    const targetEnv = config?.environments.get(to);
    const requires = targetEnv?.requires;
    if (fromEnvironment && requires && fromEnvironment !== requires)
        throw (0,errors/* invalidInput */.aY)('from-environment', fromEnvironment, `${to} requires ${requires} (${config?.source.file}): promote into ${to} from ${requires}`);
    const sourceEnvironment = fromEnvironment ?? requires;
    const requireValidation = (0,parse/* parseBoolean */.yG)('require-validation', read('require-validation'), true);
    const requireHealthy = (0,parse/* parseBoolean */.yG)('require-healthy', read('require-healthy'), sourceEnvironment !== undefined);
    if (requireHealthy && !sourceEnvironment)
        throw (0,errors/* invalidInput */.aY)('require-healthy', read('require-healthy'), `needs a source environment: give from-environment, or requires: for ${to} in kiln.yml`);
    // kiln.yml's min-soak is the rule for every promotion into the environment, manual or not.
    const floor = targetEnv?.minSoakMs ?? 0;
    const minSoakMs = (0,parse/* parseDuration */.E9)('min-soak', read('min-soak'), floor);
    if (minSoakMs < floor)
        throw (0,errors/* invalidInput */.aY)('min-soak', read('min-soak'), `is shorter than the min-soak ${duration(floor)} ${config?.source.file} sets for ${to}; the same soak applies to every promotion`);
    if (minSoakMs > 0 && !sourceEnvironment)
        throw (0,errors/* invalidInput */.aY)('min-soak', read('min-soak'), `needs a source environment to soak in: give from-environment, or requires: for ${to} in kiln.yml`);
    const req = {
        source,
        target,
        toEnvironment: to,
        requireValidation,
        requireHealthy,
        minSoakMs,
        sourceLedger: (0,ledger_repository/* ledgerRepositoryFor */.F)(config, source) ?? source,
        targetLedger: (0,ledger_repository/* ledgerRepositoryFor */.F)(config, target) ?? target,
    };
    if (digest)
        req.digest = digest;
    if (fromEnvironment)
        req.fromEnvironment = fromEnvironment;
    if (requires)
        req.requires = requires;
    if (sourceEnvironment)
        req.sourceEnvironment = sourceEnvironment;
    return req;
}

// EXTERNAL MODULE: ./packages/core/src/gates/index.ts + 4 modules
var src_gates = __webpack_require__(10424);
// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var ledger_queries = __webpack_require__(26711);
// EXTERNAL MODULE: ./packages/core/src/ledger/store.ts
var ledger_store = __webpack_require__(3986);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(88315);
// EXTERNAL MODULE: ./packages/core/src/oci/copy.ts
var oci_copy = __webpack_require__(34134);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(74890);
;// CONCATENATED MODULE: ./packages/core/src/promote/promote.ts









/**
 * The copy finished but the target does not hold the image's validation evidence, so a gate
 * evaluated there would refuse it: operational (exit 2), nothing recorded.
 */
class PromoteVerificationError extends Error {
    name = 'PromoteVerificationError';
}
/** One store per repository, so the source, the target and a ledger may be the same one. */
function storesOf(open) {
    const stores = new Map();
    return (ref) => {
        const key = (0,reference/* repositoryName */.aR)(ref);
        let s = stores.get(key);
        if (!s)
            stores.set(key, (s = open(ref)));
        return s;
    };
}
/**
 * Promotes one digest: every gate (the digest exists, is not quarantined, has passing
 * validation evidence, runs healthy in the source environment, has soaked there), then a copy by
 * digest with all its referrers, a read-back at the target, and a `promote` entry in the target
 * environment's ledger. A failed gate (GateRefusedError) copies and records nothing.
 */
async function promote(req, deps) {
    const started = Date.now();
    const log = deps.log ?? src_log/* info */.pq;
    const now = deps.now ?? (() => new Date());
    const store = storesOf(deps.open ?? ((ref) => deps.registries.repository(ref.registry, ref.repository)));
    const source = store(req.source);
    const target = store(req.target);
    const sourceLedgerStore = store(req.sourceLedger);
    const targetLedgerStore = store(req.targetLedger);
    const sourceLedger = req.sourceEnvironment
        ? new ledger_store/* Ledger */.Oc(sourceLedgerStore, req.sourceEnvironment, deps.ledger)
        : undefined;
    const digest = req.digest ?? (await runningIn(sourceLedger));
    const what = `promote of ${(0,reference/* pinned */.dp)(req.source, digest)} to ${req.toEnvironment}`;
    log(`${what}: checking gates`);
    const gates = await (0,src_gates/* runGates */.AQ)([
        () => (0,src_gates/* digestExists */.B2)(source, digest),
        () => (0,src_gates/* notQuarantined */.ws)(sourceLedgerStore, digest),
        // A quarantine recorded in the target's own ledger repository counts as much.
        ...(targetLedgerStore !== sourceLedgerStore
            ? [() => (0,src_gates/* notQuarantined */.ws)(targetLedgerStore, digest)]
            : []),
        () => req.requireValidation
            ? (0,src_gates/* validated */.Pf)(source, digest)
            : Promise.resolve((0,src_gates/* skipped */.hT)('validated', 'require-validation is false')),
        () => sourceLedger && req.requireHealthy
            ? (0,src_gates/* healthyIn */.Fm)(sourceLedger, digest)
            : Promise.resolve((0,src_gates/* skipped */.hT)('healthy', sourceLedger ? 'require-healthy is false' : 'no source environment')),
        () => sourceLedger
            ? (0,src_gates/* soakedFor */.vH)(sourceLedger, digest, req.minSoakMs, now())
            : Promise.resolve((0,src_gates/* skipped */.hT)('min-soak', 'min-soak is 0')),
    ], { log });
    (0,src_gates/* assertGatesPassed */.z$)(gates, what);
    log(`copying ${digest} with its referrers from ${source.label} to ${target.label}`);
    const copy = await (0,oci_copy/* copyImage */.L1)(source, target, digest, { referrers: true, log });
    const back = await target.getManifest(digest);
    if (back.digest !== digest)
        throw new oci_copy/* CopyVerificationError */.Dq(`${target.label} holds ${back.digest} where ${digest} was copied`);
    const readBack = { digest: back.digest, mediaType: back.mediaType };
    if (req.requireValidation) {
        // The evidence travelled with the image: the same gate passes at the target.
        readBack.validated = await (0,src_gates/* validated */.Pf)(target, digest);
        if (readBack.validated.status !== 'pass')
            throw new PromoteVerificationError(`${what}: copied, but the validation gate fails at ${target.label}: ${readBack.validated.reason}; nothing was recorded`);
    }
    const evidence = gates.results
        .filter((g) => g.status === 'pass' && g.evidence && !(0,oci_digest/* digestProblem */.WQ)(g.evidence))
        .map((g) => g.evidence);
    const entry = await new ledger_store/* Ledger */.Oc(targetLedgerStore, req.toEnvironment, deps.ledger).append({
        action: 'promote',
        outcome: 'promoted',
        digest,
        duration_ms: Date.now() - started,
        actor: deps.context.actor,
        commit: deps.context.commit,
        run_url: deps.context.run_url,
        evidence: [...new Set(evidence)],
        ...(req.sourceEnvironment ? { from: req.sourceEnvironment } : {}),
    }, 
    // The ledger may live in a repository of its own: the subject is the image at the target.
    { subject: (0,manifest/* descriptorOf */.nb)(back) });
    log(`recorded promote seq ${entry.entry.seq} in ${targetLedgerStore.label}:kiln-ledger-${req.toEnvironment} (${entry.digest})`);
    return {
        image: (0,reference/* pinned */.dp)(req.target, digest),
        digest,
        source: (0,reference/* pinned */.dp)(req.source, digest),
        ...(req.sourceEnvironment ? { from: req.sourceEnvironment } : {}),
        to: req.toEnvironment,
        gates: gates.results,
        copy,
        readBack,
        ledger: { repository: targetLedgerStore.label, entry },
        durationMs: Date.now() - started,
    };
}
/** The digest running in the source environment, for `from-environment` without a digest. */
async function runningIn(ledger) {
    const digest = await (0,ledger_queries/* current */.ss)(ledger);
    if (!digest)
        throw new errors/* ConfigurationError */.j1(`Input "from-environment" is ${JSON.stringify(ledger.env)}: nothing runs there according to its ledger (${ledger.store.label}:${ledger.tag}); deploy it there first, or name the digest in "image"`);
    return digest;
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(68253);
// EXTERNAL MODULE: ./packages/core/src/github/escape.ts
var github_escape = __webpack_require__(77642);
// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(51561);
;// CONCATENATED MODULE: ./packages/core/src/promote/promote-summary.ts



/** Referrers listed one per row in the summary; the rest are counted. */
const SUMMARY_REFERRERS_MAX = 50;
/**
 * Job summary of a promotion: the gates with their evidence, what the copy moved, the
 * referrers that came with it, the read-back, and the ledger entry. Registry text is escaped.
 */
function promoteSummary(r) {
    const c = r.copy;
    const referrers = c.referrers ?? [];
    const e = r.ledger.entry;
    const parts = [
        `### promote: ✅ ${r.from ?? 'image'} → ${r.to}`,
        table(['', ''], [
            ['image', inlineCode(r.image)],
            ['from', inlineCode(r.source)],
            ['digest', inlineCode(r.digest)],
            ['read back', r.readBack.digest === r.digest ? 'target digest equals source digest' : ''],
        ]),
        '',
        '#### Gates',
        gateTable(r.gates),
        '',
        '#### Copy',
        table(['blobs', 'copied bytes', 'mounted', 'already there', 'manifests', 'referrers'], [[c.blobs, c.copiedBytes, c.mountedBlobs, c.skippedBlobs, c.manifests, referrers.length]]),
        '',
    ];
    if (referrers.length) {
        parts.push(table(['referrer', 'type', 'subject'], referrers
            .slice(0, SUMMARY_REFERRERS_MAX)
            .map((x) => [inlineCode(x.digest), x.artifactType ?? '', inlineCode(x.subject)])), '');
        if (referrers.length > SUMMARY_REFERRERS_MAX)
            parts.push(`and ${referrers.length - SUMMARY_REFERRERS_MAX} more referrers`, '');
    }
    if (r.readBack.validated)
        parts.push('At the target:', gateTable([r.readBack.validated]), '');
    parts.push('#### Ledger', table(['environment', 'seq', 'action', 'outcome', 'from', 'entry', 'repository'], [
        [
            e.entry.env,
            e.entry.seq,
            e.entry.action,
            e.entry.outcome,
            e.entry.from ?? '',
            inlineCode(e.digest),
            inlineCode(r.ledger.repository),
        ],
    ]), '');
    return parts.join('\n');
}
/** Job summary of a refused promotion: the gates, and that nothing was copied or recorded. */
function promoteRefusedSummary(what, gates) {
    return [
        `### promote: ❌ refused`,
        `${markdownText(what)}: nothing was copied and nothing was recorded.`,
        '',
        gateTable(gates),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/promote/index.ts
// promote: request (inputs) → promote (gates, copy with referrers, read back, ledger entry) → summary.




// EXTERNAL MODULE: ./packages/cli/src/options.ts
var options = __webpack_require__(11428);
// EXTERNAL MODULE: ./packages/cli/src/usage.ts
var usage = __webpack_require__(47105);
;// CONCATENATED MODULE: ./packages/cli/src/commands/promote.ts








/** The flags are the action's inputs. */
const names = [
    'image',
    'from-environment',
    'to-environment',
    'to-image',
    'require-validation',
    'require-healthy',
    'min-soak',
    'config',
];
/** `kiln promote`: the promote action from a terminal; gates on stderr, the result on stdout. */
async function promoteCommand(argv) {
    const { values, positionals } = (0,options/* parse */.qg)(argv, {
        ...options/* registryFlags */.hE,
        ...Object.fromEntries(names.map((k) => [k, { type: 'string' }])),
    });
    if (positionals.length)
        throw new errors/* ConfigurationError */.j1(`unexpected argument "${positionals[0]}"\nusage: kiln ${usage/* USAGE */.u.promote}`);
    const v = values;
    const read = (0,inputs/* fromRecord */.iA)(Object.fromEntries(names.map((k) => [k, v[k]])));
    const config = await (0,src_config/* configFromInputs */.i7)(read, process.cwd());
    const request = parsePromoteRequest(read, config);
    const ctx = (0,context/* readRunContext */.$)();
    const r = await promote(request, {
        registries: new oci.Registries((0,options/* registryOptions */._A)(values, request.target.registry)),
        context: {
            actor: ctx.actor ?? process.env.USER ?? '',
            commit: ctx.commit ?? '',
            run_url: ctx.runUrl ?? '',
        },
        log: options/* progress */.qB,
    });
    const c = r.copy;
    (0,options/* print */.yy)(values.json, r, [
        r.image,
        `  ${r.from ?? r.source} -> ${r.to}: ${r.gates.filter((g) => g.status === 'pass').length} gates passed`,
        `  ${c.blobs} blobs: ${c.copiedBytes} bytes copied, ${c.mountedBlobs} mounted, ${c.skippedBlobs} already there; ${c.referrers?.length ?? 0} referrers`,
        `  ledger ${r.ledger.repository}: ${r.ledger.entry.entry.action} seq ${r.ledger.entry.entry.seq} ${r.ledger.entry.digest}`,
        '',
    ].join('\n'));
    return 0;
}


/***/ }),

/***/ 9594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony export runContext */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);

// Only the one field we read (checked by hand: a schema library is not worth its start-up here);
// the rest of the payload is whatever the event carries.
function prHeadOf(payload) {
    const sha = payload?.pull_request
        ?.head?.sha;
    return typeof sha === 'string' ? sha : undefined;
}
/** The PR head SHA from the event payload, or undefined for other events or an unreadable file. */
function pullRequestHead(eventPath) {
    if (!eventPath)
        return undefined;
    try {
        return prHeadOf(JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(eventPath, 'utf8')));
    }
    catch {
        // A missing or malformed payload only loses the PR refinement; GITHUB_SHA still applies.
        return undefined;
    }
}
const nonEmpty = (v) => (v ? v : undefined);
/** Reads the context from `env` (pure apart from the event file; tests pass their own env). */
function readRunContext(env = process.env) {
    const [owner, name, ...extra] = (env.GITHUB_REPOSITORY ?? '').split('/');
    const repo = owner && name && extra.length === 0 ? { owner, repo: name } : undefined;
    const sha = nonEmpty(env.GITHUB_SHA);
    const serverUrl = nonEmpty(env.GITHUB_SERVER_URL)?.replace(/\/+$/, '');
    const runId = nonEmpty(env.GITHUB_RUN_ID);
    const runAttempt = nonEmpty(env.GITHUB_RUN_ATTEMPT);
    let runUrl;
    if (serverUrl && repo && runId) {
        runUrl = `${serverUrl}/${repo.owner}/${repo.repo}/actions/runs/${runId}`;
        // Evidence must point at the attempt that produced it, not whichever ran last.
        if (runAttempt)
            runUrl += `/attempts/${runAttempt}`;
    }
    return {
        repo,
        commit: pullRequestHead(nonEmpty(env.GITHUB_EVENT_PATH)) ?? sha,
        sha,
        runUrl,
        serverUrl,
        apiUrl: nonEmpty(env.GITHUB_API_URL)?.replace(/\/+$/, ''),
        runId,
        runAttempt,
        actor: nonEmpty(env.GITHUB_ACTOR),
        ref: nonEmpty(env.GITHUB_REF),
        eventName: nonEmpty(env.GITHUB_EVENT_NAME),
    };
}
let cached;
/** The process's run context, read once: the environment does not change during a step. */
function runContext() {
    cached ??= readRunContext();
    return cached;
}


/***/ }),

/***/ 43291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ ledgerRepositoryFor)
/* harmony export */ });
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93966);

// Light (no zod, no store): input parsers decide where a ledger is before anything loads.
/**
 * Where an environment's ledger lives, for an image in `image`: kiln.yml's `ledger.repository`
 * when it names a repository of its own, else the image's repository (else kiln.yml's image).
 */
function ledgerRepositoryFor(config, image) {
    const own = config && (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(config.ledger.repository) !== (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(config.image)
        ? config.ledger.repository
        : undefined;
    const repo = own ?? image ?? config?.image;
    return repo && { registry: repo.registry, repository: repo.repository };
}


/***/ })

};
