export const id = 715;
export const ids = [715,768];
export const modules = {

/***/ 17715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   validate: () => (/* binding */ validate)
/* harmony export */ });
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(48892);
/* harmony import */ var _kiln_core_validate_request__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(99968);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(11428);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(47105);





const validateUsage = _usage_js__WEBPACK_IMPORTED_MODULE_3__/* .USAGE */ .u.validate;
const names = [
    'image',
    'policy',
    'expect-revision',
    'smoke',
    'health-cmd',
    'health-url',
    'smoke-timeout',
    'platform',
];
async function validate(argv) {
    const options = {
        ..._options_js__WEBPACK_IMPORTED_MODULE_2__/* .registryFlags */ .hE,
        ...Object.fromEntries(names.map((k) => [k, { type: 'string' }])),
    };
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .parse */ .qg)(argv, options);
    if (positionals.length)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`unexpected argument "${positionals[0]}"\nusage: kiln ${validateUsage}`);
    const v = values;
    const request = (0,_kiln_core_validate_request__WEBPACK_IMPORTED_MODULE_1__/* .parseValidateRequest */ .dR)((0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_0__/* .fromRecord */ .iA)(Object.fromEntries(names.map((k) => [k, v[k]]))));
    // Flags are checked before the policy engine and the registry client load.
    const [{ validateImage, validationSummary }, { Registries }] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(815), __webpack_require__.e(118), __webpack_require__.e(402), __webpack_require__.e(27), __webpack_require__.e(554)]).then(__webpack_require__.bind(__webpack_require__, 29554)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(402), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 17069)),
    ]);
    const result = await validateImage(request, new Registries((0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .registryOptions */ ._A)(values, request.location.kind === 'registry' ? request.location.ref.registry : undefined)), {
        log: _options_js__WEBPACK_IMPORTED_MODULE_2__/* .progress */ .qB,
    });
    (0,_options_js__WEBPACK_IMPORTED_MODULE_2__/* .print */ .yy)(values.json, { ...result, policy: undefined }, validationSummary(result));
    return result.result === 'pass' ? 0 : 3;
}


/***/ }),

/***/ 11428:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   _A: () => (/* binding */ registryOptions),
/* harmony export */   hE: () => (/* binding */ registryFlags),
/* harmony export */   qB: () => (/* binding */ progress),
/* harmony export */   qg: () => (/* binding */ parse),
/* harmony export */   uE: () => (/* binding */ kubeconfigFlag),
/* harmony export */   yy: () => (/* binding */ print)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);
/* harmony import */ var _kiln_core_log__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(88315);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48892);





/** Flags every command that talks to a registry accepts, mirroring the actions' common inputs. */
const registryFlags = {
    'registry-username': { type: 'string' },
    'registry-password': { type: 'string' },
    'insecure-registries': { type: 'string' },
    /** time all registry traffic may take (e.g. 30m); KILN_TIMEOUT; default 30m, 0 = none */
    timeout: { type: 'string' },
    json: { type: 'boolean' },
};
function parse(argv, options) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({ args: argv, options, allowPositionals: true });
    }
    catch (err) {
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(err.message);
    }
}
/** `target`: the registry the command writes to, the only one given the explicit credentials. */
function registryOptions(values, target) {
    const env = process.env;
    // A password on the command line lands in shell history; the environment variable is preferred.
    return (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .registryOptionsFrom */ .us)((0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_3__/* .fromRecord */ .iA)({
        'registry-username': values['registry-username'] ?? env.KILN_REGISTRY_USERNAME,
        'registry-password': values['registry-password'] ?? env.KILN_REGISTRY_PASSWORD,
        'insecure-registries': values['insecure-registries'] ?? env.KILN_INSECURE_REGISTRIES,
        timeout: values.timeout ?? env.KILN_TIMEOUT,
    }), target);
}
/**
 * A command's result on stdout: JSON, or text through the logger's writer. Both are safe to
 * print on a runner whatever an image or a registry put in them (see log.ts).
 */
function print(json, value, text) {
    if (json)
        process.stdout.write(_kiln_core_log__WEBPACK_IMPORTED_MODULE_2__/* .jsonText */ .s$(value) + '\n');
    else
        _kiln_core_log__WEBPACK_IMPORTED_MODULE_2__/* .write */ .M9(process.stdout, text.replace(/\n$/, ''));
}
/** Progress lines go to stderr, so stdout holds only the result. */
const progress = (line) => _kiln_core_log__WEBPACK_IMPORTED_MODULE_2__/* .write */ .M9(process.stderr, line);
/**
 * `--kubeconfig FILE` (a path, as kubectl takes it): the file's content, which the fleet inputs
 * take as `kubeconfig` and mask before parsing. Unset: the provider's own default applies.
 */
