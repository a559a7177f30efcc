export const id = 757;
export const ids = [757];
export const modules = {

/***/ 83385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ activity),
/* harmony export */   T: () => (/* binding */ currentActivity)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(16698);
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_async_hooks__WEBPACK_IMPORTED_MODULE_0__);

/*
 * What Kiln is doing, for error messages: a call site says it once (`activity('reading layer
 * sha256:… of base …', fn)`) and every registry request made inside, however deep, names it
 * when it fails. Async context rather than a parameter, so the layers in between (store,
 * repository, transport) need not pass it along.
 */
const labels = new node_async_hooks__WEBPACK_IMPORTED_MODULE_0__.AsyncLocalStorage();
/** Runs `fn` with `label` describing what it does; nested labels read outermost first. */
function activity(label, fn) {
    return labels.run([...(labels.getStore() ?? []), label], fn);
}
/** The labels around the caller, joined (`baking app: reading layer …`), if any. */
function currentActivity() {
    const stack = labels.getStore();
    return stack?.length ? stack.join(': ') : undefined;
}


/***/ }),

/***/ 70456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ withTempDir),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile),
/* harmony export */   nX: () => (/* binding */ privateTempDir)
/* harmony export */ });
/* unused harmony export writeNewFile */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);



/**
 * Every temporary file and report Kiln writes goes through here: into a fresh folder that only
 * this user can enter, never at a predictable name in a shared temporary folder (where another
 * user could plant a link or read what is written).
 */
/** A new folder, mode 0700 and an unpredictable name, under `parent` (default the system's temp folder). */
async function privateTempDir(prefix, parent = (0,node_os__WEBPACK_IMPORTED_MODULE_1__.tmpdir)()) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdir)(parent, { recursive: true });
    const dir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(parent, prefix));
    // mkdtemp(3) already uses 0700; make it explicit rather than trust every platform's default.
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.chmod)(dir, 0o700);
    return dir;
}
/** Writes a file that must not exist yet (O_EXCL): nothing planted at the name is followed or overwritten. */
async function writeNewFile(path, data, mode = 0o600) {
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.open)(path, 'wx', mode);
    try {
        await handle.writeFile(data);
    }
    finally {
        await handle.close();
    }
}
/**
 * Writes `name` into a fresh private folder under `parent` and returns its path: for files that
 * outlive the step, such as a validation report a later step uploads.
 */
async function writePrivateFile(prefix, name, data, parent) {
    const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(await privateTempDir(prefix, parent), name);
    await writeNewFile(path, data);
    return path;
}
/** Runs `fn` in a fresh private temporary folder and removes it afterwards, whatever happens. */
async function withTempDir(prefix, fn) {
    const dir = await privateTempDir(prefix);
    try {
        return await fn(dir);
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.rm)(dir, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 82757:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  jobOrder: () => (/* binding */ jobOrder),
  runWorkflow: () => (/* binding */ runWorkflow)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var src_errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(88315);
// EXTERNAL MODULE: ./packages/core/src/util/temp-dir.ts
var temp_dir = __webpack_require__(70456);
// EXTERNAL MODULE: ./packages/core/src/util/activity.ts
var activity = __webpack_require__(83385);
;// CONCATENATED MODULE: ./packages/core/src/util/index.ts
// Small helpers every domain shares.





// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
;// CONCATENATED MODULE: ./packages/local/src/runner/event.ts



function git(workspace, args) {
    try {
        return (0,external_node_child_process_.execFileSync)('git', ['-C', workspace, ...args], {
            encoding: 'utf8',
            stdio: ['ignore', 'pipe', 'ignore'],
        }).trim();
    }
    catch {
        // Not a repository, or no such ref: the caller's fallback applies.
        return undefined;
    }
}
/** Commit, branch and `owner/name` of the working tree, with fallbacks outside a repository. */
function repositoryFacts(workspace, given = {}) {
    const remote = git(workspace, ['remote', 'get-url', 'origin']) ?? '';
    const fromRemote = /[/:]([^/:]+\/[^/]+?)(?:\.git)?$/.exec(remote)?.[1];
    return {
        sha: given.sha ?? git(workspace, ['rev-parse', 'HEAD']) ?? '0'.repeat(40),
        branch: given.branch ?? git(workspace, ['symbolic-ref', '--short', '-q', 'HEAD']) ?? 'main',
        repository: given.repository ?? fromRemote ?? `local/${(0,external_node_path_.basename)(workspace)}`,
        actor: given.actor ?? process.env.USER ?? 'local',
        baseBranch: given.baseBranch ?? 'main',
        serverUrl: given.serverUrl ?? 'https://github.com',
        apiUrl: given.apiUrl ?? 'https://api.github.com',
    };
}
/**
 * `workflow_dispatch` inputs: every given name declared, required ones present, a choice one
 * of its options, a boolean `true`/`false`; defaults applied. Typed values for the `inputs`
 * context (a boolean is a boolean), as GitHub gives them.
 */
function dispatchInputs(template, given, file) {
    const declared = template.events.workflow_dispatch?.inputs ?? {};
    const names = Object.keys(declared);
    for (const name of Object.keys(given))
        if (!Object.hasOwn(declared, name))
            throw new src_errors/* ConfigurationError */.j1(`${file}: input "${name}" is not declared in on.workflow_dispatch.inputs${names.length ? ` (declared: ${names.join(', ')})` : ''}`);
    const out = {};
    const bad = (name, value, rule) => new src_errors/* ConfigurationError */.j1(`${file}: ${(0,src_errors/* invalidInput */.aY)(name, value, rule).message}`);
    for (const [name, spec] of Object.entries(declared)) {
        const value = Object.hasOwn(given, name)
            ? given[name]
            : spec.default === undefined
                ? undefined
                : String(spec.default);
        if (value === undefined || value === '') {
            if (spec.required)
                throw new src_errors/* ConfigurationError */.j1(`${file}: input "${name}" is required (give it with --input ${name}=VALUE)`);
        }
        const v = value ?? '';
        switch (spec.type) {
            case 'choice':
                if (v !== '' && !(spec.options ?? []).includes(v))
                    throw bad(name, v, `must be one of ${(spec.options ?? []).join(', ')}`);
                out[name] = v;
                break;
            case 'boolean':
                if (v !== '' && v !== 'true' && v !== 'false')
                    throw bad(name, v, 'must be true or false');
                out[name] = v === 'true';
                break;
            default:
                if (spec.type === 'number') {
                    if (v !== '' && !Number.isFinite(Number(v)))
                        throw bad(name, v, 'must be a number');
                    out[name] = v === '' ? '' : Number(v);
                }
                else
                    out[name] = v;
        }
    }
    return out;
}
/** A payload shaped like GitHub's for the event, from the working tree's facts. */
function trigger(event, facts, inputs) {
    const [owner = '', name = ''] = facts.repository.split('/');
    const repository = {
        name,
        full_name: facts.repository,
        owner: { login: owner },
        default_branch: facts.baseBranch,
        html_url: `${facts.serverUrl}/${facts.repository}`,
    };
    const sender = { login: facts.actor };
    const branchRef = `refs/heads/${facts.branch}`;
    switch (event) {
        case 'push':
            return {
                payload: {
                    ref: branchRef,
                    before: '0'.repeat(40),
                    after: facts.sha,
                    head_commit: { id: facts.sha },
                    repository,
                    sender,
                    pusher: { name: facts.actor },
                },
                ref: branchRef,
                refName: facts.branch,
                headRef: '',
                baseRef: '',
                sha: facts.sha,
            };
        case 'pull_request':
            return {
                payload: {
                    action: 'synchronize',
                    number: 1,
                    pull_request: {
                        number: 1,
                        head: { ref: facts.branch, sha: facts.sha, repo: repository },
                        base: { ref: facts.baseBranch, repo: repository },
                    },
                    repository,
                    sender,
                },
                ref: 'refs/pull/1/merge',
                refName: '1/merge',
                headRef: facts.branch,
                baseRef: facts.baseBranch,
                sha: facts.sha,
            };
        case 'workflow_dispatch':
            return {
                payload: {
                    // github.event.inputs holds strings, the inputs context typed values.
                    inputs: Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, String(v)])),
                    ref: branchRef,
                    repository,
                    sender,
                },
                ref: branchRef,
                refName: facts.branch,
                headRef: '',
                baseRef: '',
                sha: facts.sha,
            };
    }
}
/** Events this runner can make a payload for. */
const EVENTS = ['push', 'pull_request', 'workflow_dispatch'];
/** Refuses an event the workflow does not run on, or one the runner cannot make. */
function checkEvent(template, event, file) {
    if (!EVENTS.includes(event))
        throw new src_errors/* ConfigurationError */.j1(`--event ${event}: the local runner makes ${EVENTS.join(', ')} events`);
    const on = Object.keys(template.events).filter((k) => template.events[k] !== undefined);
    if (!on.includes(event))
        throw new src_errors/* ConfigurationError */.j1(`${file} does not run on ${event} (on: ${on.join(', ')})`);
    return event;
}
/** The trigger's filters the runner does not evaluate, for a note (the run goes ahead). */
function unevaluatedFilters(template, event) {
    const config = template.events[event];
    return Object.keys(config ?? {}).filter((k) => k !== 'inputs' && k !== 'types');
}

