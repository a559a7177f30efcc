export const id = 708;
export const ids = [708];
export const modules = {

/***/ 55708:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   promoteAction: () => (/* binding */ promoteAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _kiln_core_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83744);
/* harmony import */ var _kiln_core_github_context__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(9594);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48892);
/* harmony import */ var _kiln_core_log__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(88315);
/* harmony import */ var _kiln_core_promote_request__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(9130);
/* harmony import */ var _run_action_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46797);







async function promoteAction() {
    const ctx = (0,_kiln_core_github_context__WEBPACK_IMPORTED_MODULE_2__/* .readRunContext */ .$)();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // kiln.yml and every input are checked before the registry client and the ledger load.
    const config = await (0,_kiln_core_config__WEBPACK_IMPORTED_MODULE_1__/* .configFromInputs */ .i7)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .actionInputs */ .eh, workspace, {
        log: _kiln_core_log__WEBPACK_IMPORTED_MODULE_4__/* .info */ .pq,
    });
    const request = (0,_kiln_core_promote_request__WEBPACK_IMPORTED_MODULE_5__/* .parsePromoteRequest */ .P)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .actionInputs */ .eh, config);
    // The explicit credentials go to the registry written to; others use docker's config.json.
    const options = (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .registryOptionsFrom */ .us)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .actionInputs */ .eh, request.target.registry);
    const [{ promote, promoteRefusedSummary, promoteSummary }, { GateRefusedError }, oci, github] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(424), __webpack_require__.e(805)]).then(__webpack_require__.bind(__webpack_require__, 7805)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(424)]).then(__webpack_require__.bind(__webpack_require__, 10424)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(69), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 17069)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(176)]).then(__webpack_require__.bind(__webpack_require__, 60795)),
    ]);
    let result;
    try {
        result = await promote(request, {
            registries: new oci.Registries(options),
            context: { actor: ctx.actor ?? '', commit: ctx.commit ?? '', run_url: ctx.runUrl ?? '' },
            witness: github.ledgerWitnessFor(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token'), ctx, workspace),
        });
    }
    catch (err) {
        // A refusal still shows every gate's verdict in the job summary.
        if (err instanceof GateRefusedError)
            await github.summary.writeSummary(promoteRefusedSummary(err.what, err.results));
        throw err;
    }
    (0,_run_action_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n)({
        image: result.image,
        digest: result.digest,
        'copied-bytes': result.copy.copiedBytes,
        'mounted-blobs': result.copy.mountedBlobs,
        'ledger-entry': result.ledger.entry.digest,
    });
    await github.summary.writeSummary(promoteSummary(result));
}


/***/ }),

/***/ 9130:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   P: () => (/* binding */ parsePromoteRequest)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(37638);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(67528);
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(32314);
/* harmony import */ var _config_queries_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(93044);
/* harmony import */ var _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(47034);
/* harmony import */ var _ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43291);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93966);







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
    if (!_ledger_env_name_js__WEBPACK_IMPORTED_MODULE_4__/* .ENV_NAME */ .G.test(value))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)(name, value, _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_4__/* .ENV_NAME_RULE */ .D);
    if (config)
        (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_6__/* .environment */ .cA)(config, value, name);
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
    const to = environmentInput(read, 'to-environment', config) ?? (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_1__/* .required */ .mw)(read, 'to-environment');
    const fromEnvironment = environmentInput(read, 'from-environment', config);
    if (fromEnvironment === to)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('from-environment', fromEnvironment, 'must differ from to-environment');
    const imageInput = read('image').trim();
    let source;
    let digest;
    if (imageInput) {
        if (imageInput.startsWith(LAYOUT))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('image', imageInput, 'promote copies between registries; copy the layout into a registry first (kiln copy)');
        const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(imageInput);
        // With from-environment a bare repository is enough: the ledger names the digest.
        if (ref.digest || ref.tag || !fromEnvironment)
            digest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .requireDigest */ .m0)(ref, 'image').digest;
        source = repositoryOf(ref);
        if (fromEnvironment)
            (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .requireEnvironmentRepository */ .l2)(config, fromEnvironment, source, 'image', imageInput);
    }
    else if (fromEnvironment && config) {
        source = (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_6__/* .environmentRepository */ .gu)(config, fromEnvironment);
    }
    else {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_5__/* .ConfigurationError */ .j1(fromEnvironment
            ? `Input "image" is required to find the ledger of ${fromEnvironment}: name the repository, or set image: in kiln.yml`
            : 'Input "image" is required: the image to promote, pinned by digest (repo@sha256:…), unless from-environment names the environment to take it from');
    }
    // With kiln.yml the target is the environment's repository; to-image may only repeat it.
    let target = config ? (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_6__/* .environmentRepository */ .gu)(config, to) : source;
    const toImage = read('to-image').trim();
    if (toImage) {
        const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(toImage);
        if (ref.digest)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('to-image', toImage, 'name a repository; the digest comes from image or from-environment');
        if (ref.tag)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('to-image', toImage, 'name a repository without a tag: promote copies by digest and moves no tag');
        (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .requireEnvironmentRepository */ .l2)(config, to, ref, 'to-image', toImage);
        target = ref;
    }
    const targetEnv = config?.environments.get(to);
    const requires = targetEnv?.requires;
    if (fromEnvironment && requires && fromEnvironment !== requires)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('from-environment', fromEnvironment, `${to} requires ${requires} (${config?.source.file}): promote into ${to} from ${requires}`);
    const sourceEnvironment = fromEnvironment ?? requires;
    const requireValidation = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)('require-validation', read('require-validation'), true);
    const requireHealthy = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseBoolean */ .yG)('require-healthy', read('require-healthy'), sourceEnvironment !== undefined);
    if (requireHealthy && !sourceEnvironment)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('require-healthy', read('require-healthy'), `needs a source environment: give from-environment, or requires: for ${to} in kiln.yml`);
    // kiln.yml's min-soak is the rule for every promotion into the environment, manual or not.
    const floor = targetEnv?.minSoakMs ?? 0;
    const minSoakMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_0__/* .parseDuration */ .E9)('min-soak', read('min-soak'), floor);
    if (minSoakMs < floor)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('min-soak', read('min-soak'), `is shorter than the min-soak ${duration(floor)} ${config?.source.file} sets for ${to}; the same soak applies to every promotion`);
    if (minSoakMs > 0 && !sourceEnvironment)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_5__/* .invalidInput */ .aY)('min-soak', read('min-soak'), `needs a source environment to soak in: give from-environment, or requires: for ${to} in kiln.yml`);
    const req = {
        source,
        target,
        toEnvironment: to,
        requireValidation,
        requireHealthy,
        minSoakMs,
        sourceLedger: sourceEnvironment
            ? (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerRepositoryFor */ .Fn)(config, sourceEnvironment, source)
            : repositoryOf(source),
        targetLedger: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerRepositoryFor */ .Fn)(config, to, target),
        quarantineLedgers: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .configLedgers */ .$G)(config),
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


/***/ })

};
