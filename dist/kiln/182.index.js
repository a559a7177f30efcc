export const id = 182;
export const ids = [182];
export const modules = {

/***/ 83744:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  i7: () => (/* reexport */ configFromInputs)
});

// UNUSED EXPORTS: DEFAULT_CONFIG_PATH, LEDGER_TAG_PREFIX, MAX_CONFIG_BYTES, MAX_ENVIRONMENT_NAME, PROVIDERS, STRATEGIES, environment, environmentRepository, loadConfig, parseConfig, requiredSource

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
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(935)]).then(__webpack_require__.bind(__webpack_require__, 42935)),
    ]);
    return parseConfigText(yaml, text, file, opts);
}
/** Reads and checks a config file; errors name `path` as given, so they point into the repository. */
async function loadConfig(path = DEFAULT_CONFIG_PATH, opts = {}) {
    const { cwd, ...parseOpts } = opts;
    const text = await readConfigFile(path, cwd ?? process.cwd(), (why) => new ConfigurationError(`Config file ${JSON.stringify(path)} ${why}`));
    if (text === undefined)
        throw new ConfigurationError(`Config file ${JSON.stringify(path)} does not exist`);
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
/* harmony export */   cA: () => (/* binding */ environment),
/* harmony export */   gu: () => (/* binding */ environmentRepository)
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
/** The repository `env` runs images from: its own `image:`, else the config's. */
function environmentRepository(config, env) {
    const e = typeof env === 'string' ? environment(config, env) : env;
    const ref = e.image ?? config.image;
    return { registry: ref.registry, repository: ref.repository };
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

/***/ 47034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   D: () => (/* binding */ ENV_NAME_RULE),
/* harmony export */   G: () => (/* binding */ ENV_NAME)
/* harmony export */ });
// Apart from entry.ts (zod), so input parsers can check an environment name without loading it.
/** An environment name that makes a valid tag `kiln-ledger-<env>` (tags: 128 characters). */
const ENV_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,115}$/;
/** The rule ENV_NAME checks, for error messages. */
const ENV_NAME_RULE = 'must be an environment name: letters, digits, "_", "." and "-" (at most 116, not starting with "." or "-")';


/***/ }),

/***/ 43291:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $G: () => (/* binding */ configLedgers),
/* harmony export */   Fn: () => (/* binding */ ledgerRepositoryFor),
/* harmony export */   l2: () => (/* binding */ requireEnvironmentRepository)
/* harmony export */ });
/* harmony import */ var _config_queries_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(93044);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37638);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(93966);



// Light (no zod, no store): input parsers decide where a ledger is before anything loads.
const repositoryOf = (ref) => ({
    registry: ref.registry,
    repository: ref.repository,
});
/**
 * Where `env`'s ledger lives: kiln.yml's `ledger.repository` when it names a repository of its
 * own, else the environment's repository (its `image:`, else kiln.yml's). Without kiln.yml, the
 * repository of the image the inputs name: there is no other to go by.
 */
function ledgerRepositoryFor(config, env, image) {
    if (!config)
        return repositoryOf(image);
    const own = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(config.ledger.repository) !== (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(config.image);
    return repositoryOf(own ? config.ledger.repository : (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentRepository */ .gu)(config, env));
}
/**
 * Refuses an image outside `env`'s repository, before any remote call: the ledger and the
 * quarantine lookup follow the environment, never a repository the input chose (a byte-
 * identical copy elsewhere would otherwise escape both). Without kiln.yml there is nothing to
 * compare with.
 */
function requireEnvironmentRepository(config, env, image, input, raw) {
    if (!config)
        return;
    const want = (0,_config_queries_js__WEBPACK_IMPORTED_MODULE_1__/* .environmentRepository */ .gu)(config, env);
    if ((0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(image) === (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(want))
        return;
    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .invalidInput */ .aY)(input, raw, `is in ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(image)}, but ${env} runs images from ${(0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_0__/* .repositoryName */ .aR)(want)} (${config.source.file}): name an image of that repository (promote copies it there)`);
}
/**
 * Every ledger kiln.yml names, one per environment: a quarantine in any of them refuses the
 * digest everywhere, whichever repository or registry its bytes are in.
 */
function configLedgers(config) {
    if (!config)
        return [];
    return [...config.environments.keys()].map((env) => ({
        env,
        repository: ledgerRepositoryFor(config, env, config.image),
    }));
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
