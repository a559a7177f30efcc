export const id = 75;
export const ids = [75];
export const modules = {

/***/ 86075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   replaceFleetAction: () => (/* binding */ replaceFleetAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _kiln_core_config__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(83744);
/* harmony import */ var _kiln_core_deploy_request__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40778);
/* harmony import */ var _kiln_core_github_context__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(9594);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48892);
/* harmony import */ var _kiln_core_log__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(88315);
/* harmony import */ var _run_action_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(46797);







async function replaceFleetAction() {
    const ctx = (0,_kiln_core_github_context__WEBPACK_IMPORTED_MODULE_3__/* .readRunContext */ .$)();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // kiln.yml and the inputs are checked before the registry client and the engine load: a tag,
    // an unknown environment or a bad value fails before any request.
    const config = await (0,_kiln_core_config__WEBPACK_IMPORTED_MODULE_1__/* .configFromInputs */ .i7)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_4__/* .actionInputs */ .eh, workspace, {
        log: _kiln_core_log__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq,
    });
    const request = (0,_kiln_core_deploy_request__WEBPACK_IMPORTED_MODULE_2__/* .parseReplaceFleetRequest */ .jt)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_4__/* .actionInputs */ .eh, config);
    const options = (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_4__/* .registryOptionsFrom */ .us)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_4__/* .actionInputs */ .eh, request.image.registry);
    const [deploy, { Registries }, github] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(424), __webpack_require__.e(803), __webpack_require__.e(169)]).then(__webpack_require__.bind(__webpack_require__, 23169)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(69), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 17069)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(176)]).then(__webpack_require__.bind(__webpack_require__, 60795)),
    ]);
    const result = await deploy.replaceFleet(request, {
        registries: new Registries(options),
        log: _kiln_core_log__WEBPACK_IMPORTED_MODULE_5__/* .info */ .pq,
        run: ctx,
        github: github.githubDeploymentRecorder(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token'), ctx),
        witness: github.ledgerWitnessFor(_actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token'), ctx, workspace),
    });
    (0,_run_action_js__WEBPACK_IMPORTED_MODULE_6__/* .setOutputs */ .n)({
        'deployed-image': result.deployedImage,
        'previous-image': result.previousImage ?? '',
        outcome: result.outcome,
        'duration-ms': result.durationMs,
        'ledger-entry': result.ledgerEntry,
        ...(result.previewUrl ? { 'preview-url': result.previewUrl } : {}),
    });
    await github.summary.writeSummary(deploy.replaceFleetSummary(result));
    // Never reported as deployed: the outputs and the entry say rolled-back, and the step fails.
    if (result.outcome === 'rolled-back')
        throw new deploy.RolledBackError(result);
}


/***/ }),

/***/ 40778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Dd: () => (/* binding */ DEPLOY_DEFAULTS),
/* harmony export */   HK: () => (/* binding */ parsePinnedImage),
/* harmony export */   jt: () => (/* binding */ parseReplaceFleetRequest)
/* harmony export */ });
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48051);
/* harmony import */ var _config_queries_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(93044);
/* harmony import */ var _ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(43291);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(37638);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88315);
/* harmony import */ var _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(47034);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67528);
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(32314);
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(3547);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(93966);











/** Defaults when neither an input nor the environment's kiln.yml entry says. */
const DEPLOY_DEFAULTS = {
    strategy: 'rolling',
    batchSize: 1,
    healthTimeoutMs: 5 * 60_000,
    /** Blue-green: the old colour stays up this long after the switch (rollback = one switch). */
    keepWarmMs: 10 * 60_000,
    healthIntervalMs: 5_000,
    /**
     * The least time one run of health-cmd may take: a slow answer from a busy node is not a
     * failed check (a refused connection still fails at once). Docker runs checks one after another.
     */
    healthCheckTimeoutMs: 5_000,
};
/**
 * `repo@sha256:…`, or a bare `sha256:…` in `repository` (the environment's, from kiln.yml); a
 * tag is refused (tags move; a deploy names exactly one image).
 */
