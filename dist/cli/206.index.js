export const id = 206;
export const ids = [206];
export const modules = {

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

// UNUSED EXPORTS: LEDGER_TAG_PREFIX, MAX_CONFIG_BYTES, MAX_ENVIRONMENT_NAME, PROVIDERS, STRATEGIES, environment, parseConfig, requiredSource

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

/***/ 93044:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   c: () => (/* binding */ environment)
/* harmony export */ });
/* unused harmony export requiredSource */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);
/* harmony import */ var _yaml_source_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(98503);


/**
 * The environment `name` of the config, for the input that named it; an unknown name is the
 * user's to fix, and the error lists the names the config has.
 */
function environment(config, name, input = 'environment') {
    const env = config.environments.get(name);
    if (env)
        return env;
    const known = [...config.environments.keys()];
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)(input, name, `${config.source.file} has no such environment${(0,_yaml_source_js__WEBPACK_IMPORTED_MODULE_1__/* .didYouMean */ .au)(name, known)}; its environments: ${known.join(', ')}`);
}
/**
 * The environment a digest must come from before it may run in `env` (its `requires`), or
 * undefined when it may come from anywhere.
 */
function requiredSource(config, env) {
    const target = typeof env === 'string' ? environment(config, env) : env;
    // parseConfig proved that `requires` names an environment of the same config.
    return target.requires === undefined ? undefined : config.environments.get(target.requires);
}


/***/ }),

/***/ 98503:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $j: () => (/* binding */ problemsError),
/* harmony export */   YC: () => (/* binding */ editDistance),
/* harmony export */   Yw: () => (/* binding */ nodeOffset),
/* harmony export */   ap: () => (/* binding */ MAX_YAML_ALIASES),
/* harmony export */   au: () => (/* binding */ didYouMean),
/* harmony export */   rC: () => (/* binding */ YamlSource)
/* harmony export */ });
/* unused harmony export closest */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);

/**
 * Most alias expansions a file may make. A few anchors shared between entries stay far below
 * it; an alias bomb (aliases of aliases, growing exponentially) reaches it quickly and is
 * refused before it is expanded.
 */
const MAX_YAML_ALIASES = 100;
/** A parsed YAML document and a way back from a key path to its place in the text. */
class YamlSource {
    file;
    yaml;
    doc;
    lines;
    constructor(file, yaml, doc, lines) {
        this.file = file;
        this.yaml = yaml;
        this.doc = doc;
        this.lines = lines;
    }
    /**
     * Parses one YAML document (`merge` enables `<<` merge keys). Returns its value, or every
     * syntax error, duplicate key, unresolved alias and alias bomb with its position.
     */
    static parse(yaml, text, file, opts = {}) {
        const lines = new yaml.LineCounter();
        const doc = yaml.parseDocument(text, {
            lineCounter: lines,
            prettyErrors: false,
            uniqueKeys: true,
            merge: opts.merge ?? false,
        });
        const source = new YamlSource(file, yaml, doc, lines);
        const problems = doc.errors.map((e) => ({
            ...source.at(e.pos[0]),
            message: e.message,
        }));
        if (problems.length > 0)
            return { problems };
        // Anchors seen so far in document order: an alias may only refer back to one of them.
        const anchors = new Set();
        const aliases = [];
        yaml.visit(doc, {
            Node: (_key, node, ancestors) => {
                if (yaml.isAlias(node)) {
                    aliases.push(node);
                    const why = !anchors.has(node.source)
                        ? `has no anchor &${node.source} before it`
                        : ancestors.some((a) => !yaml.isPair(a) && !yaml.isDocument(a) && a.anchor === node.source)
                            ? `is inside the node &${node.source} it refers to (a value cannot contain itself)`
                            : undefined;
                    if (why)
                        problems.push(source.problem(node.range?.[0], `alias *${node.source} ${why}`));
                }
                else if (node.anchor)
                    anchors.add(node.anchor);
            },
        });
        if (problems.length > 0)
            return { problems };
        const bomb = (detail) => ({
            problems: [
                source.problem(aliases[0]?.range?.[0], `YAML aliases here expand past the limit of ${MAX_YAML_ALIASES} (${detail}); write the values out instead`),
            ],
        });
        // Counted before expanding: each alias is at least one expansion, and the count bounds
        // the work the expansion check itself does.
        if (aliases.length > MAX_YAML_ALIASES)
            return bomb(`${aliases.length} aliases`);
        try {
            return { source, value: doc.toJS({ maxAliasCount: MAX_YAML_ALIASES }) };
        }
        catch (err) {
            // The only failure left once every alias resolves: the expansion limit.
            return bomb((0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .errorMessage */ .gJ)(err));
        }
    }
    /** Line and column of a character offset (1:1 when unknown). */
    at(offset) {
        return offset === undefined ? { line: 1, col: 1 } : this.lines.linePos(offset);
    }
    /** A problem at an offset. */
    problem(offset, message) {
        return { ...this.at(offset), message };
    }
    /**
     * Where the node at `path` is (its key when `key`), or the deepest node that exists on the
     * way, so a problem inside a value (or a key merged from elsewhere) still points near it.
     */
    position(path, key = false) {
        return this.at(nodeOffset(this.yaml, this.doc, path, key));
    }
    /** Whether `path` names a key written in the file (not merged in, not a default). */
    has(path) {
        return this.doc.hasIn(path);
    }
}
/**
 * Offset of the YAML node at `path` (its key when `key`), or of the deepest node that exists
 * on the way.
 */
