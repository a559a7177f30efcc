export const id = 576;
export const ids = [576];
export const modules = {

/***/ 78576:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   run: () => (/* binding */ run)
/* harmony export */ });
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37638);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(11428);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(47105);



const runUsage = _usage_js__WEBPACK_IMPORTED_MODULE_1__/* .USAGE */ .u.run;
const EVENTS = ['push', 'pull_request', 'workflow_dispatch'];
/** `k=v` arguments of a repeated flag as a record; a name given twice is refused. */
function pairs(flag, values) {
    const out = {};
    for (const v of values ?? []) {
        const eq = v.indexOf('=');
        if (eq <= 0)
            throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--${flag} ${v}: expected NAME=VALUE`);
        const name = v.slice(0, eq);
        if (Object.hasOwn(out, name))
            throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--${flag} ${name} given twice`);
        out[name] = v.slice(eq + 1);
    }
    return out;
}
/**
 * Secrets come from this process's environment by name (`--secret NAME`), never from the
 * command line, where they would land in shell history and `ps`.
 */
function secretsFrom(names) {
    const out = {};
    for (const name of names ?? []) {
        const value = process.env[name];
        if (value === undefined)
            throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--secret ${name}: no environment variable ${name} is set`);
        out[name] = value;
    }
    return out;
}
async function run(argv) {
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .parse */ .qg)(argv, {
        input: { type: 'string', multiple: true },
        var: { type: 'string', multiple: true },
        secret: { type: 'string', multiple: true },
        event: { type: 'string' },
        debug: { type: 'boolean' },
        json: { type: 'boolean' },
    });
    if (positionals.length !== 1)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`usage: kiln ${runUsage}`);
    const event = values.event;
    if (event !== undefined && !EVENTS.includes(event))
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`--event ${event}: expected one of ${EVENTS.join(', ')}`);
    const options = {
        workflow: positionals[0],
        event: event,
        inputs: pairs('input', values.input),
        vars: pairs('var', values.var),
        secrets: secretsFrom(values.secret),
        debug: values.debug ?? false,
        log: _options_js__WEBPACK_IMPORTED_MODULE_0__/* .progress */ .qB,
    };
    // Arguments are checked before the runner (and GitHub's workflow parser) loads.
    const { runWorkflow, runReport } = await __webpack_require__.e(/* import() */ 478).then(__webpack_require__.bind(__webpack_require__, 29478));
    const result = await runWorkflow(options);
    (0,_options_js__WEBPACK_IMPORTED_MODULE_0__/* .print */ .yy)(values.json, result, await runReport(result));
    return result.conclusion === 'success' ? 0 : 3;
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


/***/ })

};