// EXTERNAL MODULE: ./node_modules/@actions/expressions/dist/index.js + 15 modules
var dist = __webpack_require__(1281);
// EXTERNAL MODULE: ./node_modules/@actions/expressions/dist/lexer.js
var lexer = __webpack_require__(12083);
// EXTERNAL MODULE: ./node_modules/@actions/expressions/dist/result.js
var result = __webpack_require__(96856);
// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/index.js
var workflow_parser_dist = __webpack_require__(22657);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var yaml_dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./packages/local/src/runner/template-string.ts

/**
 * `@actions/workflow-parser` is written for the language service: for a multi-line scalar with
 * `${{ }}` inside (a `run: |` script, typically) it builds its `format(…)` expression from the
 * scalar's raw source, indentation, line folding and quoting included, to keep positions
 * right. A runner must use the scalar's value: an indented heredoc terminator, or a folded
 * `>` block, would otherwise change the script. So for such tokens the value is rebuilt here
 * from the raw source with a YAML parser, and its `${{ }}` parts are found again.
 */
/** The scalar's value (as YAML reads it) when the token came from a multi-line scalar, else undefined. */
function multilineValue(token) {
    const source = token.source;
    if (!token.originalExpressions || source === undefined || !source.includes('\n'))
        return undefined;
    const header = token.blockScalarHeader;
    const doc = header ? `x: ${header}\n${source}` : `x: ${source}`;
    const value = (0,yaml_dist.parse)(doc)?.x;
    return typeof value === 'string' ? value : undefined;
}
/**
 * Splits `text` at its `${{ … }}` parts as the runner does: an expression ends at the first
 * `}}` outside a string literal ('…', with '' inside for a quote).
 */
function splitTemplate(text) {
    const pieces = [];
    let i = 0;
    while (i < text.length) {
        const open = text.indexOf('${{', i);
        if (open < 0)
            break;
        let j = open + 3;
        let inString = false;
        let close = -1;
        for (; j < text.length; j++) {
            const c = text[j];
            if (c === "'")
                inString = !inString;
            else if (!inString && c === '}' && text[j + 1] === '}') {
                close = j;
                break;
            }
        }
        if (close < 0)
            break;
        if (open > i)
            pieces.push({ text: text.slice(i, open) });
        pieces.push({ expression: text.slice(open + 3, close).trim() });
        i = close + 2;
    }
    if (i < text.length)
        pieces.push({ text: text.slice(i) });
    return pieces;
}

;// CONCATENATED MODULE: ./packages/local/src/runner/expressions.ts






/** A plain JSON-like value as expression data. */
function toData(value) {
    if (value === null || value === undefined)
        return new dist/* data.Null */.p.Uv();
    if (typeof value === 'string')
        return new dist/* data.StringData */.p.uQ(value);
    if (typeof value === 'number')
        return new dist/* data.NumberData */.p.Q9(value);
    if (typeof value === 'boolean')
        return new dist/* data.BooleanData */.p.bo(value);
    if (Array.isArray(value))
        return new dist/* data.Array */.p.O3(...value.map(toData));
    if (value instanceof dist/* data.Dictionary */.p.bT)
        return value;
    return new dist/* data.Dictionary */.p.bT(...Object.entries(value).map(([key, v]) => ({
        key,
        value: toData(v),
    })));
}
/** Expression data back to plain JSON-like values. */
function fromData(value) {
    return JSON.parse(JSON.stringify(value, dist/* data.replacer */.p.$U));
}
const STATUS_FUNCTIONS = ['success', 'failure', 'cancelled', 'always'];
function statusFunctions(status) {
    const answer = (name) => name === 'always' ? true : (status?.[name] ?? false);
    return new Map(STATUS_FUNCTIONS.map((name) => [
        name,
        { name, minArgs: 0, maxArgs: 0, call: () => new dist/* data.BooleanData */.p.bo(answer(name)) },
    ]));
}
/** `file:line:col` of a token, for messages. */
function where(file, token) {
    return token?.line ? `${file}:${token.line}:${token.col ?? 1}` : file;
}
/** Evaluates one expression (without `${{ }}`) to expression data. */
function evaluate(expression, scope) {
    const functions = statusFunctions(scope.status);
    try {
        const tokens = new dist/* Lexer */.JG(expression).lex().tokens;
        // The lexer (0.3.61) unescapes only the first '' of a string literal; the runner all of them.
        for (const t of tokens)
            if (t.type === lexer/* TokenType */.ks.STRING)
                t.value = t.lexeme.slice(1, -1).replaceAll("''", "'");
        const tree = new dist/* Parser */.iX(tokens, Object.keys(scope.contexts), [...functions.values()].map(({ name, minArgs, maxArgs }) => ({ name, minArgs, maxArgs }))).parse();
        const context = new dist/* data.Dictionary */.p.bT(...Object.entries(scope.contexts).map(([key, value]) => ({ key, value: toData(value) })));
        return new dist/* Evaluator */.oi(tree, context, functions).evaluate();
    }
    catch (err) {
        throw new src_errors/* ConfigurationError */.j1(`${scope.file}: cannot evaluate \${{ ${expression} }}: ${(0,src_errors/* errorMessage */.gJ)(err)}`, { cause: err });
    }
}
/** An `if:` condition (the parser has already added the implicit `success() &&`). */
function condition(expression, scope) {
    return (0,result/* truthy */.vN)(evaluate(expression, scope));
}
/**
 * A scalar as the string a step receives. A hosted runner refuses a mapping or a sequence
 * where a string is expected, so this does too (say `toJSON(…)` to pass one on).
 */
function scalarString(value, expression, file) {
    switch (value.kind) {
        case dist/* data.Kind */.p.b8.String:
        case dist/* data.Kind */.p.b8.Number:
            return value.coerceString();
        case dist/* data.Kind */.p.b8.Boolean:
            return value.value ? 'true' : 'false';
        case dist/* data.Kind */.p.b8.Null:
            return '';
        default:
            throw new src_errors/* ConfigurationError */.j1(`${file}: \${{ ${expression} }} is an object or array where a string is expected (use toJSON(…))`);
    }
}
/** A template token (literal or expression) evaluated to a string. */
function evaluateString(token, scope) {
    if (token === undefined)
        return '';
    const at = { ...scope, file: where(scope.file, token) };
    if ((0,workflow_parser_dist/* isBasicExpression */.hR)(token)) {
        const value = multilineValue(token);
        if (value !== undefined)
            return splitTemplate(value)
                .map((p) => ('text' in p ? p.text : evaluate(p.expression, at).coerceString()))
                .join('');
        return scalarString(evaluate(token.expression, at), token.expression, at.file);
    }
    if ((0,workflow_parser_dist/* isString */.Kg)(token))
        return token.value;
    if ((0,workflow_parser_dist/* isNumber */.Et)(token))
        return new dist/* data.NumberData */.p.Q9(token.value).coerceString();
    if ((0,workflow_parser_dist/* isBoolean */.Lm)(token))
        return token.value ? 'true' : 'false';
    if (token.isLiteral)
        return ''; // null
    throw new src_errors/* ConfigurationError */.j1(`${at.file}: a ${token.typeName()} where a string is expected`);
}
/** A template token evaluated to a plain value (mappings and sequences included). */
function evaluateValue(token, scope) {
    if (token === undefined)
        return undefined;
    const at = { ...scope, file: where(scope.file, token) };
    if ((0,workflow_parser_dist/* isBasicExpression */.hR)(token))
        return fromData(evaluate(token.expression, at));
    if ((0,workflow_parser_dist/* isString */.Kg)(token) || (0,workflow_parser_dist/* isNumber */.Et)(token) || (0,workflow_parser_dist/* isBoolean */.Lm)(token))
        return token.value;
    if ((0,workflow_parser_dist/* isSequence */.wZ)(token))
        return [...token].map((t) => evaluateValue(t, scope));
    if ((0,workflow_parser_dist/* isMapping */.pi)(token)) {
        const out = {};
        for (const { key, value } of token)
            out[evaluateString(key, scope)] = evaluateValue(value, scope);
        return out;
    }
    if (token.isExpression)
        throw new src_errors/* ConfigurationError */.j1(`${at.file}: \${{ insert }} is not supported by the local runner`);
    return null;
}
/** A mapping of strings (`env:`, `with:`, `outputs:`), each value evaluated in `scope`. */
function evaluateMap(token, scope) {
    const out = {};
    if (token === undefined)
        return out;
    const at = where(scope.file, token);
    if ((0,workflow_parser_dist/* isBasicExpression */.hR)(token)) {
        // A whole mapping from one expression, e.g. `env: ${{ fromJSON(vars.ENV) }}`.
        const value = evaluateValue(token, scope);
        if (value === null || typeof value !== 'object' || Array.isArray(value))
            throw new src_errors/* ConfigurationError */.j1(`${at}: expected a mapping`);
        for (const [k, v] of Object.entries(value))
            out[k] = scalarString(toData(v), k, at);
        return out;
    }
    if (!(0,workflow_parser_dist/* isMapping */.pi)(token))
        throw new src_errors/* ConfigurationError */.j1(`${at}: expected a mapping`);
    for (const { key, value } of token)
        out[evaluateString(key, scope)] = evaluateString(value, scope);
    return out;
}

