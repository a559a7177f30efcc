export const id = 554;
export const ids = [554];
export const modules = {

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

/***/ 19649:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Vo: () => (/* binding */ DockerCli),
/* harmony export */   YJ: () => (/* binding */ DockerCommandError),
/* harmony export */   fE: () => (/* binding */ formatCommand)
/* harmony export */ });
/* unused harmony exports reasonLine, unreachableReason */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(77030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _log_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(88315);




/**
 * A failed docker command. The message is one line (the command line and the engine's reason);
 * the whole stderr stays in `stderr`, for the debug log and for callers that read it.
 */
class DockerCommandError extends Error {
    command;
    exitCode;
    stderr;
    timedOut;
    stdout;
    name = 'DockerCommandError';
    /** The engine's reason in one line, without the command (what a caller's own message quotes). */
    reason;
    constructor(message, command, exitCode, stderr, timedOut = false, 
    /** What it printed before failing: `docker inspect a b` prints the objects that exist. */
    stdout = '', reason) {
        super(message);
        this.command = command;
        this.exitCode = exitCode;
        this.stderr = stderr;
        this.timedOut = timedOut;
        this.stdout = stdout;
        this.reason = reason ?? (reasonLine(stderr) || message);
    }
}
/**
 * The line of a docker CLI's stderr that says why it failed: the last one that names an error
 * (`docker run` ends with a usage hint, a build with its summary), else the last line.
 */
function reasonLine(stderr) {
    const lines = stderr
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
    const line = lines.findLast((l) => /error|denied|cannot|no such|not found|failed/i.test(l));
    return (line ?? lines.at(-1) ?? '').replace(/^docker: /, '');
}
/** What the CLI prints when it cannot reach the engine; it keeps the socket's own error to itself. */
const UNREACHABLE = /Cannot connect to the Docker daemon at (\S+?)\.? Is the docker daemon running\?/;
const PROBE_TIMEOUT_MS = 3_000;
/** The OS's reason for a failed connect, in its own words (the CLI's older versions printed them). */
const CONNECT_ERRORS = {
    ECONNREFUSED: 'connection refused',
    ENOENT: 'no such file or directory',
    EACCES: 'permission denied',
    ENOTSOCK: 'not a socket',
    ECONNRESET: 'connection reset',
    EHOSTUNREACH: 'host unreachable',
    ENETUNREACH: 'network unreachable',
    ENOTFOUND: 'unknown host',
    ETIMEDOUT: 'connection timed out',
};
/**
 * Why the engine at `host` cannot be reached, found by connecting to it as the CLI would (the
 * CLI says only "Is the docker daemon running?"). Undefined when it answers now or the host is
 * not a unix or tcp one (ssh: the CLI's own words stand).
 */
async function unreachableReason(host) {
    let url;
    try {
        url = new URL(host);
    }
    catch {
        return undefined;
    }
    // A tcp host without a port: the CLI picks 2375 or 2376 by its TLS settings, not guessed here.
    const target = url.protocol === 'unix:'
        ? { path: decodeURIComponent(url.pathname) }
        : url.protocol === 'tcp:' && url.hostname && url.port
            ? { host: url.hostname.replace(/^\[|\]$/g, ''), port: Number(url.port) }
            : undefined;
    if (!target)
        return undefined;
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_1__.connect)(target);
        socket.setTimeout(PROBE_TIMEOUT_MS, () => {
            socket.destroy();
            resolve(`no answer within ${PROBE_TIMEOUT_MS / 1000} s`);
        });
        socket.on('connect', () => {
            socket.destroy();
            resolve(undefined);
        });
        socket.on('error', (e) => {
            resolve(CONNECT_ERRORS[e.code ?? ''] ?? e.message);
        });
    });
}
const MAX_STDOUT = 16 * 1024 * 1024;
const MAX_STDERR = 64 * 1024;
/** Quotes for display only, so a reader can paste the command into a shell. */
function formatCommand(argv) {
    return argv
        .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
        .join(' ');
}
class DockerCli {
    options;
    binary;
    constructor(options = {}) {
        this.options = options;
        this.binary = options.binary ?? 'docker';
    }
    /** The DOCKER_HOST commands go to, or undefined for the CLI's default. */
    get dockerHost() {
        return this.options.dockerHost ?? (this.options.env ?? process.env).DOCKER_HOST;
    }
    /** Runs `docker ...args`; resolves with its output on exit 0, else rejects with DockerCommandError. */
    run(args, opts = {}) {
        const env = { ...(this.options.env ?? process.env) };
        if (this.options.dockerHost)
            env.DOCKER_HOST = this.options.dockerHost;
        const host = env.DOCKER_HOST ? ` (DOCKER_HOST=${env.DOCKER_HOST})` : '';
        const command = (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(formatCommand([this.binary, ...args]) + host);
        return new Promise((resolve, reject) => {
            const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(this.binary, args, {
                env,
                stdio: [opts.input ? 'pipe' : 'ignore', 'pipe', 'pipe'],
            });
            const out = [];
            let outBytes = 0;
            let err = '';
            child.stdout?.on('data', (c) => {
                if (outBytes < MAX_STDOUT)
                    out.push(c);
                outBytes += c.length;
            });
            child.stderr?.on('data', (c) => {
                err = (err + c.toString('utf8')).slice(-MAX_STDERR);
            });
            let timedOut = false;
            const timer = opts.timeoutMs === undefined
                ? undefined
                : setTimeout(() => {
                    timedOut = true;
                    child.kill('SIGTERM');
                }, opts.timeoutMs);
            // The input's own failure (e.g. a blob failing its digest check) is the cause of a failed
            // load; a broken pipe only means docker stopped reading, and docker's stderr says why.
            let inputError;
            const fed = opts.input && child.stdin
                ? (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_2__.pipeline)(opts.input, child.stdin).catch((e) => {
                    inputError = e;
                    child.stdin?.destroy();
                })
                : Promise.resolve();
            child.on('error', (e) => {
                if (timer)
                    clearTimeout(timer);
                const why = e.code === 'ENOENT' ? `${this.binary} is not on PATH` : e.message;
                reject(new DockerCommandError(`${command} could not run: ${why}`, command, null, ''));
            });
            child.on('close', (code, signal) => {
                if (timer)
                    clearTimeout(timer);
                void fed.then(() => {
                    const stderr = err.trim();
                    const stdout = Buffer.concat(out).toString('utf8');
                    const pipeBroken = inputError !== undefined &&
                        ['EPIPE', 'ERR_STREAM_DESTROYED', 'ERR_STREAM_PREMATURE_CLOSE'].includes(inputError.code ?? '');
                    if (inputError !== undefined && !pipeBroken && !timedOut) {
                        const why = inputError instanceof Error ? inputError.message : String(inputError);
                        reject(new DockerCommandError(`${command}: input failed: ${why}`, command, code, stderr));
                        return;
                    }
                    if (code === 0 && !timedOut && inputError === undefined) {
                        resolve({ stdout, stderr });
                        return;
                    }
                    const status = timedOut
                        ? `timed out after ${opts.timeoutMs} ms`
                        : code !== null
                            ? `failed with exit code ${code}`
                            : `was killed by ${signal ?? 'a signal'}`;
                    void engineReason(stderr)
                        .catch(() => reasonLine(stderr))
                        .then((reason) => {
                        const detail = reason ? `: ${(0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(reason)}` : '';
                        reject(new DockerCommandError(`docker command ${status}: ${command}${detail}`, command, code, stderr, timedOut, stdout, reason ? (0,_log_js__WEBPACK_IMPORTED_MODULE_3__/* .redact */ .E$)(reason) : undefined));
                    });
                });
            });
        });
    }
    /** `run` with stdout trimmed, for commands that print one value (an ID, a format string). */
    async output(args, opts = {}) {
        return (await this.run(args, opts)).stdout.trim();
    }
}
/** The engine's reason for a failure in one line; an unreachable engine is asked why itself. */
async function engineReason(stderr) {
    const host = UNREACHABLE.exec(stderr)?.[1];
    if (host) {
        const why = await unreachableReason(host);
        return `cannot reach the docker engine at ${host}${why ? `: ${why}` : ''}`;
    }
    return reasonLine(stderr);
}


/***/ }),

/***/ 77642:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   j: () => (/* binding */ htmlText),
/* harmony export */   p: () => (/* binding */ markdownText)
/* harmony export */ });
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
    return (0,_log_js__WEBPACK_IMPORTED_MODULE_0__/* .printable */ .g$)(value)
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

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Markdown: () => (/* binding */ Markdown),
/* harmony export */   code: () => (/* binding */ code),
/* harmony export */   details: () => (/* binding */ details),
/* harmony export */   heading: () => (/* binding */ heading),
/* harmony export */   inlineCode: () => (/* binding */ inlineCode),
/* harmony export */   table: () => (/* binding */ table),
/* harmony export */   writeSummary: () => (/* binding */ writeSummary)
/* harmony export */ });
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
    return `<details><summary>${(0,_escape_js__WEBPACK_IMPORTED_MODULE_2__/* .htmlText */ .j)(summary)}</summary>\n\n${body}\n\n</details>`;
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
    await _actions_core__WEBPACK_IMPORTED_MODULE_0__/* .summary */ .z.addRaw(markdown, true).write();
}


/***/ }),

/***/ 7097:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   X3: () => (/* binding */ parseImageConfigJson)
/* harmony export */ });
/* unused harmony exports containerConfigSchema, historySchema, imageConfigSchema */
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(50000);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37428);

/**
 * OCI image config (plus Docker's Healthcheck), checked once at the edge. Loose objects keep
 * fields we do not model, so a baked config carries everything its base had. Docker writes
 * `null` for empty lists.
 */
const list = zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).nullish();
const containerConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    User: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    Env: list,
    Entrypoint: list,
    Cmd: list,
    WorkingDir: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    Labels: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()).nullish(),
    ExposedPorts: zod__WEBPACK_IMPORTED_MODULE_0__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({})).nullish(),
    StopSignal: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().nullish(),
    Healthcheck: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({
        Test: list,
        Interval: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
        Timeout: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
        StartPeriod: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
        Retries: zod__WEBPACK_IMPORTED_MODULE_0__/* .number */ .aig().optional(),
    })
        .nullish(),
});
const historySchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    created: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    created_by: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    comment: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    empty_layer: zod__WEBPACK_IMPORTED_MODULE_0__/* .boolean */ .zMY().optional(),
});
const imageConfigSchema = zod__WEBPACK_IMPORTED_MODULE_0__/* .looseObject */ ._H3({
    created: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    architecture: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    os: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    variant: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP().optional(),
    config: containerConfigSchema.nullish(),
    rootfs: zod__WEBPACK_IMPORTED_MODULE_0__/* .object */ .Ikc({ type: zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP(), diff_ids: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_0__/* .string */ .YjP()) }).optional(),
    history: zod__WEBPACK_IMPORTED_MODULE_0__/* .array */ .YOg(historySchema).nullish(),
});
function parseImageConfigJson(bytes, where) {
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        throw new Error(`${where} is not valid JSON: ${err.message}`, { cause: err });
    }
    const r = imageConfigSchema.safeParse(json);
    if (!r.success)
        throw new Error(`${where} is not a valid image config: ${zod__WEBPACK_IMPORTED_MODULE_1__/* .prettifyError */ .S1(r.error)}`);
    return r.data;
}


/***/ }),

/***/ 73215:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A_: () => (/* binding */ forEachLayerEntry),
/* harmony export */   ts: () => (/* binding */ cleanPath)
/* harmony export */ });
/* unused harmony export compressionOf */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(38522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tar_stream__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(56118);




/** `./usr//bin/` → `usr/bin`; `..` cannot climb above the root, as in an extraction. */
function cleanPath(name) {
    const p = node_path__WEBPACK_IMPORTED_MODULE_0__.posix.normalize(`/${name}`);
    return p === '/' ? '' : p.replace(/^\/+/, '').replace(/\/+$/, '');
}
function compressionOf(desc) {
    const t = desc.mediaType;
    if (/[+.]gzip$/.test(t))
        return 'gzip';
    if (/[+.]zstd$/.test(t)) {
        throw new Error(`layer ${desc.digest} is zstd-compressed (${t}), which cannot be read yet`);
    }
    if (/(?:layer|rootfs).*[.]tar$/.test(t))
        return 'none';
    throw new Error(`layer ${desc.digest} has media type ${t}, which is not a filesystem layer`);
}
/** Streams one layer's tar entries; a digest mismatch or corrupt gzip fails the walk. */
async function forEachLayerEntry(store, desc, visit) {
    const compression = compressionOf(desc);
    const blob = await store.openBlob(desc);
    const extract = (0,tar_stream__WEBPACK_IMPORTED_MODULE_3__.extract)();
    // `pipe` forwards no errors: a failing blob (digest mismatch) or gunzip must fail the
    // extraction, or the loop below could end as if the layer were complete.
    const fail = (err) => {
        if (err)
            extract.destroy(err);
    };
    const tar = compression === 'gzip' ? (0,node_stream__WEBPACK_IMPORTED_MODULE_1__.pipeline)(blob, (0,node_zlib__WEBPACK_IMPORTED_MODULE_2__.createGunzip)(), fail) : blob.on('error', fail);
    tar.pipe(extract);
    try {
        for await (const entry of extract)
            await visit(entry);
    }
    finally {
        blob.destroy();
        tar.destroy();
    }
}


/***/ }),

/***/ 3501:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   o: () => (/* binding */ drained)
/* harmony export */ });
/**
 * Waits for a writable that returned false from write() to drain. Rejects if it closes first,
 * so a writer never waits forever on an entry that was torn down.
 */
function drained(sink, what = 'tar entry') {
    return new Promise((resolve, reject) => {
        const off = () => {
            sink.off('drain', onDrain);
            sink.off('close', onClose);
        };
        const onDrain = () => {
            off();
            resolve();
        };
        const onClose = () => {
            off();
            reject(new Error(`${what} closed before its data was written`));
        };
        sink.on('drain', onDrain);
        sink.on('close', onClose);
    });
}


/***/ }),

/***/ 70456:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E8: () => (/* binding */ withTempDir),
/* harmony export */   Pl: () => (/* binding */ writePrivateFile)
/* harmony export */ });
/* unused harmony exports privateTempDir, writeNewFile */
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

