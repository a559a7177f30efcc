export const id = 329;
export const ids = [329];
export const modules = {

/***/ 1168:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Dq: () => (/* binding */ CopyVerificationError),
  F_: () => (/* binding */ MAX_COPIED_REFERRERS),
  L1: () => (/* binding */ copyImage)
});

// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(8315);
;// CONCATENATED MODULE: ./packages/core/src/util/map-limit.ts
/**
 * Runs `fn` over items with at most `limit` in flight; stops starting new ones on the first
 * error. The error is thrown at once, or with `settle` only once the calls in flight have
 * ended (for work that writes files, so nothing is still writing when the caller cleans up).
 */
async function mapLimit(items, limit, fn, { settle = false } = {}) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    if (!settle)
        await Promise.all(workers);
    else {
        const rejected = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
        if (rejected)
            throw rejected.reason;
    }
    return results;
}

// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var oci_manifest = __webpack_require__(4890);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest-tree.ts
var manifest_tree = __webpack_require__(5999);
// EXTERNAL MODULE: ./packages/core/src/oci/store.ts
var store = __webpack_require__(5850);
// EXTERNAL MODULE: ./packages/core/src/util/activity.ts
var activity = __webpack_require__(3385);
;// CONCATENATED MODULE: ./packages/core/src/oci/copy.ts






/** The target does not hold what was copied after the copy: never reported as success. */
class CopyVerificationError extends Error {
    name = 'CopyVerificationError';
}
/** Most referrers copied with one image: bounds what a hostile source can make us fetch. */
const MAX_COPIED_REFERRERS = 1024;
/**
 * Copies one image or a whole index (every platform, nested indexes included) by digest. Blobs
 * go first (skip what the target has, mount within one registry), manifests last and children
 * before their index at every level, so a failed copy never leaves a manifest whose blobs or
 * children are missing. Ends by reading every manifest back and failing unless the target holds
 * each digest.
 */
async function copyImage(source, target, digest, opts = {}) {
    const log = opts.log ?? src_log/* info */.pq;
    const result = {
        digest,
        mediaType: '',
        manifests: 0,
        blobs: 0,
        copiedBytes: 0,
        mountedBlobs: 0,
        skippedBlobs: 0,
    };
    const tree = await (0,manifest_tree/* readManifestTree */.GY)(source, digest);
    const root = tree.root;
    result.mediaType = root.mediaType;
    // Platform images often share blobs; copy each once.
    const blobs = new Map();
    for (const { manifest } of tree.images) {
        for (const b of (0,oci_manifest/* blobsOf */.OR)(manifest.manifest))
            blobs.set(b.digest, b);
    }
    result.blobs = blobs.size;
    const mountFrom = (0,store/* isMountable */.y)(source) &&
        (0,store/* isMountable */.y)(target) &&
        source.registry === target.registry &&
        source.repository !== target.repository
        ? source.repository
        : undefined;
    await mapLimit([...blobs.values()], opts.concurrency ?? 8, async (blob) => {
        const short = blob.digest.slice(7, 19);
        if (await target.hasBlob(blob)) {
            result.skippedBlobs++;
            log(`  ${short} exists`);
            return;
        }
        if (mountFrom && (0,store/* isMountable */.y)(target) && (await target.mountBlob(blob, mountFrom))) {
            result.mountedBlobs++;
            log(`  ${short} mounted from ${mountFrom}`);
            return;
        }
        // Await first: `x += await y` reads x before the wait and loses concurrent additions.
        const bytes = await (0,activity/* activity */.E)(`copying blob ${blob.digest} to ${target.label}`, () => target.putBlob(blob, () => source.openBlob(blob)));
        result.copiedBytes += bytes;
        log(`  ${short} copied (${blob.size} bytes)`);
    });
    // tree.manifests lists children before their index and the root last: at every level a
    // registry sees an index only after everything it lists is in place.
    for (const m of tree.manifests) {
        await target.putManifest(m, m === root ? { root: true } : {});
        result.manifests++;
    }
    for (const tag of opts.tags ?? [])
        await target.putManifest(root, { tag });
    // A store may accept an index whose children it does not hold (a layout, a lax registry).
    for (const m of tree.manifests) {
        const readBack = await target.resolve(m.digest);
        if (readBack !== m.digest) {
            const what = m === root ? '' : ` (listed by ${digest})`;
            throw new CopyVerificationError(`copy to ${target.label} did not verify: target holds ${readBack ?? 'nothing'} for ${m.digest}${what}`);
        }
    }
    if (opts.referrers) {
        result.referrers = await copyReferrers(source, target, digest, { ...opts, log });
    }
    return result;
}
/**
 * Copies the referrers of `digest` breadth-first (referrers of referrers too), each one as an
 * image of its own and then listed at the target as a referrer of its subject.
 */
