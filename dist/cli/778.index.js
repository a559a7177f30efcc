export const id = 778;
export const ids = [778];
export const modules = {

/***/ 93778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfigText: () => (/* binding */ parseConfigText)
});

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./node_modules/zod/v4/mini/schemas.js
var schemas = __webpack_require__(94343);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/api.js
var api = __webpack_require__(43759);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/inputs/parse.ts
var parse = __webpack_require__(67528);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(93966);
// EXTERNAL MODULE: ./packages/core/src/config/kiln-config.ts
var kiln_config = __webpack_require__(48051);
;// CONCATENATED MODULE: ./packages/core/src/config/config-schema.ts





/**
 * The shape of kiln.yml, key by key. Every message is a rule ("must be …") without the value:
 * the caller adds the key path, the value and the position, the same way for every key.
 */
/**
 * The rule part of an error another parser threw for `raw`, so its wording stays in one place:
 * those messages read `… "<raw>"…: <rule>`.
 */
function ruleOf(err, raw) {
    const message = (0,errors/* errorMessage */.gJ)(err);
    const quoted = JSON.stringify(raw);
    const at = message.indexOf(quoted);
    const colon = at < 0 ? -1 : message.indexOf(': ', at + quoted.length);
    return colon < 0 ? message : message.slice(colon + 2);
}
const config_schema_text = (rule, pattern, max = 1024) => schemas/* string */.YjP({ error: rule })
    .check(api/* _minLength */.m9(1, { error: rule }), api/* _maxLength */.Eb(max, { error: rule }), ...(pattern ? [api/* _regex */.Fk(pattern, { error: rule })] : []));
const whole = (min, max) => {
    const rule = max === undefined
        ? `must be a whole number of at least ${min}`
        : `must be a whole number from ${min} to ${max}`;
    return schemas/* number */.aig({ error: rule })
        .check(schemas/* int */.Whr({ error: rule }), api/* _gte */.qm(min, { error: rule }), ...(max === undefined ? [] : [api/* _lte */.Zm(max, { error: rule })]));
};
/**
 * A duration as the inputs take it (`90s`, `10m`, `1h30m`; a bare number is seconds), in ms.
 * Any value goes to parseDuration, so its rule is the message for a wrong type too. (z.unknown
 * makes the key optional, which every duration is.)
 */