// EXTERNAL MODULE: ./node_modules/@actions/workflow-parser/dist/actions/index.js + 5 modules
var actions = __webpack_require__(42146);
;// CONCATENATED MODULE: ./packages/local/src/runner/template-errors.ts
/**
 * The parser's errors as `file:line:col: message` lines. Its own messages embed the position
 * as "(Line: N, Col: M)" or end in a code frame; one line each, led by the position, reads
 * better next to the compiler-style messages of the rest of Kiln.
 */
function templateErrors(context) {
    return context.errors.getErrors().map((e) => {
        const first = (e.rawMessage.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:$/, '');
        const file = (e.prefix ?? '').replace(/ \(Line: \d+, Col: \d+\)$/, '');
        const pos = e.range ? `:${e.range.start.line}:${e.range.start.column}` : '';
        return `${file}${pos}: ${first}`;
    });
}

;// CONCATENATED MODULE: ./packages/local/src/runner/action.ts






/** The Node versions a JavaScript action may ask for; this machine's `node` runs them all. */
const NODE_RUNTIMES = new Set(['node20', 'node24']);
/** True when `path` is `root` or inside it. */
function inside(root, path) {
    const rel = (0,external_node_path_.relative)(root, path);
    return rel === '' || (!rel.startsWith('..') && !(0,external_node_path_.isAbsolute)(rel));
}
/**
 * The real path of `path`, refused unless it stays inside the workspace after links are
 * followed: a workflow from a pull request must not make the runner execute a file outside the
 * checkout.
 */
function confined(workspace, path, what) {
    if (!(0,external_node_fs_.existsSync)(path))
        throw new src_errors/* ConfigurationError */.j1(`${what}: ${path} does not exist`);
    const real = (0,external_node_fs_.realpathSync)(path);
    if (!inside((0,external_node_fs_.realpathSync)(workspace), real))
        throw new src_errors/* ConfigurationError */.j1(`${what}: ${path} is outside the workspace`);
    return real;
}
/**
 * Reads a local action's action.yml with GitHub's action parser and resolves its entry points.
 * `at` names the workflow file, job and step for every message.
 */
function loadLocalAction(workspace, uses, at) {
    const dir = confined(workspace, (0,external_node_path_.resolve)(workspace, uses), `${at}: uses: ${uses}`);
    const yml = ['action.yml', 'action.yaml'].map((f) => (0,external_node_path_.join)(dir, f)).find((f) => (0,external_node_fs_.existsSync)(f));
    if (!yml)
        throw new src_errors/* ConfigurationError */.j1(`${at}: uses: ${uses} has no action.yml`);
    const file = (0,external_node_path_.relative)(workspace, yml);
    const parsed = (0,actions/* parseAction */.wE)({ name: file, content: (0,external_node_fs_.readFileSync)(yml, 'utf8') }, new workflow_parser_dist/* NoOperationTraceWriter */.P0());
    const errors = templateErrors(parsed.context);
    if (errors.length || !parsed.value)
        throw new src_errors/* ConfigurationError */.j1(`${at}: uses: ${uses}: ${errors.join('; ') || 'empty action.yml'}`);
    const template = (0,actions/* convertActionTemplate */.C)(parsed.context, parsed.value);
    const late = templateErrors(parsed.context);
    if (late.length)
        throw new src_errors/* ConfigurationError */.j1(`${at}: uses: ${uses}: ${late.join('; ')}`);
    const runs = template.runs;
    if (!NODE_RUNTIMES.has(runs.using))
        throw new src_errors/* ConfigurationError */.j1(`${at}: uses: ${uses} runs "using: ${runs.using}"; the local runner runs JavaScript actions (${[...NODE_RUNTIMES].join(', ')}) only`);
    const node = runs;
    const entry = (p, key) => confined(workspace, (0,external_node_path_.resolve)(dir, p), `${file}: runs.${key}`);
    return {
        uses,
        dir,
        file,
        using: node.using,
        inputs: template.inputs ?? [],
        main: entry(node.main, 'main'),
        pre: node.pre ? entry(node.pre, 'pre') : undefined,
        post: node.post ? entry(node.post, 'post') : undefined,
        preIf: node.preIf || 'always()',
        postIf: node.postIf || 'always()',
    };
}

;// CONCATENATED MODULE: ./packages/local/src/runner/load-workflow.ts






/** Largest workflow file read, as GitHub's own limit for a workflow file (512 KiB). */
const MAX_WORKFLOW_BYTES = 512 * 1024;
function find(token, ...path) {
    let t = token;
    for (const key of path) {
        if (!t || !(0,workflow_parser_dist/* isMapping */.pi)(t))
            return undefined;
        t = t.find(key);
    }
    return t;
}
/** A short, literal description of a step for messages (names may hold expressions). */
function stepTitle(step, index) {
    const name = step.name ? step.name.toDisplayString() : undefined;
    if (name)
        return name;
    if ('uses' in step)
        return `Run ${step.uses.value}`;
    if ('run' in step) {
        // The script as written (`${{ }}` included), not the parser's format(…) rewrite of it.
        const text = (0,workflow_parser_dist/* isBasicExpression */.hR)(step.run)
            ? (step.run.source ?? step.run.toDisplayString())
            : step.run.toString();
        const first = text.split('\n').find((l) => l.trim() !== '') ?? '';
        return `Run ${first.trim()}`.trim();
    }
    return `step ${index + 1}`;
}
/** The runner's action for a `uses:` value, or an error naming what it cannot run. */
function classify(uses, workspace, label) {
    if (uses.startsWith('./') || uses.startsWith('.\\'))
        return { kind: 'action', action: loadLocalAction(workspace, uses, label) };
    // The workflow runs on the working tree as it is; a checkout of it is the tree itself.
    if (/^actions\/checkout@[^/]+$/i.test(uses))
        return { kind: 'checkout' };
    if (uses.startsWith('docker://'))
        throw new src_errors/* ConfigurationError */.j1(`${label}: uses: ${uses}: docker actions are not supported by the local runner`);
    throw new src_errors/* ConfigurationError */.j1(`${label}: uses: ${uses}: remote actions are not supported by the local runner (only ./path actions and actions/checkout)`);
}
function planSteps(file, workspace, job, rawJob, problems) {
    const rawSteps = find(rawJob, 'steps');
    const raws = rawSteps && (0,workflow_parser_dist/* isSequence */.wZ)(rawSteps) ? [...rawSteps] : [];
    const planned = [];
    job.steps.forEach((step, index) => {
        const raw = raws[index];
        const at = where(file, raw);
        const label = `${at}: job "${job.id.value}", step ${index + 1} "${stepTitle(step, index)}"`;
        if (!('run' in step) && !('uses' in step)) {
            problems.push(`${label}: only run: and uses: steps are supported by the local runner`);
            return;
        }
        try {
            const what = 'uses' in step ? classify(step.uses.value, workspace, label) : { kind: 'run' };
            const shell = find(raw, 'shell');
            if (shell && (0,workflow_parser_dist/* isString */.Kg)(shell) && shell.value !== 'bash')
                throw new src_errors/* ConfigurationError */.j1(`${label}: shell: ${shell.value}: the local runner runs bash steps only`);
            planned.push({
                step: step,
                index,
                with: find(raw, 'with'),
                shell,
                workingDirectory: find(raw, 'working-directory'),
                timeoutMinutes: find(raw, 'timeout-minutes'),
                what,
                at,
                label,
            });
        }
        catch (err) {
            problems.push((0,src_errors/* errorMessage */.gJ)(err));
        }
    });
    return planned;
}
/** The job keys the local runner does not run (it would have to skip them silently). */
const UNSUPPORTED_JOB_KEYS = ['strategy', 'container', 'services'];
/**
 * Reads a workflow with GitHub's parser and converter, then plans every job and step: a
 * workflow the runner cannot run fails here, naming file:line:col, job and step, before any
 * step has run.
 */