function nodeOffset(yaml, doc, path, key) {
    const { isMap, isPair, isScalar, isSeq } = yaml;
    const start = (n) => isScalar(n) || isMap(n) || isSeq(n) ? n.range?.[0] : undefined;
    let node = doc.contents;
    let offset = start(node);
    for (const [i, segment] of path.entries()) {
        const last = i === path.length - 1;
        if (isMap(node)) {
            const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
            if (!pair)
                break;
            const keyStart = start(pair.key);
            offset = last && key ? keyStart : (start(pair.value) ?? keyStart);
            node = pair.value;
        }
        else if (isSeq(node) && typeof segment === 'number') {
            const item = node.items[segment];
            if (start(item) === undefined)
                break;
            offset = start(item);
            node = item;
        }
        else
            break;
    }
    return offset;
}
/**
 * The error for a file's problems: one `file:line:col: message` per line, in file order (the
 * format editors and GitHub problem matchers understand).
 */
function problemsError(file, problems) {
    const sorted = [...problems].sort((a, b) => a.line - b.line || a.col - b.col);
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .ConfigurationError */ .j1(sorted.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
}
/** Largest edit distance still offered as "did you mean". */
const SUGGEST_DISTANCE = 2;
/** Shortest word offered its one longer candidate when nothing is close. */
const SUGGEST_PREFIX = 3;
/** The candidate a misspelt word most likely meant, if one is close enough. */
function closest(word, candidates) {
    let best;
    let bestDistance = SUGGEST_DISTANCE + 1;
    const w = word.toLowerCase();
    for (const c of candidates) {
        const d = editDistance(w, c.toLowerCase());
        if (d < bestDistance)
            [best, bestDistance] = [c, d];
    }
    if (best !== undefined || w.length < SUGGEST_PREFIX)
        return best;
    // A shortened key (`repo` for `repository`) is as likely a slip as a misspelt one.
    const longer = candidates.filter((c) => c.toLowerCase().startsWith(w));
    return longer.length === 1 ? longer[0] : undefined;
}
/** ` (did you mean "x"?)` when a candidate is close, else nothing. */
function didYouMean(word, candidates) {
    const near = closest(word, candidates);
    return near !== undefined && near !== word ? ` (did you mean "${near}"?)` : '';
}
/** Levenshtein distance, for "did you mean" on misspelt keys and values. */
function editDistance(a, b) {
    let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
        const row = [i];
        for (let j = 1; j <= b.length; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
        }
        prev = row;
    }
    return prev[b.length];
}


/***/ }),

/***/ 68253:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   k0: () => (/* binding */ gateTable)
/* harmony export */ });
/* unused harmony exports GATE_HEADERS, gateRows */
/* harmony import */ var _github_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51561);

const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' };
/** Column headers of gateRows. */
const GATE_HEADERS = ['gate', 'result', 'reason', 'evidence'];
/** Rows for a job-summary table; reasons quote registry content, so they stay text (escaped). */
function gateRows(results) {
    return results.map((r) => [
        r.gate,
        ICON[r.status],
        r.reason,
        r.evidence ? (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .inlineCode */ .ti)(r.evidence) : '',
    ]);
}
/** The gates as one markdown table. */
function gateTable(results) {
    return (0,_github_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .table */ .tp)(GATE_HEADERS, gateRows(results));
}


/***/ }),

/***/ 10424:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Ub: () => (/* reexport */ GateRefusedError),
  z$: () => (/* reexport */ assertGatesPassed),
  B2: () => (/* reexport */ digestExists),
  Fm: () => (/* reexport */ healthyIn),
  ws: () => (/* reexport */ notQuarantined),
  pJ: () => (/* reexport */ promotedInto),
  Eb: () => (/* reexport */ ranHealthyIn),
  AQ: () => (/* reexport */ runGates),
  hT: () => (/* reexport */ skipped),
  vH: () => (/* reexport */ soakedFor),
  Pf: () => (/* reexport */ validated)
});

