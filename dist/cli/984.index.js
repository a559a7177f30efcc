export const id = 984;
export const ids = [984];
export const modules = {

/***/ 57984:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  deploy: () => (/* binding */ deploy)
});

// EXTERNAL MODULE: ./packages/core/src/config/index.ts + 1 modules
var config = __webpack_require__(83744);
// EXTERNAL MODULE: ./packages/core/src/deploy/deploy-request.ts
var deploy_request = __webpack_require__(40778);
// EXTERNAL MODULE: ./packages/core/src/deploy/replace-fleet.ts + 3 modules
var replace_fleet = __webpack_require__(16801);
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
        ['requested', (0,summary/* inlineCode */.ti)(r.requestedImage)],
        ['running now', (0,summary/* inlineCode */.ti)(r.deployedImage)],
        ['previous', r.previousImage ? (0,summary/* inlineCode */.ti)(r.previousImage) : '—'],
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
            (0,summary/* inlineCode */.ti)(`#${r.seq} ${r.ledgerEntry}${r.recorded ? '' : ' (already recorded)'}`),
        ],
        ['duration', ms(r.durationMs)],
    ];
    const tasks = r.proof.tasks.map((t) => [
        (0,summary/* inlineCode */.ti)(t.task.slice(0, 12)),
        t.node.slice(0, 12),
        t.digest ? (0,summary/* inlineCode */.ti)(t.digest) : (0,summary/* inlineCode */.ti)(t.image),
        t.state,
        t.health,
        t.ok ? '✅' : `❌ ${t.why ?? ''}`,
    ]);
    return [
        (0,summary/* heading */.R_)(title),
        (0,summary/* table */.tp)(['', ''], facts),
        '',
        (0,summary/* heading */.R_)('Gates', 4),
        r.gates.length ? (0,gate_rows/* gateTable */.k0)(r.gates) : 'none',
        '',
        (0,summary/* heading */.R_)(`Convergence: ${r.proof.healthy}/${r.proof.replicas}`, 4),
        (0,summary/* table */.tp)(['task', 'node', 'digest', 'state', 'health', 'counts'], tasks),
        '',
        (0,summary/* heading */.R_)('Timings', 4),
        (0,summary/* table */.tp)(['phase', 'time'], [...r.timings.map((t) => [t.phase, ms(t.ms)]), ['total', ms(r.durationMs)]]),
        '',
    ].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/deploy/index.ts
// The deploy domain: replace-fleet's request, the deploy core (gates -> provider -> ledger ->
// GitHub deployment statuses) and its job summary. rollback goes through the same core.





// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/inputs/index.ts + 1 modules
var inputs = __webpack_require__(48892);
// EXTERNAL MODULE: ./packages/core/src/ledger/index.ts + 1 modules
var ledger = __webpack_require__(83206);
// EXTERNAL MODULE: ./packages/core/src/oci/index.ts + 10 modules
var oci = __webpack_require__(17069);
// EXTERNAL MODULE: ./packages/cli/src/options.ts
var src_options = __webpack_require__(11428);
// EXTERNAL MODULE: ./packages/cli/src/usage.ts
var usage = __webpack_require__(47105);
;// CONCATENATED MODULE: ./packages/cli/src/commands/deploy.ts








/** The replace-fleet inputs, as flags of the same names. */
const names = [
    'image',
    'environment',
    'provider',
    'target',
    'strategy',
    'batch-size',
    'health-timeout',
    'auto-rollback',
    'quarantine-on-rollback',
    'keep-warm',
    'replicas',
    'port',
    'network',
    'docker-host',
    'health-cmd',
    'health-interval',
    'haproxy-socket',
    'haproxy-map',
    'preview-url',
    'config',
];
/** `kiln deploy`: replace-fleet from a shell; a rolled-back deploy prints its summary and exits 2. */
async function deploy(argv) {
    const options = {
        ...src_options/* registryFlags */.hE,
        kubeconfig: { type: 'string' },
        ...Object.fromEntries(names.map((k) => [k, { type: 'string' }])),
    };
    const { values, positionals } = (0,src_options/* parse */.qg)(argv, options);
    if (positionals.length)
        throw new errors/* ConfigurationError */.j1(`unexpected argument "${positionals[0]}"\nusage: kiln ${usage/* USAGE */.u.deploy}`);
    const v = values;
    const read = (0,inputs/* fromRecord */.iA)({
        ...Object.fromEntries(names.map((k) => [k, v[k]])),
        kubeconfig: (0,src_options/* kubeconfigFlag */.uE)(v.kubeconfig),
    });
    const request = (0,deploy_request/* parseReplaceFleetRequest */.jt)(read, await (0,config/* configFromInputs */.i7)(read, process.cwd()));
    const result = await (0,replace_fleet/* replaceFleet */.HL)(request, {
        registries: new oci.Registries((0,src_options/* registryOptions */._A)(values, request.image.registry)),
        log: src_options/* progress */.qB,
        witness: new ledger/* FileWitness */.gs((0,ledger/* witnessFilePath */.PR)(process.cwd())),
    });
    (0,src_options/* print */.yy)(values.json, result, replaceFleetSummary(result));
    if (result.outcome === 'rolled-back')
        throw new replace_fleet/* RolledBackError */.Ai(result);
    return 0;
}


/***/ })

};