/***/ 29554:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  DEFAULT_CHECK_NAME: () => (/* reexport */ validate_request/* DEFAULT_CHECK_NAME */.nV),
  DEFAULT_PLATFORM: () => (/* reexport */ DEFAULT_PLATFORM),
  DEFAULT_POLICY: () => (/* reexport */ DEFAULT_POLICY),
  DEFAULT_POLICY_FILE: () => (/* reexport */ validate_request/* DEFAULT_POLICY_FILE */.mY),
  LABEL_BASE_DIGEST: () => (/* reexport */ LABEL_BASE_DIGEST),
  LABEL_BASE_NAME: () => (/* reexport */ LABEL_BASE_NAME),
  LABEL_REVISION: () => (/* reexport */ LABEL_REVISION),
  LOG_TAIL_MAX_LINES: () => (/* reexport */ LOG_TAIL_MAX_LINES),
  MAX_YAML_ALIAS_COUNT: () => (/* reexport */ MAX_YAML_ALIAS_COUNT),
  RULE_NAMES: () => (/* reexport */ RULE_NAMES),
  VALIDATION_ARTIFACT_TYPE: () => (/* reexport */ VALIDATION_ARTIFACT_TYPE),
  buildReport: () => (/* reexport */ buildReport),
  encodeReport: () => (/* reexport */ encodeReport),
  evaluatePolicy: () => (/* reexport */ evaluatePolicy),
  gatherFacts: () => (/* reexport */ gatherFacts),
  loadPolicy: () => (/* reexport */ loadPolicy),
  parsePolicy: () => (/* reexport */ parsePolicy),
  parseValidateRequest: () => (/* reexport */ validate_request/* parseValidateRequest */.dR),
  smokeRun: () => (/* reexport */ smokeRun),
  storeArtifact: () => (/* reexport */ storeArtifact),
  urlProbe: () => (/* reexport */ urlProbe),
  validateImage: () => (/* reexport */ validateImage),
  validationAnnotations: () => (/* reexport */ validationAnnotations),
  validationSummary: () => (/* reexport */ validationSummary),
  writeReportFile: () => (/* reexport */ writeReportFile)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(50000);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(88532);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/config/yaml-source.ts
var yaml_source = __webpack_require__(98503);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(3547);
;// CONCATENATED MODULE: ./packages/core/src/validate/byte-size.ts
/**
 * Sizes in policy files: a plain number of bytes, or a number with a unit. `kB`/`MB`/`GB`/`TB`
 * are powers of 1000 and `KiB`/`MiB`/`GiB`/`TiB` powers of 1024, as registries and `docker
 * images` print them; the unit is case-insensitive except that the `i` decides the base.
 */
const UNITS = {
    b: 1,
    k: 1e3,
    kb: 1e3,
    m: 1e6,
    mb: 1e6,
    g: 1e9,
    gb: 1e9,
    t: 1e12,
    tb: 1e12,
    kib: 2 ** 10,
    mib: 2 ** 20,
    gib: 2 ** 30,
    tib: 2 ** 40,
};
const SIZE = /^(\d+(?:\.\d+)?)\s*([a-z]*)$/i;
/** Bytes for `123`, `50MB`, `1.5GiB`, `500 kB`; undefined when the text is not a size. */
function parseByteSize(text) {
    const m = SIZE.exec(text.trim());
    if (!m)
        return undefined;
    const unit = m[2].toLowerCase();
    const factor = unit === '' ? 1 : UNITS[unit];
    if (factor === undefined)
        return undefined;
    const bytes = Math.round(Number(m[1]) * factor);
    return Number.isSafeInteger(bytes) ? bytes : undefined;
}
/** `52428800` → `52.4 MB (50.0 MiB)`: both bases, so either kind of limit reads naturally. */
function formatByteSize(bytes) {
    if (bytes < 1000)
        return `${bytes} B`;
    const dec = ['kB', 'MB', 'GB', 'TB'];
    const bin = ['KiB', 'MiB', 'GiB', 'TiB'];
    const pick = (base, names) => {
        let v = bytes / base;
        let i = 0;
        while (v >= base && i < names.length - 1) {
            v /= base;
            i++;
        }
        return `${v.toFixed(1)} ${names[i]}`;
    };
    return `${pick(1000, dec)} (${pick(1024, bin)})`;
}

;// CONCATENATED MODULE: ./packages/core/src/validate/glob.ts
/**
 * Globs for in-image paths, with .dockerignore-like semantics: anchored at the image root (a
 * leading `/` or `./` is ignored), `*` and `?` stay within one path segment, `**` as a whole
 * segment spans any number of segments (also none), `[abc]`/`[!a-z]` classes, `{a,b}`
 * alternatives and `\` escapes. Dotfiles are matched like any other name: a scanner that
 * skipped `.env` or `.git` would miss exactly what it is for.
 */
function globToRegExp(glob) {
    // `dir/` names the directory itself, the same path as `dir`.
    const pattern = glob
        .trim()
        .replace(/^(?:\.?\/)+/, '')
        .replace(/\/+$/, '');
    if (pattern === '')
        throw new Error('the pattern is empty');
    let out = '';
    let depth = 0;
    let i = 0;
    const atSegmentStart = (at) => at === 0 || pattern[at - 1] === '/';
    while (i < pattern.length) {
        const c = pattern[i];
        if (c === '*' && pattern[i + 1] === '*' && atSegmentStart(i)) {
            const next = pattern[i + 2];
            if (next === '/') {
                out += '(?:[^/]+/)*'; // `**/x`: x at this level or any deeper one
                i += 3;
                continue;
            }
            if (next === undefined) {
                out = out.endsWith('/') ? `${out.slice(0, -1)}(?:/.*)?` : `${out}.*`;
                i += 2;
                continue;
            }
        }
        if (c === '*') {
            while (pattern[i] === '*')
                i++; // `**` inside a segment is a plain `*`
            out += '[^/]*';
            continue;
        }
        if (c === '?')
            out += '[^/]';
        else if (c === '[') {
            const end = pattern.indexOf(']', i + 2);
            if (end < 0)
                throw new Error(`"[" at position ${i + 1} has no closing "]"`);
            let body = pattern.slice(i + 1, end);
            const negate = body.startsWith('!') || body.startsWith('^');
            if (negate)
                body = body.slice(1);
            body = body.replace(/[\\\]^]/g, '\\$&');
            out += `(?!/)[${negate ? '^' : ''}${body}]`;
            i = end;
        }
        else if (c === '{') {
            depth++;
            out += '(?:';
        }
        else if (c === '}' && depth > 0) {
            depth--;
            out += ')';
        }
        else if (c === ',' && depth > 0)
            out += '|';
        else if (c === '\\') {
            const next = pattern[i + 1];
            if (next === undefined)
                throw new Error('the pattern ends with a lone "\\"');
            out += escapeRegExp(next);
            i++;
        }
        else
            out += escapeRegExp(c);
        i++;
    }
    if (depth > 0)
        throw new Error('"{" has no closing "}"');
    return new RegExp(`^${out}$`, 'u');
}
function escapeRegExp(s) {
    return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

;// CONCATENATED MODULE: ./packages/core/src/validate/policy-file.ts








/** Rule names are the policy keys, so a result always points back at the line that asked for it. */
const RULE_NAMES = [
    'max-size',
    'max-layers',
    'required-labels',
    'revision',
    'non-root',
    'allowed-bases',
    'forbidden-paths',
    'secrets',
    'healthcheck',
];
const DEFAULT_POLICY = {
    revision: true,
    nonRoot: false,
    secrets: true,
    healthcheck: false,
};
const bool = schemas/* boolean */.zMY({ error: 'must be true or false' });
const nonEmpty = (what) => schemas/* string */.YjP({ error: `must be a ${what}` }).min(1, { error: `must be a non-empty ${what}` });
const SIZE_RULE = 'must be a number of bytes or a size such as 50MB or 1.5GiB';
const REGEX_VALUE = /^\/(.*)\/([a-z]*)$/s;
const labelValue = schemas/* string */.YjP({ error: 'must be a string (quote values such as "1.10"), /regex/, or empty' })
    .nullable()
    .transform((value, ctx) => {
    if (value === null)
        return {};
    const m = REGEX_VALUE.exec(value);
    if (!m)
        return { equals: value };
    const flags = m[2];
    if (/[gy]/.test(flags)) {
        ctx.addIssue({ code: 'custom', message: `regex flags g and y are not allowed: ${value}` });
        return core/* NEVER */.tm;
    }
    try {
        return { matches: new RegExp(m[1], flags) };
    }
    catch (err) {
        ctx.addIssue({ code: 'custom', message: `is not a valid regex: ${err.message}` });
        return core/* NEVER */.tm;
    }
});
const labelList = schemas/* array */.YOg(nonEmpty('label name'));
const labelMap = schemas/* record */.g1P(nonEmpty('label name'), labelValue);
/**
 * A list or a map, chosen by the value's shape rather than with z.union, so a problem inside
 * (a bad regex) is reported at its own line instead of as "matches neither form".
 */
const requiredLabels = schemas/* unknown */.L5J().transform((value, ctx) => {
    const inner = Array.isArray(value)
        ? labelList.safeParse(value)
        : value !== null && typeof value === 'object'
            ? labelMap.safeParse(value)
            : undefined;
    if (inner?.success)
        return inner.data;
    const issues = inner?.error.issues ?? [
        {
            path: [],
            message: 'must be a list of label names, or a map of label name to value or /regex/',
        },
    ];
    for (const issue of issues)
        ctx.addIssue({ code: 'custom', message: issue.message, path: issue.path });
    return core/* NEVER */.tm;
});
const schema = schemas/* strictObject */.rej({
    'max-size': schemas/* union */.KCZ([schemas/* number */.aig(), schemas/* string */.YjP()], { error: SIZE_RULE }).transform((v, ctx) => {
        const bytes = typeof v === 'number' ? v : parseByteSize(v);
        if (bytes === undefined || !Number.isSafeInteger(bytes) || bytes <= 0) {
            ctx.addIssue({ code: 'custom', message: `${SIZE_RULE}, got ${JSON.stringify(v)}` });
            return core/* NEVER */.tm;
        }
        return bytes;
    }),
    'max-layers': schemas/* number */.aig({ error: 'must be a whole number of layers' })
        .int({ error: 'must be a whole number of layers' })
        .min(1, { error: 'must be at least 1' }),
    'required-labels': requiredLabels,
    revision: bool,
    'non-root': bool,
    'allowed-bases': schemas/* array */.YOg(nonEmpty('image name prefix'), { error: 'must be a list of image name prefixes' })
        .min(1, { error: 'must list at least one prefix (or scratch)' }),
    'forbidden-paths': schemas/* array */.YOg(nonEmpty('glob').superRefine((glob, ctx) => {
        try {
            globToRegExp(glob);
        }
        catch (err) {
            ctx.addIssue({ code: 'custom', message: `glob ${glob}: ${err.message}` });
        }
    }), { error: 'must be a list of globs such as **/*.pem' }),
    secrets: bool,
    healthcheck: bool,
})
    .partial();
/** Reads and checks a policy file; a missing or unreadable file is the user's to fix. */
async function loadPolicy(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        const code = err.code;
        const why = code === 'ENOENT'
            ? 'does not exist'
            : code === 'EISDIR'
                ? 'is a directory, not a YAML file'
                : `cannot be read (${code ?? err.message})`;
        throw new errors/* ConfigurationError */.j1(`Policy file ${JSON.stringify(path)} ${why}`, { cause: err });
    }
    return parsePolicy(text, path);
}
/**
 * Parses policy YAML. Every problem is reported at once, one `file:line:col: message` per line
 * (the format editors and GitHub problem matchers understand), as a ConfigurationError.
 */
