export const id = 556;
export const ids = [556];
export const modules = {

/***/ 75556:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ANSWERED_GATES: () => (/* reexport */ ANSWERED_GATES),
  DEFAULT_ROLLBACK_TARGET: () => (/* reexport */ rollback_request/* DEFAULT_ROLLBACK_TARGET */.zN),
  SwitchBackProvider: () => (/* reexport */ SwitchBackProvider),
  deployRequestFor: () => (/* reexport */ rollback_request/* deployRequestFor */.IO),
  parseRollbackRequest: () => (/* reexport */ rollback_request/* parseRollbackRequest */.l),
  resolveTarget: () => (/* reexport */ resolveTarget),
  rollback: () => (/* reexport */ rollback),
  rollbackFailure: () => (/* reexport */ rollbackFailure),
  rollbackPath: () => (/* reexport */ rollbackPath),
  rollbackSummary: () => (/* reexport */ rollbackSummary)
});

// EXTERNAL MODULE: ./packages/core/src/rollback/rollback-request.ts
var rollback_request = __webpack_require__(80852);
// EXTERNAL MODULE: ./packages/core/src/deploy/replace-fleet.ts + 4 modules
var replace_fleet = __webpack_require__(8803);
// EXTERNAL MODULE: ./packages/core/src/deploy/quarantine-rolled-back.ts
var quarantine_rolled_back = __webpack_require__(37570);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: ./packages/core/src/gates/index.ts + 4 modules
var gates = __webpack_require__(10424);
// EXTERNAL MODULE: ./packages/core/src/ledger/entry.ts
var entry = __webpack_require__(74747);
// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(26711);
// EXTERNAL MODULE: ./packages/core/src/ledger/quarantine-scope.ts
var quarantine_scope = __webpack_require__(86582);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(74890);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(93966);
;// CONCATENATED MODULE: ./packages/core/src/fleet/provider.ts
function isTrafficRouting(p) {
    const router = p.router;
    return typeof router === 'object' && router !== null && typeof router.switchTo === 'function';
}

;// CONCATENATED MODULE: ./packages/core/src/rollback/switch-back.ts


/**
 * Which path a rollback to `request.image` takes on the fleet as it is now: inside a blue-green
 * fleet's keep-warm window the colour that still runs the digest takes the traffic back in one
 * switch; anything else is the same deploy any digest gets.
 */
function rollbackPath(state, request) {
    const digest = (0,converged/* digestOf */.ol)(request.image);
    const short = (0,converged/* shortDigest */.VK)(digest);
    if (state.strategy === 'blue-green' && request.strategy === 'blue-green') {
        // An earlier run switched and died before its ledger entry: the deploy finishes its work.
        if (state.live && state.image && (0,converged/* digestOf */.ol)(state.image) === digest)
            return {
                kind: 'redeploy',
                line: `rollback path: blue-green deploy: the live colour ${state.live} already runs ${short} (an earlier run switched to it), so the deploy finds it unchanged and retires or keeps warm the other colour per keep-warm`,
            };
        const warm = state.warm;
        if (warm && (0,converged/* digestOf */.ol)(warm.image) === digest)
            return {
                kind: 'switch-back',
                line: `rollback path: switch back: ${warm.colour} still runs ${short}${warm.until ? ` (kept warm until ${warm.until})` : ''}, so the rollback is one traffic switch (the provider's rollback)`,
            };
        const why = warm
            ? `the warm colour ${warm.colour} runs ${(0,converged/* shortDigest */.VK)((0,converged/* digestOf */.ol)(warm.image) ?? warm.image)}`
            : 'no colour is kept warm';
        return {
            kind: 'redeploy',
            line: `rollback path: blue-green deploy: ${why}, so ${short} starts on the idle colour, then traffic switches once`,
        };
    }
    return {
        kind: 'redeploy',
        line: `rollback path: ${request.strategy} deploy of ${short} (${state.exists ? `the fleet is ${state.strategy ?? 'unknown'}` : 'the fleet does not exist'}: there is no warm colour to switch back to)`,
    };
}
/**
 * The fleet as replace-fleet drives it for a rollback: deploy() of the digest a warm colour
 * still runs is the provider's rollback() (one switch back); any other deploy is the provider's
 * own. The path taken is logged and kept in `path`. The provider calls its own rollback
 * `rolled-back`; here it is the requested digest deployed, N/N, which is what the ledger records.
 */