const duration = (positive) => schemas/* pipe */.FsL(schemas/* unknown */.L5J(), schemas/* transform */.pdi((v, ctx) => {
    const raw = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    try {
        const ms = (0,parse/* parseDuration */.E9)('duration', raw);
        if (positive && ms <= 0)
            throw new Error(`${JSON.stringify(raw)}: must be longer than 0`);
        return ms;
    }
    catch (err) {
        ctx.issues.push({ code: 'custom', message: ruleOf(err, raw), input: v });
        return core/* NEVER */.tm;
    }
}));
const REPOSITORY_RULE = 'must be an image repository such as ghcr.io/acme/shop';
/** An image repository: a reference without tag or digest (each deploy names its digest). */
const repository = schemas/* pipe */.FsL(schemas/* string */.YjP({ error: REPOSITORY_RULE }), schemas/* transform */.pdi((v, ctx) => {
    try {
        const ref = (0,reference/* parseReference */.F2)(v);
        if (ref.tag === undefined && ref.digest === undefined)
            return ref;
        ctx.issues.push({
            code: 'custom',
            message: `${REPOSITORY_RULE}, without a tag or digest (each deploy names the digest it runs)`,
            input: v,
        });
    }
    catch (err) {
        ctx.issues.push({ code: 'custom', message: ruleOf(err, v), input: v });
    }
    return core/* NEVER */.tm;
}));
const URL_RULE = 'must be an http or https URL';
const url = config_schema_text(URL_RULE).check(schemas/* refine */.YPB((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), {
    error: URL_RULE,
}));
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const ENVIRONMENT_NAME_RULE = `must be an environment name: lower-case letters, digits, - and _, starting with a letter or digit, at most ${kiln_config/* MAX_ENVIRONMENT_NAME */.N7} characters`;
/** DNS-1123 label: Kubernetes namespace and container names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_RULE = 'lower-case letters, digits and -, at most 63 characters';
const settings = {
    swarm: schemas/* partial */.OH3(schemas/* strictObject */.rej({
        replicas: whole(1),
        port: whole(1, 65535),
        network: config_schema_text('must be a network name: letters, digits, _ . and -', /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 255),
        'docker-host': config_schema_text('must be an engine address such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host', /^(unix|tcp|ssh|npipe):\/\/\S+$/),
    }, { error: "must be a map of this provider's settings" })),
    kubernetes: schemas/* partial */.OH3(schemas/* strictObject */.rej({
        namespace: config_schema_text(`must be a namespace name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
        context: config_schema_text('must be a kubeconfig context name'),
        container: config_schema_text(`must be a container name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
    }, { error: "must be a map of this provider's settings" })),
    'aws-asg': schemas/* partial */.OH3(schemas/* strictObject */.rej({
        region: config_schema_text('must be an AWS region such as us-east-1', /^[a-z]{2}(-[a-z]+)+-\d+$/, 32),
        'launch-template': config_schema_text('must be a launch template name (3 to 128 of letters, digits, ( ) . / _ -) or id (lt-…)', /^[A-Za-z0-9()./_-]{3,128}$/),
        'target-group-arn': config_schema_text('must be a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)', /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/),
        'min-healthy-percentage': whole(0, 100),
    }, { error: "must be a map of this provider's settings" })),
};
const environment = schemas/* strictObject */.rej({
    provider: schemas/* enum */.k5n(kiln_config/* PROVIDERS */.xq, { error: `must be one of ${kiln_config/* PROVIDERS */.xq.join(', ')}` }),
    target: config_schema_text('must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group'),
    requires: schemas/* optional */.lqM(config_schema_text('must be the name of another environment')),
    'min-soak': schemas/* optional */.lqM(duration(false)),
    strategy: schemas/* optional */.lqM(schemas/* enum */.k5n(kiln_config/* STRATEGIES */.YL, { error: `must be one of ${kiln_config/* STRATEGIES */.YL.join(', ')}` })),
    'batch-size': schemas/* optional */.lqM(whole(1)),
    'health-timeout': schemas/* optional */.lqM(duration(true)),
    'keep-warm': schemas/* optional */.lqM(duration(false)),
    url: schemas/* optional */.lqM(url),
    /** The environment's own repository, when it is not the config's `image:`. */
    image: schemas/* optional */.lqM(repository),
    swarm: schemas/* optional */.lqM(settings.swarm),
    kubernetes: schemas/* optional */.lqM(settings.kubernetes),
    'aws-asg': schemas/* optional */.lqM(settings['aws-asg']),
}, { error: 'must be a map with provider:, target: and the settings of the environment' });
const ledger = schemas/* strictObject */.rej({ repository }, { error: 'must be a map with repository:' });
const configSchema = schemas/* strictObject */.rej({
    image: repository,
    ledger: schemas/* optional */.lqM(ledger),
    environments: schemas/* record */.g1P(schemas/* string */.YjP().check(api/* _maxLength */.Eb(kiln_config/* MAX_ENVIRONMENT_NAME */.N7), api/* _regex */.Fk(ENVIRONMENT_NAME)), environment, {
        error: (issue) => issue.code === 'invalid_key'
            ? ENVIRONMENT_NAME_RULE
            : 'must be a map of environment name to its settings',
    })
        .check(schemas/* refine */.YPB((envs) => Object.keys(envs).length > 0, {
        error: 'must name at least one environment',
    })),
});
/** The keys a map at `path` may have, for "unknown key" messages. */
function knownKeys(path) {
    const [first, , third] = path;
    if (path.length === 0)
        return Object.keys(configSchema.shape);
    if (first === 'ledger')
        return Object.keys(ledger.shape);
    if (first !== 'environments')
        return [];
    if (path.length === 2)
        return Object.keys(environment.shape);
    const block = settings[third];
    return block ? Object.keys(block.shape) : [];
}
/** What `target` names for each provider, as that engine spells its names. */
const TARGET_RULES = {
    swarm: {
        // swarmkit: a service name is a DNS name component.
        pattern: /^[A-Za-z0-9](?:[-_]*[A-Za-z0-9]+)*$/,
        max: 63,
        rule: 'must be a swarm service name: letters and digits, joined by - or _, at most 63 characters',
    },
    kubernetes: {
        pattern: /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/,
        max: 253,
        rule: 'must be a Deployment name: lower-case letters, digits, - and ., at most 253 characters',
    },
    'aws-asg': {
        pattern: /^[^\p{Cc}]+$/u,
        max: 255,
        rule: 'must be an Auto Scaling group name: 1 to 255 characters, no control characters',
    },
};

// EXTERNAL MODULE: ./packages/core/src/config/yaml-source.ts
var yaml_source = __webpack_require__(98503);
;// CONCATENATED MODULE: ./packages/core/src/config/issue-problems.ts