function parsePolicy(text, file) {
    const lineCounter = new dist.LineCounter();
    const doc = (0,dist.parseDocument)(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const at = (offset) => offset === undefined ? { line: 1, col: 1 } : lineCounter.linePos(offset);
    const problems = doc.errors.map((e) => ({ ...at(e.pos[0]), message: e.message }));
    if (problems.length === 0) {
        const value = toJS(doc, file, at);
        if (doc.contents !== null && !(0,dist.isMap)(doc.contents)) {
            problems.push({
                ...at(doc.contents.range?.[0]),
                message: 'a policy is a map of rule: setting, e.g. "max-layers: 20"',
            });
        }
        else {
            const r = schema.safeParse(value);
            if (r.success)
                return toPolicy(r.data, file, text, doc, lineCounter);
            for (const issue of r.error.issues) {
                if (issue.code === 'unrecognized_keys') {
                    for (const key of issue.keys) {
                        problems.push({
                            ...at(nodeOffset(doc, [...issue.path, key], true)),
                            message: unknownKeyMessage(key),
                        });
                    }
                }
                else {
                    const path = issue.path.map(String);
                    problems.push({
                        ...at(nodeOffset(doc, issue.path, false)),
                        message: `${path.join('.')}: ${issue.message}`,
                    });
                }
            }
        }
    }
    problems.sort((a, b) => a.line - b.line || a.col - b.col);
    throw new errors/* ConfigurationError */.j1(problems.map((p) => `${file}:${p.line}:${p.col}: ${p.message}`).join('\n'));
}
/**
 * How far aliases (`*a`) may expand, as yaml counts it: a policy needs few or none, and a
 * "billion laughs" file of nested aliases would otherwise take the runner's memory. The same
 * limit as every YAML file Kiln reads.
 */
const MAX_YAML_ALIAS_COUNT = yaml_source/* MAX_YAML_ALIASES */.ap;
/** The document as plain data; an alias bomb or a missing anchor is the user's to fix. */
function toJS(doc, file, at) {
    try {
        return doc.toJS({ maxAliasCount: MAX_YAML_ALIAS_COUNT }) ?? {};
    }
    catch (err) {
        if (!(err instanceof ReferenceError))
            throw err;
        let first;
        (0,dist.visit)(doc, {
            Alias(_, node) {
                first = node.range?.[0];
                return dist.visit.BREAK;
            },
        });
        const { line, col } = at(first);
        // yaml throws ReferenceError for both; only the message tells a bomb from a missing anchor.
        const why = /excessive alias count/i.test(err.message)
            ? `YAML aliases expand beyond the limit of ${MAX_YAML_ALIAS_COUNT} (an alias bomb); a policy needs no aliases`
            : err.message;
        throw new errors/* ConfigurationError */.j1(`${file}:${line}:${col}: ${why}`, { cause: err });
    }
}
function unknownKeyMessage(key) {
    const near = RULE_NAMES.find((k) => (0,yaml_source/* editDistance */.YC)(k, key) <= 2);
    return (`unknown policy key ${JSON.stringify(key)}` +
        (near ? ` (did you mean "${near}"?)` : '') +
        `; known keys: ${RULE_NAMES.join(', ')}`);
}
function toPolicy(c, file, text, doc, lineCounter) {
    const policy = {
        revision: c.revision ?? DEFAULT_POLICY.revision,
        nonRoot: c['non-root'] ?? DEFAULT_POLICY.nonRoot,
        secrets: c.secrets ?? DEFAULT_POLICY.secrets,
        healthcheck: c.healthcheck ?? DEFAULT_POLICY.healthcheck,
    };
    if (c['max-size'] !== undefined)
        policy.maxSize = c['max-size'];
    if (c['max-layers'] !== undefined)
        policy.maxLayers = c['max-layers'];
    if (c['allowed-bases'])
        policy.allowedBases = c['allowed-bases'];
    if (c['forbidden-paths'])
        policy.forbiddenPaths = c['forbidden-paths'];
    const labels = c['required-labels'];
    if (labels) {
        policy.requiredLabels = Array.isArray(labels)
            ? labels.map((name) => ({ name }))
            : Object.entries(labels).map(([name, req]) => ({ name, ...req }));
    }
    const lines = {};
    for (const rule of RULE_NAMES) {
        const offset = nodeOffset(doc, [rule], true);
        if (offset !== undefined && doc.has(rule))
            lines[rule] = lineCounter.linePos(offset).line;
    }
    policy.source = { file, sha256: (0,oci_digest/* sha256 */.sc)(text), lines };
    return policy;
}
/** Offset of the YAML node at `path` (its key when `key`), or of the deepest one on the way. */
function nodeOffset(doc, path, key) {
    return (0,yaml_source/* nodeOffset */.Yw)({ isMap: dist.isMap, isPair: dist.isPair, isScalar: dist.isScalar, isSeq: dist.isSeq }, doc, path, key);
}

// EXTERNAL MODULE: ./packages/core/src/oci/inspect.ts
var inspect = __webpack_require__(11695);
// EXTERNAL MODULE: ./packages/core/src/oci/location.ts
var oci_location = __webpack_require__(49768);
// EXTERNAL MODULE: ./packages/core/src/oci/open-store.ts
var open_store = __webpack_require__(52119);
;// CONCATENATED MODULE: ./packages/core/src/validate/platform-match.ts
/** `linux/arm64` matches linux/arm64 of any variant; `linux/arm/v7` needs that variant. */
function platformMatches(p, wanted) {
    if (!p)
        return false;
    const [os, architecture, variant] = wanted.split('/');
    return p.os === os && p.architecture === architecture && (!variant || p.variant === variant);
}

;// CONCATENATED MODULE: ./packages/core/src/validate/base-proof.ts




/** Fetches the recorded base and compares its layers with the start of the image's. */
async function proveBase(registries, base, platform, layers) {
    const proof = { reference: base.name, expected: [], actual: [], proven: false };
    try {
        const loc = (0,oci_location/* parseLocation */.zS)(base.name, 'base');
        const digest = (loc.kind === 'registry' ? loc.ref.digest : loc.digest) ??
            base.digest;
        const reference = digest ?? loc.reference ?? 'latest';
        if (digest)
            proof.reference = `${base.name.split('@')[0]}@${digest}`;
        const store = (0,open_store/* openStore */.C)(loc, registries);
        let manifest = await store.getManifest(reference);
        if (manifest.kind === 'index') {
            const child = manifest.index.manifests.find((d) => platformMatches(d.platform, platform));
            if (!child) {
                proof.error = `${proof.reference} has no ${platform} image`;
                return proof;
            }
            manifest = await store.getManifest(child.digest);
        }
        if (manifest.kind !== 'image') {
            proof.error = `${proof.reference}: nested image indexes are not supported`;
            return proof;
        }
        proof.manifestDigest = manifest.digest;
        proof.expected = manifest.manifest.layers.map((l) => l.digest);
        proof.actual = layers.slice(0, proof.expected.length).map((l) => l.digest);
        proof.proven =
            proof.actual.length === proof.expected.length &&
                proof.expected.every((d, i) => d === proof.actual[i]);
    }
    catch (err) {
        proof.error = `could not read base ${proof.reference}: ${(0,errors/* errorMessage */.gJ)(err)}`;
    }
    return proof;
}

// EXTERNAL MODULE: ./packages/core/src/oci/image-config.ts
var image_config = __webpack_require__(7097);
;// CONCATENATED MODULE: ./packages/core/src/validate/image-config.ts

function parseImageConfig(bytes, where) {
    const { config: c, os, architecture, variant } = (0,image_config/* parseImageConfigJson */.X3)(bytes, where);
    const facts = {
        user: c?.User ?? '',
        env: c?.Env ?? [],
        entrypoint: c?.Entrypoint ?? [],
        cmd: c?.Cmd ?? [],
        workingDir: c?.WorkingDir ?? '',
        labels: c?.Labels ?? {},
    };
    if (os)
        facts.os = os;
    if (architecture)
        facts.architecture = architecture;
    if (variant)
        facts.variant = variant;
    const h = c?.Healthcheck;
    if (h) {
        const health = { test: h.Test ?? [] };
        if (h.Interval !== undefined)
            health.intervalNs = h.Interval;
        if (h.Timeout !== undefined)
            health.timeoutNs = h.Timeout;
        if (h.StartPeriod !== undefined)
            health.startPeriodNs = h.StartPeriod;
        if (h.Retries !== undefined)
            health.retries = h.Retries;
        facts.healthcheck = health;
    }
    return facts;
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
;// CONCATENATED MODULE: ./packages/core/src/validate/image-path.ts

/**
 * How many path components (symlink targets included) a lookup may walk: the bound of moby's
 * FollowSymlinkInScope, which is how Docker finds /etc/passwd inside a container's root.
 */
const PATH_STEPS_MAX = 255;
/** The merged filesystem as lookups need it: entries by path, plus directories only implied. */
class ImageTree {
    byPath;
    impliedDirs = new Set();
    constructor(files) {
        this.byPath = new Map(files.map((f) => [f.path, f]));
        for (const f of files) {
            for (let cut = f.path.lastIndexOf('/'); cut > 0; cut = f.path.lastIndexOf('/', cut - 1)) {
                this.impliedDirs.add(f.path.slice(0, cut));
            }
        }
    }
    get(path) {
        return this.byPath.get(path);
    }
    /** lstat of a root-relative path: its kind, `missing`, or `notdir` when a parent is not a directory. */
    lstat(path) {
        const parts = path.split('/');
        for (let i = 1; i < parts.length; i++) {
            const parent = this.kindOf(parts.slice(0, i).join('/'));
            if (parent === undefined)
                return 'missing';
            if (parent.kind !== 'dir')
                return 'notdir';
        }
        return this.kindOf(path) ?? 'missing';
    }
    kindOf(path) {
        const fact = this.byPath.get(path);
        if (!fact)
            return this.impliedDirs.has(path) ? { kind: 'dir' } : undefined;
        if (fact.type !== 'hardlink') {
            return fact.linkTarget !== undefined
                ? { kind: fact.type, fact, linkTarget: fact.linkTarget }
                : { kind: fact.type, fact };
        }
        // A hard link is whatever it links to; one to nothing could not have been extracted.
        if (!fact.linked)
            return { kind: 'other', fact };
        const l = fact.linked;
        return l.linkTarget !== undefined
            ? { kind: l.type, fact, linkTarget: l.linkTarget }
            : { kind: l.type, fact };
    }
}
/**
 * Resolves every symlink in `path` (absolute or relative targets) without leaving the image
 * root, as FollowSymlinkInScope does: `..` stops at the root, a missing component is kept as
 * written, a component below a non-directory is an error, and more than PATH_STEPS_MAX steps
 * is a loop. Returns the root-relative path and the symlinks followed on the way.
 */
function resolveInImage(tree, path) {
    const symlinks = [];
    let rest = external_node_path_.posix.normalize(`/${path}`).slice(1);
    let done = ''; // resolved so far, root-relative, no symlinks in it
    for (let steps = 0; rest !== ''; steps++) {
        if (steps > PATH_STEPS_MAX) {
            return { ok: false, reason: `too many symlinks resolving /${path}`, symlinks };
        }
        const slash = rest.indexOf('/');
        const part = slash < 0 ? rest : rest.slice(0, slash);
        rest = slash < 0 ? '' : rest.slice(slash + 1);
        if (part === '' || part === '.')
            continue;
        const next = external_node_path_.posix.normalize(`/${done}/${part}`).slice(1);
        if (next === '') {
            done = '';
            continue;
        }
        const stat = tree.lstat(next);
        if (stat === 'notdir') {
            return { ok: false, reason: `/${external_node_path_.posix.dirname(next)} is not a directory`, symlinks };
        }
        if (stat === 'missing' || stat.kind !== 'symlink') {
            done = next;
            continue;
        }
        const target = stat.linkTarget ?? '';
        symlinks.push(`/${next} -> ${target}`);
        // A relative target continues from the symlink's directory, which is `done`.
        if (target.startsWith('/'))
            done = '';
        rest = rest === '' ? target : `${target}/${rest}`;
    }
    return { ok: true, path: done, symlinks };
}

// EXTERNAL MODULE: ./packages/core/src/oci/layer-entries.ts
var layer_entries = __webpack_require__(73215);
;// CONCATENATED MODULE: ./packages/core/src/validate/secret-signals.ts

/** Only small files are read, and only their start: keys are small and begin with the header. */
const SNIFF_MAX_FILE_SIZE = 1024 * 1024;
const SNIFF_BYTES = 4096;
const PRIVATE_KEY = /-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----/;
const SSH_KEY_FILE = /^id_(?:rsa|dsa|ecdsa|ed25519)(?:_sk)?$/;
const ENV_FILE = /^\.env(?:\.[^/]+)?$/;
/** Templates that are meant to be shipped and hold no values. */
const ENV_TEMPLATE = /^\.env\.(?:example|sample|template|dist|defaults)$/;
/** The PEM private-key header in the first bytes of a file, if any. */
function privateKeyHeader(head) {
    return PRIVATE_KEY.exec(head.toString('latin1'))?.[0];
}
/**
 * Signals from the path alone. `kind` is `file` for anything with contents (hard links too):
 * a symlink named `.env` holds nothing itself, and its target is checked on its own.
 */
function secretByPath(path, kind) {
    const parts = path.split('/');
    const git = parts.indexOf('.git');
    if (git >= 0 && (git < parts.length - 1 || kind === 'dir')) {
        return { reason: 'git-folder', detail: parts.slice(0, git + 1).join('/') };
    }
    if (kind !== 'file')
        return undefined;
    const name = external_node_path_.posix.basename(path);
    if (SSH_KEY_FILE.test(name))
        return { reason: 'ssh-key-file', detail: name };
    if (ENV_FILE.test(name) && !ENV_TEMPLATE.test(name))
        return { reason: 'env-file', detail: name };
    return undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/validate/layer-walk.ts



const WHITEOUT = '.wh.';
const OPAQUE = '.wh..wh..opq';
/**
 * Reads every layer in order (streamed: blob → verify → gunzip → tar) and merges them the way
 * a container runtime does, applying OCI whiteouts. Memory holds one small record per path,
 * never file contents beyond the first bytes needed to recognise a private key.
 */
async function walkLayers(store, layers, opts = {}) {
    const merged = new Map();
    const shadowedSecrets = [];
    for (const [index, desc] of layers.entries()) {
        const upper = new Map();
        const whiteouts = new Set();
        const opaque = new Set();
        let ordinal = -1;
        await (0,layer_entries/* forEachLayerEntry */.A_)(store, desc, async (entry) => {
            ordinal++;
            const path = (0,layer_entries/* cleanPath */.ts)(entry.header.name);
            const sink = typeOf(entry.header.type) === 'file' ? opts.tap?.(path, index, ordinal) : undefined;
            const body = await readHead(entry, wanted(entry.header), sink);
            if (path === '')
                return; // the root directory itself
            const dir = external_node_path_.posix.dirname(path) === '.' ? '' : external_node_path_.posix.dirname(path);
            const name = external_node_path_.posix.basename(path);
            if (name === OPAQUE)
                opaque.add(dir);
            else if (name.startsWith(WHITEOUT)) {
                // Other `.wh..wh.` names are aufs bookkeeping, not whiteouts of a path.
                if (!name.startsWith(WHITEOUT + WHITEOUT)) {
                    whiteouts.add(external_node_path_.posix.join(dir, name.slice(WHITEOUT.length)));
                }
            }
            else
                upper.set(path, factOf(entry.header, path, { layer: index, entry: ordinal }, body, upper, merged));
        });
        for (const [path, fact] of merged) {
            if (hiddenBy(path, upper, whiteouts, opaque)) {
                merged.delete(path);
                // A directory entry holds no bytes; the files below it are checked one by one.
                if (fact.secret && fact.type !== 'dir')
                    shadowedSecrets.push(fact);
            }
        }
        for (const [path, fact] of upper)
            merged.set(path, fact);
    }
    const files = [...merged.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
    return { files, shadowedSecrets };
}
/**
 * Whether a lower-layer path disappears under the layer being applied: whited out (with its
 * subtree), below an opaque directory, overwritten, or below a path the layer turned into a
 * non-directory (extracting a file over a directory removes the directory's contents).
 */
function hiddenBy(path, upper, whiteouts, opaque) {
    if (whiteouts.has(path) || upper.has(path))
        return true;
    if (opaque.has(''))
        return true;
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1)) {
        const ancestor = path.slice(0, cut);
        if (whiteouts.has(ancestor) || opaque.has(ancestor))
            return true;
        const replaced = upper.get(ancestor);
        if (replaced && replaced.type !== 'dir')
            return true;
    }
    return false;
}
function factOf(h, path, at, head, upper, merged) {
    const type = typeOf(h.type);
    const fact = {
        path,
        type,
        size: h.size ?? 0,
        mode: (h.mode ?? 0) & 0o7777,
        uid: h.uid ?? 0,
        gid: h.gid ?? 0,
        ...at,
    };
    if (type === 'symlink' && h.linkname)
        fact.linkTarget = h.linkname;
    if (type === 'hardlink' && h.linkname) {
        // A hard link is the same bytes under another name: it inherits what its target revealed.
        fact.linkTarget = (0,layer_entries/* cleanPath */.ts)(h.linkname);
        const target = upper.get(fact.linkTarget) ?? merged.get(fact.linkTarget);
        if (target) {
            fact.size = target.size;
            const linked = linkedOf(target);
            if (linked)
                fact.linked = linked;
        }
        if (target?.secret?.reason === 'private-key')
            fact.secret = target.secret;
    }
    const key = head && privateKeyHeader(head.subarray(0, SNIFF_BYTES));
    const secret = key ? { reason: 'private-key', detail: key } : undefined;
    const kind = type === 'file' || type === 'hardlink' ? 'file' : type === 'dir' ? 'dir' : 'other';
    fact.secret ??= secret ?? secretByPath(path, kind);
    return fact;
}
/** The entry a link to `target` shares; a link to a link shares what that one shares. */
function linkedOf(target) {
    if (target.type === 'hardlink')
        return target.linked;
    const linked = {
        layer: target.layer,
        entry: target.entry,
        type: target.type,
        size: target.size,
    };
    if (target.linkTarget !== undefined)
        linked.linkTarget = target.linkTarget;
    return linked;
}
function typeOf(t) {
    switch (t) {
        case undefined:
        case null:
        case 'file':
        case 'contiguous-file':
            return 'file';
        case 'directory':
            return 'dir';
        case 'symlink':
            return 'symlink';
        case 'link':
            return 'hardlink';
        default:
            return 'other';
    }
}
/** How many leading bytes of an entry to keep: enough to sniff a private key. */
function wanted(h) {
    const size = h.size ?? 0;
    if (typeOf(h.type) !== 'file' || size === 0)
        return 0;
    return size < SNIFF_MAX_FILE_SIZE ? SNIFF_BYTES : 0;
}
/** Consumes the whole entry (tar-stream needs that to move on), keeping at most `limit` bytes. */
async function readHead(entry, limit, sink) {
    const kept = [];
    let got = 0;
    for await (const chunk of entry) {
        sink?.(chunk);
        if (got < limit) {
            const part = chunk.subarray(0, limit - got);
            kept.push(part);
            got += part.length;
        }
    }
    return limit > 0 ? Buffer.concat(kept) : undefined;
}
/**
 * Reads chosen entries of one layer again, each through its consumer, in one pass. The whole
 * blob is read and its digest checked before this resolves: what a consumer saw counts only
 * once the bytes are proven to be the layer's (a registry could serve other bytes this time).
 */
async function readLayerEntries(store, desc, 
/** By entry position; each reads its body to the end. */
consumers) {
    let ordinal = -1;
    await (0,layer_entries/* forEachLayerEntry */.A_)(store, desc, async (entry) => {
        ordinal++;
        const consume = consumers.get(ordinal);
        // Every entry is read to its end (consumers do so too), or the tar cannot move on.
        if (consume)
            await consume(entry);
        else
            await readHead(entry, 0);
    });
}

;// CONCATENATED MODULE: ./packages/core/src/validate/passwd-file.ts
/**
 * `/etc/passwd` and `/etc/group` read the way the container runtime reads them (moby/sys/user,
 * formerly runc's libcontainer/user): line by line, streamed, so a file of any size is read
 * whole and memory holds one line at most. Bytes are compared as bytes: names are kept as
 * latin1 strings, which map each byte to one character and back.
 */
/**
 * The longest line the runtime's scanner accepts: Go's bufio.Scanner default (64 KiB) for
 * passwd, 1 MiB for group. A longer line makes the runtime refuse to start the container,
 * whatever the USER, so it is an error here too rather than a line quietly skipped.
 */
const USER_FILE_LINE_MAX = {
    passwd: 64 * 1024,
    group: 1024 * 1024,
};
const INT64_MAX = 2n ** 63n - 1n;
const INT64_MIN = -(2n ** 63n);
/** Go's `strconv.Atoi` on a 64-bit platform: optional sign, ASCII digits, clamped on overflow. */
function goAtoi(text) {
    if (!/^[+-]?[0-9]+$/.test(text))
        return { value: 0n, error: 'syntax' };
    const value = BigInt(text);
    if (value > INT64_MAX)
        return { value: INT64_MAX, error: 'range' };
    if (value < INT64_MIN)
        return { value: INT64_MIN, error: 'range' };
    return { value };
}
/** Go's `int` → `uint32` conversion, which is how the uid reaches the OCI runtime spec. */
function toUint32(value) {
    return Number(BigInt.asUintN(32, value));
}
function parsePasswdFields(fields, line) {
    // Missing or non-numeric fields are 0 — that is, root — exactly as the runtime parses them.
    return {
        name: fields[0] ?? '',
        uid: goAtoi(fields[2] ?? '').value,
        gid: goAtoi(fields[3] ?? '').value,
        line,
    };
}
function parseGroupFields(fields, line) {
    return { name: fields[0] ?? '', gid: goAtoi(fields[2] ?? '').value, line };
}
/**
 * Streams a passwd or group file and returns the first entry `accept` takes. Every line is
 * read even after a match, because a bad line anywhere makes the runtime fail.
 */
async function passwd_file_scanUserFile(chunks, kind, accept) {
    const scanner = new UserFileScanner(kind, accept);
    for await (const chunk of chunks)
        scanner.push(chunk);
    return scanner.finish();
}
/** The push form of scanUserFile, so one stream can feed several scanners without buffering. */
class UserFileScanner {
    kind;
    accept;
    scan = { lines: 0, bytes: 0 };
    max;
    pending = [];
    pendingLength = 0;
    constructor(kind, accept) {
        this.kind = kind;
        this.accept = accept;
        this.max = USER_FILE_LINE_MAX[kind];
    }
    push(chunk) {
        const scan = this.scan;
        scan.bytes += chunk.length;
        // Keep counting after an error: the caller's stream is still read to its end.
        if (scan.error)
            return;
        let start = 0;
        for (;;) {
            const nl = chunk.indexOf(0x0a, start);
            const part = chunk.subarray(start, nl < 0 ? chunk.length : nl);
            if (this.pendingLength + part.length >= this.max) {
                scan.error = `line ${scan.lines + 1} of /etc/${this.kind} is longer than ${this.max - 1} bytes, which the runtime refuses`;
                this.pending = [];
                return;
            }
            if (nl < 0) {
                if (part.length > 0)
                    this.pending.push(part);
                this.pendingLength += part.length;
                return;
            }
            this.line(this.pending.length ? Buffer.concat([...this.pending, part]) : part);
            this.pending = [];
            this.pendingLength = 0;
            start = nl + 1;
        }
    }
    finish() {
        if (!this.scan.error && this.pendingLength > 0)
            this.line(Buffer.concat(this.pending));
        this.pending = [];
        this.pendingLength = 0;
        return this.scan;
    }
    line(raw) {
        const scan = this.scan;
        scan.lines++;
        const fields = userFileFields(raw, this.kind);
        if (fields && scan.first === undefined) {
            const found = this.accept(fields, scan.lines);
            if (found !== undefined)
                scan.first = found;
        }
    }
}
/** A line's `:`-separated fields after the runtime's trimming, or undefined for a skipped line. */
function userFileFields(raw, kind) {
    const line = trimSpace(raw.at(-1) === 0x0d ? raw.subarray(0, -1) : raw);
    if (line.length === 0)
        return undefined;
    // The group parser skips comments; the passwd parser does not.
    if (kind === 'group' && line[0] === 0x23)
        return undefined;
    return line.toString('latin1').split(':');
}
const ASCII_SPACE = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20]);
/** UTF-8 forms of the non-ASCII characters Go's unicode.IsSpace accepts. */
const UNICODE_SPACES = [
    0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008,
    0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000,
].map((c) => Buffer.from(String.fromCodePoint(c), 'utf8'));
/** Go's `bytes.TrimSpace`: ASCII and Unicode white space at both ends. */
function trimSpace(b) {
    let start = 0;
    let end = b.length;
    for (;;) {
        if (start < end && ASCII_SPACE.has(b[start]))
            start++;
        else {
            const s = UNICODE_SPACES.find((u) => start + u.length <= end && u.equals(b.subarray(start, start + u.length)));
            if (!s)
                break;
            start += s.length;
        }
    }
    for (;;) {
        if (end > start && ASCII_SPACE.has(b[end - 1]))
            end--;
        else {
            const s = UNICODE_SPACES.find((u) => end - u.length >= start && u.equals(b.subarray(end - u.length, end)));
            if (!s)
                break;
            end -= s.length;
        }
    }
    return b.subarray(start, end);
}
/** Text from the file for messages: its bytes read as UTF-8 again. */
function displayName(latin1) {
    return Buffer.from(latin1, 'latin1').toString('utf8');
}

