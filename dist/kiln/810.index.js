export const id = 810;
export const ids = [810,768];
export const modules = {

/***/ 42810:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validateImageAction: () => (/* binding */ validateImageAction)
/* harmony export */ });
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _kiln_core_github_context__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9594);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(48892);
/* harmony import */ var _kiln_core_log__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88315);
/* harmony import */ var _kiln_core_validate_request__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99968);
/* harmony import */ var _run_action_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(46797);






async function validateImageAction() {
    const ctx = (0,_kiln_core_github_context__WEBPACK_IMPORTED_MODULE_1__/* .readRunContext */ .$)();
    const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
    // Inputs are checked before the policy engine, the smoke run and the registry client load.
    const request = (0,_kiln_core_validate_request__WEBPACK_IMPORTED_MODULE_4__/* .parseValidateRequest */ .dR)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_2__/* .actionInputs */ .eh, workspace, ctx.commit);
    const target = request.location.kind === 'registry' ? request.location.ref.registry : undefined;
    const options = (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_2__/* .registryOptionsFrom */ .us)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_2__/* .actionInputs */ .eh, target);
    const [{ validateImage, validationAnnotations, validationSummary }, { Registries }, github] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(118), __webpack_require__.e(815), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(554)]).then(__webpack_require__.bind(__webpack_require__, 29554)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 17069)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(176)]).then(__webpack_require__.bind(__webpack_require__, 60795)),
    ]);
    const result = await validateImage(request, new Registries(options));
    (0,_run_action_js__WEBPACK_IMPORTED_MODULE_5__/* .setOutputs */ .n)({ result: result.result, report: result.reportPath, evidence: result.evidence });
    const summary = validationSummary(result);
    const annotations = validationAnnotations(result, workspace);
    for (const a of annotations)
        _kiln_core_log__WEBPACK_IMPORTED_MODULE_3__/* .error */ .z3(a.message, { title: a.title, file: a.path, line: a.start_line });
    await github.summary.writeSummary(summary);
    const token = _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .getInput */ .V4('github-token');
    if (token && ctx.repo && ctx.commit) {
        const published = await github.publishCheckRun(await github.githubClient(token, ctx), ctx, {
            name: request.checkName,
            headSha: ctx.commit,
            conclusion: result.result === 'pass' ? 'success' : 'failure',
            title: `${result.report.summary.fail} failed, ${result.report.summary.pass} passed${result.report.smoke ? `, smoke ${result.report.smoke.status}` : ''}`,
            summary,
            annotations,
        });
        if (published)
            _kiln_core_log__WEBPACK_IMPORTED_MODULE_3__/* .info */ .pq(`check run: ${published.url}`);
    }
    if (result.result === 'fail') {
        _kiln_core_log__WEBPACK_IMPORTED_MODULE_3__/* .fail */ .fJ(`validate-image: ${request.reference} failed validation (evidence ${result.evidence})`);
    }
}


/***/ }),

/***/ 9594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext),
/* harmony export */   p: () => (/* binding */ runContext)
/* harmony export */ });
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

/***/ 3547:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   WQ: () => (/* binding */ digestProblem),
/* harmony export */   m: () => (/* binding */ parseDigest),
/* harmony export */   sU: () => (/* binding */ digestHex),
/* harmony export */   sc: () => (/* binding */ sha256)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);


/** OCI digest: algorithm ":" encoded. Only registered algorithms are accepted. */
const ALGORITHMS = {
    sha256: /^[a-f0-9]{64}$/,
    sha512: /^[a-f0-9]{128}$/,
};
const GRAMMAR = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
function digestProblem(value) {
    if (!GRAMMAR.test(value))
        return 'must be algorithm:hex, e.g. sha256:<64 hex characters>';
    const [alg, hex] = value.split(':');
    const rule = ALGORITHMS[alg];
    if (!rule)
        return `uses unsupported algorithm "${alg}" (supported: sha256, sha512)`;
    if (!rule.test(hex)) {
        return `${alg} needs ${alg === 'sha256' ? 64 : 128} lowercase hex characters`;
    }
    return undefined;
}
function parseDigest(value, what = 'digest') {
    const problem = digestProblem(value);
    if (problem)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`${what} ${JSON.stringify(value)} ${problem}`);
    return value;
}
function sha256(data) {
    return `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex')}`;
}
function digestHex(d) {
    return d.slice(d.indexOf(':') + 1);
}


/***/ }),

/***/ 49768:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   aE: () => (/* binding */ checkLayoutOutput),
/* harmony export */   j$: () => (/* binding */ formatLocation),
/* harmony export */   zS: () => (/* binding */ parseLocation)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3547);
/* harmony import */ var _reference_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(93966);





