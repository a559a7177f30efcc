export const id = 847;
export const ids = [847];
export const modules = {

/***/ 42847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   status: () => (/* binding */ status)
/* harmony export */ });
/* harmony import */ var _kiln_core_config__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(83744);
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37638);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(11428);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(47105);




const flags = {
    ..._options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryFlags */ .hE,
    /** kiln.yml (default .github/kiln.yml) */
    config: { type: 'string' },
    /** the image repository in place of the config's (e.g. the demo's registry) */
    image: { type: 'string' },
};
/** `kiln status`: the environments table; the registry and the engines are only read. */
async function status(argv) {
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(argv, flags);
    if (positionals.length)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`usage: kiln ${_usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u.status}`);
    const config = await (0,_kiln_core_config__WEBPACK_IMPORTED_MODULE_0__/* .loadConfig */ .Z9)(values.config ?? _kiln_core_config__WEBPACK_IMPORTED_MODULE_0__/* .DEFAULT_CONFIG_PATH */ .Bi, {
        ...(values.image !== undefined ? { image: values.image } : {}),
    });
    // The config is checked before the registry client and the status domain load.
    const [{ formatReference, Registries }, { environmentsStatus, formatStatus }] = await Promise.all([Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(402), __webpack_require__.e(69), __webpack_require__.e(768)]).then(__webpack_require__.bind(__webpack_require__, 17069)), Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(711), __webpack_require__.e(143)]).then(__webpack_require__.bind(__webpack_require__, 41353))]);
    const ledger = config.ledger.repository;
    const registries = new Registries((0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryOptions */ ._A)(values, ledger.registry));
    const rows = await environmentsStatus(config, {
        store: registries.repository(ledger.registry, ledger.repository),
        ...(process.env.DOCKER_HOST ? { dockerHost: process.env.DOCKER_HOST } : {}),
    });
    const json = {
        config: config.source.file,
        image: formatReference(config.image),
        ledger: formatReference(ledger),
        environments: rows,
    };
    (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .print */ .yy)(values.json, json, formatStatus(rows) + '\n');
    return 0;
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

/***/ 83744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Bi: () => (/* reexport */ kiln_config/* DEFAULT_CONFIG_PATH */.Bi),
  i7: () => (/* reexport */ configFromInputs),
  Z9: () => (/* reexport */ loadConfig)
});

// UNUSED EXPORTS: LEDGER_TAG_PREFIX, MAX_CONFIG_BYTES, MAX_ENVIRONMENT_NAME, PROVIDERS, STRATEGIES, environment, environmentRepository, parseConfig, requiredSource

// EXTERNAL MODULE: ./packages/core/src/config/kiln-config.ts
var kiln_config = __webpack_require__(48051);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
;// CONCATENATED MODULE: ./packages/core/src/config/load-config.ts





/** A Kiln config is a few dozen lines; a larger file is not one (and is not read into memory). */
const MAX_CONFIG_BYTES = 1024 * 1024;
// O_NOFOLLOW: the file is refused if it is a link, which a pull request could point at a
// secret on the runner. O_NONBLOCK: a FIFO in its place does not block the open forever.
const READ_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
/**
 * Checks kiln.yml text (see parseConfigText). Loads `yaml` and the schema on first use, so a
 * bundle that never reads a config does not load them at start-up.
 */
async function parseConfig(text, file, opts = {}) {
    const [yaml, { parseConfigText }] = await Promise.all([
        __webpack_require__.e(/* import() */ 815).then(__webpack_require__.t.bind(__webpack_require__, 38815, 19)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(343), __webpack_require__.e(778)]).then(__webpack_require__.bind(__webpack_require__, 93778)),
    ]);
    return parseConfigText(yaml, text, file, opts);
}
/** Reads and checks a config file; errors name `path` as given, so they point into the repository. */
async function loadConfig(path = kiln_config/* DEFAULT_CONFIG_PATH */.Bi, opts = {}) {
    const { cwd, ...parseOpts } = opts;
    const text = await readConfigFile(path, cwd ?? process.cwd(), (why) => new errors/* ConfigurationError */.j1(`Config file ${JSON.stringify(path)} ${why}`));
    if (text === undefined)
        throw new errors/* ConfigurationError */.j1(`Config file ${JSON.stringify(path)} does not exist`);
    return parseConfig(text, path, parseOpts);
}
/**
 * The common `config` input: the named file (relative to the workspace), else
 * `.github/kiln.yml` when it exists, else undefined (Kiln runs from inputs alone).
 */
