export const id = 778;
export const ids = [778];
export const modules = {

/***/ 3778:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  parseConfigText: () => (/* binding */ parseConfigText)
});

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 14 modules
var schemas = __webpack_require__(5586);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
// EXTERNAL MODULE: ./packages/core/src/inputs/parse.ts
var parse = __webpack_require__(7528);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var reference = __webpack_require__(3966);
// EXTERNAL MODULE: ./packages/core/src/config/kiln-config.ts
var kiln_config = __webpack_require__(8051);
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
const config_schema_text = (rule, pattern, max = 1024) => {
    const s = schemas/* string */.YjP({ error: rule }).min(1, { error: rule }).max(max, { error: rule });
    return pattern ? s.regex(pattern, { error: rule }) : s;
};
const whole = (min, max) => {
    const rule = max === undefined
        ? `must be a whole number of at least ${min}`
        : `must be a whole number from ${min} to ${max}`;
    const n = schemas/* number */.aig({ error: rule }).int({ error: rule }).min(min, { error: rule });
    return max === undefined ? n : n.max(max, { error: rule });
};
/**
 * A duration as the inputs take it (`90s`, `10m`, `1h30m`; a bare number is seconds), in ms.
 * Any value goes to parseDuration, so its rule is the message for a wrong type too. (z.unknown
 * makes the key optional, which every duration is.)
 */
const duration = (positive) => schemas/* unknown */.L5J().transform((v, ctx) => {
    const raw = typeof v === 'string' || typeof v === 'number' ? String(v) : '';
    try {
        const ms = (0,parse/* parseDuration */.E9)('duration', raw);
        if (positive && ms <= 0)
            throw new Error(`${JSON.stringify(raw)}: must be longer than 0`);
        return ms;
    }
    catch (err) {
        ctx.addIssue({ code: 'custom', message: ruleOf(err, raw) });
        return core/* NEVER */.tm;
    }
});
const REPOSITORY_RULE = 'must be an image repository such as ghcr.io/acme/shop';
/** An image repository: a reference without tag or digest (each deploy names its digest). */
const repository = schemas/* string */.YjP({ error: REPOSITORY_RULE }).transform((v, ctx) => {
    try {
        const ref = (0,reference/* parseReference */.F2)(v);
        if (ref.tag === undefined && ref.digest === undefined)
            return ref;
        ctx.addIssue({
            code: 'custom',
            message: `${REPOSITORY_RULE}, without a tag or digest (each deploy names the digest it runs)`,
        });
    }
    catch (err) {
        ctx.addIssue({ code: 'custom', message: ruleOf(err, v) });
    }
    return core/* NEVER */.tm;
});
const URL_RULE = 'must be an http or https URL';
const url = config_schema_text(URL_RULE).refine((v) => URL.canParse(v) && ['http:', 'https:'].includes(new URL(v).protocol), { error: URL_RULE });
const ENVIRONMENT_NAME = /^[a-z0-9][a-z0-9_-]*$/;
const ENVIRONMENT_NAME_RULE = `must be an environment name: lower-case letters, digits, - and _, starting with a letter or digit, at most ${kiln_config/* MAX_ENVIRONMENT_NAME */.N7} characters`;
/** DNS-1123 label: Kubernetes namespace and container names. */
const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_LABEL_RULE = 'lower-case letters, digits and -, at most 63 characters';
const settings = {
    swarm: schemas/* strictObject */.rej({
        replicas: whole(1),
        port: whole(1, 65535),
        network: config_schema_text('must be a network name: letters, digits, _ . and -', /^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 255),
        'docker-host': config_schema_text('must be an engine address such as unix:///var/run/docker.sock, tcp://host:2376 or ssh://user@host', /^(unix|tcp|ssh|npipe):\/\/\S+$/),
    }, { error: "must be a map of this provider's settings" })
        .partial(),
    kubernetes: schemas/* strictObject */.rej({
        namespace: config_schema_text(`must be a namespace name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
        context: config_schema_text('must be a kubeconfig context name'),
        container: config_schema_text(`must be a container name: ${DNS_LABEL_RULE}`, DNS_LABEL, 63),
    }, { error: "must be a map of this provider's settings" })
        .partial(),
    'aws-asg': schemas/* strictObject */.rej({
        region: config_schema_text('must be an AWS region such as us-east-1', /^[a-z]{2}(-[a-z]+)+-\d+$/, 32),
        'launch-template': config_schema_text('must be a launch template name (3 to 128 of letters, digits, ( ) . / _ -) or id (lt-…)', /^[A-Za-z0-9()./_-]{3,128}$/),
        'target-group-arn': config_schema_text('must be a target group ARN (arn:aws:elasticloadbalancing:<region>:<account>:targetgroup/<name>/<id>)', /^arn:aws[a-z-]*:elasticloadbalancing:[a-z0-9-]+:\d{12}:targetgroup\/[A-Za-z0-9-]{1,32}\/[0-9a-f]{16}$/),
        'min-healthy-percentage': whole(0, 100),
    }, { error: "must be a map of this provider's settings" })
        .partial(),
};
const environment = schemas/* strictObject */.rej({
    provider: schemas/* enum */.k5n(kiln_config/* PROVIDERS */.xq, { error: `must be one of ${kiln_config/* PROVIDERS */.xq.join(', ')}` }),
    target: config_schema_text('must be the name of the swarm service, Kubernetes Deployment or Auto Scaling group'),
    requires: config_schema_text('must be the name of another environment').optional(),
    'min-soak': duration(false).optional(),
    strategy: schemas/* enum */.k5n(kiln_config/* STRATEGIES */.YL, { error: `must be one of ${kiln_config/* STRATEGIES */.YL.join(', ')}` }).optional(),
    'batch-size': whole(1).optional(),
    'health-timeout': duration(true).optional(),
    'keep-warm': duration(false).optional(),
    url: url.optional(),
    swarm: settings.swarm.optional(),
    kubernetes: settings.kubernetes.optional(),
    'aws-asg': settings['aws-asg'].optional(),
}, { error: 'must be a map with provider:, target: and the settings of the environment' });
const ledger = schemas/* strictObject */.rej({ repository }, { error: 'must be a map with repository:' });
const configSchema = schemas/* strictObject */.rej({
    image: repository,
    ledger: ledger.optional(),
    environments: schemas/* record */.g1P(schemas/* string */.YjP().max(kiln_config/* MAX_ENVIRONMENT_NAME */.N7).regex(ENVIRONMENT_NAME), environment, {
        error: (issue) => issue.code === 'invalid_key'
            ? ENVIRONMENT_NAME_RULE
            : 'must be a map of environment name to its settings',
    })
        .refine((envs) => Object.keys(envs).length > 0, {
        error: 'must name at least one environment',
    }),
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
var yaml_source = __webpack_require__(8503);
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


/***/ })

};