// UNUSED EXPORTS: GATE_HEADERS, gateLine, gateRows, gateTable

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
;// CONCATENATED MODULE: ./packages/core/src/gates/gate-result.ts

/** A gate that was not asked for, shown in the table so nobody thinks it passed. */
function skipped(gate, reason) {
    return { gate, status: 'skip', reason };
}
/** One log line per gate: `gate validated: pass: … (evidence sha256:…)`. */
function gateLine(r) {
    return `gate ${r.gate}: ${r.status}: ${r.reason}${r.evidence ? ` (evidence ${r.evidence})` : ''}`;
}
/**
 * Runs every check in order, even after a failure, so the log and the summary show each gate's
 * verdict at once rather than one refusal per run. A check that throws is an operational
 * failure (the registry could not answer), not a failed gate: it propagates.
 */
async function runGates(checks, opts = {}) {
    const results = [];
    for (const check of checks) {
        const r = await check();
        results.push(r);
        opts.log?.(gateLine(r));
    }
    return { passed: results.every((r) => r.status !== 'fail'), results };
}
/**
 * A digest refused by one or more gates: the user's to fix (exit 1). Nothing was copied,
 * deployed or recorded. The message names each failed gate and why.
 */
class GateRefusedError extends errors/* ConfigurationError */.j1 {
    results;
    /** What was refused, e.g. `promote of repo@sha256:… to production`. */
    what;
    constructor(results, what = 'refused') {
        const failed = results.filter((r) => r.status === 'fail');
        super(`${what}: ${failed.map((r) => `gate ${r.gate} failed: ${r.reason}`).join('; ') || 'no gate failed'}`);
        this.results = results;
        this.what = what;
    }
}
/** Throws GateRefusedError unless every gate passed or was skipped. */
function assertGatesPassed(outcome, what) {
    if (!outcome.passed)
        throw new GateRefusedError(outcome.results, what);
}

// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(26711);
;// CONCATENATED MODULE: ./packages/core/src/gates/image-gates.ts

/** The digest is in `store` (a deploy, promote or rollback never acts on a digest that is gone). */
async function digestExists(store, digest) {
    const found = await store.resolve(digest);
    return found === digest
        ? {
            gate: 'digest-exists',
            status: 'pass',
            reason: `${store.label} holds ${digest}`,
            evidence: `${store.label}@${digest}`,
        }
        : {
            gate: 'digest-exists',
            status: 'fail',
            reason: `${store.label} has no manifest ${digest} (deleted, or never pushed there)`,
        };
}
/**
 * No environment quarantined the digest: quarantine entries are referrers of the digest in the
 * ledger's store, so one listing answers for every environment whose ledger lives there.
 */
async function notQuarantined(store, digest) {
    const q = await (0,queries/* isQuarantined */.fK)(store, digest);
    if (!q.quarantined || !q.entry)
        return {
            gate: 'not-quarantined',
            status: 'pass',
            reason: `no quarantine entry for ${digest} in ${store.label}`,
        };
    const e = q.entry.entry;
    return {
        gate: 'not-quarantined',
        status: 'fail',
        reason: `${digest} was quarantined in ${e.env} (seq ${e.seq}, ${e.at}, by ${e.actor || 'unknown'}): ${e.reason ?? 'no reason given'}`,
        evidence: q.entry.digest,
    };
}
/** Validation evidence that passed exists for the digest (`require-validation`). */
async function validated(store, digest) {
    const v = await (0,queries/* isValidated */.ft)(store, digest);
    return {
        gate: 'validated',
        status: v.ok ? 'pass' : 'fail',
        reason: `${v.reason} in ${store.label}`,
        ...(v.evidence ? { evidence: v.evidence.digest } : {}),
    };
}

// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var registry_errors = __webpack_require__(15020);
// EXTERNAL MODULE: ./packages/core/src/ledger/chain.ts
var chain = __webpack_require__(44814);
;// CONCATENATED MODULE: ./packages/core/src/gates/ledger-gates.ts



const where = (ledger) => `${ledger.env} (ledger ${ledger.store.label})`;
/**
 * The digest is what runs, healthy, in the ledger's environment now: the head's current digest
 * (a deploy or rollback that ended deployed or unchanged). A digest that ran there once but was
 * replaced since is not "deployed and healthy" there.
 */