async function loadWorkflow(path, display, workspace) {
    const content = (0,external_node_fs_.readFileSync)(path);
    if (content.length > MAX_WORKFLOW_BYTES)
        throw new src_errors/* ConfigurationError */.j1(`${display}: larger than ${MAX_WORKFLOW_BYTES} bytes`);
    const parsed = (0,workflow_parser_dist/* parseWorkflow */.hM)({ name: display, content: content.toString('utf8') }, new workflow_parser_dist/* NoOperationTraceWriter */.P0());
    let errors = templateErrors(parsed.context);
    if (errors.length || !parsed.value)
        throw new src_errors/* ConfigurationError */.j1(errors.join('\n') || `${display}: empty workflow`);
    const template = await (0,workflow_parser_dist/* convertWorkflowTemplate */.DE)(parsed.context, parsed.value);
    errors = templateErrors(parsed.context);
    if (errors.length)
        throw new src_errors/* ConfigurationError */.j1(errors.join('\n'));
    const root = parsed.value;
    const problems = [];
    const jobs = [];
    for (const job of template.jobs) {
        const rawJob = find(root, 'jobs', job.id.value);
        const label = `${where(display, job.id)}: job "${job.id.value}"`;
        if (job.type !== 'job') {
            problems.push(`${label}: reusable workflows are not supported by the local runner`);
            continue;
        }
        for (const key of UNSUPPORTED_JOB_KEYS)
            if (find(rawJob, key))
                problems.push(`${where(display, find(rawJob, key))}: job "${job.id.value}": ${key}: is not supported by the local runner`);
        const shell = find(rawJob, 'defaults', 'run', 'shell') ?? find(root, 'defaults', 'run', 'shell');
        if (shell && (0,workflow_parser_dist/* isString */.Kg)(shell) && shell.value !== 'bash')
            problems.push(`${where(display, shell)}: defaults.run.shell: ${shell.value}: the local runner runs bash steps only`);
        jobs.push({
            job,
            steps: planSteps(display, workspace, job, rawJob, problems),
            shell,
            workingDirectory: find(rawJob, 'defaults', 'run', 'working-directory') ??
                find(root, 'defaults', 'run', 'working-directory'),
            continueOnError: find(rawJob, 'continue-on-error'),
            timeoutMinutes: find(rawJob, 'timeout-minutes'),
        });
    }
    if (problems.length)
        throw new src_errors/* ConfigurationError */.j1(problems.join('\n'));
    const name = find(root, 'name');
    return { file: display, name: name && (0,workflow_parser_dist/* isString */.Kg)(name) ? name.value : display, template, jobs };
}

;// CONCATENATED MODULE: ./packages/local/src/runner/masker.ts
/**
 * Values never shown: secrets, and whatever a step registered with `::add-mask::`. Applied to
 * every line the runner prints and to annotations, summaries and outputs it returns, as a
 * hosted runner masks its log.
 */
class Masker {
    values = new Set();
    /** Registers a value; a multi-line value is masked line by line too, as the runner does. */
    add(value) {
        for (const v of [value, ...value.split(/\r?\n/)]) {
            const t = v.trim();
            if (t)
                this.values.add(t);
        }
    }
    /** True when `text` holds a registered value. */
    reveals(text) {
        for (const v of this.values)
            if (text.includes(v))
                return true;
        return false;
    }
    /** `text` with every registered value replaced by `***`, longest first (a value may hold another). */
    mask(text) {
        let out = text;
        for (const v of [...this.values].sort((a, b) => b.length - a.length))
            out = out.split(v).join('***');
        return out;
    }
}

;// CONCATENATED MODULE: ./packages/local/src/runner/run-context.ts
/** The runner context for expressions evaluated in a job (after its env is known). */
function jobScope(run, job, file, env = job.env, extra = {}) {
    const status = { success: !job.failed, failure: job.failed, cancelled: false };
    return {
        file,
        status,
        contexts: {
            github: { ...run.github, job: job.id, ...extra },
            inputs: run.inputs,
            vars: run.vars,
            secrets: run.secrets,
            needs: job.needs,
            steps: job.steps,
            env,
            job: { status: job.failed ? 'failure' : 'success', container: {}, services: {} },
            runner: {
                os: 'Linux',
                arch: process.arch === 'arm64' ? 'ARM64' : 'X64',
                name: 'kiln-local',
                environment: 'self-hosted',
                temp: `${run.temp}/runner-temp`,
                tool_cache: `${run.temp}/tool-cache`,
                debug: run.debug ? '1' : '',
            },
            strategy: {},
            matrix: {},
        },
    };
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
;// CONCATENATED MODULE: ./packages/local/src/runner/file-commands.ts


/**
 * The runner's file commands: a step appends to GITHUB_OUTPUT, GITHUB_ENV and GITHUB_STATE in
 * `name=value` lines or `name<<DELIMITER` … `DELIMITER` blocks, to GITHUB_PATH one folder a
 * line, and to GITHUB_STEP_SUMMARY markdown. The runner reads them when the step ends.
 */
/** GitHub's limit for one step's job summary (and the most the runner reads of any command file). */
const MAX_COMMAND_FILE_BYTES = 1024 * 1024;
/** A command file's text, or an error when it grew past the limit. */
function readCommandFile(path, what) {
    const size = (0,external_node_fs_.statSync)(path).size;
    if (size > MAX_COMMAND_FILE_BYTES)
        throw new src_errors/* ConfigurationError */.j1(`${what} is ${size} bytes, more than the ${MAX_COMMAND_FILE_BYTES} a step may write`);
    return (0,external_node_fs_.readFileSync)(path, 'utf8');
}
/** `name=value` lines and heredoc blocks, in order (a later name wins), as the runner parses them. */
function parseKeyValueFile(text, what) {
    const out = [];
    const lines = text.split(/\r?\n/);
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === '')
            continue;
        const eq = line.indexOf('=');
        const heredoc = line.indexOf('<<');
        if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
            const name = line.slice(0, heredoc);
            const delimiter = line.slice(heredoc + 2);
            if (!delimiter)
                throw new src_errors/* ConfigurationError */.j1(`${what}: "${name}<<" has no delimiter`);
            const value = [];
            for (i++; i < lines.length && lines[i] !== delimiter; i++)
                value.push(lines[i]);
            if (i >= lines.length)
                throw new src_errors/* ConfigurationError */.j1(`${what}: matching delimiter not found '${delimiter}'`);
            out.push([name, value.join('\n')]);
        }
        else if (eq > 0) {
            out.push([line.slice(0, eq), line.slice(eq + 1)]);
        }
        else {
            throw new src_errors/* ConfigurationError */.j1(`${what}: invalid format '${line}'`);
        }
    }
    return out;
}
/** GITHUB_PATH: one folder a line. */
function parsePathFile(text) {
    return text
        .split(/\r?\n/)
        .map((l) => l.trim())
        .filter((l) => l !== '');
}

;// CONCATENATED MODULE: ./packages/local/src/runner/process.ts

/** How long a step that outlived its timeout gets between SIGTERM and SIGKILL. */
const KILL_GRACE_MS = 5_000;
/**
 * Runs a program with an argv array (never a shell string), handing each stdout and stderr line
 * to `onLine` as it comes: the runner reads workflow commands from both streams.
 */