/** Longest quoted value in a message; a longer one is cut (it is in the file anyway). */
const SHOWN_MAX = 80;
/** `environments.production.requires`, the way the key is written in the file. */
function keyPath(path) {
    return path.length === 0 ? '(top level)' : path.map(String).join('.');
}
/** A value as a message shows it: strings quoted, maps and lists by kind. */
function shown(value) {
    if (value === null || value === undefined)
        return 'an empty value';
    if (Array.isArray(value))
        return 'a list';
    if (typeof value === 'object')
        return 'a map';
    if (typeof value !== 'string')
        return String(value);
    const quoted = JSON.stringify(value);
    return quoted.length <= SHOWN_MAX ? quoted : `${quoted.slice(0, SHOWN_MAX - 2)}…"`;
}
/** The value at `path` in the parsed file, and whether its last key is there at all. */
function lookup(root, path) {
    let node = root;
    for (const segment of path) {
        if (node === null || typeof node !== 'object' || !Object.hasOwn(node, segment))
            return { value: undefined, present: false };
        node = node[segment];
    }
    return { value: node, present: true };
}
/**
 * Schema issues as problems at their place in the file, each naming the key path, the rule and
 * the value: an unknown key with its nearest known key, a missing key at its parent, a value
 * outside a fixed set with the nearest choice.
 */
function issueProblems(issues, value, source, knownKeys) {
    const problems = [];
    const seen = new Set();
    const add = (path, message, key) => {
        const problem = { ...source.position(path, key), message };
        // Two checks of one value can fail with the same rule (a negative fraction for a count).
        const id = `${problem.line}:${problem.col}:${message}`;
        if (!seen.has(id))
            problems.push(problem);
        seen.add(id);
    };
    for (const issue of issues) {
        const path = issue.path;
        if (issue.code === 'unrecognized_keys') {
            const known = knownKeys(path);
            for (const key of issue.keys) {
                add([...path, key], `${keyPath([...path, key])}: unknown key${(0,yaml_source/* didYouMean */.au)(key, known)}; known keys${path.length > 0 ? ` of ${keyPath(path)}` : ''}: ${known.join(', ')}`, true);
            }
            continue;
        }
        const here = lookup(value, path);
        if (issue.code === 'invalid_key') {
            add(path, `${keyPath(path)}: ${issue.message}, got ${shown(path[path.length - 1])}`, true);
        }
        else if (!here.present) {
            add(path.slice(0, -1), `${keyPath(path)}: is required; it ${issue.message}`, true);
        }
        else {
            const hint = issue.code === 'invalid_value' && typeof here.value === 'string'
                ? (0,yaml_source/* didYouMean */.au)(here.value, issue.values.filter((v) => typeof v === 'string'))
                : '';
            add(path, `${keyPath(path)}: ${issue.message}${hint}, got ${shown(here.value)}`, false);
        }
    }
    return problems;
}

;// CONCATENATED MODULE: ./packages/core/src/config/environment-checks.ts




/**
 * Rules between keys, checked once every key has the right shape: a target named as its
 * provider names things, settings only for the provider in use, `requires` naming another
 * environment without a cycle.
 */
function environmentProblems(envs, source) {
    const problems = [];
    const at = (path, rule, value, key = false) => {
        problems.push({
            ...source.position(['environments', ...path], key),
            message: `${keyPath(['environments', ...path])}: ${rule}, got ${shown(value)}`,
        });
    };
    const names = Object.keys(envs);
    for (const [name, env] of Object.entries(envs)) {
        const target = TARGET_RULES[env.provider];
        if (env.target.length > target.max || !target.pattern.test(env.target))
            at([name, 'target'], target.rule, env.target);
        for (const other of kiln_config/* PROVIDERS */.xq) {
            if (other !== env.provider && env[other] !== undefined)
                at([name, other], `settings for provider ${other}, but this environment's provider is ${env.provider}`, env[other], true);
        }
        if (env['keep-warm'] !== undefined && env.strategy === 'rolling')
            at([name, 'keep-warm'], 'applies to strategy blue-green only (strategy is rolling)', env['keep-warm'], true);
        const req = env.requires;
        if (req === undefined || (Object.hasOwn(envs, req) && req !== name))
            continue;
        const others = names.filter((n) => n !== name);
        at([name, 'requires'], req === name
            ? 'must name another environment, not this one'
            : `must name another environment of this file${(0,yaml_source/* didYouMean */.au)(req, others)}: ${others.length > 0 ? others.join(', ') : 'there is none'}`, req);
    }
    for (const cycle of requireCycles(envs)) {
        const [first, next] = cycle;
        at([first, 'requires'], `makes a cycle ${[...cycle, first].join(' -> ')}; a digest could never enter any of them`, next);
    }
    return problems;
}
/** Each cycle of `requires` once, starting at its member written first in the file. */
function requireCycles(envs) {
    const cycles = [];
    const seen = new Set();
    for (const start of Object.keys(envs)) {
        if (seen.has(start))
            continue;
        const chain = [];
        let at = start;
        while (at !== undefined && Object.hasOwn(envs, at) && !seen.has(at) && !chain.includes(at)) {
            chain.push(at);
            at = envs[at]?.requires;
        }
        const loop = at === undefined ? -1 : chain.indexOf(at);
        for (const name of chain)
            seen.add(name);
        // A self-reference is reported as such above.
        if (loop < 0 || chain.length - loop === 1)
            continue;
        // Written-first member first, so the message does not depend on where the walk began.
        const members = chain.slice(loop);
        const order = Object.keys(envs);
        const head = members.reduce((a, b) => (order.indexOf(a) <= order.indexOf(b) ? a : b));
        const i = members.indexOf(head);
        cycles.push([...members.slice(i), ...members.slice(0, i)]);
    }
    return cycles;
}

