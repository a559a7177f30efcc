export const id = 27;
export const ids = [27];
export const modules = {

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

/***/ 9594:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ readRunContext)
/* harmony export */ });
/* unused harmony export runContext */
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


/***/ })

};