async function copyReferrers(source, target, digest, opts) {
    const stores = artifactStores(source, target);
    const copied = [];
    const seen = new Set([digest]);
    const subjects = [digest];
    for (let subject = subjects.shift(); subject; subject = subjects.shift()) {
        for (const listed of await stores.source.listReferrers(subject)) {
            if (seen.has(listed.digest))
                continue;
            seen.add(listed.digest);
            if (copied.length >= MAX_COPIED_REFERRERS)
                throw new Error(`${source.label}@${digest} has more than ${MAX_COPIED_REFERRERS} referrers (refused)`);
            await copyImage(source, target, listed.digest, {
                ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
                log: opts.log,
            });
            await stores.target.indexReferrer(subject, listed);
            copied.push({
                subject,
                digest: listed.digest,
                ...(listed.artifactType ? { artifactType: listed.artifactType } : {}),
            });
            opts.log(`  referrer ${listed.digest.slice(7, 19)} ${listed.artifactType ?? ''} copied`);
            subjects.push(listed.digest);
        }
    }
    return copied;
}
function artifactStores(source, target) {
    for (const s of [source, target]) {
        if (!(0,store/* isArtifactStore */.A)(s))
            throw new Error(`${s.label} cannot list or store referrers`);
    }
    return { source: source, target: target };
}


/***/ }),

/***/ 5999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ readManifestTree),
/* harmony export */   yM: () => (/* binding */ MAX_INDEX_DEPTH),
/* harmony export */   zE: () => (/* binding */ MAX_TREE_MANIFESTS)
/* harmony export */ });
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4890);

/** Deepest nesting of indexes followed: the root index is level 1, an index it lists level 2. */
const MAX_INDEX_DEPTH = 8;
/** Most distinct manifests one image may hold: bounds what a hostile index can make us fetch. */
const MAX_TREE_MANIFESTS = 1024;
/**
 * Reads `digest` and, for an index, every manifest below it, however deep (nested indexes
 * included), up to the limits. Each child must be what its index entry says (type, size,
 * digest), so a copy or an inspection sees the same tree every reader sees.
 */
async function readManifestTree(store, digest, limits = {}) {
    const maxDepth = limits.maxDepth ?? MAX_INDEX_DEPTH;
    const maxManifests = limits.maxManifests ?? MAX_TREE_MANIFESTS;
    const manifests = [];
    const images = [];
    const done = new Map();
    const open = new Set();
    const visit = async (m, level, platform) => {
        const where = `${store.label}@${m.digest}`;
        if (m.kind === 'image') {
            images.push(platform ? { manifest: m, platform } : { manifest: m });
        }
        else {
            if (level > maxDepth)
                throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(where, `indexes nested deeper than ${maxDepth} levels (refused)`);
            open.add(m.digest);
            for (const listed of m.index.manifests) {
                (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListedType */ .M_)(where, listed);
                // Content addressing makes a cycle impossible unless the store lies about digests.
                if (open.has(listed.digest))
                    throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(where, `lists ${listed.digest}, which lists it back (refused)`);
                const seen = done.get(listed.digest);
                if (seen) {
                    (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListed */ .Kr)(where, listed, seen);
                    continue;
                }
                if (done.size + open.size >= maxManifests)
                    throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(`${store.label}@${digest}`, `holds more than ${maxManifests} manifests (refused)`);
                const child = await store.getManifest(listed.digest);
                (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListed */ .Kr)(where, listed, child);
                await visit(child, level + 1, listed.platform);
            }
            open.delete(m.digest);
        }
        done.set(m.digest, m);
        manifests.push(m);
    };
    const root = await store.getManifest(digest);
    await visit(root, 1);
    return { root, manifests, images };
}


/***/ }),