;// CONCATENATED MODULE: ./packages/core/src/validate/runtime-user.ts
/**
 * The user a container runs as, decided from the image's `USER` the way Docker decides it
 * (moby's getUser over moby/sys/user's GetExecUser, the parser runc's libcontainer/user had):
 * `user[:group]`, each part a number or a name looked up in /etc/passwd or /etc/group, and
 * the result cast to uint32 for the OCI runtime spec. Pure: the files come in as scans.
 */

/** The largest uid or gid a `USER` may spell as a number (the runtime's 32-bit-safe bound). */
const USER_ID_MAX = 2 ** 31 - 1;
/**
 * Splits `USER` at its first `:`; nothing is trimmed, as the runtime trims nothing. A part that
 * is a number out of 0..2^31-1 (`-1`, `4294967296`) is refused by the runtime: an error here.
 */
function parseUserSpec(spec) {
    const colon = spec.indexOf(':');
    const parts = colon < 0 ? [spec, ''] : [spec.slice(0, colon), spec.slice(colon + 1)];
    const out = {};
    for (const [key, text] of [
        ['user', parts[0]],
        ['group', parts[1]],
    ]) {
        if (text === '')
            continue;
        const n = goAtoi(text);
        if (n.error === 'syntax') {
            out[key] = { name: Buffer.from(text, 'utf8').toString('latin1') };
            continue;
        }
        if (n.error === 'range' || n.value < 0n || n.value > BigInt(USER_ID_MAX)) {
            const what = key === 'user' ? 'uid' : 'gid';
            return { error: `${what} ${text} is outside 0-${USER_ID_MAX}, so the runtime refuses it` };
        }
        out[key] = { name: text, id: Number(n.value) };
    }
    return out;
}
/** Whether a passwd entry is the one the runtime picks for the spec's user part. */
function passwdMatcher(spec) {
    return (fields, line) => {
        const e = parsePasswdFields(fields, line);
        const u = spec.user;
        const hit = !u ? e.uid === 0n : u.id !== undefined ? e.uid === BigInt(u.id) : e.name === u.name;
        return hit ? e : undefined;
    };
}
/** Whether a group entry is the one the runtime picks for the spec's group part. */
function groupMatcher(spec) {
    return (fields, line) => {
        const g = spec.group;
        if (!g)
            return undefined; // supplementary groups do not change who the process is
        const e = parseGroupFields(fields, line);
        return (g.id !== undefined ? e.gid === BigInt(g.id) : e.name === g.name) ? e : undefined;
    };
}
/** GetExecUser's decision over the two files, step by step and in its order. */
function decideUser(spec, passwd, group) {
    const fail = (reason) => ({ resolved: false, reason });
    // Both paths are looked up before either file is read.
    if (passwd.state === 'error')
        return fail(passwd.why);
    if (group.state === 'error')
        return fail(group.why);
    if (passwd.state === 'read' && passwd.scan.error)
        return fail(passwd.scan.error);
    const entry = passwd.state === 'read' ? passwd.scan.first : undefined;
    let uid = 0n;
    let gid = 0n;
    let source = 'default';
    if (entry) {
        uid = entry.uid;
        gid = entry.gid;
        // With no user part the entry is only the one for uid 0: the uid is still the default.
        if (spec.user)
            source = 'passwd';
    }
    else if (spec.user) {
        if (spec.user.id === undefined) {
            const name = JSON.stringify(displayName(spec.user.name));
            return fail(passwd.state === 'absent'
                ? `user ${name} cannot be resolved: ${passwd.why}`
                : `user ${name} is not in /etc/passwd, so the runtime cannot resolve it`);
        }
        uid = BigInt(spec.user.id);
        source = 'number';
    }
    if (spec.group || (entry && entry.name !== '')) {
        if (group.state === 'read' && group.scan.error)
            return fail(group.scan.error);
        if (spec.group) {
            const g = group.state === 'read' ? group.scan.first : undefined;
            if (g)
                gid = g.gid;
            else if (spec.group.id !== undefined)
                gid = BigInt(spec.group.id);
            else {
                const name = JSON.stringify(displayName(spec.group.name));
                return fail(group.state === 'absent'
                    ? `group ${name} cannot be resolved: ${group.why}`
                    : `group ${name} is not in /etc/group, so the runtime cannot resolve it`);
            }
        }
    }
    const user = { resolved: true, uid: toUint32(uid), gid: toUint32(gid), source };
    if (entry) {
        user.passwdLine = entry.line;
        user.passwdName = displayName(entry.name);
    }
    return user;
}
/** The whole decision from file contents (absent when undefined); for callers holding bytes. */
async function resolveRuntimeUser(spec, passwd, group) {
    const parsed = parseUserSpec(spec);
    if ('error' in parsed)
        return { resolved: false, reason: parsed.error };
    const absent = { state: 'absent', why: 'the image has no /etc/passwd' };
    const p = passwd
        ? { state: 'read', scan: await scanUserFile(passwd, 'passwd', passwdMatcher(parsed)) }
        : absent;
    const g = group
        ? { state: 'read', scan: await scanUserFile(group, 'group', groupMatcher(parsed)) }
        : { state: 'absent', why: 'the image has no /etc/group' };
    return decideUser(parsed, p, g);
}

;// CONCATENATED MODULE: ./packages/core/src/validate/image-user.ts