function runProcess(file, args, options, onLine) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_.spawn)(file, args, {
            cwd: options.cwd,
            env: options.env,
            stdio: ['ignore', 'pipe', 'pipe'],
        });
        let timedOut = false;
        let spawnError;
        const timers = [];
        if (options.timeoutMs !== undefined && Number.isFinite(options.timeoutMs)) {
            timers.push(setTimeout(() => {
                timedOut = true;
                child.kill('SIGTERM');
                timers.push(setTimeout(() => child.kill('SIGKILL'), KILL_GRACE_MS));
            }, options.timeoutMs));
        }
        const reader = (stream) => {
            let rest = '';
            stream.setEncoding('utf8');
            stream.on('data', (chunk) => {
                const lines = (rest + chunk).split('\n');
                rest = lines.pop() ?? '';
                for (const l of lines)
                    onLine(l.replace(/\r$/, ''));
            });
            return () => {
                if (rest)
                    onLine(rest.replace(/\r$/, ''));
                rest = '';
            };
        };
        const flushOut = reader(child.stdout);
        const flushErr = reader(child.stderr);
        child.on('error', (err) => {
            spawnError = err.message;
        });
        child.on('close', (code, signal) => {
            for (const t of timers)
                clearTimeout(t);
            flushOut();
            flushErr();
            resolve({
                code: code ?? (signal ? 128 + (signal === 'SIGKILL' ? 9 : 15) : 1),
                timedOut,
                ...(spawnError ? { spawnError } : {}),
            });
        });
    });
}

;// CONCATENATED MODULE: ./packages/local/src/runner/workflow-commands.ts
const COMMAND = /^::([A-Za-z][A-Za-z0-9_-]*)(?: ([^]*?))?::([^]*)$/;
/** Command data: `%25`, `%0D`, `%0A` are `%`, CR and LF. */
function unescapeData(s) {
    return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}
/** Property values also escape `:` and `,`. */
function unescapeProperty(s) {
    return unescapeData(s.replace(/%3A/gi, ':').replace(/%2C/gi, ','));
}
function properties(text) {
    const out = {};
    for (const part of (text ?? '').split(',')) {
        const eq = part.indexOf('=');
        if (eq > 0)
            out[part.slice(0, eq).trim()] = unescapeProperty(part.slice(eq + 1));
    }
    return out;
}
const workflow_commands_int = (v) => v !== undefined && /^\d+$/.test(v) ? Number(v) : undefined;
/** Reads one step's output lines; `line()` returns the text to print, or undefined to print nothing. */
class CommandReader {
    masker;
    source;
    debug;
    effects = { outputs: {}, state: {}, annotations: [], failures: [] };
    stopToken;
    constructor(masker, source, debug = false) {
        this.masker = masker;
        this.source = source;
        this.debug = debug;
    }
    /** Handles one line; returns what the log shows for it. */
    line(raw) {
        const text = raw.trimStart();
        if (this.stopToken !== undefined) {
            if (text === `::${this.stopToken}::`) {
                this.stopToken = undefined;
                return undefined;
            }
            return raw;
        }
        const m = COMMAND.exec(text);
        if (!m)
            return raw;
        const [, name = '', props, message = ''] = m;
        const value = unescapeData(message);
        const p = properties(props);
        switch (name.toLowerCase()) {
            case 'add-mask':
                this.masker.add(value);
                return undefined;
            case 'stop-commands':
                this.stopToken = value;
                return undefined;
            case 'set-output':
            case 'save-state': {
                const key = p.name;
                if (!key) {
                    this.effects.failures.push(`::${name}:: needs a name property`);
                    return raw;
                }
                (name.toLowerCase() === 'set-output' ? this.effects.outputs : this.effects.state)[key] =
                    value;
                this.annotate('warning', `The \`${name}\` command is deprecated and will be disabled soon. Please upgrade to using Environment Files.`, {});
                return undefined;
            }
            case 'set-env':
            case 'add-path':
                this.effects.failures.push(`Unable to process command '::${name}' successfully. The \`${name}\` command is disabled.`);
                return raw;
            case 'error':
            case 'warning':
            case 'notice':
                this.annotate(name.toLowerCase(), value, p);
                return `${name.toLowerCase()}: ${value}`;
            case 'debug':
                return this.debug ? `debug: ${value}` : undefined;
            case 'group':
                return `▸ ${value}`;
            case 'endgroup':
                return undefined;
            case 'echo':
                return undefined;
            default:
                // An unknown command is shown as it was printed, as the runner does.
                return raw;
        }
    }
    annotate(level, message, p) {
        const a = { level, message: this.masker.mask(message), source: this.source };
        if (p.title)
            a.title = this.masker.mask(p.title);
        if (p.file)
            a.file = p.file;
        const line = workflow_commands_int(p.line);
        if (line !== undefined)
            a.line = line;
        const col = workflow_commands_int(p.col);
        if (col !== undefined)
            a.col = col;
        const endLine = workflow_commands_int(p.endLine);
        if (endLine !== undefined)
            a.endLine = endLine;
        const endColumn = workflow_commands_int(p.endColumn);
        if (endColumn !== undefined)
            a.endColumn = endColumn;
        this.effects.annotations.push(a);
    }
}

;// CONCATENATED MODULE: ./packages/local/src/runner/step-process.ts







/** Variables GITHUB_ENV may not set: NODE_OPTIONS would run code in every later node step. */
const BLOCKED_ENV = new Set(['NODE_OPTIONS']);
function commandFiles(run) {
    const dir = (0,external_node_path_.join)(run.temp, 'file-commands', (0,external_node_crypto_.randomUUID)());
    (0,external_node_fs_.mkdirSync)(dir, { recursive: true, mode: 0o700 });
    const files = {
        GITHUB_OUTPUT: (0,external_node_path_.join)(dir, 'output'),
        GITHUB_ENV: (0,external_node_path_.join)(dir, 'env'),
        GITHUB_PATH: (0,external_node_path_.join)(dir, 'path'),
        GITHUB_STATE: (0,external_node_path_.join)(dir, 'state'),
        GITHUB_STEP_SUMMARY: (0,external_node_path_.join)(dir, 'summary'),
    };
    for (const f of Object.values(files))
        (0,external_node_fs_.writeFileSync)(f, '', { flag: 'wx', mode: 0o600 });
    return files;
}
/** The variables a hosted runner sets for every step. */
function runnerEnv(run, job, stepId) {
    const g = run.github;
    const s = (k) => String(g[k] ?? '');
    return {
        CI: 'true',
        GITHUB_ACTIONS: 'true',
        GITHUB_WORKSPACE: run.workspace,
        GITHUB_EVENT_NAME: s('event_name'),
        GITHUB_EVENT_PATH: run.eventPath,
        GITHUB_SHA: s('sha'),
        GITHUB_REF: s('ref'),
        GITHUB_REF_NAME: s('ref_name'),
        GITHUB_REF_TYPE: s('ref_type'),
        GITHUB_HEAD_REF: s('head_ref'),
        GITHUB_BASE_REF: s('base_ref'),
        GITHUB_REPOSITORY: s('repository'),
        GITHUB_REPOSITORY_OWNER: s('repository_owner'),
        GITHUB_ACTOR: s('actor'),
        GITHUB_TRIGGERING_ACTOR: s('triggering_actor'),
        GITHUB_WORKFLOW: s('workflow'),
        GITHUB_WORKFLOW_REF: s('workflow_ref'),
        GITHUB_JOB: job.id,
        GITHUB_RUN_ID: s('run_id'),
        GITHUB_RUN_NUMBER: s('run_number'),
        GITHUB_RUN_ATTEMPT: s('run_attempt'),
        GITHUB_SERVER_URL: s('server_url'),
        GITHUB_API_URL: s('api_url'),
        GITHUB_GRAPHQL_URL: s('graphql_url'),
        GITHUB_RETENTION_DAYS: s('retention_days'),
        GITHUB_ACTION: stepId,
        RUNNER_OS: 'Linux',
        RUNNER_ARCH: process.arch === 'arm64' ? 'ARM64' : 'X64',
        RUNNER_NAME: 'kiln-local',
        RUNNER_ENVIRONMENT: 'self-hosted',
        RUNNER_TEMP: (0,external_node_path_.join)(run.temp, 'runner-temp'),
        RUNNER_TOOL_CACHE: (0,external_node_path_.join)(run.temp, 'tool-cache'),
        ...(run.debug ? { RUNNER_DEBUG: '1' } : {}),
    };
}
/** Reads back one command file; a malformed one fails the step, naming the file. */
function readBack(path, what, parse, failures, empty) {
    try {
        return parse(readCommandFile(path, what));
    }
    catch (err) {
        failures.push((0,src_errors/* errorMessage */.gJ)(err));
        return empty;
    }
}
/** Runs `file args` as step `stepId` of `job`, with `env` (the step's full env) and `extra` vars. */
async function runStepProcess(run, job, stepId, source, command, env, extra = {}) {
    const files = commandFiles(run);
    const childEnv = {
        ...run.hostEnv,
        ...env,
        ...extra,
        ...runnerEnv(run, job, stepId),
        ...files,
        PATH: [...job.path, env.PATH ?? run.hostEnv.PATH ?? ''].filter((p) => p !== '').join(':'),
    };
    const reader = new CommandReader(run.masker, source, run.debug);
    const exit = await runProcess(command.file, command.args, {
        cwd: command.cwd,
        env: childEnv,
        ...(command.timeoutMs !== undefined ? { timeoutMs: command.timeoutMs } : {}),
    }, (line) => {
        const shown = reader.line(line);
        if (shown !== undefined)
            run.print(`    ${shown}`);
    });
    const failures = [...reader.effects.failures];
    if (exit.spawnError)
        failures.push(`cannot start ${command.file}: ${exit.spawnError}`);
    const outputs = {
        ...reader.effects.outputs,
        ...Object.fromEntries(readBack(files.GITHUB_OUTPUT, 'GITHUB_OUTPUT', (t) => parseKeyValueFile(t, 'GITHUB_OUTPUT'), failures, [])),
    };
    const state = {
        ...reader.effects.state,
        ...Object.fromEntries(readBack(files.GITHUB_STATE, 'GITHUB_STATE', (t) => parseKeyValueFile(t, 'GITHUB_STATE'), failures, [])),
    };
    const annotations = [...reader.effects.annotations];
    const newEnv = {};
    for (const [k, v] of readBack(files.GITHUB_ENV, 'GITHUB_ENV', (t) => parseKeyValueFile(t, 'GITHUB_ENV'), failures, [])) {
        if (BLOCKED_ENV.has(k.toUpperCase()))
            annotations.push({
                level: 'warning',
                message: `Can't store ${k} using '$GITHUB_ENV' command.`,
                source,
            });
        else
            newEnv[k] = v;
    }
    return {
        code: exit.code,
        timedOut: exit.timedOut,
        outputs,
        state,
        env: newEnv,
        path: readBack(files.GITHUB_PATH, 'GITHUB_PATH', parsePathFile, failures, []),
        summary: readBack(files.GITHUB_STEP_SUMMARY, 'GITHUB_STEP_SUMMARY', (t) => t, failures, ''),
        annotations,
        failures,
    };
}