;// CONCATENATED MODULE: ./packages/core/src/config/parse-config.ts





/** Top-level keys starting with this are the user's (e.g. anchors to merge), as in Compose. */
const EXTENSION_PREFIX = 'x-';
/**
 * Checks kiln.yml text. Every problem is reported at once, one `file:line:col: key: rule, got
 * value` per line, as a ConfigurationError; shapes first, then the rules between keys.
 */
function parseConfigText(yaml, text, file, opts = {}) {
    const parsed = yaml_source/* YamlSource */.rC.parse(yaml, text, file, { merge: true });
    if ('problems' in parsed)
        throw (0,yaml_source/* problemsError */.$j)(file, parsed.problems);
    const { source, value } = parsed;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
        throw (0,yaml_source/* problemsError */.$j)(file, [
            {
                ...source.position([]),
                message: 'a Kiln config is a map with image: and environments:, e.g. "image: ghcr.io/acme/shop"',
            },
        ]);
    }
    const own = Object.fromEntries(Object.entries(value).filter(([key]) => !key.startsWith(EXTENSION_PREFIX)));
    if (opts.image !== undefined)
        own.image = opts.image;
    const checked = configSchema.safeParse(own);
    if (!checked.success) {
        const problems = issueProblems(checked.error.issues, own, source, knownKeys);
        throw (0,yaml_source/* problemsError */.$j)(file, overridden(problems, opts, file));
    }
    const problems = environmentProblems(checked.data.environments, source);
    if (problems.length > 0)
        throw (0,yaml_source/* problemsError */.$j)(file, problems);
    return toConfig(checked.data, file, text);
}
/** A problem with a replaced image is about the replacement, not the line in the file. */
function overridden(problems, opts, file) {
    if (opts.image === undefined)
        return problems;
    return problems.map((p) => p.message.startsWith('image: ')
        ? { ...p, message: `${p.message} (the image given in place of ${file}'s)` }
        : p);
}
function toConfig(c, file, text) {
    const environments = new Map();
    for (const [name, env] of Object.entries(c.environments))
        environments.set(name, toEnvironment(name, env));
    const image = c.image;
    return {
        image,
        ledger: { repository: c.ledger?.repository ?? image },
        environments,
        source: { file, sha256: (0,digest/* sha256 */.sc)(text) },
    };
}
function toEnvironment(name, e) {
    const base = definedOnly({
        name,
        target: e.target,
        requires: e.requires,
        minSoakMs: e['min-soak'],
        strategy: e.strategy,
        batchSize: e['batch-size'],
        healthTimeoutMs: e['health-timeout'],
        keepWarmMs: e['keep-warm'],
        url: e.url,
        image: e.image,
    });
    switch (e.provider) {
        case 'swarm': {
            const s = e.swarm ?? {};
            const settings = definedOnly({
                replicas: s.replicas,
                port: s.port,
                network: s.network,
                dockerHost: s['docker-host'],
            });
            return { ...base, provider: 'swarm', settings };
        }
        case 'kubernetes':
            return { ...base, provider: 'kubernetes', settings: definedOnly({ ...e.kubernetes }) };
        case 'aws-asg': {
            const s = e['aws-asg'] ?? {};
            const settings = definedOnly({
                region: s.region,
                launchTemplate: s['launch-template'],
                targetGroupArn: s['target-group-arn'],
                minHealthyPercentage: s['min-healthy-percentage'],
            });
            return { ...base, provider: 'aws-asg', settings };
        }
    }
}
/** Leaves out keys the file did not set, so a config compares and prints as it was written. */
function definedOnly(o) {
    return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
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