/**
 * Resolves `USER` against the final filesystem: /etc/passwd and /etc/group are found through
 * symlinks and hard links and streamed, whole, from the layer entry that holds their bytes.
 * Give `tap` to walkLayers: entries at the usual paths are then scanned during the walk, and
 * only a file reached through a link to somewhere else costs another read of its layer.
 */
class ImageUserReader {
    user;
    spec;
    /** Scanners fed during the walk, by `kind:layer:entry`. */
    early = new Map();
    constructor(user) {
        this.user = user;
        this.spec = parseUserSpec(user);
    }
    tap = (path, layer, entry) => {
        const spec = this.spec;
        if ('error' in spec || (path !== 'etc/passwd' && path !== 'etc/group'))
            return undefined;
        const scanner = path === 'etc/passwd'
            ? new UserFileScanner('passwd', passwdMatcher(spec))
            : new UserFileScanner('group', groupMatcher(spec));
        this.early.set(`${path.slice(4)}:${layer}:${entry}`, scanner);
        return (chunk) => scanner.push(chunk);
    };
    /** After the walk (whose digest checks make what `tap` saw count): who the runtime runs. */
    async gather(store, layers, tree) {
        const { user, spec } = this;
        if ('error' in spec)
            return { user, runtime: { resolved: false, reason: spec.error } };
        const passwd = locate(tree, 'passwd');
        const group = locate(tree, 'group');
        const scans = await readBoth(store, layers, spec, passwd, group, this.early);
        return {
            user,
            runtime: decideUser(spec, readOf(passwd, scans.passwd), readOf(group, scans.group)),
            passwd: passwd.facts,
            group: group.facts,
        };
    }
}
function locate(tree, kind) {
    const path = `/etc/${kind}`;
    const found = resolveInImage(tree, path.slice(1));
    const facts = { path, state: 'absent' };
    if (found.symlinks.length > 0)
        facts.symlinks = found.symlinks;
    const give = (state, why) => {
        facts.state = state;
        facts.why = why;
        return { state, why, facts };
    };
    if (!found.ok)
        return give('error', `looking up ${path}: ${found.reason}`);
    if (`/${found.path}` !== path)
        facts.resolved = `/${found.path}`;
    const stat = tree.lstat(found.path);
    const where = facts.resolved ? `${path} (${facts.resolved})` : path;
    if (stat === 'missing' || stat === 'notdir')
        return give('absent', `the image has no ${where}`);
    if (stat.kind !== 'file' || !stat.fact) {
        return give('absent', `${where} is not a regular file (${stat.kind})`);
    }
    const at = stat.fact.type === 'hardlink' ? stat.fact.linked : stat.fact;
    if (!at)
        return give('absent', `${where} is a hard link to nothing`);
    facts.state = 'read';
    facts.layer = at.layer;
    return { state: 'read', layer: at.layer, entry: at.entry, facts };
}
/** Both files, reading each layer involved once (and one entry once, if both names link it). */
async function readBoth(store, layers, spec, passwd, group, early) {
    const byLayer = new Map();
    const want = (at, scanner) => {
        if (at.state !== 'read')
            return;
        const entries = byLayer.get(at.layer) ?? new Map();
        entries.set(at.entry, [...(entries.get(at.entry) ?? []), scanner]);
        byLayer.set(at.layer, entries);
    };
    const fed = new Set();
    const scannerFor = (kind, at, make) => {
        const seen = at.state === 'read' ? early.get(`${kind}:${at.layer}:${at.entry}`) : undefined;
        if (seen) {
            fed.add(seen);
            return seen;
        }
        const scanner = make();
        want(at, scanner);
        return scanner;
    };
    const passwdScanner = scannerFor('passwd', passwd, () => new UserFileScanner('passwd', passwdMatcher(spec)));
    const groupScanner = scannerFor('group', group, () => new UserFileScanner('group', groupMatcher(spec)));
    for (const [layer, entries] of byLayer) {
        const desc = layers[layer];
        if (!desc)
            continue;
        const consumers = new Map([...entries].map(([entry, scanners]) => [
            entry,
            async (body) => {
                for (const s of scanners)
                    fed.add(s);
                for await (const chunk of body)
                    for (const s of scanners)
                        s.push(chunk);
            },
        ]));
        await readLayerEntries(store, desc, consumers);
    }
    const scans = {};
    if (fed.has(passwdScanner))
        scans.passwd = note(passwd, passwdScanner.finish());
    if (fed.has(groupScanner))
        scans.group = note(group, groupScanner.finish());
    return scans;
}
function note(at, scan) {
    at.facts.bytes = scan.bytes;
    at.facts.lines = scan.lines;
    if (scan.error)
        at.facts.why = scan.error;
    return scan;
}
function readOf(at, scan) {
    if (at.state !== 'read')
        return { state: at.state, why: at.why };
    // Not met again in its layer: the walk and this read disagree, so nothing is assumed.
    if (!scan) {
        return { state: 'error', why: `${at.facts.path} was not found again in its layer` };
    }
    return { state: 'read', scan };
}

;// CONCATENATED MODULE: ./packages/core/src/validate/image-facts.ts








const LABEL_BASE_NAME = 'org.opencontainers.image.base.name';
const LABEL_BASE_DIGEST = 'org.opencontainers.image.base.digest';
const LABEL_REVISION = 'org.opencontainers.image.revision';
const DEFAULT_PLATFORM = 'linux/amd64';
async function gatherFacts(store, digest, opts = {}) {
    const root = await store.getManifest(digest);
    const { image, platforms, indexAnnotations, platform } = await pickImage(store, root, opts);
    const manifest = image.manifest;
    const where = `${store.label}@${image.digest}`;
    if (manifest.config.size > 8 * 1024 * 1024) {
        throw new Error(`${where}: config blob of ${manifest.config.size} bytes is too large`);
    }
    const config = parseImageConfig(await store.readBlob(manifest.config), `${where} config`);
    const users = new ImageUserReader(config.user);
    const walk = await walkLayers(store, manifest.layers, { tap: users.tap });
    const user = await users.gather(store, manifest.layers, new ImageTree(walk.files));
    const annotations = { ...indexAnnotations, ...manifest.annotations };
    const layers = manifest.layers.map((l) => l.size);
    const configPlatform = (0,inspect/* platformString */.F)(config.os && config.architecture
        ? { os: config.os, architecture: config.architecture, variant: config.variant }
        : undefined);
    const base = baseOf(config.labels, annotations);
    const chosenPlatform = platform ?? configPlatform;
    if (opts.baseRegistries && base.name) {
        base.proof = await proveBase(opts.baseRegistries, base.digest ? { name: base.name, digest: base.digest } : { name: base.name }, chosenPlatform, manifest.layers);
    }
    return {
        digest: root.digest,
        manifestDigest: image.digest,
        platform: chosenPlatform,
        platforms: platforms ?? [configPlatform],
        manifest,
        annotations,
        config,
        size: {
            total: manifest.config.size + layers.reduce((a, b) => a + b, 0),
            config: manifest.config.size,
            layers,
        },
        layerCount: manifest.layers.length,
        base,
        files: walk.files,
        shadowedSecrets: walk.shadowedSecrets,
        user,
    };
}
async function pickImage(store, root, opts) {
    if (root.kind === 'image')
        return { image: root };
    // Attestation manifests (buildx) sit in the index with platform unknown/unknown.
    const images = root.index.manifests.filter((d) => d.platform?.os !== 'unknown' &&
        d.annotations?.['vnd.docker.reference.type'] !== 'attestation-manifest');
    const platforms = images.map((d) => (0,inspect/* platformString */.F)(d.platform));
    const wanted = opts.platform ?? DEFAULT_PLATFORM;
    const chosen = images.find((d) => platformMatches(d.platform, wanted)) ??
        (opts.platform === undefined ? images[0] : undefined);
    if (!chosen) {
        throw new errors/* ConfigurationError */.j1(`Image index ${root.digest} has no ${wanted} image (it has: ${platforms.join(', ') || 'none'})`);
    }
    const child = await store.getManifest(chosen.digest);
    if (child.kind !== 'image') {
        throw new Error(`${store.label}@${chosen.digest}: nested image indexes are not supported`);
    }
    const picked = {
        image: child,
        platforms,
        platform: (0,inspect/* platformString */.F)(chosen.platform),
    };
    return root.index.annotations ? { ...picked, indexAnnotations: root.index.annotations } : picked;
}
function baseOf(labels, annotations) {
    const fromLabels = labels[LABEL_BASE_NAME] !== undefined;
    const from = fromLabels ? labels : annotations;
    const name = from[LABEL_BASE_NAME];
    const digest = from[LABEL_BASE_DIGEST] ?? annotations[LABEL_BASE_DIGEST];
    const base = {
        source: fromLabels ? 'label' : name !== undefined ? 'annotation' : 'none',
    };
    if (name)
        base.name = name;
    if (digest)
        base.digest = digest;
    return base;
}

// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var oci_reference = __webpack_require__(93966);
;// CONCATENATED MODULE: ./packages/core/src/validate/base-match.ts

const SCRATCH = 'scratch';
/**
 * Whether a recorded base image name is allowed by one `allowed-bases` entry.
 *
 * An entry is a prefix of the image name, matched at a name boundary: `ghcr.io/acme` allows
 * `ghcr.io/acme/base:1` and `ghcr.io/acme:1` but not `ghcr.io/acme-evil/x`. An entry with
 * `@sha256:` pins one exact base: same repository and digest. Names are compared as written and
 * in canonical form, so `docker.io/library/` allows a base recorded as `alpine:3.20`.
 */
function baseAllowed(entry, name, digest) {
    if (entry === SCRATCH || name === SCRATCH)
        return entry === name;
    const names = [name, canonical(name)].filter((n) => n !== undefined);
    const at = entry.indexOf('@');
    if (at >= 0) {
        const repo = entry.slice(0, at);
        const pinned = entry.slice(at + 1);
        return names.some((n) => {
            const r = reference(n);
            const ownDigest = r?.digest ?? digest;
            return ownDigest === pinned && (repositoryOf(n) === repo || sameRepository(n, repo));
        });
    }
    return names.some((n) => hasPrefix(n, entry));
}
function hasPrefix(name, prefix) {
    if (name === prefix)
        return true;
    if (!name.startsWith(prefix))
        return false;
    return /[/:@]$/.test(prefix) || '/:@'.includes(name.charAt(prefix.length));
}
function reference(name) {
    try {
        return (0,oci_reference/* parseReference */.F2)(name);
    }
    catch {
        return undefined;
    }
}
function canonical(name) {
    const r = reference(name);
    return r ? (0,oci_reference/* formatReference */.FH)(r) : undefined;
}
/** `ghcr.io/acme/base:1@sha256:…` → `ghcr.io/acme/base`. */
function repositoryOf(name) {
    const noDigest = name.split('@')[0];
    const colon = noDigest.lastIndexOf(':');
    return colon > noDigest.lastIndexOf('/') ? noDigest.slice(0, colon) : noDigest;
}
function sameRepository(name, repo) {
    const a = reference(name);
    const b = reference(repo);
    return !!a && !!b && a.registry === b.registry && a.repository === b.repository;
}

;// CONCATENATED MODULE: ./packages/core/src/validate/rule-result.ts
/** Evidence lists are capped so a report stays readable and small; `total` keeps the count. */
const EVIDENCE_LIST_MAX = 50;
function capped(items) {
    return { items: items.slice(0, EVIDENCE_LIST_MAX), total: items.length };
}
function result(rule, status, message, evidence = {}) {
    return { rule, status, message, evidence };
}
function notInPolicy(rule) {
    return result(rule, 'skip', 'not in the policy');
}
/** A label value or other text from the image, shortened so evidence cannot balloon. */
function clip(text, max = 200) {
    return text.length > max ? `${text.slice(0, max)}…` : text;
}
/** `Object.hasOwn` first: a label named `constructor` must not find Object.prototype's. */
function own(record, key) {
    return Object.hasOwn(record, key) ? record[key] : undefined;
}

;// CONCATENATED MODULE: ./packages/core/src/validate/path-rules.ts



/**
 * `forbidden-paths` against the merged filesystem. A match on a directory covers what is below
 * it, so the evidence names `root/.ssh` once rather than every file in it; the directory need
 * not have its own tar entry.
 */
function checkForbiddenPaths(policy, facts) {
    const patterns = policy.forbiddenPaths;
    if (!patterns)
        return notInPolicy('forbidden-paths');
    const globs = patterns.map((p) => ({ pattern: p, re: globToRegExp(p) }));
    const byPath = new Map(facts.files.map((f) => [f.path, f]));
    const paths = new Set();
    for (const f of facts.files) {
        paths.add(f.path);
        for (const a of ancestors(f.path))
            paths.add(a);
    }
    const hit = new Map();
    const matchOf = (path) => {
        if (!hit.has(path))
            hit.set(path, globs.find((g) => g.re.test(path))?.pattern);
        return hit.get(path);
    };
    const matches = [];
    for (const path of [...paths].sort()) {
        const pattern = matchOf(path);
        if (!pattern || ancestors(path).some((a) => matchOf(a) !== undefined))
            continue;
        const layer = byPath.get(path)?.layer;
        matches.push(layer === undefined ? { path, pattern } : { path, pattern, layer });
    }
    const { items, total } = capped(matches);
    const evidence = { patterns, matches: items, total, checked: paths.size };
    if (total === 0) {
        return result('forbidden-paths', 'pass', `none of ${paths.size} paths is forbidden`, evidence);
    }
    return result('forbidden-paths', 'fail', `${total} forbidden: ${preview(matches)}`, evidence);
}
function ancestors(path) {
    const out = [];
    for (let cut = path.indexOf('/'); cut > 0; cut = path.indexOf('/', cut + 1)) {
        out.push(path.slice(0, cut));
    }
    return out;
}
/**
 * `secrets`: private keys (by their PEM header), `.env` files, SSH key files and git
 * repositories, in the merged filesystem and in files a later layer deleted — deleting a
 * secret in a later layer does not remove it from the earlier layer anyone can pull.
 */