function parsePinnedImage(raw, repository, input = 'image') {
    const v = raw.trim();
    if (v.startsWith('sha256:')) {
        const problem = (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_6__/* .digestProblem */ .WQ)(v);
        if (problem)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, raw, `digest ${problem}`);
        if (!repository)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)(input, raw, 'a bare digest needs the repository from kiln.yml (`image:`); write repository@sha256:…');
        const image = {
            registry: repository.registry,
            repository: repository.repository,
            digest: v,
        };
        return { image, digest: v };
    }
    let ref;
    try {
        ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .parseReference */ .F2)(v);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "${input}": ${err.message}`, { cause: err });
    }
    const pinned = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_7__/* .requireDigest */ .m0)(ref, input);
    return { image: pinned, digest: pinned.digest };
}
function optionalInteger(read, name, fallback, max) {
    const raw = read(name);
    if (raw.trim() === '')
        return fallback;
    return (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)(name, raw, undefined, { min: 1, max });
}
/**
 * Parses replace-fleet's inputs over the environment's kiln.yml entry (inputs win). Nothing
 * here touches the network: a tag, an unknown environment or provider, or a bad value is
 * refused before any registry or engine call.
 */
function parseReplaceFleetRequest(read, config) {
    const rawImage = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_5__/* .required */ .mw)(read, 'image');
    const envName = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_5__/* .required */ .mw)(read, 'environment');
    const env = config ? (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_9__/* .environment */ .cA)(config, envName) : undefined;
    // The name makes the ledger's tag kiln-ledger-<environment>.
    if (!_ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__/* .ENV_NAME */ .G.test(envName))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('environment', envName, _ledger_env_name_js__WEBPACK_IMPORTED_MODULE_10__/* .ENV_NAME_RULE */ .D);
    const { image, digest } = parsePinnedImage(rawImage, config && (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_9__/* .environmentRepository */ .gu)(config, envName));
    (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .requireEnvironmentRepository */ .l2)(config, envName, image, 'image', rawImage);
    const provider = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('provider', read('provider'), _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__/* .PROVIDERS */ .xq, env?.provider ?? 'swarm');
    if (env && read('provider').trim() && env.provider !== provider)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('provider', provider, `${config?.source.file} gives environment ${envName} provider ${env.provider}; one environment runs on one provider`);
    const target = read('target').trim() || env?.target;
    if (!target)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "target" is required (the swarm service, Kubernetes Deployment or Auto Scaling group), unless kiln.yml names the environment's target`);
    const strategy = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseChoice */ .HU)('strategy', read('strategy'), _config_kiln_config_js__WEBPACK_IMPORTED_MODULE_1__/* .STRATEGIES */ .YL, env?.strategy ?? DEPLOY_DEFAULTS.strategy);
    const batchSize = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseInteger */ .cG)('batch-size', read('batch-size'), env?.batchSize ?? DEPLOY_DEFAULTS.batchSize, { min: 1, max: 1000 });
    const healthTimeoutMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('health-timeout', read('health-timeout'), env?.healthTimeoutMs ?? DEPLOY_DEFAULTS.healthTimeoutMs);
    if (healthTimeoutMs <= 0)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-timeout', read('health-timeout'), 'must be longer than 0s');
    const keepWarmMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('keep-warm', read('keep-warm'), env?.keepWarmMs ?? DEPLOY_DEFAULTS.keepWarmMs);
    const swarm = env?.provider === 'swarm' ? env.settings : {};
    const req = {
        image,
        digest,
        environment: envName,
        provider,
        target,
        strategy,
        batchSize,
        healthTimeoutMs,
        autoRollback: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .yG)('auto-rollback', read('auto-rollback'), true),
        quarantineOnRollback: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseBoolean */ .yG)('quarantine-on-rollback', read('quarantine-on-rollback'), true),
        keepWarmMs,
        ledgerRepository: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .ledgerRepositoryFor */ .Fn)(config, envName, image),
        quarantineLedgers: (0,_ledger_ledger_repository_js__WEBPACK_IMPORTED_MODULE_2__/* .configLedgers */ .$G)(config),
    };
    const replicas = optionalInteger(read, 'replicas', swarm.replicas, 1000);
    if (replicas !== undefined)
        req.replicas = replicas;
    const port = optionalInteger(read, 'port', swarm.port, 65535);
    if (port !== undefined)
        req.port = port;
    const network = read('network').trim() || swarm.network;
    if (network)
        req.network = network;
    const dockerHost = read('docker-host').trim() || swarm.dockerHost;
    if (dockerHost) {
        if (!/^(unix|tcp|ssh|npipe):\/\/\S+$/.test(dockerHost))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('docker-host', dockerHost, 'must be a unix://, tcp:// or ssh:// address');
        req.dockerHost = dockerHost;
    }
    if (env?.provider === 'kubernetes')
        req.kubernetes = env.settings;
    else if (provider === 'kubernetes')
        req.kubernetes = {};
    if (env?.provider === 'aws-asg')
        req.awsAsg = env.settings;
    else if (provider === 'aws-asg')
        req.awsAsg = {};
    const kubeconfig = read('kubeconfig');
    if (kubeconfig.trim()) {
        // Masked before anything can print it: a kubeconfig holds the cluster's credentials.
        (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .setSecret */ .Pq)(kubeconfig);
        if (provider !== 'kubernetes')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Input "kubeconfig" is only used with provider kubernetes (this environment runs on ${provider})`);
        req.kubeconfig = kubeconfig;
    }
    if (env?.url)
        req.url = env.url;
    if (env?.requires)
        req.requires = env.requires;
    const healthCmd = read('health-cmd').trim();
    const healthInterval = read('health-interval');
    if (healthCmd) {
        const intervalMs = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_4__/* .parseDuration */ .E9)('health-interval', healthInterval, DEPLOY_DEFAULTS.healthIntervalMs);
        if (intervalMs <= 0)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-interval', healthInterval, 'must be longer than 0s');
        req.health = {
            cmd: healthCmd,
            intervalMs,
            timeoutMs: Math.max(intervalMs, DEPLOY_DEFAULTS.healthCheckTimeoutMs),
            retries: 3,
            startPeriodMs: 0,
        };
    }
    else if (healthInterval.trim()) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('health-interval', healthInterval, 'is only used with health-cmd');
    }
    const socket = read('haproxy-socket').trim();
    const previewUrl = read('preview-url').trim();
    if (socket) {
        req.haproxy = {
            socket,
            mapFile: read('haproxy-map').trim() || (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_0__.dirname)(socket), 'routes.map'),
        };
        if (previewUrl) {
            if (!/^https?:\/\/\S+$/.test(previewUrl))
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('preview-url', previewUrl, 'must be an http(s) URL');
            req.haproxy.previewUrl = previewUrl;
        }
    }
    else if (previewUrl) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_8__/* .invalidInput */ .aY)('preview-url', previewUrl, 'needs haproxy-socket: the router that previews');
    }
    // Kubernetes switches its Service's selector; aws-asg refuses blue-green itself.
    if (strategy === 'blue-green' && provider === 'swarm' && !req.haproxy)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_8__/* .ConfigurationError */ .j1(`Strategy blue-green moves traffic through a load balancer: set input "haproxy-socket" (haproxy's runtime API socket)`);
    return req;
}


/***/ })

};
