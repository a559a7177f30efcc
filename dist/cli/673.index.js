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
// EXTERNAL MODULE: ./packages/core/src/ledger/index.ts + 1 modules
var ledger = __webpack_require__(83206);
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
        (0,queries/* environment */.cA)(config, value, name);
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
        if (fromEnvironment)
            (0,ledger_repository/* requireEnvironmentRepository */.l2)(config, fromEnvironment, source, 'image', imageInput);
    }
    else if (fromEnvironment && config) {
        source = (0,queries/* environmentRepository */.gu)(config, fromEnvironment);
    }
    else {
        throw new errors/* ConfigurationError */.j1(fromEnvironment
            ? `Input "image" is required to find the ledger of ${fromEnvironment}: name the repository, or set image: in kiln.yml`
            : 'Input "image" is required: the image to promote, pinned by digest (repo@sha256:…), unless from-environment names the environment to take it from');
    }
    // With kiln.yml the target is the environment's repository; to-image may only repeat it.
    let target = config ? (0,queries/* environmentRepository */.gu)(config, to) : source;
    const toImage = read('to-image').trim();
    if (toImage) {
        const ref = (0,reference/* parseReference */.F2)(toImage);
        if (ref.digest)
            throw (0,errors/* invalidInput */.aY)('to-image', toImage, 'name a repository; the digest comes from image or from-environment');
        if (ref.tag)
            throw (0,errors/* invalidInput */.aY)('to-image', toImage, 'name a repository without a tag: promote copies by digest and moves no tag');
        (0,ledger_repository/* requireEnvironmentRepository */.l2)(config, to, ref, 'to-image', toImage);
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
        sourceLedger: sourceEnvironment
            ? (0,ledger_repository/* ledgerRepositoryFor */.Fn)(config, sourceEnvironment, source)
            : repositoryOf(source),
        targetLedger: (0,ledger_repository/* ledgerRepositoryFor */.Fn)(config, to, target),
        quarantineLedgers: (0,ledger_repository/* configLedgers */.$G)(config),
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
// EXTERNAL MODULE: ./packages/core/src/ledger/quarantine-scope.ts
var quarantine_scope = __webpack_require__(86582);
// EXTERNAL MODULE: ./packages/core/src/ledger/witness.ts
var witness = __webpack_require__(81864);
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
/**
 * Promotes one digest: every gate (the digest exists, is not quarantined, has passing
 * validation evidence, runs healthy in the source environment, has soaked there), then a copy by
 * digest with all its referrers, a read-back at the target, and a `promote` entry in the target
 * environment's ledger. A failed gate (GateRefusedError) copies and records nothing.
 */
async function promote(req, deps) {
    const log = deps.log ?? src_log/* info */.pq;
    const now = deps.now ?? (() => new Date());
    const started = now().getTime();
    // One store per repository, so the source, the target and a ledger may be the same one.
    const store = (0,quarantine_scope/* storeCache */.Cu)(deps.open ?? ((ref) => deps.registries.repository(ref.registry, ref.repository)));
    const source = store(req.source);
    const target = store(req.target);
    const targetLedgerStore = store(req.targetLedger);
    const opts = { ...deps.ledger, log };
    const targetLedger = await (0,witness/* witnessedLedger */.s)(targetLedgerStore, req.toEnvironment, deps.witness, opts);
    const sourceLedger = req.sourceEnvironment
        ? await (0,witness/* witnessedLedger */.s)(store(req.sourceLedger), req.sourceEnvironment, deps.witness, opts)
        : undefined;
    const scope = await (0,quarantine_scope/* quarantineScope */.lB)(sourceLedger ? [targetLedger, sourceLedger] : [targetLedger], req.quarantineLedgers, store, deps.witness, deps.ledger);
    const digest = req.digest ?? (await runningIn(sourceLedger));
    const what = `promote of ${(0,reference/* pinned */.dp)(req.source, digest)} to ${req.toEnvironment}`;
    log(`${what}: checking gates`);
    const gates = await (0,src_gates/* runGates */.AQ)([
        () => (0,src_gates/* digestExists */.B2)(source, digest),
        // Every environment's ledger: a digest quarantined anywhere goes nowhere.
        () => (0,src_gates/* notQuarantined */.ws)(scope, digest),
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
    const entry = await targetLedger.append({
        action: 'promote',
        outcome: 'promoted',
        digest,
        duration_ms: now().getTime() - started,
        actor: deps.context.actor,
        commit: deps.context.commit,
        run_url: deps.context.run_url,
        evidence: [...new Set(evidence)],
        ...(req.sourceEnvironment ? { from: req.sourceEnvironment } : {}),
    }, 
    // The ledger may live in a repository of its own: the subject is the image at the target.
    { subject: (0,manifest/* descriptorOf */.nb)(back) });
    log(`recorded promote seq ${entry.entry.seq} in ${targetLedgerStore.label}:${targetLedger.tag} (${entry.digest})`);
    await (0,witness/* witnessHead */.Q)(targetLedger, deps.witness, log);
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
        durationMs: now().getTime() - started,
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
        witness: new ledger/* FileWitness */.gs((0,ledger/* witnessFilePath */.PR)(process.cwd())),
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