function checkSecrets(policy, facts) {
    if (!policy.secrets)
        return result('secrets', 'skip', 'turned off in the policy');
    const findings = [];
    const gitFolders = new Set();
    const add = (f, removedLater) => {
        const s = f.secret;
        if (!s)
            return;
        if (s.reason === 'git-folder') {
            // One finding per repository, not one per object file.
            const key = `${s.detail}\0${f.layer}\0${removedLater}`;
            if (gitFolders.has(key))
                return;
            gitFolders.add(key);
        }
        const path = s.reason === 'git-folder' ? s.detail : f.path;
        const finding = { path, reason: s.reason, detail: s.detail, layer: f.layer };
        if (removedLater)
            finding.removedLater = true;
        findings.push(finding);
    };
    for (const f of facts.files)
        add(f, false);
    for (const f of facts.shadowedSecrets)
        add(f, true);
    const { items, total } = capped(findings);
    const evidence = {
        findings: items,
        total,
        scanned: {
            paths: facts.files.length,
            headerBytes: SNIFF_BYTES,
            maxFileSize: SNIFF_MAX_FILE_SIZE,
        },
    };
    if (total === 0) {
        return result('secrets', 'pass', `no secret-looking files in ${facts.layerCount} layers`, evidence);
    }
    const shown = findings.map((f) => ({
        path: `${f.path} (${f.reason}${f.removedLater ? `, deleted later but still in layer ${f.layer}` : ''})`,
    }));
    return result('secrets', 'fail', `${total} secret-looking: ${preview(shown)}`, evidence);
}
function preview(list) {
    const head = list.slice(0, 3).map((m) => m.path);
    return list.length > 3 ? `${head.join(', ')} and ${list.length - 3} more` : head.join(', ');
}

;// CONCATENATED MODULE: ./packages/core/src/validate/rules.ts






const CHECKS = {
    'max-size': checkMaxSize,
    'max-layers': checkMaxLayers,
    'required-labels': checkRequiredLabels,
    revision: checkRevision,
    'non-root': checkNonRoot,
    'allowed-bases': checkAllowedBases,
    'forbidden-paths': checkForbiddenPaths,
    secrets: checkSecrets,
    healthcheck: checkHealthcheck,
};
/**
 * Every rule, in policy-key order, each with its verdict and evidence. Rules the policy leaves
 * out are listed as `skip`, so a report shows what was not checked as plainly as what was.
 * Pure: the same policy and facts always give the same results.
 */
function evaluatePolicy(policy, facts, opts = {}) {
    return RULE_NAMES.map((rule) => CHECKS[rule](policy, facts, opts));
}
function checkMaxSize(policy, facts) {
    const max = policy.maxSize;
    if (max === undefined)
        return notInPolicy('max-size');
    const { total, config, layers } = facts.size;
    const evidence = { size: total, max, configSize: config, layerSizes: layers };
    const sizes = `${formatByteSize(total)} compressed`;
    return total <= max
        ? result('max-size', 'pass', `${sizes}, within ${formatByteSize(max)}`, evidence)
        : result('max-size', 'fail', `${sizes} exceeds the maximum ${formatByteSize(max)}`, evidence);
}
function checkMaxLayers(policy, facts) {
    const max = policy.maxLayers;
    if (max === undefined)
        return notInPolicy('max-layers');
    const evidence = { layers: facts.layerCount, max };
    return facts.layerCount <= max
        ? result('max-layers', 'pass', `${facts.layerCount} layers, within ${max}`, evidence)
        : result('max-layers', 'fail', `${facts.layerCount} layers exceed the maximum ${max}`, evidence);
}
function checkRequiredLabels(policy, facts) {
    const required = policy.requiredLabels;
    if (!required)
        return notInPolicy('required-labels');
    const problems = [];
    const labels = required.map((req) => {
        const found = own(facts.config.labels, req.name);
        const expected = req.matches ? String(req.matches) : req.equals;
        let ok;
        if (found === undefined || found === '') {
            ok = false;
            problems.push(`${req.name} is ${found === undefined ? 'missing' : 'empty'}`);
        }
        else if (req.matches) {
            ok = req.matches.test(found);
            if (!ok)
                problems.push(`${req.name}=${JSON.stringify(clip(found, 60))} does not match ${expected}`);
        }
        else if (req.equals !== undefined) {
            ok = found === req.equals;
            if (!ok)
                problems.push(`${req.name}=${JSON.stringify(clip(found, 60))}, expected ${JSON.stringify(req.equals)}`);
        }
        else
            ok = true;
        const entry = {
            name: req.name,
            found: found === undefined ? null : clip(found),
            ok,
        };
        if (expected !== undefined)
            entry.expected = expected;
        return entry;
    });
    const evidence = { labels };
    return problems.length === 0
        ? result('required-labels', 'pass', `all ${required.length} required labels present`, evidence)
        : result('required-labels', 'fail', problems.join('; '), evidence);
}
function checkRevision(policy, facts, opts) {
    if (!policy.revision)
        return result('revision', 'skip', 'turned off in the policy');
    const expected = opts.expectRevision?.trim();
    if (!expected)
        return result('revision', 'skip', 'no expected revision given (expect-revision)');
    const label = own(facts.config.labels, LABEL_REVISION);
    const annotation = own(facts.annotations, LABEL_REVISION);
    const found = label ?? annotation;
    const evidence = {
        label: LABEL_REVISION,
        expected,
        found: found === undefined ? null : clip(found),
        source: label !== undefined ? 'label' : annotation !== undefined ? 'annotation' : 'none',
    };
    if (found === undefined) {
        return result('revision', 'fail', `the image has no ${LABEL_REVISION} label`, evidence);
    }
    return found.trim() === expected
        ? result('revision', 'pass', `built from ${expected}`, evidence)
        : result('revision', 'fail', `built from ${clip(found, 60)}, expected ${expected}`, evidence);
}
/**
 * `USER` must make the runtime run the process as a uid other than 0. The uid is decided as
 * Docker decides it, through the image's own /etc/passwd and /etc/group (see runtime-user.ts),
 * so `USER toor` with uid 0, `USER +0` and `USER 4294967296`-style wraps are root. A USER the
 * runtime could not resolve fails too: nothing passes without knowing the uid.
 */
function checkNonRoot(policy, facts) {
    if (!policy.nonRoot)
        return notInPolicy('non-root');
    const { user, runtime, passwd, group } = facts.user;
    const shown = `USER ${JSON.stringify(clip(user, 60))}`;
    const evidence = { user: clip(user) };
    if (runtime.resolved) {
        Object.assign(evidence, { uid: runtime.uid, gid: runtime.gid, source: runtime.source });
        if (runtime.passwdLine !== undefined) {
            evidence.passwdLine = runtime.passwdLine;
            evidence.passwdName = clip(runtime.passwdName ?? '');
        }
    }
    else
        Object.assign(evidence, { uid: null, reason: clip(runtime.reason, 300) });
    if (passwd)
        evidence.passwd = fileEvidence(passwd);
    if (group)
        evidence.group = fileEvidence(group);
    if (user === '') {
        return result('non-root', 'fail', 'no USER is set, so containers run as root', evidence);
    }
    if (!runtime.resolved) {
        return result('non-root', 'fail', `cannot tell who ${shown} runs as: ${clip(runtime.reason, 200)}`, evidence);
    }
    const how = runtime.source === 'passwd'
        ? `/etc/passwd line ${runtime.passwdLine}`
        : runtime.source === 'number'
            ? 'a number'
            : 'no user part, so the default';
    if (runtime.uid === 0) {
        return result('non-root', 'fail', `runs as root: ${shown} is uid 0 (${how})`, evidence);
    }
    return result('non-root', 'pass', `runs as uid ${runtime.uid}: ${shown} (${how})`, evidence);
}
function fileEvidence(f) {
    const out = { ...f };
    if (f.symlinks)
        out.symlinks = capped(f.symlinks.map((l) => clip(l))).items;
    if (f.resolved)
        out.resolved = clip(f.resolved);
    return out;
}
/**
 * The recorded base must be allowed by name and proven by content: the base manifest, fetched
 * by the recorded reference, must have exactly the image's first layers. A label that names an
 * allowed base is a claim; the layer digests are the proof.
 */
function checkAllowedBases(policy, facts) {
    const allowed = policy.allowedBases;
    if (!allowed)
        return notInPolicy('allowed-bases');
    const base = facts.base.name ?? SCRATCH;
    const matched = allowed.find((entry) => baseAllowed(entry, base, facts.base.digest));
    const proof = facts.base.proof;
    const evidence = {
        base,
        baseDigest: facts.base.digest ?? null,
        source: facts.base.source,
        allowed,
        matched: matched ?? null,
    };
    if (proof) {
        evidence.proof = {
            reference: proof.reference,
            manifestDigest: proof.manifestDigest ?? null,
            proven: proof.proven,
            expectedLayers: capped(proof.expected).items,
            actualLayers: capped(proof.actual).items,
            ...(proof.error ? { error: clip(proof.error, 300) } : {}),
        };
    }
    const what = facts.base.name
        ? `base ${clip(base, 120)}`
        : `no ${LABEL_BASE_NAME} recorded: a scratch image`;
    if (!matched)
        return result('allowed-bases', 'fail', `${what}, not in allowed-bases`, evidence);
    // Nothing to fetch for scratch: the image claims no base, and scratch allows any content.
    if (!facts.base.name) {
        return result('allowed-bases', 'pass', `${what}, allowed by ${matched}`, evidence);
    }
    const claimed = `${what} (allowed by ${matched})`;
    if (!proof) {
        return result('allowed-bases', 'fail', `${claimed} is only a label: the base was not fetched, so its layers were not compared`, evidence);
    }
    if (proof.error) {
        return result('allowed-bases', 'fail', `${claimed} cannot be proven: ${clip(proof.error, 200)}`, evidence);
    }
    const n = proof.expected.length;
    if (!proof.proven) {
        const at = proof.expected.findIndex((d, i) => d !== proof.actual[i]);
        const found = proof.actual[at] ?? 'no layer';
        return result('allowed-bases', 'fail', `${claimed} is not proven: the image's layers do not start with the base's ${n} ` +
            `(layer ${at + 1}: expected ${proof.expected[at]}, found ${found})`, evidence);
    }
    return result('allowed-bases', 'pass', `${what}, allowed by ${matched}; its ${n} layers are the image's first ${n}`, evidence);
}
function checkHealthcheck(policy, facts) {
    if (!policy.healthcheck)
        return notInPolicy('healthcheck');
    const h = facts.config.healthcheck;
    const test = h?.test ?? [];
    const evidence = { ...h, test: test.map((t) => clip(t)) };
    if (test.length === 0)
        return result('healthcheck', 'fail', 'no HEALTHCHECK declared', evidence);
    if (test[0] === 'NONE')
        return result('healthcheck', 'fail', 'HEALTHCHECK NONE disables it', evidence);
    return result('healthcheck', 'pass', `declared: ${clip(test.slice(1).join(' '), 80)}`, evidence);
}

// EXTERNAL MODULE: ./packages/core/src/oci/referrers.ts
var referrers = __webpack_require__(23847);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(88315);
// EXTERNAL MODULE: ./packages/core/src/util/temp-dir.ts
var temp_dir = __webpack_require__(70456);
;// CONCATENATED MODULE: ./packages/core/src/validate/report.ts



/** The evidence artifact's type; its subject is the validated image. */
const VALIDATION_ARTIFACT_TYPE = referrers/* KilnArtifactType */.PP.Validation;
/** Enough log to see why a container died, bounded so the artifact stays small. */
const LOG_TAIL_MAX_LINES = 100;
function buildReport(input) {
    const { facts, rules, smoke } = input;
    const count = (s) => rules.filter((r) => r.status === s).length;
    const failed = count('fail') > 0 || smoke?.status === 'fail';
    const report = {
        version: 1,
        result: failed ? 'fail' : 'pass',
        image: {
            reference: input.reference,
            digest: facts.digest,
            manifestDigest: facts.manifestDigest,
            platform: facts.platform,
        },
        summary: { pass: count('pass'), fail: count('fail'), skip: count('skip') },
        // A JSON round trip guarantees plain data: evidence is typed `unknown` on purpose.
        rules: JSON.parse(JSON.stringify(rules)),
        tool: { name: 'kiln', version: input.toolVersion },
        createdAt: typeof input.createdAt === 'string' ? input.createdAt : input.createdAt.toISOString(),
    };
    if (input.policy?.source) {
        report.policy = { file: input.policy.source.file, sha256: input.policy.source.sha256 };
    }
    if (smoke)
        report.smoke = smokeOf(smoke);
    if (input.commit)
        report.commit = input.commit;
    if (input.runUrl)
        report.runUrl = input.runUrl;
    return report;
}
/**
 * Only the summary fields are copied (a caller's richer result may carry more). The log tail
 * leaves the runner inside a registry artifact, so registered secrets are masked.
 */
function smokeOf(smoke) {
    const out = {
        status: smoke.status,
        durationMs: smoke.durationMs,
        attempts: smoke.attempts,
    };
    if (smoke.startMs !== undefined)
        out.startMs = smoke.startMs;
    if (smoke.probe !== undefined)
        out.probe = smoke.probe;
    if (smoke.reason !== undefined)
        out.reason = (0,src_log/* redact */.E$)(smoke.reason);
    if (smoke.logTail)
        out.logTail = smoke.logTail.slice(-LOG_TAIL_MAX_LINES).map(src_log/* redact */.E$);
    return out;
}
/** The artifact's bytes: stable key order as built, two-space indent, final newline. */
function encodeReport(report) {
    return Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
}
/**
 * Writes the report for later steps (the `report` output) into a fresh private folder under
 * `parent` (default RUNNER_TEMP, else the system temp folder), never at a predictable name.
 */