/***/ 5850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isArtifactStore),
/* harmony export */   y: () => (/* binding */ isMountable)
/* harmony export */ });
function isMountable(store) {
    return typeof store.mountBlob === 'function';
}
/** Whether the store can list and push referrers (the capability, not the class, decides). */
function isArtifactStore(store) {
    const s = store;
    return (typeof s.listReferrers === 'function' &&
        typeof s.pushArtifact === 'function' &&
        typeof s.indexReferrer === 'function');
}


/***/ }),

/***/ 3329:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  PromoteVerificationError: () => (/* reexport */ PromoteVerificationError),
  SUMMARY_REFERRERS_MAX: () => (/* reexport */ SUMMARY_REFERRERS_MAX),
  parsePromoteRequest: () => (/* reexport */ promote_request/* parsePromoteRequest */.P),
  promote: () => (/* reexport */ promote),
  promoteRefusedSummary: () => (/* reexport */ promoteRefusedSummary),
  promoteSummary: () => (/* reexport */ promoteSummary)
});

// EXTERNAL MODULE: ./packages/core/src/promote/promote-request.ts + 2 modules
var promote_request = __webpack_require__(3205);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/gates/index.ts + 4 modules
var src_gates = __webpack_require__(424);
// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(6711);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(3966);
// EXTERNAL MODULE: ./packages/core/src/ledger/chain.ts
var chain = __webpack_require__(4814);
// EXTERNAL MODULE: ./packages/core/src/ledger/store.ts + 1 modules
var ledger_store = __webpack_require__(124);
;// CONCATENATED MODULE: ./packages/core/src/ledger/witness.ts


/**
 * `env`'s ledger in `store`, anchored at the head the witness last recorded: every head it
 * reads must descend from that one. A witness that cannot be read is a warning, and the ledger
 * is checked link by link only.
 */
