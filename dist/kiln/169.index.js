export const id = 169;
export const ids = [169];
export const modules = {

/***/ 23169:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEPLOY_DEFAULTS: () => (/* reexport */ deploy_request/* DEPLOY_DEFAULTS */.Dd),
  DEPLOY_GATES: () => (/* reexport */ replace_fleet/* DEPLOY_GATES */.ZY),
  FleetFailedError: () => (/* reexport */ replace_fleet/* FleetFailedError */.mu),
  PREVIEW_TIMEOUT_MS: () => (/* reexport */ replace_fleet/* PREVIEW_TIMEOUT_MS */.ym),
  RolledBackError: () => (/* reexport */ replace_fleet/* RolledBackError */.Ai),
  deployRequest: () => (/* reexport */ replace_fleet/* deployRequest */.Lo),
  describeQuarantine: () => (/* reexport */ quarantine_rolled_back/* describeQuarantine */.Ux),
  environmentLedger: () => (/* reexport */ replace_fleet/* environmentLedger */.Zf),
  fleetSettings: () => (/* reexport */ replace_fleet/* fleetSettings */.E0),
  ledgerReason: () => (/* reexport */ quarantine_rolled_back/* ledgerReason */.eI),
  openProvider: () => (/* reexport */ replace_fleet/* openProvider */.C2),
  parsePinnedImage: () => (/* reexport */ deploy_request/* parsePinnedImage */.HK),
  parseReplaceFleetRequest: () => (/* reexport */ deploy_request/* parseReplaceFleetRequest */.jt),
  quarantineRolledBack: () => (/* reexport */ quarantine_rolled_back/* quarantineRolledBack */.ML),
  replaceFleet: () => (/* reexport */ replace_fleet/* replaceFleet */.HL),
  replaceFleetSummary: () => (/* reexport */ replaceFleetSummary),
  rolledBackReason: () => (/* reexport */ quarantine_rolled_back/* rolledBackReason */.O2),
  unquarantined: () => (/* reexport */ quarantine_rolled_back/* unquarantined */.aB)
});

// EXTERNAL MODULE: ./packages/core/src/deploy/deploy-request.ts
var deploy_request = __webpack_require__(40778);
// EXTERNAL MODULE: ./packages/core/src/deploy/replace-fleet.ts + 4 modules
var replace_fleet = __webpack_require__(8803);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(68253);
// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(51561);
// EXTERNAL MODULE: ./packages/core/src/deploy/quarantine-rolled-back.ts
var quarantine_rolled_back = __webpack_require__(37570);
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
                    `${r.quarantine.kind === 'failed' ? '❌ ' : ''}${(0,quarantine_rolled_back/* describeQuarantine */.Ux)(r.quarantine, (0,converged/* digestOf */.ol)(r.requestedImage) ?? r.requestedImage)}`,
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
        r.gates.length ? (0,gate_rows/* gateTable */.k0)(r.gates) : 'none',
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






/***/ })

};