function writeReportFile(bytes, digest, parent = process.env.RUNNER_TEMP || undefined) {
    return (0,temp_dir/* writePrivateFile */.Pl)('kiln-report-', `kiln-validation-${digest.slice(7, 19)}.json`, bytes, parent);
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./packages/core/src/engine/docker-cli.ts
var docker_cli = __webpack_require__(19649);
// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(29468);
// EXTERNAL MODULE: ./node_modules/tar-stream/index.js
var tar_stream = __webpack_require__(56118);
// EXTERNAL MODULE: ./packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(22715);
// EXTERNAL MODULE: ./packages/core/src/util/drained.ts
var drained = __webpack_require__(3501);
;// CONCATENATED MODULE: ./packages/core/src/validate/smoke-archive.ts




/**
 * A `docker load` archive streamed from any image store, so an image that is only in an OCI
 * layout (a fork PR's bake) can run on the engine without a registry. The classic
 * `docker save` manifest.json can point at any path, so the blobs keep their OCI names.
 */
const CONFIG_TYPES = [media_types/* MediaType */.zu.OciConfig, media_types/* MediaType */.zu.DockerConfig];
/** The image manifest for `platform` (e.g. `linux/amd64`), descending an index if needed. */
async function engineImage(store, digest, platform) {
    const root = await store.getManifest(digest);
    if (root.kind === 'image')
        return { digest, manifest: root.manifest };
    const want = await platform();
    const [os, arch, variant] = want.split('/');
    const fits = (p) => p !== undefined &&
        p.os === os &&
        p.architecture === arch &&
        (!variant || !p.variant || p.variant === variant);
    const chosen = root.index.manifests.find((m) => fits(m.platform));
    if (!chosen) {
        const have = root.index.manifests
            .map((m) => (m.platform ? `${m.platform.os}/${m.platform.architecture}` : 'unknown'))
            .join(', ');
        throw new Error(`${store.label}@${digest} has no image for the engine's ${want} (has ${have})`);
    }
    const child = await store.getManifest(chosen.digest);
    if (child.kind !== 'image')
        throw new Error(`${store.label}@${chosen.digest} is a nested index, not an image`);
    return { digest: chosen.digest, manifest: child.manifest };
}
const blobPath = (d) => `blobs/sha256/${(0,oci_digest/* digestHex */.sU)(d)}`;
/** Throws unless the engine can run this: an image config and tar layers, sha256 only. */
function checkLoadable(label, m) {
    if (!CONFIG_TYPES.includes(m.config.mediaType))
        throw new Error(`${label} is not a container image (config ${m.config.mediaType})`);
    for (const d of [m.config, ...m.layers]) {
        if (!d.digest.startsWith('sha256:'))
            throw new Error(`${label}: docker load needs sha256 blobs, not ${d.digest}`);
    }
    const odd = m.layers.find((l) => !l.mediaType.includes('tar'));
    if (odd)
        throw new Error(`${label}: layer ${odd.digest} is ${odd.mediaType}, not a tar layer`);
}
/** The archive's bytes; a store failure (missing blob, digest mismatch) fails the iteration. */
function dockerArchive(store, manifest, repoTag) {
    const pack = (0,tar_stream.pack)();
    // Docker reads manifest.json after unpacking everything, so entry order is free; a layer used
    // twice is written once.
    const blobs = new Map();
    for (const d of [manifest.config, ...manifest.layers])
        blobs.set(d.digest, d);
    const index = [
        {
            Config: blobPath(manifest.config.digest),
            RepoTags: [repoTag],
            Layers: manifest.layers.map((l) => blobPath(l.digest)),
        },
    ];
    const produce = async () => {
        await entry(pack, { name: 'blobs/', type: 'directory', mode: 0o755 });
        await entry(pack, { name: 'blobs/sha256/', type: 'directory', mode: 0o755 });
        for (const d of blobs.values()) {
            // openBlob verifies size and digest: the engine gets only bytes the store vouches for.
            await entry(pack, { name: blobPath(d.digest), size: d.size, mode: 0o644 }, () => store.openBlob(d));
        }
        await entry(pack, { name: 'manifest.json', mode: 0o644 }, Buffer.from(JSON.stringify(index)));
        pack.finalize();
    };
    produce().catch((err) => pack.destroy(err));
    return {
        [Symbol.asyncIterator]: () => pack[Symbol.asyncIterator](),
    };
}
/** One tar entry; a blob is streamed with backpressure, since layers can be large. */
async function entry(pack, header, body) {
    const full = { mtime: new Date(0), uid: 0, gid: 0, ...header };
    if (body === undefined || Buffer.isBuffer(body)) {
        await new Promise((resolve, reject) => {
            const cb = (err) => (err ? reject(err) : resolve());
            if (body)
                pack.entry(full, body, cb);
            else
                pack.entry(full, cb);
        });
        return;
    }
    let sink;
    const done = new Promise((resolve, reject) => {
        sink = pack.entry(full, (err) => (err ? reject(err) : resolve()));
    });
    const s = sink;
    // A failed entry also emits 'error'; `done` reports it, and an unheard 'error' would crash.
    s.on('error', () => { });
    const source = await body();
    // tar-stream's sinks are streamx streams, not Node streams, so no pipeline(): write by hand.
    const write = async () => {
        for await (const chunk of source) {
            if (!s.write(chunk))
                await (0,drained/* drained */.o)(s);
        }
        s.end(null); // streamx's typings want an argument; null adds no data
    };
    try {
        await Promise.all([write(), done]);
    }
    finally {
        source.destroy();
    }
}

;// CONCATENATED MODULE: ./packages/core/src/validate/smoke-container.ts


/** What the smoke run needs from `docker inspect` of its container, validated once here. */
const inspectSchema = schemas/* array */.YOg(schemas/* object */.Ikc({
    Id: schemas/* string */.YjP(),
    State: schemas/* object */.Ikc({
        Status: schemas/* string */.YjP(),
        Running: schemas/* boolean */.zMY(),
        ExitCode: schemas/* number */.aig(),
        OOMKilled: schemas/* boolean */.zMY().optional(),
        Error: schemas/* string */.YjP().optional(),
        Health: schemas/* object */.Ikc({
            Status: schemas/* string */.YjP(),
            Log: schemas/* array */.YOg(schemas/* object */.Ikc({ ExitCode: schemas/* number */.aig(), Output: schemas/* string */.YjP() })).nullish(),
        })
            .nullish(),
    }),
    Config: schemas/* object */.Ikc({ ExposedPorts: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* unknown */.L5J()).nullish() }),
    NetworkSettings: schemas/* object */.Ikc({
        IPAddress: schemas/* string */.YjP().optional(),
        Networks: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({ IPAddress: schemas/* string */.YjP().optional() })).nullish(),
    }),
}));
async function inspectContainer(docker, id) {
    const raw = JSON.parse(await docker.output(['inspect', '--type', 'container', id]));
    const parsed = inspectSchema.safeParse(raw);
    if (!parsed.success || !parsed.data[0])
        throw new Error(`docker inspect ${id} returned an unexpected document`);
    const c = parsed.data[0];
    const problems = [c.State.OOMKilled ? 'killed: out of memory' : '', c.State.Error ?? ''];
    const ip = c.NetworkSettings.IPAddress ||
        Object.values(c.NetworkSettings.Networks ?? {}).find((n) => n.IPAddress)?.IPAddress;
    const state = {
        id: c.Id,
        running: c.State.Running,
        status: c.State.Status,
        exitCode: c.State.ExitCode,
        exposedPorts: Object.keys(c.Config.ExposedPorts ?? {}),
    };
    const problem = problems.filter(Boolean).join('; ');
    if (problem)
        state.problem = problem;
    if (ip)
        state.ip = ip;
    if (c.State.Health) {
        const last = c.State.Health.Log?.at(-1)?.Output.trim();
        state.health = { status: c.State.Health.Status, ...(last ? { lastOutput: last } : {}) };
    }
    return state;
}
/** RFC3339Nano with fixed width, as `docker logs --timestamps` prints it, so it sorts as text. */
const STAMP = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z) ?/;
/**
 * The container's last `lines` lines, stdout and stderr interleaved as they were written: the
 * CLI splits them into two pipes, and their timestamps put them back in order.
 */
async function logTail(docker, id, lines = 30) {
    const { stdout, stderr } = await docker.run([
        'logs',
        '--timestamps',
        '--tail',
        String(lines),
        id,
    ]);
    const stamped = [stdout, stderr]
        .flatMap((text) => text.split('\n'))
        .filter((l) => l !== '')
        .map((l) => ({ at: STAMP.exec(l)?.[1] ?? '', text: l.replace(STAMP, '').replace(/\r$/, '') }));
    stamped.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return stamped.slice(-lines).map((l) => l.text);
}
/** True for the engine saying the thing to remove is already gone. */
function isGone(err) {
    return err instanceof docker_cli/* DockerCommandError */.YJ && /no such (container|image)/i.test(err.stderr);
}

;// CONCATENATED MODULE: ./packages/core/src/validate/smoke-probe.ts


/** A runtime that cannot start the probe at all (no /bin/sh, no wget): asking again won't help. */
const CANNOT_EXEC = /OCI runtime exec failed|executable file not found|no such file or directory/i;
const probeTimeout = (ctx) => Math.max(1_000, ctx.remainingMs);
function lastLine(text) {
    return text.trim().split('\n').at(-1)?.trim() ?? '';
}
/** `health-cmd`: run by the container's shell, like a Dockerfile `HEALTHCHECK CMD-SHELL`. */
function commandProbe(cmd) {
    return async (ctx) => {
        try {
            // argv, not a host shell: the string reaches only the container's /bin/sh.
            await ctx.docker.run(['exec', ctx.container.id, '/bin/sh', '-c', cmd], {
                timeoutMs: probeTimeout(ctx),
            });
            return { healthy: true, detail: 'health-cmd exited 0' };
        }
        catch (err) {
            if (!(err instanceof docker_cli/* DockerCommandError */.YJ))
                throw err;
            if (err.timedOut)
                return { healthy: false, detail: 'health-cmd did not finish in time' };
            if (CANNOT_EXEC.test(err.stderr) && err.exitCode !== null && err.exitCode >= 126)
                return {
                    healthy: false,
                    fatal: true,
                    detail: `health-cmd cannot run in the container: ${lastLine(err.stderr)}`,
                };
            const said = lastLine(err.stderr);
            return {
                healthy: false,
                detail: `health-cmd exited ${err.exitCode ?? 'abnormally'}${said ? `: ${said}` : ''}`,
            };
        }
    };
}
/** Checks `health-url` before anything starts: a path (`/healthz`) or an http(s) URL. */
function checkHealthUrl(value) {
    const rule = 'must be a path inside the container (/healthz) or an http(s) URL';
    if (value.startsWith('/'))
        return;
    let url;
    try {
        url = new URL(value);
    }
    catch {
        throw (0,errors/* invalidInput */.aY)('health-url', value, rule);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
        throw (0,errors/* invalidInput */.aY)('health-url', value, rule);
}
/** A path becomes a URL on the image's first exposed TCP port (80 when it exposes none). */
function containerUrl(value, exposedPorts) {
    if (!value.startsWith('/'))
        return new URL(value);
    const port = exposedPorts.find((p) => p.endsWith('/tcp'))?.split('/')[0] ?? '80';
    return new URL(`http://127.0.0.1:${port}${value}`);
}
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '0.0.0.0', '[::1]']);
/**
 * `health-url`, as seen from inside the container. Preferred: fetch from here at the container's
 * bridge address, which needs nothing in the image. Fallback: `wget` inside the container, for
 * engines whose bridge this host cannot reach (remote DOCKER_HOST, Docker Desktop).
 */
function urlProbe(value, hostCanReach) {
    let viaHost = hostCanReach;
    return async (ctx) => {
        const url = containerUrl(value, ctx.container.exposedPorts);
        const ip = ctx.container.ip;
        if (viaHost && ip && url.protocol === 'http:' && LOOPBACK.has(url.hostname)) {
            const direct = new URL(url);
            direct.hostname = ip;
            const perTry = Math.min(2_000, probeTimeout(ctx));
            try {
                const res = await fetch(direct, {
                    redirect: 'manual',
                    signal: AbortSignal.timeout(perTry),
                });
                await res.body?.cancel();
                return res.status < 400
                    ? { healthy: true, detail: `HTTP ${res.status} from ${direct.href}` }
                    : { healthy: false, detail: `HTTP ${res.status} from ${direct.href}` };
            }
            catch (err) {
                // Refused means the address answers and the app is not listening yet; anything else
                // (unreachable, timeout) means this host cannot see the bridge: stop trying it.
                const code = err.cause?.code;
                if (code === 'ECONNREFUSED')
                    return { healthy: false, detail: `connection refused at ${direct.href}` };
                viaHost = false;
            }
        }
        return wgetInside(ctx, url);
    };
}
async function wgetInside(ctx, url) {
    // No `-T`: busybox 1.35's wget crashes with it. The client's timeout bounds the probe instead.
    const argv = ['exec', ctx.container.id, 'wget', '-q', '-O', '/dev/null', url.href];
    try {
        await ctx.docker.run(argv, { timeoutMs: probeTimeout(ctx) });
        return { healthy: true, detail: `wget ${url.href} succeeded inside the container` };
    }
    catch (err) {
        if (!(err instanceof docker_cli/* DockerCommandError */.YJ))
            throw err;
        if (CANNOT_EXEC.test(err.stderr) && err.exitCode !== null && err.exitCode >= 126)
            return {
                healthy: false,
                fatal: true,
                detail: `health-url ${url.href} is not reachable from this host and the image has no wget to probe it from inside`,
            };
        const said = lastLine(err.stderr);
        return { healthy: false, detail: `wget ${url.href} failed${said ? `: ${said}` : ''}` };
    }
}
/** The image's own HEALTHCHECK, as the engine runs it. */
const healthcheckProbe = async ({ container }) => {
    const h = container.health;
    const said = h?.lastOutput ? `: ${h.lastOutput}` : '';
    if (h?.status === 'healthy')
        return { healthy: true, detail: 'HEALTHCHECK reports healthy' };
    if (h?.status === 'unhealthy')
        return { healthy: false, fatal: true, detail: `HEALTHCHECK reports unhealthy${said}` };
    return { healthy: false, detail: `HEALTHCHECK status ${h?.status ?? 'unknown'}${said}` };
};
/** No probe at all: the container must stay up this long. */
function runningProbe(stableMs) {
    return async ({ runningForMs }) => runningForMs >= stableMs
        ? { healthy: true, detail: `running for ${runningForMs} ms` }
        : { healthy: false, detail: `running for ${runningForMs} ms of ${stableMs}` };
}

;// CONCATENATED MODULE: ./packages/core/src/validate/smoke.ts