async function witnessedLedger(store, env, witness, opts = {}) {
    const { log, ...options } = opts;
    // The name is checked before the witness is asked.
    new ledger_store/* Ledger */.Oc(store, env, options);
    let anchor;
    if (witness) {
        try {
            anchor = await witness.last(env, store.label);
        }
        catch (err) {
            log?.(`witness: ${witness.label} could not be read (${(0,errors/* errorMessage */.gJ)(err)}); the ledger of ${env} is checked link by link only`);
        }
    }
    return new ledger_store/* Ledger */.Oc(store, env, { ...options, ...(anchor ? { anchor } : {}) });
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

// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(8315);
// EXTERNAL MODULE: ./packages/core/src/oci/copy.ts + 1 modules
var oci_copy = __webpack_require__(1168);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(4890);
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
    const store = storeCache(deps.open ?? ((ref) => deps.registries.repository(ref.registry, ref.repository)));
    const source = store(req.source);
    const target = store(req.target);
    const targetLedgerStore = store(req.targetLedger);
    const opts = { ...deps.ledger, log };
    const targetLedger = await witnessedLedger(targetLedgerStore, req.toEnvironment, deps.witness, opts);
    const sourceLedger = req.sourceEnvironment
        ? await witnessedLedger(store(req.sourceLedger), req.sourceEnvironment, deps.witness, opts)
        : undefined;
    const scope = await quarantineScope(sourceLedger ? [targetLedger, sourceLedger] : [targetLedger], req.quarantineLedgers, store, deps.witness, deps.ledger);
    const digest = req.digest ?? (await runningIn(sourceLedger));
    const what = `promote of ${(0,reference/* pinned */.dp)(req.source, digest)} to ${req.toEnvironment}`;
    log(`${what}: checking gates`);
    const gates = await (0,src_gates.runGates)([
        () => (0,src_gates.digestExists)(source, digest),
        // Every environment's ledger: a digest quarantined anywhere goes nowhere.
        () => (0,src_gates.notQuarantined)(scope, digest),
        () => req.requireValidation
            ? (0,src_gates.validated)(source, digest)
            : Promise.resolve((0,src_gates.skipped)('validated', 'require-validation is false')),
        () => sourceLedger && req.requireHealthy
            ? (0,src_gates.healthyIn)(sourceLedger, digest)
            : Promise.resolve((0,src_gates.skipped)('healthy', sourceLedger ? 'require-healthy is false' : 'no source environment')),
        () => sourceLedger
            ? (0,src_gates.soakedFor)(sourceLedger, digest, req.minSoakMs, now())
            : Promise.resolve((0,src_gates.skipped)('min-soak', 'min-soak is 0')),
    ], { log });
    (0,src_gates.assertGatesPassed)(gates, what);
    log(`copying ${digest} with its referrers from ${source.label} to ${target.label}`);
    const copy = await (0,oci_copy/* copyImage */.L1)(source, target, digest, { referrers: true, log });
    const back = await target.getManifest(digest);
    if (back.digest !== digest)
        throw new oci_copy/* CopyVerificationError */.Dq(`${target.label} holds ${back.digest} where ${digest} was copied`);
    const readBack = { digest: back.digest, mediaType: back.mediaType };
    if (req.requireValidation) {
        // The evidence travelled with the image: the same gate passes at the target.
        readBack.validated = await (0,src_gates.validated)(target, digest);
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
    await witnessHead(targetLedger, deps.witness, log);
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
    const digest = await (0,queries/* current */.ss)(ledger);
    if (!digest)
        throw new errors/* ConfigurationError */.j1(`Input "from-environment" is ${JSON.stringify(ledger.env)}: nothing runs there according to its ledger (${ledger.store.label}:${ledger.tag}); deploy it there first, or name the digest in "image"`);
    return digest;
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(8253);
// EXTERNAL MODULE: ./packages/core/src/github/escape.ts
var github_escape = __webpack_require__(7642);
// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(1561);
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
        (0,summary.table)(['', ''], [
            ['image', (0,summary.inlineCode)(r.image)],
            ['from', (0,summary.inlineCode)(r.source)],
            ['digest', (0,summary.inlineCode)(r.digest)],
            ['read back', r.readBack.digest === r.digest ? 'target digest equals source digest' : ''],
        ]),
        '',
        '#### Gates',
        (0,gate_rows/* gateTable */.k0)(r.gates),
        '',
        '#### Copy',
        (0,summary.table)(['blobs', 'copied bytes', 'mounted', 'already there', 'manifests', 'referrers'], [[c.blobs, c.copiedBytes, c.mountedBlobs, c.skippedBlobs, c.manifests, referrers.length]]),
        '',
    ];
    if (referrers.length) {
        parts.push((0,summary.table)(['referrer', 'type', 'subject'], referrers
            .slice(0, SUMMARY_REFERRERS_MAX)
            .map((x) => [(0,summary.inlineCode)(x.digest), x.artifactType ?? '', (0,summary.inlineCode)(x.subject)])), '');
        if (referrers.length > SUMMARY_REFERRERS_MAX)
            parts.push(`and ${referrers.length - SUMMARY_REFERRERS_MAX} more referrers`, '');
    }
    if (r.readBack.validated)
        parts.push('At the target:', (0,gate_rows/* gateTable */.k0)([r.readBack.validated]), '');
    parts.push('#### Ledger', (0,summary.table)(['environment', 'seq', 'action', 'outcome', 'from', 'entry', 'repository'], [
        [
            e.entry.env,
            e.entry.seq,
            e.entry.action,
            e.entry.outcome,
            e.entry.from ?? '',
            (0,summary.inlineCode)(e.digest),
            (0,summary.inlineCode)(r.ledger.repository),
        ],
    ]), '');
    return parts.join('\n');
}
/** Job summary of a refused promotion: the gates, and that nothing was copied or recorded. */
function promoteRefusedSummary(what, gates) {
    return [
        `### promote: ❌ refused`,
        `${(0,github_escape/* markdownText */.p)(what)}: nothing was copied and nothing was recorded.`,
        '',
        (0,gate_rows/* gateTable */.k0)(gates),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/promote/index.ts
// promote: request (inputs) → promote (gates, copy with referrers, read back, ledger entry) → summary.





/***/ }),

/***/ 3385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ activity),
/* harmony export */   T: () => (/* binding */ currentActivity)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);

/*
 * What Kiln is doing, for error messages: a call site says it once (`activity('reading layer
 * sha256:… of base …', fn)`) and every registry request made inside, however deep, names it
 * when it fails. Async context rather than a parameter, so the layers in between (store,
 * repository, transport) need not pass it along.
 */
const labels = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Runs `fn` with `label` describing what it does; nested labels read outermost first. */
function activity(label, fn) {
    return labels.run([...(labels.getStore() ?? []), label], fn);
}
/** The labels around the caller, joined (`baking app: reading layer …`), if any. */
function currentActivity() {
    const stack = labels.getStore();
    return stack?.length ? stack.join(': ') : undefined;
}


/***/ })

};