async function configFromInputs(read, workspace, opts = {}) {
    const { log, ...parseOpts } = opts;
    const given = read('config').trim();
    const path = given === '' ? kiln_config/* DEFAULT_CONFIG_PATH */.Bi : given;
    const fail = (why) => given === ''
        ? new errors/* ConfigurationError */.j1(`Config file ${JSON.stringify(path)} (the default of input "config") ${why}`)
        : (0,errors/* invalidInput */.aY)('config', given, `the file ${why}`);
    const text = await readConfigFile(path, workspace, fail);
    if (text !== undefined) {
        // Loading the parser and the schema is most of an action's start-up: say what it is doing.
        log?.(`Reading ${path}`);
        return parseConfig(text, path, parseOpts);
    }
    if (given !== '')
        throw fail('does not exist (a relative path is read from the workspace)');
    // `.yaml` for `.yml` is the likeliest slip; ignoring that file would ignore the whole config.
    const other = kiln_config/* DEFAULT_CONFIG_PATH */.Bi.replace(/\.yml$/, '.yaml');
    if (await (0,promises_.lstat)((0,external_node_path_.join)(workspace, other)).then(() => true, () => false)) {
        throw new errors/* ConfigurationError */.j1(`Config file ${JSON.stringify(other)} is not read: Kiln reads ${JSON.stringify(kiln_config/* DEFAULT_CONFIG_PATH */.Bi)}; rename it, or name it in input "config"`);
    }
    return undefined;
}
/**
 * The text of the config at `path` (relative to `base`), or undefined when it does not exist.
 * Neither the file nor a folder between `base` and it may be a link; it must be a regular
 * file of at most MAX_CONFIG_BYTES.
 */
async function readConfigFile(path, base, fail) {
    const full = (0,external_node_path_.resolve)(base, path);
    if (!(0,external_node_path_.isAbsolute)(path)) {
        const parts = (0,external_node_path_.normalize)(path).split(external_node_path_.sep).slice(0, -1);
        for (let i = 1; i <= parts.length; i++) {
            const folder = parts.slice(0, i).join(external_node_path_.sep);
            if (folder === '..' || folder.endsWith(`${external_node_path_.sep}..`))
                continue;
            const stats = await (0,promises_.lstat)((0,external_node_path_.join)(base, folder)).catch(() => undefined);
            if (stats?.isSymbolicLink())
                throw fail(`is inside ${folder}, a symbolic link; a config is read only through real folders`);
        }
    }
    let fh;
    try {
        fh = await (0,promises_.open)(full, READ_FLAGS);
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return undefined;
        if (code === 'ELOOP' || code === 'EMLINK')
            throw fail('is a symbolic link; a config must be a regular file in the repository');
        if (code === 'EISDIR')
            throw fail('is a directory, not a YAML file');
        throw fail(`cannot be read (${code ?? String(err)})`);
    }
    try {
        const stats = await fh.stat();
        if (stats.isDirectory())
            throw fail('is a directory, not a YAML file');
        if (!stats.isFile())
            throw fail('is not a regular file');
        if (stats.size > MAX_CONFIG_BYTES)
            throw fail(`is ${stats.size} bytes, more than a config may be (${MAX_CONFIG_BYTES} bytes)`);
        // Read one byte past the limit: a file that grew after the check is still refused.
        const buffer = Buffer.alloc(MAX_CONFIG_BYTES + 1);
        let length = 0;
        for (;;) {
            const { bytesRead } = await fh.read(buffer, length, buffer.length - length, null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
            if (length > MAX_CONFIG_BYTES)
                throw fail(`is more than a config may be (${MAX_CONFIG_BYTES} bytes)`);
        }
        return buffer.subarray(0, length).toString('utf8');
    }
    finally {
        await fh.close();
    }
}

;// CONCATENATED MODULE: ./packages/core/src/config/index.ts
// .github/kiln.yml: environments, providers and the ledger's place, checked with positions.
// parse-config (zod, the schema) and yaml load on first use: see load-config.ts.





/***/ }),

/***/ 48051:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Bi: () => (/* binding */ DEFAULT_CONFIG_PATH),
/* harmony export */   N7: () => (/* binding */ MAX_ENVIRONMENT_NAME),
/* harmony export */   YL: () => (/* binding */ STRATEGIES),
/* harmony export */   xq: () => (/* binding */ PROVIDERS)
/* harmony export */ });
/* unused harmony export LEDGER_TAG_PREFIX */
/** Where the `config` input points when it is left empty (read only when the file exists). */
const DEFAULT_CONFIG_PATH = '.github/kiln.yml';
/** The engines replace-fleet can drive; each has a settings block of the same name. */
const PROVIDERS = ['swarm', 'kubernetes', 'aws-asg'];
const STRATEGIES = ['rolling', 'blue-green'];
/** The ledger's head tag is `kiln-ledger-<env>`; a tag is at most 128 characters. */
const LEDGER_TAG_PREFIX = 'kiln-ledger-';
const MAX_ENVIRONMENT_NAME = 128 - LEDGER_TAG_PREFIX.length;


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