;// CONCATENATED MODULE: ./packages/local/src/runner/run-step.ts








/** GitHub's default for a step or job without timeout-minutes: six hours. */
const DEFAULT_TIMEOUT_MINUTES = 360;
/** `shell:` unset runs `bash -e {0}`; `shell: bash` adds pipefail and skips the profiles (GitHub's templates). */
const BASH_DEFAULT = ['-e'];
const BASH_EXPLICIT = ['--noprofile', '--norc', '-eo', 'pipefail'];
/** The name GitHub shows for an input's variable: `INPUT_` + upper case, spaces to `_`. */
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}
function minutes(token, scope, what) {
    if (!token)
        return DEFAULT_TIMEOUT_MINUTES;
    const v = Number(evaluateValue(token, scope));
    if (!Number.isFinite(v) || v <= 0)
        throw new src_errors/* ConfigurationError */.j1(`${scope.file}: ${what} must be a positive number of minutes`);
    return v;
}
/** The inputs an action receives: `with:` values, else the action.yml defaults (evaluated). */
function actionInputs(run, action, given, scope, source, warn = true) {
    const declared = new Set(action.inputs.map((i) => i.id));
    const unexpected = Object.keys(given).filter((k) => !declared.has(k));
    // Warned once, by the main part (pre runs with the same inputs).
    if (unexpected.length && warn)
        run.annotations.push({
            level: 'warning',
            message: `Unexpected input(s) '${unexpected.join("', '")}', valid inputs are ['${[...declared].join("', '")}']`,
            source,
        });
    const values = { ...given };
    for (const input of action.inputs)
        if (!Object.hasOwn(given, input.id))
            values[input.id] = evaluateString(input.default, { ...scope, file: action.file });
    return values;
}
function inputEnv(inputs) {
    return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}