const LOG_LINES = 30;
const INTERVAL_MS = 500;
const STABLE_MS = 2_000;
/** Pull, load and run get their own generous limit: the smoke timeout is about the app. */
const START_TIMEOUT_MS = 10 * 60_000;
const CLEANUP_TIMEOUT_MS = 60_000;
async function smokeRun(opts) {
    checkOptions(opts);
    const log = opts.log ?? src_log/* info */.pq;
    const wait = opts.sleep ?? retry/* sleep */.yy;
    const docker = new docker_cli/* DockerCli */.Vo({
        ...(opts.dockerHost ? { dockerHost: opts.dockerHost } : {}),
        ...(opts.env ? { env: opts.env } : {}),
    });
    const t0 = Date.now();
    const suffix = (0,external_node_crypto_.randomBytes)(6).toString('hex');
    const name = `kiln-smoke-${suffix}`;
    const kind = opts.healthCmd ? 'health-cmd' : opts.healthUrl ? 'health-url' : 'running';
    // Undo steps, run last-first in the finally; each is registered before the step it undoes,
    // so a step that fails half-way is still undone.
    const undo = [];
    let attempts = 0;
    let startMs = 0;
    let containerId;
    const verdict = async (status, probe, reason) => {
        const r = { status, durationMs: Date.now() - t0, startMs, attempts, probe };
        if (containerId)
            r.containerId = containerId;
        if (reason)
            r.reason = reason;
        if (status === 'fail')
            r.logTail = await tailOf(docker, containerId ?? name);
        log(`smoke: ${status}${reason ? `: ${reason}` : ''} (${r.durationMs} ms, ${attempts} probes)`);
        return r;
    };
    try {
        const image = await startable(docker, opts, suffix, undo, log);
        undo.push(['rm', '--force', name]);
        try {
            containerId = await docker.output(['run', '--detach', '--name', name, '--label', 'dev.kiln.smoke=true', image], { timeoutMs: START_TIMEOUT_MS });
        }
        catch (err) {
            // The image is present, so a refusal to start is the image's fault (bad entrypoint, …).
            if (!(err instanceof docker_cli/* DockerCommandError */.YJ) || err.timedOut)
                throw err;
            startMs = Date.now() - t0;
            return await verdict('fail', kind, `container did not start: ${err.stderr || err.message}`);
        }
        startMs = Date.now() - t0;
        log(`smoke: started ${name} (${containerId.slice(0, 12)}) from ${image}`);
        const started = Date.now();
        const deadline = started + opts.timeoutMs;
        let probe;
        let probeKind = kind;
        let last = 'no probe ran';
        for (;;) {
            const state = await inspectContainer(docker, containerId);
            if (!state.running)
                return await verdict('fail', probeKind, exitReason(state));
            if (!probe)
                [probe, probeKind] = chooseProbe(opts, state, docker);
            if (attempts > 0 && Date.now() >= deadline)
                return await verdict('fail', probeKind, `not healthy within ${opts.timeoutMs} ms (${attempts} probes); last: ${last}`);
            attempts++;
            const now = Date.now();
            const outcome = await probe({
                docker,
                container: state,
                runningForMs: now - started,
                remainingMs: deadline - now,
            });
            if (outcome.healthy) {
                log(`smoke: healthy: ${outcome.detail}`);
                return await verdict('pass', probeKind);
            }
            last = outcome.detail;
            if (outcome.fatal)
                return await verdict('fail', probeKind, outcome.detail);
            await wait(Math.max(0, Math.min(INTERVAL_MS, deadline - Date.now())));
        }
    }
    finally {
        await cleanup(docker, undo, log);
    }
}
function checkOptions(opts) {
    if (!(opts.timeoutMs > 0))
        throw (0,errors/* invalidInput */.aY)('smoke-timeout', String(opts.timeoutMs), 'must be a positive duration');
    if (opts.healthCmd !== undefined && opts.healthUrl !== undefined)
        throw new errors/* ConfigurationError */.j1('Give health-cmd or health-url, not both');
    if (opts.healthCmd !== undefined && opts.healthCmd.trim() === '')
        throw (0,errors/* invalidInput */.aY)('health-cmd', opts.healthCmd, 'must not be empty');
    if (opts.healthUrl !== undefined)
        checkHealthUrl(opts.healthUrl);
    const { reference, digest } = opts.image;
    if (reference !== undefined && (0,oci_reference/* parseReference */.F2)(reference).digest !== digest)
        throw (0,errors/* invalidInput */.aY)('image', reference, `must be pinned to the image's digest ${digest}`);
}
/**
 * Makes the image runnable on the engine and returns what `docker run` takes. A registry image is
 * pulled by digest; anything else is streamed from the store into `docker load`, and run by the
 * image ID just checked to equal the config digest (the identity `docker load` keeps).
 */
async function startable(docker, opts, suffix, undo, log) {
    const { store, digest, reference } = opts.image;
    if (reference) {
        // Leave the engine as found: remove the image afterwards only if this run pulled it.
        const present = await docker.run(['image', 'inspect', reference]).then(() => true, (err) => (isGone(err) ? false : Promise.reject(err)));
        if (!present) {
            log(`smoke: pulling ${reference}`);
            undo.push(['rmi', reference]);
            await docker.run(['pull', '--quiet', reference], { timeoutMs: START_TIMEOUT_MS });
        }
        return reference;
    }
    const platform = () => docker.output(['version', '--format', '{{.Server.Os}}/{{.Server.Arch}}']);
    const image = await engineImage(store, digest, platform);
    checkLoadable(`${store.label}@${image.digest}`, image.manifest);
    // A tag per run, so concurrent runs of one image never remove each other's.
    const tag = `kiln-smoke:${(0,oci_digest/* digestHex */.sU)(image.digest).slice(0, 12)}-${suffix}`;
    log(`smoke: loading ${store.label}@${image.digest} into the engine as ${tag}`);
    undo.push(['rmi', tag]);
    await docker.run(['load', '--quiet'], {
        input: dockerArchive(store, image.manifest, tag),
        timeoutMs: START_TIMEOUT_MS,
    });
    const id = await docker.output(['image', 'inspect', '--format', '{{.Id}}', tag]);
    if (id !== image.manifest.config.digest)
        throw new Error(`docker load gave ${tag} the ID ${id}, not the config digest ${image.manifest.config.digest}`);
    return id;
}
function chooseProbe(opts, state, docker) {
    if (opts.healthCmd)
        return [commandProbe(opts.healthCmd), 'health-cmd'];
    if (opts.healthUrl)
        return [urlProbe(opts.healthUrl, isLocalEngine(docker)), 'health-url'];
    if (state.health)
        return [healthcheckProbe, 'healthcheck'];
    return [runningProbe(Math.min(STABLE_MS, opts.timeoutMs)), 'running'];
}
/** Only a local engine's bridge addresses are reachable from this host. */
function isLocalEngine(docker) {
    const host = docker.dockerHost;
    return (!host ||
        /^(unix|npipe):/.test(host) ||
        /^tcp:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\/?$/.test(host));
}
function exitReason(state) {
    const why = state.problem ? ` (${state.problem})` : '';
    return `container exited with code ${state.exitCode} before it was healthy${why}`;
}
async function tailOf(docker, container) {
    try {
        return await logTail(docker, container, LOG_LINES);
    }
    catch (err) {
        return isGone(err) ? [] : [`(could not read the container's logs: ${(0,errors/* errorMessage */.gJ)(err)})`];
    }
}
async function cleanup(docker, undo, log) {
    for (const args of undo.reverse()) {
        try {
            await docker.run(args, { timeoutMs: CLEANUP_TIMEOUT_MS });
        }
        catch (err) {
            // Never mask the run's own outcome; say what may be left behind.
            if (!isGone(err))
                log(`warning: smoke: cleanup failed: ${(0,errors/* errorMessage */.gJ)(err)}`);
        }
    }
}

// EXTERNAL MODULE: ./packages/core/src/validate/validate-request.ts
var validate_request = __webpack_require__(99968);
// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var manifest = __webpack_require__(74890);
;// CONCATENATED MODULE: ./packages/core/src/version.ts
/** Kiln's version, recorded in evidence. Kept equal to package.json by a unit test. */
const KILN_VERSION = '0.1.0';

// EXTERNAL MODULE: ./packages/core/src/oci/store.ts
var oci_store = __webpack_require__(35850);
;// CONCATENATED MODULE: ./packages/core/src/validate/evidence.ts

/**
 * Stores an artifact next to its subject through the store's artifact capability: the referrers
 * API (or its fallback tag) in a registry, the same fallback index in an OCI layout, so evidence
 * travels with the image either way.
 */
async function storeArtifact(store, artifact) {
    if (!(0,oci_store/* isArtifactStore */.A)(store))
        throw new Error(`${store.label} cannot store artifacts next to an image`);
    return store.pushArtifact(artifact);
}

// EXTERNAL MODULE: ./packages/core/src/util/activity.ts
var activity = __webpack_require__(83385);
;// CONCATENATED MODULE: ./packages/core/src/validate/validate-image.ts














/**
 * validate-image: policy rules read from the image itself, a smoke run on the local engine,
 * and a report stored next to the image as an OCI artifact whose subject is the image.
 */
async function validateImage(req, registries, opts = {}) {
    const log = opts.log ?? src_log/* info */.pq;
    const policy = req.policyFile ? await loadPolicy(req.policyFile) : { ...DEFAULT_POLICY };
    const store = (0,open_store/* openStore */.C)(req.location, registries);
    const root = await (0,activity/* activity */.E)(`reading image ${store.label}@${req.digest}`, () => store.getManifest(req.digest));
    const facts = await (0,activity/* activity */.E)(`reading the layers of ${store.label}@${req.digest}`, () => gatherFacts(store, req.digest, {
        ...(req.platform ? { platform: req.platform } : {}),
        // allowed-bases proves the recorded base by fetching it; no request when it is not asked.
        ...(policy.allowedBases ? { baseRegistries: registries } : {}),
    }));
    const rules = evaluatePolicy(policy, facts, req.expectRevision ? { expectRevision: req.expectRevision } : {});
    for (const r of rules)
        if (r.status !== 'skip')
            log(`${r.status === 'pass' ? 'pass' : 'FAIL'}  ${r.rule}: ${r.message}`);
    let smoke;
    if (req.smoke) {
        const s = await smokeRun({
            image: {
                store,
                digest: req.digest,
                ...(req.location.kind === 'registry'
                    ? { reference: `${(0,oci_reference/* repositoryName */.aR)(req.location.ref)}@${req.digest}` }
                    : {}),
            },
            ...(req.healthCmd ? { healthCmd: req.healthCmd } : {}),
            ...(req.healthUrl ? { healthUrl: req.healthUrl } : {}),
            timeoutMs: req.smokeTimeoutMs,
            ...(opts.dockerHost ? { dockerHost: opts.dockerHost } : {}),
            log,
        });
        smoke = s;
        log(`${s.status === 'pass' ? 'pass' : 'FAIL'}  smoke (${s.probe}): ${s.reason ?? `healthy after ${s.durationMs} ms`}`);
        for (const line of s.logTail ?? [])
            log(`  | ${line}`);
    }
    const ctx = (0,context/* readRunContext */.$)();
    const report = buildReport({
        reference: req.reference,
        facts,
        policy,
        rules,
        ...(smoke ? { smoke } : {}),
        toolVersion: KILN_VERSION,
        ...(ctx.commit ? { commit: ctx.commit } : {}),
        ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
        createdAt: (opts.now ?? (() => new Date()))(),
    });
    const bytes = encodeReport(report);
    const reportPath = await writeReportFile(bytes, req.digest, opts.reportDir);
    const evidence = await (0,activity/* activity */.E)(`storing validation evidence with ${store.label}`, () => storeArtifact(store, {
        artifactType: VALIDATION_ARTIFACT_TYPE,
        layers: [{ mediaType: 'application/json', data: bytes }],
        subject: (0,manifest/* descriptorOf */.nb)(root),
        annotations: {
            'org.opencontainers.image.created': report.createdAt,
            [referrers/* VALIDATION_RESULT_ANNOTATION */.GT]: report.result,
        },
    }));
    log(`evidence ${evidence.digest} stored with ${store.label}`);
    return { result: report.result, report, reportPath, evidence: evidence.digest, policy };
}

// EXTERNAL MODULE: ./packages/core/src/github/summary.ts
var summary = __webpack_require__(51561);
;// CONCATENATED MODULE: ./packages/core/src/validate/validate-summary.ts


const ICON = { pass: '✅ pass', fail: '❌ fail', skip: '➖ skip' };
/**
 * Job summary and check-run text: every rule with its verdict, the smoke run, the evidence.
 * Rule messages quote the image (labels, USER, paths) and the smoke reason its output: they
 * are text, escaped by table(); the container log is a fenced block.
 */
function validationSummary(r) {
    const { report } = r;
    const rows = report.rules.map((x) => [x.rule, ICON[x.status], x.message]);
    if (report.smoke) {
        const s = report.smoke;
        rows.push([
            'smoke',
            ICON[s.status],
            s.reason ??
                `healthy after ${s.durationMs} ms (${s.probe ?? 'probe'}, ${s.attempts} attempts)`,
        ]);
    }
    const parts = [
        `### validate-image: ${report.result === 'pass' ? '✅ pass' : '❌ fail'}`,
        (0,summary.table)(['', ''], [
            ['image', (0,summary.inlineCode)(report.image.reference)],
            ['platform', report.image.platform],
            ['policy', report.policy ? (0,summary.inlineCode)(report.policy.file) : 'built-in defaults'],
            ['evidence', (0,summary.inlineCode)(r.evidence)],
        ]),
        '',
        (0,summary.table)(['rule', 'result', 'detail'], rows),
        '',
    ];
    if (report.smoke?.logTail?.length)
        parts.push('Container log (last lines):', (0,summary.code)(report.smoke.logTail.join('\n')), '');
    return parts.join('\n');
}
/** One annotation per failing rule, on the policy line that set it. */
function validationAnnotations(r, workspace) {
    const source = r.policy.source;
    if (!source)
        return [];
    const path = (0,external_node_path_.relative)(workspace, source.file) || source.file;
    return r.report.rules
        .filter((x) => x.status === 'fail')
        .map((x) => {
        const line = source.lines[x.rule] ?? 1;
        return {
            path,
            start_line: line,
            end_line: line,
            annotation_level: 'failure',
            title: `policy: ${x.rule}`,
            message: x.message,
        };
    });
}

;// CONCATENATED MODULE: ./packages/core/src/validate/index.ts
// The validate domain: policy, image facts, rules, smoke run, report and evidence.












/***/ })

};