const LAYOUT = 'oci-layout:';
function parseLocation(value, input = 'image') {
    const v = value.trim();
    if (v.startsWith(LAYOUT)) {
        let rest = v.slice(LAYOUT.length);
        let digest;
        const at = rest.lastIndexOf('@');
        if (at >= 0) {
            const d = rest.slice(at + 1);
            const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestProblem */ .WQ)(d);
            if (problem)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Input "${input}" has value ${JSON.stringify(value)}: digest ${problem}`);
            digest = d;
            rest = rest.slice(0, at);
        }
        let tag;
        const lastSlash = rest.lastIndexOf('/');
        const colon = rest.indexOf(':', lastSlash + 1);
        if (colon > 0) {
            tag = rest.slice(colon + 1);
            rest = rest.slice(0, colon);
        }
        if (rest === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Input "${input}" has value ${JSON.stringify(value)}: oci-layout: needs a folder, e.g. oci-layout:build/image`);
        }
        const loc = { kind: 'layout', dir: (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(rest) };
        if (tag)
            loc.tag = tag;
        if (digest)
            loc.digest = digest;
        const reference = digest ?? tag;
        if (reference)
            loc.reference = reference;
        return loc;
    }
    const scheme = /^([a-z][a-z0-9+.-]*):(\/\/)?/i.exec(v);
    if (scheme &&
        (scheme[2] ||
            ['oci', 'docker', 'docker-archive', 'oci-archive', 'dir'].includes(scheme[1]))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Input "${input}" has value ${JSON.stringify(value)}: unknown scheme "${scheme[0]}"; use a registry reference (host/repository[:tag][@sha256:…]) or oci-layout:DIR`);
    }
    let ref;
    try {
        ref = (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .parseReference */ .F2)(v);
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Input "${input}": ${err.message}`);
    }
    const reference = ref.digest ?? ref.tag;
    return reference ? { kind: 'registry', ref, reference } : { kind: 'registry', ref };
}
function formatLocation(loc) {
    if (loc.kind === 'registry')
        return (0,_reference_js__WEBPACK_IMPORTED_MODULE_3__/* .formatReference */ .FH)(loc.ref);
    return `oci-layout:${loc.dir}${loc.tag ? `:${loc.tag}` : ''}${loc.digest ? `@${loc.digest}` : ''}`;
}
/**
 * Refuses an output folder that is neither new, nor empty, nor an OCI layout (a regular
 * `oci-layout` file): writing blobs into someone's source tree or home folder is never what the
 * user meant. Checked before any request, so a wrong folder costs nothing.
 */
async function checkLayoutOutput(dir, value, input = 'output') {
    let folder;
    try {
        folder = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.stat)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    if (!folder.isDirectory())
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .invalidInput */ .aY)(input, value, `${dir} exists and is not a folder`);
    if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readdir)(dir)).length === 0)
        return;
    const marker = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.lstat)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(dir, 'oci-layout')).catch(() => undefined);
    if (marker?.isFile())
        return;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .invalidInput */ .aY)(input, value, `${dir} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`);
}


/***/ }),

/***/ 93966:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   FH: () => (/* binding */ formatReference),
/* harmony export */   Xb: () => (/* binding */ DOCKER_HUB),
/* harmony export */   aR: () => (/* binding */ repositoryName),
/* harmony export */   dp: () => (/* binding */ pinned),
/* harmony export */   m0: () => (/* binding */ requireDigest),
/* harmony export */   nz: () => (/* binding */ apiHost)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);