function kubeconfigFlag(path) {
    if (path === undefined || path.trim() === '')
        return undefined;
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(path, 'utf8');
    }
    catch (err) {
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Flag "--kubeconfig" has value "${path}": the file cannot be read (${err.code ?? err.message})`);
    }
}


/***/ }),

/***/ 48892:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  iA: () => (/* reexport */ source/* fromRecord */.iA),
  cG: () => (/* reexport */ parse/* parseInteger */.cG),
  us: () => (/* reexport */ registryOptionsFrom)
});

// UNUSED EXPORTS: DEFAULT_REGISTRY_TIMEOUT_MS, actionInputs, parseBoolean, parseChoice, parseDuration, parseList, parseMap, required

// EXTERNAL MODULE: ./packages/core/src/inputs/parse.ts
var parse = __webpack_require__(67528);
// EXTERNAL MODULE: ./packages/core/src/inputs/source.ts
var source = __webpack_require__(32314);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(88315);
;// CONCATENATED MODULE: ./packages/core/src/inputs/registry-inputs.ts


/** Default `timeout`: the time an action's registry traffic may take in all. */
const DEFAULT_REGISTRY_TIMEOUT_MS = 30 * 60_000;
/**
 * The inputs every registry-touching action shares: credentials, insecure hosts, timeout. The
 * credentials go to `target` (the registry the action writes to) only, when it is given.
 */
function registryOptionsFrom(read, target) {
    const username = read('registry-username').trim();
    const password = read('registry-password');
    (0,log/* setSecret */.Pq)(password);
    const o = {
        insecureRegistries: (0,parse/* parseList */.E1)(read('insecure-registries'), { commas: true }),
        timeoutMs: (0,parse/* parseDuration */.E9)('timeout', read('timeout'), DEFAULT_REGISTRY_TIMEOUT_MS),
    };
    if (username)
        o.username = username;
    if (password)
        o.password = password;
    if (target)
        o.credentialsRegistry = target;
    return o;
}

;// CONCATENATED MODULE: ./packages/core/src/inputs/index.ts
// Typed input parsing shared by the actions and the CLI.





/***/ }),

/***/ 67528:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E1: () => (/* binding */ parseList),
/* harmony export */   E9: () => (/* binding */ parseDuration),
/* harmony export */   HU: () => (/* binding */ parseChoice),
/* harmony export */   cG: () => (/* binding */ parseInteger),
/* harmony export */   y1: () => (/* binding */ parseMap),
/* harmony export */   yG: () => (/* binding */ parseBoolean)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);

/** Typed parsers for action inputs. Each takes the input's name so errors can name it. */
const TRUE = ['true', 'yes', '1', 'on'];
const FALSE = ['false', 'no', '0', 'off'];
function parseBoolean(name, raw, fallback) {
    const v = raw.trim().toLowerCase();
    if (v === '' && fallback !== undefined)
        return fallback;
    if (TRUE.includes(v))
        return true;
    if (FALSE.includes(v))
        return false;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, raw, `must be one of ${[...TRUE, ...FALSE].join(', ')}`);
}
const UNIT_MS = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const DURATION = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)/;
/** `90s`, `10m`, `1h30m`, `500ms`; a bare number is seconds. Returns milliseconds. */
function parseDuration(name, raw, fallbackMs) {
    const v = raw.trim();
    if (v === '' && fallbackMs !== undefined)
        return fallbackMs;
    if (/^\d+$/.test(v))
        return Number(v) * 1000;
    let rest = v;
    let total = 0;
    while (rest.length > 0) {
        const m = DURATION.exec(rest);
        if (!m)
            break;
        total += Number(m[1]) * UNIT_MS[m[2]];
        rest = rest.slice(m[0].length);
    }
    if (v === '' || rest.length > 0) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, raw, 'must be a duration such as 90s, 10m, 1h30m or 500ms');
    }
    return Math.round(total);
}
function parseInteger(name, raw, fallback, rule = {}) {
    const v = raw.trim();
    if (v === '' && fallback !== undefined)
        return fallback;
    const n = /^-?\d+$/.test(v) ? Number(v) : NaN;
    const { min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER } = rule;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
        const range = rule.max !== undefined
            ? `between ${min} and ${max}`
            : rule.min !== undefined
                ? `>= ${min}`
                : '';
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, raw, `must be an integer${range ? ' ' + range : ''}`);
    }
    return n;
}
/**
 * Multiline list: one item per line; with `commas`, items may also be comma-separated.
 * Blank lines and lines starting with `#` are skipped.
 */
function parseList(raw, opts = {}) {
    const lines = raw.split(/\r?\n/);
    const items = opts.commas ? lines.flatMap((l) => l.split(',')) : lines;
    return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
}
const MAP_KEY = /^[A-Za-z0-9_][A-Za-z0-9_.\-/]*$/;
/** `key=value` lines. The value may contain `=`; keys must be unique. */
function parseMap(name, raw) {
    const out = {};
    for (const line of parseList(raw)) {
        const eq = line.indexOf('=');
        const key = eq > 0 ? line.slice(0, eq).trim() : '';
        if (!MAP_KEY.test(key)) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, line, 'each line must be key=value with a key of letters, digits, _ . - /');
        }
        if (key in out)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, line, `key "${key}" is given twice`);
        out[key] = line.slice(eq + 1).trim();
    }
    return out;
}
/** One of a fixed set of choices. */
function parseChoice(name, raw, choices, fallback) {
    const v = raw.trim();
    if (v === '' && fallback !== undefined)
        return fallback;
    if (choices.includes(v))
        return v;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(name, raw, `must be one of ${choices.join(', ')}`);
}


/***/ }),

/***/ 32314:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   iA: () => (/* binding */ fromRecord),
/* harmony export */   mw: () => (/* binding */ required)
/* harmony export */ });
/* unused harmony export actionInputs */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37638);


const actionInputs = (name) => core.getInput(name);
function fromRecord(values) {
    return (name) => values[name] ?? '';
}
function required(read, name) {
    const v = read(name).trim();
    if (v === '')
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigurationError */ .j1(`Input "${name}" is required`);
    return v;
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