async function healthyIn(ledger, digest) {
    const gate = 'healthy';
    const head = await ledger.head();
    if (!head)
        return { gate, status: 'fail', reason: `nothing was ever deployed to ${where(ledger)}` };
    const effect = (0,chain/* effectOf */.$x)(head.entry);
    if (effect.current !== digest) {
        const runs = effect.current
            ? `${ledger.env} runs ${effect.current}${effect.since ? ` since ${effect.since}` : ''}`
            : `nothing runs in ${ledger.env}`;
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not deployed and healthy in ${where(ledger)}: ${runs} (ledger seq ${head.entry.seq}: ${head.entry.action} ${head.entry.outcome})`,
        };
    }
    // The newest entry that ran it healthy: the head, or one the head carries in its list.
    const proof = (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest);
    return {
        gate,
        status: 'pass',
        reason: `${digest} runs healthy in ${where(ledger)}${effect.since ? ` since ${effect.since}` : ''}${proof ? ` (ledger seq ${proof.seq})` : ''}`,
        ...(proof ? { evidence: proof.entry } : {}),
    };
}
/**
 * The digest has run in the ledger's environment for at least `minSoakMs` without being
 * replaced: counted from the start of its current run (an `unchanged` redeploy does not
 * restart it; a rollback away and back does). 0 skips the gate.
 */
async function soakedFor(ledger, digest, minSoakMs, now) {
    const gate = 'min-soak';
    if (minSoakMs <= 0)
        return { gate, status: 'skip', reason: 'min-soak is 0' };
    const since = await (0,queries/* deployedSince */.JZ)(ledger, digest);
    if (!since)
        return {
            gate,
            status: 'fail',
            reason: `${digest} is not running in ${where(ledger)}, so it has not soaked there (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    const soaked = now.getTime() - since.getTime();
    if (soaked >= minSoakMs)
        return {
            gate,
            status: 'pass',
            reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(soaked)} since ${since.toISOString()} (min-soak ${(0,registry_errors/* formatMs */._V)(minSoakMs)})`,
        };
    return {
        gate,
        status: 'fail',
        reason: `running in ${ledger.env} for ${(0,registry_errors/* formatMs */._V)(Math.max(0, soaked))} since ${since.toISOString()}, min-soak is ${(0,registry_errors/* formatMs */._V)(minSoakMs)}: ${(0,registry_errors/* formatMs */._V)(minSoakMs - soaked)} to go`,
    };
}
/**
 * The digest was promoted into the ledger's environment (kiln.yml `requires: from`): a deploy
 * there refuses a digest that did not come through promote.
 */
async function promotedInto(ledger, digest, from) {
    const gate = 'promoted';
    return (await (0,queries/* wasPromotedTo */.V7)(ledger.store, ledger.env, digest))
        ? {
            gate,
            status: 'pass',
            reason: `${digest} was promoted into ${where(ledger)} (requires ${from})`,
        }
        : {
            gate,
            status: 'fail',
            reason: `${digest} was never promoted into ${where(ledger)}; ${ledger.env} requires ${from}: promote it from ${from} first`,
        };
}

;// CONCATENATED MODULE: ./packages/core/src/gates/rollback-gates.ts


/**
 * The digest ran healthy in the ledger's environment at some time (a deploy or rollback there
 * ended deployed or unchanged): a rollback goes only to a digest the environment has seen
 * working. The head's known-good list answers recent digests in one read; an older one is
 * looked up among the digest's own ledger referrers.
 */
async function ranHealthyIn(ledger, digest) {
    const gate = 'ran-healthy';
    const where = `${ledger.env} (ledger ${ledger.store.label})`;
    const head = await ledger.head();
    const kept = head ? (0,chain/* knownGoodAfter */.Vy)(head).find((k) => k.digest === digest) : undefined;
    if (kept)
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (ledger seq ${kept.seq}, ${kept.at})`,
            evidence: kept.entry,
        };
    if (head && (await (0,queries/* wasHealthy */.tj)(ledger.store, ledger.env, digest)))
        return {
            gate,
            status: 'pass',
            reason: `${digest} ran healthy in ${where} (an entry older than the head's known-good list)`,
        };
    return {
        gate,
        status: 'fail',
        reason: `${digest} never ran healthy in ${where}: a rollback goes only to a digest that did`,
    };
}

// EXTERNAL MODULE: ./packages/core/src/gates/gate-rows.ts
var gate_rows = __webpack_require__(68253);
;// CONCATENATED MODULE: ./packages/core/src/gates/index.ts
// Gates shared by promote, replace-fleet and rollback: each answers pass, fail or skip with
// the evidence it rests on; runGates collects them and GateRefusedError refuses (exit 1).







/***/ }),