class SwitchBackProvider {
    inner;
    log;
    afterMove;
    look;
    kind;
    target;
    /** The path the last deploy() took. */
    path;
    /** What current() last saw: replace-fleet looks just before it deploys, and that look decides. */
    seen;
    /**
     * `afterMove`: work done once the fleet was reached and moved onto the requested digest,
     * before deploy() returns (rollback's quarantine: written only for a rollback that happened,
     * and before the rollback's own entry). It must not reject.
     * `look`: a current() of the inner provider already under way; the first current() is it.
     */
    constructor(inner, log = () => { }, afterMove = async () => { }, look) {
        this.inner = inner;
        this.log = log;
        this.afterMove = afterMove;
        this.look = look;
        this.kind = inner.kind;
        this.target = inner.target;
    }
    /** The inner provider's router, so the fleet still reads as traffic-routed. */
    get router() {
        return isTrafficRouting(this.inner) ? this.inner.router : undefined;
    }
    async current() {
        const look = this.look ?? (() => this.inner.current());
        this.look = undefined;
        this.seen = await look();
        return this.seen;
    }
    rollback() {
        return this.inner.rollback();
    }
    converged(digest, replicas) {
        return this.inner.converged(digest, replicas);
    }
    async deploy(request) {
        const moved = await this.move(request);
        if (moved.outcome !== 'rolled-back')
            await this.afterMove(moved);
        return moved;
    }
    async move(request) {
        const seen = this.seen ?? (await this.inner.current());
        this.seen = undefined;
        const path = rollbackPath(seen, request);
        this.path = path;
        this.log(path.line);
        if (path.kind === 'redeploy')
            return this.inner.deploy(request);
        // The look that chose the path is the one the switch acts on: no second look before it.
        const back = await this.inner.rollback(seen);
        const digest = (0,converged/* digestOf */.ol)(request.image);
        // The warm colour could have been changed between the look and the switch: only N/N on
        // the requested digest counts as deployed.
        if ((0,converged/* digestOf */.ol)(back.image) !== digest || !back.proof.converged || back.proof.digest !== digest)
            throw new converged/* ConvergenceError */.g7(`the switch back to ${request.image} ended on ${back.image}: ${back.proof.summary}`, back.proof);
        // Without the provider's own reason ("rollback requested"): the ledger records the user's.
        const { reason: _reason, ...rest } = back;
        return { ...rest, outcome: 'deployed', requested: request.image, image: request.image };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/rollback/rollback.ts












/**
 * replace-fleet's gates rollback answers itself, with its own `ran-healthy`, before anything
 * changes (replace-fleet shows them as skipped): a refusal must come before the quarantine.
 */
const ANSWERED_GATES = ['digest-exists', 'not-quarantined', 'promoted'];
/**
 * Rolls an environment back to an earlier known-good digest through replace-fleet's path.
 * Before the fleet is touched (ConfigurationError, nothing changed): the environment runs
 * something by its ledger, and the target is another digest that still exists in the registry,
 * ran healthy in the environment before, is not quarantined, and (kiln.yml `requires:`) was
 * promoted into it. Then the digest rolled back from is quarantined (unless `quarantine` is
 * off), so promote and deploy refuse it, and replace-fleet deploys the target and records a
 * `rollback` entry with the reason. Inside a blue-green keep-warm window that deploy is one
 * traffic switch back (SwitchBackProvider). The quarantine entry is written while the engine
 * moves (the registry and the engine work at the same time, so restoring service does not wait
 * for the registry); the fleet's deploy returns only once it is written, so the chain holds the
 * quarantine before the rollback. The one look at the fleet starts with the rollback, beside
 * the ledger's first read, the target's resolution and the guards, for the same reason.
 */
async function rollback(req, deps) {
    if (req.reason.length > entry/* REASON_MAX */.oD)
        throw (0,errors/* invalidInput */.aY)('reason', `${req.reason.slice(0, 40)}…`, `is ${req.reason.length} characters; the ledger keeps at most ${entry/* REASON_MAX */.oD}`);
    const now = deps.now ?? (() => new Date());
    const log = deps.log ?? (() => { });
    const started = now().getTime();
    const { stores, ledger, scope } = await (0,replace_fleet/* environmentLedger */.Zf)(req.fleet, req.repository, deps, now, log);
    const image = (d) => (0,reference/* pinned */.dp)(req.repository, d);
    // The fleet is looked at from the start, while the ledger is read, the target resolved and
    // the guards run (registry reads, no change anywhere): that look is the one replace-fleet
    // takes and a switch back acts on. A failure of it surfaces where replace-fleet looks, after
    // the ledger and the guards, so a refusal is still what a rollback that cannot go reports.
    const given = deps.provider;
    const opening = given ? Promise.resolve(given) : (0,replace_fleet/* openProvider */.C2)(req.fleet, log, deps.tuning);
    const opened = kept(opening);
    const look = kept(given ? given.current() : opening.then((p) => p.current()));
    const from = await (0,queries/* current */.ss)(ledger);
    if (!from)
        throw new errors/* ConfigurationError */.j1(`${req.environment} runs nothing by its ledger (${ledger.tag} in ${stores.ledger.label}): there is nothing to roll back`);
    // Only `previous` chooses among digests: the other targets are checked by the gates below.
    const skip = req.to.kind === 'previous' ? await (0,quarantine_scope/* quarantinedIn */.u0)(scope) : undefined;
    const target = await resolveTarget(ledger, req.to, from, skip);
    if (target.digest === from)
        throw (0,errors/* invalidInput */.aY)('to', target.digest, `${req.environment} already runs it (${target.how}): there is nothing to roll back to`);
    log(`rollback ${req.environment}: from ${image(from)} to ${image(target.digest)} (${target.how})`);
    const guards = await (0,gates.runGates)([
        () => (0,gates.digestExists)(stores.image, target.digest),
        () => (0,gates.ranHealthyIn)(ledger, target.digest),
        () => (0,gates.notQuarantined)(scope, target.digest),
        ...(req.fleet.requires
            ? [() => (0,gates.promotedInto)(ledger, target.digest, req.fleet.requires)]
            : []),
    ], { log });
    (0,gates.assertGatesPassed)(guards, `rollback of ${req.environment} to ${image(target.digest)}`);
    // Written only once the fleet was reached and moved onto the target (a rollback that never
    // reached the engine, or whose target did not come up, changed nothing and blames nothing),
    // and before replace-fleet's entry, so the chain holds the quarantine before the rollback.
    let step = req.quarantine ? { kind: 'not-moved' } : { kind: 'off' };
    const afterMove = async () => {
        if (req.quarantine)
            step = await quarantineFrom(req, deps, stores, from, log);
    };
    const provider = new SwitchBackProvider(await opened(), log, afterMove, look);
    const deploy = await (0,replace_fleet/* replaceFleet */.HL)((0,rollback_request/* deployRequestFor */.IO)(req, target.digest), { ...deps, provider, stores }, { action: 'rollback', reason: req.reason, skipGates: ANSWERED_GATES });
    const path = provider.path ?? {
        kind: 'redeploy',
        line: 'rollback path: none: the fleet already ran the digest',
    };
    return {
        environment: req.environment,
        outcome: deploy.outcome,
        to: image(target.digest),
        toDigest: target.digest,
        from: image(from),
        fromDigest: from,
        target,
        path,
        quarantine: step,
        reason: req.reason,
        gates: [...guards.results, ...deploy.gates.filter((g) => g.status !== 'skip')],
        deploy,
        durationMs: Math.max(0, Math.round(now().getTime() - started)),
    };
}
/**
 * Why a finished rollback fails its step (exit 2), after its outputs and summary: the target
 * did not come up (the fleet is back where it was), or the quarantine could not be written.
 */
function rollbackFailure(r) {
    if (r.outcome === 'rolled-back')
        return new replace_fleet/* RolledBackError */.Ai(r.deploy);
    if (r.quarantine.kind === 'failed')
        return new Error(`rolled back ${r.environment} to ${r.to}, but ${r.fromDigest} could not be quarantined: ${r.quarantine.error}; promote and deploy still accept it until a rollback with quarantine (or a re-run) records it`, { cause: r.quarantine.cause });
    return undefined;
}
/**
 * The digest `to` names, read from the environment's ledger for `previous` and a sequence
 * number. `previous` is the newest known-good digest before `from` that is neither `from` nor
 * quarantined (`quarantined`: in any environment): after v1, v2, v3 and a rollback to v2 that
 * quarantined v3, it is v1.
 */
async function resolveTarget(ledger, to, from, quarantined = new Set()) {
    if (to.kind === 'digest')
        return { digest: to.digest, how: 'digest given' };
    if (to.kind === 'previous') {
        const entry = await (0,queries/* lastKnownGood */.zf)(ledger, from, quarantined);
        if (!entry)
            throw new errors/* ConfigurationError */.j1(`${ledger.env} has no known-good digest before ${from} that is not quarantined in its ledger (${ledger.store.label}): name one with input "to" (a digest or a ledger sequence number)`);
        return {
            digest: entry.entry.digest,
            how: `previous: the last known-good before ${(0,converged/* shortDigest */.VK)(from)} not quarantined, ledger seq ${entry.entry.seq}`,
            entry,
        };
    }
    const head = await ledger.head();
    const last = head?.entry.seq ?? 0;
    if (to.seq > last)
        throw (0,errors/* invalidInput */.aY)('to', String(to.seq), `${ledger.env}'s ledger has ${last} entries (${ledger.store.label})`);
    // Newest first: the walk stops at the entry asked for, so its cost is the distance back.
    const walked = await ledger.history(last - to.seq + 1);
    const entry = walked.find((s) => s.entry.seq === to.seq);
    if (!entry)
        throw new errors/* ConfigurationError */.j1(`${ledger.env}'s ledger has no entry with seq ${to.seq} on its chain from the head (${ledger.store.label}); check it with a ledger verify`);
    return {
        digest: entry.entry.digest,
        how: `ledger seq ${to.seq}: ${entry.entry.action} ${entry.entry.outcome} at ${entry.entry.at}`,
        entry,
    };
}
/** A promise started now and awaited later: its failure waits for that await, never unhandled. */
function kept(p) {
    const settled = p.then((value) => ({ ok: true, value }), (error) => ({ ok: false, error }));
    return async () => {
        const s = await settled;
        if (s.ok)
            return s.value;
        throw s.error;
    };
}
/** Quarantines the digest rolled back from, once: a re-run finds the entry and adds none. */
async function quarantineFrom(req, deps, stores, from, log) {
    // A ledger in a repository of its own names the image by its descriptor (it is not there).
    const separate = (0,reference/* formatReference */.FH)(req.fleet.ledgerRepository) !==
        (0,reference/* formatReference */.FH)({ registry: req.repository.registry, repository: req.repository.repository });
    const run = deps.run ?? {};
    const step = await (0,quarantine_rolled_back/* quarantineRolledBack */.ML)(stores.ledger, req.environment, from, req.reason, async () => ({
        actor: run.actor ?? process.env.USER ?? 'unknown',
        commit: run.commit ?? '',
        run_url: run.runUrl ?? '',
        ...(separate ? { subject: (0,manifest/* descriptorOf */.nb)(await stores.image.getManifest(from)) } : {}),
        ledger: { ...(deps.now ? { now: deps.now } : {}), ...deps.ledger },
    }));
    log(`quarantine: ${(0,quarantine_rolled_back/* describeQuarantine */.Ux)(step, from)}`);
    return step;
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(68253);
// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(51561);
;// CONCATENATED MODULE: ./packages/core/src/rollback/rollback-summary.ts



const OUTCOME = {
    deployed: '✅ rolled back',
    unchanged: '✅ already running (the ledger now says so)',
    'rolled-back': '❌ the target did not come up: the fleet is back on the release rolled back from',
};
/**
 * Job summary for rollback: from what to what, why, how the target was chosen, which path the
 * fleet took, the quarantine, the gates and the N/N proof. The reason, the ledger's lines and
 * the engine's task names are text (escaped by table()).
 */
function rollbackSummary(r) {
    const q = r.quarantine;
    const rows = [
        ['environment', r.environment],
        ['outcome', OUTCOME[r.outcome]],
        ['rolled back from', (0,summary.inlineCode)(r.from)],
        ['rolled back to', (0,summary.inlineCode)(r.to)],
        ['target chosen by', r.target.how],
        ['path', r.path.line.replace(/^rollback path: /, '')],
        ['reason', r.reason],
        [
            'quarantine',
            q.kind === 'off'
                ? 'off (input quarantine: false)'
                : `${q.kind === 'failed' ? '❌ ' : ''}${(0,quarantine_rolled_back/* describeQuarantine */.Ux)(q, r.fromDigest)}`,
        ],
        ['fleet', `${r.deploy.target} (${r.deploy.strategy}): ${r.deploy.proof.summary}`],
        ['ledger entry', (0,summary.inlineCode)(`#${r.deploy.seq} ${r.deploy.ledgerEntry}`)],
        ['duration', `${(r.durationMs / 1000).toFixed(1)} s`],
    ];
    const tasks = r.deploy.proof.tasks.map((t) => [
        t.task.slice(0, 12),
        t.node.slice(0, 12),
        t.digest ? (0,summary.inlineCode)(t.digest) : t.image,
        t.state,
        t.health,
        t.ok ? '✅' : `❌ ${t.why ?? ''}`,
    ]);
    return [
        (0,summary.heading)(`rollback of ${r.environment}`),
        (0,summary.table)(['', ''], rows),
        '',
        '#### Gates',
        (0,gate_rows/* gateTable */.k0)(r.gates),
        '',
        (0,summary.heading)(`Fleet: ${r.deploy.proof.healthy}/${r.deploy.proof.replicas} healthy`, 4),
        (0,summary.table)(['task', 'node', 'digest', 'state', 'health', 'counts'], tasks),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/rollback/index.ts
// Rollback: the request (parsed before any call), the guards and quarantine, replace-fleet's
// path to the earlier digest (one switch back inside a blue-green keep-warm window), the summary.






/***/ })

};