function stateEnv(state) {
    return Object.fromEntries(Object.entries(state).map(([k, v]) => [`STATE_${k}`, v]));
}
/** What the job learns from a step that ran: env and path for later steps, the summary, annotations. */
function absorb(run, job, effects) {
    Object.assign(job.env, effects.env);
    job.path.unshift(...[...effects.path].reverse());
    if (effects.summary) {
        const text = run.masker.mask(effects.summary);
        job.summary.push(text.endsWith('\n') ? text : `${text}\n`);
    }
    run.annotations.push(...effects.annotations);
}
/** A step's outcome from its process: failed on a non-zero exit, a timeout or a command failure. */
function outcomeOf(effects, timeoutMinutes) {
    if (effects.timedOut)
        return {
            outcome: 'failure',
            reason: `The action has timed out after ${timeoutMinutes} minutes.`,
        };
    if (effects.failures.length)
        return { outcome: 'failure', reason: effects.failures.join('; ') };
    if (effects.code !== 0)
        return { outcome: 'failure', reason: `Process completed with exit code ${effects.code}.` };
    return { outcome: 'success' };
}
function remainingMs(job, stepMinutes) {
    return Math.max(0, Math.min(stepMinutes * 60_000, job.deadline - Date.now()));
}
/** Writes a run: script to a file of its own: the script text never becomes a command line. */
function scriptFile(run, script) {
    const path = (0,external_node_path_.join)(run.temp, 'runner-temp', `${(0,external_node_crypto_.randomUUID)()}.sh`);
    (0,external_node_fs_.writeFileSync)(path, script, { flag: 'wx', mode: 0o700 });
    return path;
}
function workingDirectory(run, dir, file) {
    const path = (0,external_node_path_.resolve)(run.workspace, dir);
    if (!(0,external_node_fs_.existsSync)(path) || !(0,external_node_fs_.statSync)(path).isDirectory())
        throw new src_errors/* ConfigurationError */.j1(`${file}: working-directory ${dir} is not a directory`);
    return path;
}
function record(run, job, result, started) {
    result.durationMs = Date.now() - started;
    // The steps context keeps the values; what the run returns (and --json prints) is masked.
    result.outputs = Object.fromEntries(Object.entries(result.outputs).map(([k, v]) => [k, run.masker.mask(v)]));
    if (result.reason)
        result.reason = run.masker.mask(result.reason);
    job.results.push(result);
    const mark = result.outcome === 'success' ? '✓' : result.outcome === 'skipped' ? '-' : '✗';
    const tail = result.outcome === 'failure' && result.conclusion === 'success' ? ' (continue-on-error)' : '';
    run.print(`  ${mark} ${result.name} ${result.outcome}${tail} ${(result.durationMs / 1000).toFixed(1)}s${result.reason ? `: ${result.reason}` : ''}`);
    if (result.outcome === 'failure' && result.reason)
        run.annotations.push({
            level: 'error',
            message: result.reason,
            source: `${job.id}/${result.id}`,
        });
    return result;
}
/** Runs the main part of one step, from its `if:` to its outputs. */
async function runMainStep(run, job, planned, defaults) {
    const started = Date.now();
    const { step } = planned;
    const file = planned.at;
    const source = `${job.id}/${step.id}`;
    const result = {
        id: step.id,
        name: stepTitle(step, planned.index),
        phase: 'main',
        outcome: 'success',
        conclusion: 'success',
        outputs: {},
        durationMs: 0,
    };
    let continueOnError = false;
    const finish = (outcome, reason) => {
        result.outcome = outcome;
        result.conclusion = outcome === 'failure' && continueOnError ? 'success' : outcome;
        if (reason)
            result.reason = reason;
        job.steps[step.id] = {
            outputs: { ...result.outputs },
            outcome: result.outcome,
            conclusion: result.conclusion,
        };
        if (result.conclusion === 'failure')
            job.failed = true;
        return record(run, job, result, started);
    };
    try {
        const jobLevel = jobScope(run, job, file);
        if (!condition(step.if.expression, jobLevel))
            return finish('skipped', `if: ${step.if.expression} was false`);
        const stepEnv = { ...job.env, ...evaluateMap(step.env, jobLevel) };
        const scope = jobScope(run, job, file, stepEnv);
        // As on a hosted runner, the name (like if:) sees the job's env, not the step's own.
        if (step.name)
            result.name = evaluateString(step.name, jobLevel) || result.name;
        const coe = step['continue-on-error'];
        continueOnError =
            typeof coe === 'boolean' ? coe : coe ? evaluateString(coe, scope) === 'true' : false;
        const timeout = minutes(planned.timeoutMinutes, scope, 'timeout-minutes');
        run.print(`  ▶ ${result.name}`);
        const what = planned.what;
        if (what.kind === 'checkout') {
            const given = evaluateMap(planned.with, scope);
            for (const key of ['repository', 'path', 'ref'])
                if (given[key])
                    throw new src_errors/* ConfigurationError */.j1(`${planned.label}: actions/checkout with ${key}: is not supported by the local runner (it runs on the working tree)`);
            run.print(`    (actions/checkout: the local runner uses the working tree ${run.workspace} as it is)`);
            return finish('success');
        }
        let effects;
        if (what.kind === 'run' && 'run' in step) {
            const script = evaluateString(step.run, scope);
            const shell = planned.shell ? evaluateString(planned.shell, scope) : defaults.shell;
            if (shell !== undefined && shell !== 'bash')
                throw new src_errors/* ConfigurationError */.j1(`${planned.label}: shell: ${shell}: the local runner runs bash steps only`);
            const wd = planned.workingDirectory
                ? evaluateString(planned.workingDirectory, scope)
                : defaults.workingDirectory;
            effects = await runStepProcess(run, job, step.id, source, {
                file: 'bash',
                args: [...(shell === 'bash' ? BASH_EXPLICIT : BASH_DEFAULT), scriptFile(run, script)],
                cwd: wd ? workingDirectory(run, wd, planned.label) : run.workspace,
                timeoutMs: remainingMs(job, timeout),
            }, stepEnv);
        }
        else if (what.kind === 'action') {
            const inputs = actionInputs(run, what.action, evaluateMap(planned.with, scope), scope, source);
            const state = job.preState.get(planned) ?? {};
            effects = await runStepProcess(run, job, step.id, source, {
                file: process.execPath,
                args: [what.action.main],
                cwd: run.workspace,
                timeoutMs: remainingMs(job, timeout),
            }, stepEnv, { ...inputEnv(inputs), ...stateEnv(state), GITHUB_ACTION_PATH: what.action.dir });
            if (what.action.post)
                job.posts.push({ planned, inputs, state: { ...state, ...effects.state } });
        }
        else {
            throw new src_errors/* ConfigurationError */.j1(`${planned.label}: nothing to run`);
        }
        absorb(run, job, effects);
        result.outputs = effects.outputs;
        const { outcome, reason } = outcomeOf(effects, timeout);
        if (effects.code !== 0)
            result.exitCode = effects.code;
        return finish(outcome, reason);
    }
    catch (err) {
        return finish('failure', (0,src_errors/* errorMessage */.gJ)(err));
    }
}
/** Runs the `pre` or `post` part of an action step, under its `pre-if` / `post-if`. */
async function runActionHook(run, job, planned, phase, given) {
    if (planned.what.kind !== 'action')
        return undefined;
    const action = planned.what.action;
    const entry = phase === 'pre' ? action.pre : action.post;
    if (!entry)
        return undefined;
    const started = Date.now();
    const { step } = planned;
    const file = planned.at;
    const title = stepTitle(step, planned.index);
    const result = {
        id: step.id,
        name: `${phase === 'pre' ? 'Pre' : 'Post'} ${title}`,
        phase,
        outcome: 'success',
        conclusion: 'success',
        outputs: {},
        durationMs: 0,
    };
    const finish = (outcome, reason) => {
        result.outcome = outcome;
        result.conclusion = outcome;
        if (reason)
            result.reason = reason;
        if (outcome === 'failure')
            job.failed = true;
        return record(run, job, result, started);
    };
    try {
        const jobLevel = jobScope(run, job, file);
        const cond = phase === 'pre' ? action.preIf : action.postIf;
        if (!condition(cond, { ...jobLevel, file: action.file }))
            return finish('skipped', `${phase}-if: ${cond} was false`);
        const stepEnv = { ...job.env, ...evaluateMap(step.env, jobLevel) };
        const scope = jobScope(run, job, file, stepEnv);
        const inputs = given?.inputs ??
            actionInputs(run, action, evaluateMap(planned.with, scope), scope, `${job.id}/${step.id}`, false);
        run.print(`  ▶ ${result.name}`);
        const effects = await runStepProcess(run, job, step.id, `${job.id}/${step.id}`, {
            file: process.execPath,
            args: [entry],
            cwd: run.workspace,
            timeoutMs: remainingMs(job, DEFAULT_TIMEOUT_MINUTES),
        }, stepEnv, { ...inputEnv(inputs), ...stateEnv(given?.state ?? {}), GITHUB_ACTION_PATH: action.dir });
        absorb(run, job, effects);
        if (phase === 'pre')
            job.preState.set(planned, effects.state);
        const { outcome, reason } = outcomeOf(effects, DEFAULT_TIMEOUT_MINUTES);
        if (effects.code !== 0)
            result.exitCode = effects.code;
        return finish(outcome, reason);
    }
    catch (err) {
        return finish('failure', (0,src_errors/* errorMessage */.gJ)(err));
    }
}

;// CONCATENATED MODULE: ./packages/local/src/runner/run-job.ts





/** The job-level status functions: every job it needs, directly or not, succeeded, or one failed. */
function ancestry(planned, byId, results) {
    const seen = new Set();
    const walk = (job) => {
        for (const n of job.job.needs ?? []) {
            if (seen.has(n.value))
                continue;
            seen.add(n.value);
            const dep = byId.get(n.value);
            if (dep)
                walk(dep);
        }
    };
    walk(planned);
    return [...seen].map((id) => results.get(id)?.result ?? 'skipped');
}
/** `environment: NAME` or `environment: { name, url }`: the url may use steps, so it is read last. */
function environmentTokens(token) {
    if (!token)
        return {};
    if ((0,workflow_parser_dist/* isMapping */.pi)(token))
        return { name: token.find('name'), url: token.find('url') };
    return { name: token };
}
/**
 * Runs one job: its `if:` over the jobs it needs, `environment:` and `concurrency` recorded,
 * the pre parts of its actions, its steps in order, the post parts in reverse order, and its
 * outputs, which a value holding a secret may not leave (as on GitHub).
 */
