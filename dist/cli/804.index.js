export const id = 804;
export const ids = [804];
export const modules = {

/***/ 33804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   BROKEN_CHAIN_EXIT: () => (/* binding */ BROKEN_CHAIN_EXIT),
/* harmony export */   historyTable: () => (/* binding */ historyTable),
/* harmony export */   ledger: () => (/* binding */ ledger)
/* harmony export */ });
/* harmony import */ var _kiln_core_config__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83744);
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(37638);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48892);
/* harmony import */ var _kiln_core_ledger__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(83206);
/* harmony import */ var _kiln_core_oci__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(17069);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(11428);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(47105);







const flags = {
    ..._options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryFlags */ .hE,
    /** kiln.yml (default .github/kiln.yml when present) */
    config: { type: 'string' },
    /** the image repository (in place of kiln.yml's); its ledger unless kiln.yml names another */
    image: { type: 'string' },
    /** the repository the ledger is in, whatever kiln.yml says */
    'ledger-repository': { type: 'string' },
    /** `show`: the newest N entries only */
    limit: { type: 'string' },
};
/** Exit code of `ledger verify` for a broken chain: the ledger is not what it claims. */
const BROKEN_CHAIN_EXIT = 2;
const repositoryOf = (value, flag) => {
    const ref = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_3__.parseReference)(value);
    if (ref.digest || ref.tag)
        throw (0,_kiln_core_errors__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)(flag, value, 'name a repository (no tag, no digest): the ledger is per repository');
    return ref;
};
/** `kiln ledger show ENV` / `kiln ledger verify ENV`: an environment's chain, read only. */
async function ledger(argv) {
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)(argv, flags);
    const [sub, env, ...extra] = positionals;
    if ((sub !== 'show' && sub !== 'verify') || !env || extra.length)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1(`usage: kiln ${_usage_js__WEBPACK_IMPORTED_MODULE_5__/* .USAGE */ .u.ledger}`);
    const config = await (0,_kiln_core_config__WEBPACK_IMPORTED_MODULE_0__/* .configFromInputs */ .i7)((0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .fromRecord */ .iA)({ config: values.config }), process.cwd(), values.image !== undefined ? { image: values.image } : {});
    const repository = values['ledger-repository']
        ? repositoryOf(values['ledger-repository'], '--ledger-repository')
        : values.image !== undefined || config
            ? (0,_kiln_core_ledger__WEBPACK_IMPORTED_MODULE_2__/* .ledgerRepositoryFor */ .Fn)(config, env, values.image !== undefined
                ? repositoryOf(values.image, '--image')
                : config.image)
            : undefined;
    if (!repository)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_6__/* .ConfigurationError */ .j1('name the ledger: --ledger-repository REPO, --image REPO, or a .github/kiln.yml with image: (or --config F)');
    const limit = values.limit !== undefined
        ? (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .parseInteger */ .cG)('--limit', values.limit, undefined, { min: 1 })
        : Infinity;
    const registries = new _kiln_core_oci__WEBPACK_IMPORTED_MODULE_3__.Registries((0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .registryOptions */ ._A)(values, repository.registry));
    const witness = new _kiln_core_ledger__WEBPACK_IMPORTED_MODULE_2__/* .FileWitness */ .gs((0,_kiln_core_ledger__WEBPACK_IMPORTED_MODULE_2__/* .witnessFilePath */ .PR)(process.cwd()));
    const chain = await (0,_kiln_core_ledger__WEBPACK_IMPORTED_MODULE_2__/* .witnessedLedger */ .sx)(registries.repository(repository.registry, repository.repository), env, witness, { log: (line) => process.stderr.write(`${line}\n`) });
    const where = `${(0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_3__.formatReference)(repository)}:${chain.tag}`;
    if (sub === 'show') {
        const history = await chain.history(limit);
        (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .print */ .yy)(values.json, history.map((s) => ({ ...s.entry, entry: s.digest })), history.length ? historyTable(history) : `no entries in ${where}\n`);
        return 0;
    }
    const result = await chain.verify();
    const w = chain.witnessed;
    const witnessed = w ? `; witnessed head #${w.seq} on the chain (${w.source})` : '; no witness';
    (0,_options_js__WEBPACK_IMPORTED_MODULE_4__/* .print */ .yy)(values.json, { ledger: where, ...result, ...(w ? { witness: w } : {}) }, result.ok
        ? `${where}: ${result.entries} entries, chain intact${witnessed}\n`
        : `${where}: broken at seq ${result.brokenAt}: ${result.reason}\n`);
    return result.ok ? 0 : BROKEN_CHAIN_EXIT;
}
/** Newest first: seq, action, digest, outcome, at, actor (columns padded to their widest cell). */
function historyTable(history) {
    const rows = [
        ['seq', 'action', 'digest', 'outcome', 'at', 'actor'],
        ...history.map(({ entry: e }) => [
            String(e.seq),
            e.action,
            e.digest,
            e.outcome,
            e.at,
            e.actor || '-',
        ]),
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    return (rows
        .map((r) => r
        .map((c, i) => c.padEnd(widths[i]))
        .join('  ')
        .trimEnd())
        .join('\n') + '\n');
}


/***/ })

};