/***/ 77642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
/* unused harmony export htmlText */
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(88315);

/**
 * Untrusted text (labels, USER, file names, registry and container output) for GitHub's
 * markdown: the job summary and check-run summaries and texts are rendered by cmark-gfm, so a
 * label could otherwise bring a link, an image, a table row, a heading or HTML of its own.
 * Entity and backslash escapes are never markup in CommonMark, so escaped text shows as itself.
 */
/** Characters that open or close markup anywhere in a line; `\` first, so escapes stay pairs. */
const MARKUP = /[\\`*_[\]|~#$]/g;
/**
 * Text as markdown inline content (a table cell, a heading, a list item): every character
 * that could be markup escaped, `<`, `>` and `&` as entities, line breaks as `<br>` so the text
 * stays in its cell or heading, autolinks broken (`https\://`, `www\.`, and `@` followed by an
 * empty HTML comment, since cmark-gfm links e-mail addresses even through escapes; GitHub drops
 * the comment), and a leading list or setext marker escaped in case the text starts a line.
 */
function markdownText(value) {
    return (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(MARKUP, (c) => `\\${c}`)
        .replace(/:(?=\/\/)/g, '\\:')
        .replace(/\b(www)\./gi, '$1\\.')
        .replace(/@/g, '@<!-- -->')
        .replace(/^(\d+)([.)])/, '$1\\$2')
        .replace(/^([-+=])/, '\\$1')
        .replace(/\n/g, '<br>');
}
/** Text inside an HTML block (such as `<summary>`), where markdown escapes do not apply. */
function htmlText(value) {
    return printable(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\n/g, '<br>');
}


/***/ }),

/***/ 51561:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   R_: () => (/* binding */ heading),
/* harmony export */   aY: () => (/* binding */ code),
/* harmony export */   oz: () => (/* binding */ Markdown),
/* harmony export */   ti: () => (/* binding */ inlineCode),
/* harmony export */   tp: () => (/* binding */ table)
/* harmony export */ });
/* unused harmony exports details, writeSummary */
/* harmony import */ var _actions_core__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(33838);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(88315);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77642);



/**
 * Markdown builders for job summaries (digests, sizes, gates, timings). They return strings so
 * callers compose a whole summary and write it once; each is plain GitHub-flavoured markdown.
 * A plain string given to a builder is text, wherever it came from, and is escaped
 * (escape.ts), so a label shows as itself; markup of Kiln's own is a `Markdown` value.
 */
/** Markdown source written by Kiln: used as it is where a plain string is escaped as text. */
class Markdown {
    source;
    constructor(source) {
        this.source = source;
    }
    toString() {
        return this.source;
    }
}
/**
 * A table cell is one line of markdown: a newline would end the row and an unescaped `|` the
 * cell, even inside a code span. A `|` after an even number of backslashes (none included)
 * gets one more, so it is escaped however a table parser pairs backslashes.
 */
function cell(value) {
    const source = value instanceof Markdown ? value.source : (0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(String(value ?? ''));
    return source
        .replace(/(\\*)\|/g, (m, bs) => (bs.length % 2 ? m : `${bs}\\|`))
        .replace(/\r?\n/g, '<br>');
}
function table(headers, rows) {
    const line = (cells) => `| ${cells.map(cell).join(' | ')} |`;
    const pad = (r) => Array.from({ length: headers.length }, (_, i) => r[i]);
    const rule = headers.map(() => new Markdown('---'));
    return [line(headers), line(rule), ...rows.map((r) => line(pad(r)))].join('\n');
}
/** A collapsed section; the blank lines let GitHub render markdown inside the HTML block. */
function details(summary, body) {
    return `<details><summary>${htmlText(summary)}</summary>\n\n${body}\n\n</details>`;
}
/** A fenced block whose fence is longer than any backtick run inside, so content cannot end it. */
function code(text, lang = '') {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text);
    const longest = Math.max(2, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const fence = '`'.repeat(longest + 1);
    return `${fence}${lang}\n${shown.replace(/\n$/, '')}\n${fence}`;
}
/**
 * Inline code; a value containing backticks gets a longer delimiter and padding spaces. A
 * code span shows its content literally; a newline in it would still end a table row, and
 * becomes the space markdown renders it as anyway.
 */
function inlineCode(text) {
    const shown = (0,_log_js__WEBPACK_IMPORTED_MODULE_1__/* .printable */ .g$)(text).replace(/\n/g, ' ');
    const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const tick = '`'.repeat(longest + 1);
    return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .markdownText */ .p)(text)}`;
}
/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core.summary.addRaw(markdown, true).write();
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


/***/ })

};