async function runJob(run, planned, byId, results) {
    const started = Date.now();
    const { job } = planned;
    const id = job.id.value;
    const at = where(run.workflow.file, job.id);
    const state = {
        id,
        env: { ...run.workflowEnv },
        path: [],
        steps: {},
        needs: Object.fromEntries((job.needs ?? []).map((n) => {
            const r = results.get(n.value);
            return [n.value, { result: r?.result ?? 'skipped', outputs: r?.outputs ?? {} }];
        })),
        failed: false,
        results: [],
        summary: [],
        deadline: Infinity,
        posts: [],
        preState: new Map(),
    };
    const result = {
        id,
        name: job.name ? job.name.toDisplayString() : id,
        result: 'success',
        outputs: {},
        steps: state.results,
        summary: '',
        durationMs: 0,
    };
    const finish = (outcome, reason) => {
        result.result = outcome;
        if (reason)
            result.reason = run.masker.mask(reason);
        result.summary = state.summary.join('');
        result.durationMs = Date.now() - started;
        run.print(`${outcome === 'success' ? '✓' : outcome === 'skipped' ? '-' : '✗'} job ${id} ${outcome} ${(result.durationMs / 1000).toFixed(1)}s${result.reason ? `: ${result.reason}` : ''}`);
        return result;
    };
    const needs = ancestry(planned, byId, results);
    const jobStatus = {
        success: needs.every((r) => r === 'success'),
        failure: needs.some((r) => r === 'failure'),
        cancelled: false,
    };
    try {
        const base = jobScope(run, state, at);
        const scope = { ...base, status: jobStatus };
        if (!condition(job.if.expression, scope))
            return finish('skipped', `if: ${job.if.expression} was false`);
        if (job.name)
            result.name = evaluateString(job.name, scope) || id;
        if (evaluateString(planned.continueOnError, scope) === 'true')
            result.continueOnError = true;
        run.print(`▶ job ${id}${result.name !== id ? ` (${result.name})` : ''}`);
        const environment = environmentTokens(job.environment);
        const envName = evaluateString(environment.name, scope);
        if (envName) {
            result.environment = { name: envName };
            run.print(`  environment: ${envName}`);
        }
        const concurrency = evaluateValue(job.concurrency, scope);
        const group = typeof concurrency === 'string'
            ? concurrency
            : concurrency?.group;
        if (typeof group === 'string' && group) {
            result.concurrency = group;
            run.print(`  concurrency: ${group} (recorded; local jobs run one at a time)`);
        }
        Object.assign(state.env, evaluateMap(job.env, scope));
        const jobMinutes = planned.timeoutMinutes
            ? Number(evaluateValue(planned.timeoutMinutes, scope))
            : DEFAULT_TIMEOUT_MINUTES;
        state.deadline = started + jobMinutes * 60_000;
        const defaults = {
            shell: planned.shell ? evaluateString(planned.shell, scope) : undefined,
            workingDirectory: planned.workingDirectory
                ? evaluateString(planned.workingDirectory, scope)
                : undefined,
        };
        for (const step of planned.steps)
            await runActionHook(run, state, step, 'pre');
        for (const step of planned.steps)
            await runMainStep(run, state, step, defaults);
        for (const post of [...state.posts].reverse())
            await runActionHook(run, state, post.planned, 'post', post);
        const after = jobScope(run, state, at);
        for (const [name, value] of Object.entries(evaluateMap(job.outputs, after))) {
            if (run.masker.reveals(value)) {
                run.annotations.push({
                    level: 'warning',
                    message: `Skip output '${name}' since it may contain secret.`,
                    source: id,
                });
                continue;
            }
            result.outputs[name] = value;
        }
        const url = evaluateString(environment.url, after);
        if (result.environment && url)
            result.environment.url = url;
    }
    catch (err) {
        state.failed = true;
        return finish('failure', (0,src_errors/* errorMessage */.gJ)(err));
    }
    return finish(state.failed ? 'failure' : 'success');
}

;// CONCATENATED MODULE: ./packages/local/src/runner/run-workflow.ts










/** Variables a hosted runner sets itself: the host's own (e.g. when `kiln run` runs inside a job) never leak into a step. */
const RUNNER_OWNED = /^(GITHUB_|RUNNER_|INPUT_|STATE_|ACTIONS_)/;
/** Jobs in `needs` order, file order among equals (the converter has refused cycles and unknown needs). */
function jobOrder(jobs) {
    const done = new Set();
    const order = [];
    while (order.length < jobs.length) {
        const next = jobs.find((j) => !done.has(j.job.id.value) && (j.job.needs ?? []).every((n) => done.has(n.value)));
        if (!next)
            throw new src_errors/* ConfigurationError */.j1('jobs: the needs of the remaining jobs form a cycle');
        done.add(next.job.id.value);
        order.push(next);
    }
    return order;
}
function hostEnvironment(env) {
    const out = {};
    for (const [k, v] of Object.entries(env))
        if (v !== undefined && !RUNNER_OWNED.test(k))
            out[k] = v;
    return out;
}
/**
 * Runs one workflow file on this machine as a hosted runner would run it for `event`: reads it
 * with GitHub's parser, refuses what it cannot run before any step starts, then runs the jobs
 * in `needs` order and returns what happened.
 */
async function runWorkflow(options) {
    const started = Date.now();
    const workspace = (0,external_node_fs_.realpathSync)(options.workspace ?? process.cwd());
    const path = (0,external_node_path_.resolve)(workspace, options.workflow);
    const display = (0,external_node_path_.relative)(workspace, path).startsWith('..') ? path : (0,external_node_path_.relative)(workspace, path);
    const workflow = await loadWorkflow(path, display, workspace);
    const declared = EVENTS.filter((e) => workflow.template.events[e] !== undefined);
    const event = checkEvent(workflow.template, options.event ?? declared[0] ?? 'push', display);
    const given = options.inputs ?? {};
    if (event !== 'workflow_dispatch' && Object.keys(given).length)
        throw new src_errors/* ConfigurationError */.j1(`--input is for workflow_dispatch runs; this run is a ${event} event`);
    const inputs = event === 'workflow_dispatch' ? dispatchInputs(workflow.template, given, display) : {};
    const masker = new Masker();
    const secrets = { GITHUB_TOKEN: '', ...options.secrets };
    for (const v of Object.values(secrets))
        if (v)
            masker.add(v);
    const facts = repositoryFacts(workspace, options.repository);
    const t = trigger(event, facts, inputs);
    const out = options.log ?? ((line) => log/* write */.M9(process.stderr, line));
    const temp = await (0,temp_dir/* privateTempDir */.nX)('kiln-run-', options.tempDir);
    const notes = [];
    try {
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(temp, 'runner-temp'), { recursive: true });
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(temp, 'tool-cache'), { recursive: true });
        const eventPath = (0,external_node_path_.join)(temp, 'event.json');
        (0,external_node_fs_.writeFileSync)(eventPath, JSON.stringify(t.payload, null, 2), { flag: 'wx', mode: 0o600 });
        const [owner = ''] = facts.repository.split('/');
        const runId = String(options.runId ?? Date.now());
        const github = {
            event_name: event,
            event: t.payload,
            event_path: eventPath,
            sha: t.sha,
            ref: t.ref,
            ref_name: t.refName,
            ref_type: 'branch',
            ref_protected: false,
            head_ref: t.headRef,
            base_ref: t.baseRef,
            repository: facts.repository,
            repository_owner: owner,
            actor: facts.actor,
            triggering_actor: facts.actor,
            workflow: workflow.name,
            workflow_ref: `${facts.repository}/${display}@${t.ref}`,
            run_id: runId,
            run_number: '1',
            run_attempt: '1',
            retention_days: '90',
            server_url: facts.serverUrl,
            api_url: facts.apiUrl,
            graphql_url: `${facts.apiUrl}/graphql`,
            workspace,
            token: secrets.GITHUB_TOKEN,
            action: '',
        };
        const run = {
            workflow,
            workspace,
            temp,
            eventPath,
            github,
            inputs,
            vars: options.vars ?? {},
            secrets,
            workflowEnv: {},
            hostEnv: hostEnvironment(options.env ?? process.env),
            masker,
            annotations: [],
            notes,
            debug: options.debug ?? false,
            print: (line) => out(masker.mask(line)),
        };
        const filters = unevaluatedFilters(workflow.template, event);
        if (filters.length)
            notes.push(`on.${event}: ${filters.join(', ')} not evaluated locally; the run goes ahead as if they matched`);
        if (workflow.jobs.length > 1)
            notes.push('jobs share the working tree and run one at a time');
        for (const note of notes)
            run.print(`note: ${note}`);
        run.print(`workflow ${workflow.name} (${display}) on ${event}, ${facts.repository}@${t.sha.slice(0, 12)}`);
        run.workflowEnv = evaluateMap(workflow.template.env, {
            file: display,
            contexts: { github, inputs, vars: run.vars, secrets },
        });
        const byId = new Map(workflow.jobs.map((j) => [j.job.id.value, j]));
        const results = new Map();
        for (const planned of jobOrder(workflow.jobs))
            results.set(planned.job.id.value, await runJob(run, planned, byId, results));
        const jobs = [...results.values()];
        const failed = jobs.some((j) => j.result === 'failure' && !j.continueOnError);
        const result = {
            workflow: workflow.name,
            file: display,
            event,
            conclusion: failed ? 'failure' : 'success',
            jobs,
            annotations: run.annotations,
            notes,
            durationMs: Date.now() - started,
        };
        run.print(`${failed ? '✗' : '✓'} workflow ${workflow.name} ${result.conclusion} ${(result.durationMs / 1000).toFixed(1)}s`);
        return result;
    }
    finally {
        (0,external_node_fs_.rmSync)(temp, { recursive: true, force: true });
    }
}


/***/ })

};