const DOCKER_HUB = 'docker.io';
const DOCKER_HUB_API = 'registry-1.docker.io';
const NAME_MAX = 255;
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const PATH = new RegExp(`^${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const IPV6 = '\\[(?:[a-fA-F0-9:]+)\\]';
const DOMAIN = new RegExp(`^(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|${IPV6})(?::[0-9]+)?$`);
const TAG = /^[\w][\w.-]{0,127}$/;
function bad(value, rule) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Image reference ${JSON.stringify(value)} is invalid: ${rule}`);
}
/** A first path component is a registry when it has a dot, a port, is localhost or has uppercase. */
function looksLikeDomain(component) {
    return (component.includes('.') ||
        component.includes(':') ||
        component === 'localhost' ||
        component.startsWith('[') ||
        component !== component.toLowerCase());
}
function parseReference(value) {
    const input = value.trim();
    if (input === '')
        throw bad(value, 'it is empty');
    if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) {
        throw bad(value, 'a reference has no URL scheme; write host/repository[:tag][@digest]');
    }
    let rest = input;
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        const d = rest.slice(at + 1);
        const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(d);
        if (problem)
            throw bad(value, `digest ${problem}`);
        digest = d;
        rest = rest.slice(0, at);
    }
    let tag;
    const lastColon = rest.lastIndexOf(':');
    if (lastColon > rest.lastIndexOf('/')) {
        tag = rest.slice(lastColon + 1);
        rest = rest.slice(0, lastColon);
        if (!TAG.test(tag)) {
            throw bad(value, `tag "${tag}" must match [A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`);
        }
    }
    if (rest.length > NAME_MAX)
        throw bad(value, `the name is longer than ${NAME_MAX} characters`);
    const slash = rest.indexOf('/');
    let registry = DOCKER_HUB;
    let repository = rest;
    if (slash > 0 && looksLikeDomain(rest.slice(0, slash))) {
        registry = rest.slice(0, slash);
        repository = rest.slice(slash + 1);
        if (!DOMAIN.test(registry))
            throw bad(value, `registry host "${registry}" is not a valid host[:port]`);
    }
    if (repository !== repository.toLowerCase()) {
        throw bad(value, `repository "${repository}" must be lowercase`);
    }
    if (!PATH.test(repository)) {
        throw bad(value, `repository "${repository}" must be lowercase path components of [a-z0-9] joined by . _ __ or -, separated by /`);
    }
    if (registry === DOCKER_HUB && !repository.includes('/'))
        repository = `library/${repository}`;
    const ref = { registry, repository };
    if (tag !== undefined)
        ref.tag = tag;
    if (digest !== undefined)
        ref.digest = digest;
    return ref;
}
/** Deploy, promote and rollback take `repo@sha256:…` only: tags are aliases, not identities. */
function requireDigest(ref, input = 'image') {
    if (!ref.digest) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "${input}" has value ${JSON.stringify(formatReference(ref))}: it must be pinned by digest (repository@sha256:…); tags are mutable and are not accepted here`);
    }
    return ref;
}
/** Host to talk to: Docker Hub's API host differs from its reference name. */
function apiHost(registry) {
    return registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
}
function repositoryName(ref) {
    return `${ref.registry}/${ref.repository}`;
}
function formatReference(ref) {
    return `${repositoryName(ref)}${ref.tag ? `:${ref.tag}` : ''}${ref.digest ? `@${ref.digest}` : ''}`;
}
/** `repo@digest`, the only form later actions accept. */
function pinned(ref, digest) {
    return `${repositoryName(ref)}@${digest}`;
}


/***/ }),

/***/ 99968:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   dR: () => (/* binding */ parseValidateRequest),
/* harmony export */   mY: () => (/* binding */ DEFAULT_POLICY_FILE),
/* harmony export */   nV: () => (/* binding */ DEFAULT_CHECK_NAME)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(37638);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67528);
/* harmony import */ var _inputs_source_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(32314);
/* harmony import */ var _oci_location_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(49768);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93966);







const DEFAULT_POLICY_FILE = '.github/kiln-policy.yml';
const DEFAULT_CHECK_NAME = 'kiln / validate-image';
/** Parses validate-image's inputs; nothing here touches the network. */
function parseValidateRequest(read, workspace = process.cwd(), commit) {
    const raw = (0,_inputs_source_js__WEBPACK_IMPORTED_MODULE_3__/* .required */ .mw)(read, 'image');
    const location = (0,_oci_location_js__WEBPACK_IMPORTED_MODULE_4__/* .parseLocation */ .zS)(raw, 'image');
    let digest;
    if (location.kind === 'registry')
        digest = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_5__/* .requireDigest */ .m0)(location.ref, 'image').digest;
    else if (location.digest)
        digest = location.digest;
    else
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)('image', raw, 'an OCI layout must be pinned by digest too: oci-layout:DIR@sha256:…');
    const policyInput = read('policy').trim();
    let policyFile;
    if (policyInput) {
        policyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, policyInput);
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(policyFile))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)('policy', policyInput, 'file does not exist');
    }
    else if ((0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, DEFAULT_POLICY_FILE))) {
        policyFile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, DEFAULT_POLICY_FILE);
    }
    const healthCmd = read('health-cmd').trim();
    const healthUrl = read('health-url').trim();
    if (healthCmd && healthUrl) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)('health-url', healthUrl, 'give health-cmd or health-url, not both');
    }
    if (healthUrl && !healthUrl.startsWith('/') && !/^https?:\/\/[^\s]+$/.test(healthUrl)) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)('health-url', healthUrl, 'must be a path (/healthz) or an http(s) URL as seen from inside the container');
    }
    const expectRevision = read('expect-revision').trim() || commit;
    const req = {
        location,
        digest,
        reference: (0,_oci_location_js__WEBPACK_IMPORTED_MODULE_4__/* .formatLocation */ .j$)(location),
        smoke: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('smoke', read('smoke'), true),
        smokeTimeoutMs: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseDuration */ .E9)('smoke-timeout', read('smoke-timeout'), 60_000),
        checkName: read('check-name').trim() || DEFAULT_CHECK_NAME,
    };
    if (req.smokeTimeoutMs <= 0)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .invalidInput */ .aY)('smoke-timeout', read('smoke-timeout'), 'must be longer than 0s');
    if (policyFile)
        req.policyFile = policyFile;
    if (expectRevision)
        req.expectRevision = expectRevision;
    if (healthCmd)
        req.healthCmd = healthCmd;
    if (healthUrl)
        req.healthUrl = healthUrl;
    const platform = read('platform').trim();
    if (platform)
        req.platform = platform;
    return req;
}


/***/ })

};
