export const id = 795;
export const ids = [795];
export const modules = {

/***/ 4469:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GZ: () => (/* binding */ proveConvergence),
/* harmony export */   Me: () => (/* binding */ perNodeLine),
/* harmony export */   PC: () => (/* binding */ runtimeDigest),
/* harmony export */   VK: () => (/* binding */ shortDigest),
/* harmony export */   g7: () => (/* binding */ ConvergenceError),
/* harmony export */   iB: () => (/* binding */ AMI_ID),
/* harmony export */   jq: () => (/* binding */ pinnedIdOf),
/* harmony export */   ol: () => (/* binding */ digestOf)
/* harmony export */ });
/* harmony import */ var _oci_digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);

/** A fleet that neither reached the requested digest nor got back to the previous one. */
class ConvergenceError extends Error {
    proof;
    name = 'ConvergenceError';
    constructor(message, proof, options) {
        super(message, options);
        this.proof = proof;
    }
}
/** The digest an image reference pins (`repo@sha256:…`), or undefined for a tag or junk. */
function digestOf(image) {
    const at = image.lastIndexOf('@');
    if (at < 0)
        return undefined;
    const digest = image.slice(at + 1);
    return (0,_oci_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(digest) ? undefined : digest;
}
/** An EC2 machine image id: as immutable as a digest (an AMI can be deregistered, never changed). */
const AMI_ID = /^ami-[0-9a-f]{8}(?:[0-9a-f]{9})?$/;
/** What an instance runs, by an immutable id: the digest its reference pins, or an AMI id. */
function pinnedIdOf(image) {
    return AMI_ID.test(image) ? image : digestOf(image);
}
/**
 * The registry digest in a runtime's image id: `repo@sha256:…` (containerd, CRI-O) or
 * `docker-pullable://repo@sha256:…` (dockershim). A bare `sha256:…` or `docker://sha256:…`
 * is a local image id (the config's digest), not what a registry serves: undefined.
 */
function runtimeDigest(imageId) {
    return imageId.includes('@') ? digestOf(imageId) : undefined;
}
/** Short form for log lines; the proof's `digest` field keeps the full one. */
function shortDigest(digest) {
    return digest.replace(/^(sha256:[0-9a-f]{12})[0-9a-f]+$/, '$1…');
}
/**
 * The N/N proof, the same for every provider: every instance the engine wants running runs
 * `digest` (by the digest its image reference pins, or its AMI id; never a tag), is on the
 * `revision` when one is asked for, and is healthy, and there are exactly `replicas` of them.
 * Extra instances (an old one still draining) keep it from converging.
 */
function proveConvergence(tasks, digest, replicas, revision) {
    const rows = tasks.map((t) => {
        const runs = t.imageId !== undefined ? runtimeDigest(t.imageId) : pinnedIdOf(t.image);
        const why = runs === undefined
            ? t.imageId !== undefined
                ? t.imageId
                    ? `its runtime reports ${t.imageId}, which names no registry digest`
                    : 'its runtime reports no image yet'
                : `its image ${t.image} is not pinned by digest`
            : runs !== digest
                ? `it runs ${shortDigest(runs)}`
                : revision && t.revision !== revision.want
                    ? `it is on ${revision.noun} ${t.revision ?? '(unknown)'}, not ${revision.want}`
                    : t.state !== 'running'
                        ? `it is ${t.state}${t.error ? ` (${t.error})` : ''}`
                        : t.health !== 'healthy'
                            ? t.health === 'none'
                                ? 'it has no health check'
                                : `its health is ${t.health}`
                            : undefined;
        return {
            task: t.id,
            node: t.node,
            image: t.image,
            ...(runs ? { digest: runs } : {}),
            state: t.state,
            health: t.health,
            ...(revision && t.revision !== undefined ? { revision: t.revision } : {}),
            ok: why === undefined,
            ...(why ? { why } : {}),
        };
    });
    const healthy = rows.filter((r) => r.ok).length;
    const problems = rows.filter((r) => !r.ok).map((r) => `task ${r.task.slice(0, 12)}: ${r.why}`);
    if (rows.length < replicas)
        problems.push(`${rows.length} of ${replicas} instances are wanted running`);
    return {
        converged: healthy === replicas && rows.length === replicas,
        digest,
        replicas,
        healthy,
        running: rows.length,
        tasks: rows,
        nodes: countPerNode(rows),
        summary: `${healthy}/${replicas} healthy on ${digest}${rows.length > replicas ? ` (${rows.length - healthy} other instances still running)` : ''}`,
        problems,
    };
}
/** Healthy and wanted instances per node, in node order. */
function countPerNode(rows) {
    const by = new Map();
    for (const r of rows) {
        const c = by.get(r.node) ?? { node: r.node, healthy: 0, running: 0 };
        c.running++;
        if (r.ok)
            c.healthy++;
        by.set(r.node, c);
    }
    return [...by.values()].sort((a, b) => a.node.localeCompare(b.node));
}
/** `per node: abc123def456 2/2, …` for a fleet on more than one node; empty on one node. */
function perNodeLine(proof) {
    if (proof.nodes.length < 2)
        return '';
    return `per node: ${proof.nodes.map((n) => `${n.node.slice(0, 12) || '(unassigned)'} ${n.healthy}/${n.running}`).join(', ')}`;
}


/***/ }),

/***/ 795:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  ANNOTATIONS_PER_REQUEST: () => (/* reexport */ ANNOTATIONS_PER_REQUEST),
  PRIOR_DEPLOYMENTS_SCANNED: () => (/* reexport */ PRIOR_DEPLOYMENTS_SCANNED),
  STATUS_DESCRIPTION_MAX: () => (/* reexport */ STATUS_DESCRIPTION_MAX),
  WITNESS_DEPLOYMENTS_SCANNED: () => (/* reexport */ WITNESS_DEPLOYMENTS_SCANNED),
  githubClient: () => (/* reexport */ githubClient),
  githubDeploymentRecorder: () => (/* reexport */ githubDeploymentRecorder),
  githubLedgerWitness: () => (/* reexport */ githubLedgerWitness),
  isPermissionError: () => (/* reexport */ isPermissionError),
  ledgerWitnessFor: () => (/* reexport */ ledgerWitnessFor),
  publishCheckRun: () => (/* reexport */ publishCheckRun),
  readRunContext: () => (/* reexport */ context/* readRunContext */.$),
  recordDeployment: () => (/* reexport */ recordDeployment),
  runContext: () => (/* reexport */ context/* runContext */.p),
  summary: () => (/* reexport */ summary),
  witnessDescription: () => (/* reexport */ witnessDescription)
});

// EXTERNAL MODULE: ./packages/core/src/github/context.ts
var context = __webpack_require__(9594);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(8315);
;// CONCATENATED MODULE: ./packages/core/src/github/client.ts

/**
 * An authenticated REST client for the run's API (GITHUB_API_URL, so GHES and the test fake
 * work the same as github.com). The token is masked first: Octokit errors can echo headers.
 * Octokit is loaded only when a step talks to GitHub, so every action starts fast.
 */
async function githubClient(token, ctx) {
    (0,log/* setSecret */.Pq)(token);
    const { getOctokit: create } = await __webpack_require__.e(/* import() */ 413).then(__webpack_require__.bind(__webpack_require__, 2413));
    return create(token, ctx.apiUrl ? { baseUrl: ctx.apiUrl } : {});
}

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/github/permission.ts

/**
 * A token that may not write what a step asks (checks, deployments): GITHUB_TOKEN on a fork PR
 * or a workflow without the permission gets 403 "Resource not accessible by integration"; a
 * token that cannot see the repository gets 404. Duck-typed because Octokit's RequestError is
 * not a direct dependency.
 */
function isPermissionError(err) {
    if (typeof err !== 'object' || err === null)
        return false;
    const status = err.status;
    return (status === 403 ||
        status === 404 ||
        /Resource not accessible by integration/i.test((0,errors/* errorMessage */.gJ)(err)));
}

;// CONCATENATED MODULE: ./packages/core/src/github/check-run.ts



/** The API takes at most 50 annotations per request; later batches are appended by updates. */
const ANNOTATIONS_PER_REQUEST = 50;
/** output.summary and output.text are limited to 65535 characters each. */
const OUTPUT_LIMIT = 65535;
function clip(text) {
    if (text.length <= OUTPUT_LIMIT)
        return text;
    const note = '\n\n… (truncated)';
    return text.slice(0, OUTPUT_LIMIT - note.length) + note;
}
const PERMISSION_HINT = 'the token needs `checks: write` (add `permissions: { checks: write }` to the job; ' +
    'GITHUB_TOKEN on pull requests from forks is read-only)';
function plainAnnotation(a) {
    return {
        ...a,
        message: (0,log/* printable */.g$)(a.message),
        ...(a.title !== undefined ? { title: (0,log/* printable */.g$)(a.title) } : {}),
    };
}
/**
 * Creates a completed check run on `headSha` so a validation can be a required status check.
 * Returns undefined, after a warning, when the token lacks permission: the step's own result
 * still gates the workflow, so a missing check run must not turn a pass into a crash.
 */
async function publishCheckRun(octokit, ctx, input) {
    if (!ctx.repo) {
        throw new errors/* ConfigurationError */.j1('GITHUB_REPOSITORY is not set: no repository to publish a check run to');
    }
    const { owner, repo } = ctx.repo;
    const batches = [];
    for (let i = 0; i < input.annotations.length; i += ANNOTATIONS_PER_REQUEST) {
        batches.push(input.annotations.slice(i, i + ANNOTATIONS_PER_REQUEST));
    }
    // GitHub shows titles and annotations as plain text, so markdown escapes would show as
    // backslashes; hidden characters (terminal escapes, bidi overrides) are made visible.
    const output = (annotations) => ({
        title: (0,log/* printable */.g$)(input.title),
        summary: clip(input.summary),
        ...(input.text !== undefined ? { text: clip(input.text) } : {}),
        ...(annotations?.length ? { annotations: annotations.map(plainAnnotation) } : {}),
    });
    let created;
    try {
        const { data } = await octokit.rest.checks.create({
            owner,
            repo,
            name: input.name,
            head_sha: input.headSha,
            status: 'completed',
            conclusion: input.conclusion,
            completed_at: new Date().toISOString(),
            ...(ctx.runUrl ? { details_url: ctx.runUrl } : {}),
            output: output(batches[0]),
        });
        const fallback = `${ctx.serverUrl ?? 'https://github.com'}/${owner}/${repo}/runs/${data.id}`;
        created = { id: data.id, url: data.html_url ?? fallback };
        for (const batch of batches.slice(1)) {
            await octokit.rest.checks.update({
                owner,
                repo,
                check_run_id: data.id,
                output: output(batch),
            });
        }
    }
    catch (err) {
        if (!isPermissionError(err))
            throw err;
        const what = created
            ? `Check run "${input.name}" was created but not all annotations were sent`
            : `Check run "${input.name}" was not published`;
        (0,log/* warning */.$e)(`${what}: ${(0,errors/* errorMessage */.gJ)(err)}; ${PERMISSION_HINT}.`);
        return created;
    }
    (0,log/* info */.pq)(`Check run "${input.name}" (${input.conclusion}): ${created.url}`);
    return created;
}

// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(4469);
;// CONCATENATED MODULE: ./packages/core/src/github/deployments.ts





/** GitHub rejects a status description longer than this (422). */
const STATUS_DESCRIPTION_MAX = 140;
/**
 * Recent deployments of a production environment looked at to retire the one that ran before:
 * GitHub's auto_inactive skips production environments, so Kiln does it for them.
 */
const PRIOR_DEPLOYMENTS_SCANNED = 10;
const deployments_PERMISSION_HINT = 'the token needs `deployments: write` (add `permissions: { deployments: write }` to the job)';
function clipped(text) {
    const plain = (0,log/* printable */.g$)(text).replace(/\s+/g, ' ').trim();
    return plain.length <= STATUS_DESCRIPTION_MAX
        ? plain
        : plain.slice(0, STATUS_DESCRIPTION_MAX - 1) + '…';
}
/**
 * Creates a deployment of `input.digest` to `input.environment` on the commit it was built from.
 * Errors are the caller's (see githubDeploymentRecorder for the policy that never fails a deploy).
 */
async function recordDeployment(octokit, ctx, input) {
    if (!ctx.repo)
        throw new Error('GITHUB_REPOSITORY is not set: no repository to deploy in');
    const { owner, repo } = ctx.repo;
    const production = input.environment === 'production';
    const { data } = await octokit.rest.repos.createDeployment({
        owner,
        repo,
        ref: input.ref,
        task: 'deploy',
        // The image is already built and checked: GitHub must not merge branches or wait for checks.
        auto_merge: false,
        required_contexts: [],
        environment: input.environment,
        payload: { image: input.image, digest: input.digest },
        description: clipped(input.description ?? `Kiln deploys ${(0,converged/* shortDigest */.VK)(input.digest)}`),
        transient_environment: false,
        production_environment: production,
    });
    // 202 (a merge instead of a deployment) only happens with auto_merge, which is off.
    if (!('id' in data))
        throw new Error(`GitHub created no deployment: ${data.message ?? ''}`);
    const id = data.id;
    const setStatus = async (state, opts = {}) => {
        const environmentUrl = opts.environmentUrl ??
            (state === 'in_progress' || state === 'success' ? input.url : undefined);
        const logUrl = opts.logUrl ?? ctx.runUrl;
        await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: id,
            state,
            ...(opts.description !== undefined ? { description: clipped(opts.description) } : {}),
            ...(environmentUrl ? { environment_url: environmentUrl } : {}),
            // log_url sets target_url too; without it GitHub answers target_url "".
            ...(logUrl ? { log_url: logUrl } : {}),
            // Only a success replaces what ran before; a failure leaves it running.
            auto_inactive: state === 'success',
        });
        if (state === 'success' && production) {
            await retirePrior(octokit, { owner, repo, runUrl: ctx.runUrl }, input, id);
        }
    };
    return { id, url: data.url, setStatus };
}
/**
 * Marks earlier successful deployments of a production environment inactive. GitHub's
 * auto_inactive covers only non-production environments (as documented), and a production
 * environment is exactly where the page must show the one deployment that runs.
 */
async function retirePrior(octokit, { owner, repo, runUrl }, input, id) {
    const { data: prior } = await octokit.rest.repos.listDeployments({
        owner,
        repo,
        environment: input.environment,
        per_page: PRIOR_DEPLOYMENTS_SCANNED,
    });
    // Ids grow: a deployment started after ours (a later run) is not ours to retire.
    for (const d of prior.filter((p) => p.id < id)) {
        const { data: statuses } = await octokit.rest.repos.listDeploymentStatuses({
            owner,
            repo,
            deployment_id: d.id,
            per_page: 1,
        });
        if (statuses[0]?.state !== 'success')
            continue;
        await octokit.rest.repos.createDeploymentStatus({
            owner,
            repo,
            deployment_id: d.id,
            state: 'inactive',
            description: clipped(`replaced by ${(0,converged/* shortDigest */.VK)(input.digest)}`),
            // The run that retired it.
            ...(runUrl ? { log_url: runUrl } : {}),
            auto_inactive: false,
        });
    }
}
const NO_OP = { setStatus: async () => { } };
/**
 * GitHub Deployments for a run: undefined without a token or outside a repository (the CLI,
 * local runs). Octokit loads on the first deploy. A token without `deployments: write` is
 * warned about once and the recorder goes quiet; any other GitHub failure is a warning too.
 */
function githubDeploymentRecorder(token, ctx) {
    if (!token || !ctx.repo)
        return undefined;
    let client;
    let denied = false;
    /** Runs a GitHub call; returns false when it failed (after the warning). */
    const attempt = async (what, call) => {
        if (denied)
            return false;
        try {
            client ??= githubClient(token, ctx);
            await call(await client);
            return true;
        }
        catch (err) {
            if (isPermissionError(err)) {
                denied = true;
                (0,log/* warning */.$e)(`GitHub deployments are not recorded: ${(0,errors/* errorMessage */.gJ)(err)}; ${deployments_PERMISSION_HINT}.`);
            }
            else {
                (0,log/* warning */.$e)(`${what} failed (the deploy goes on): ${(0,errors/* errorMessage */.gJ)(err)}`);
            }
            return false;
        }
    };
    return {
        async start(input) {
            const ref = input.ref || ctx.commit;
            if (!ref) {
                (0,log/* warning */.$e)('GitHub deployment not recorded: no commit to deploy (GITHUB_SHA is not set)');
                return NO_OP;
            }
            let made;
            const ok = await attempt(`Recording the GitHub deployment to ${input.environment}`, async (c) => {
                made = await recordDeployment(c, ctx, { ...input, ref });
            });
            if (!ok || !made)
                return NO_OP;
            const deployment = made;
            (0,log/* info */.pq)(`GitHub deployment ${deployment.id} to ${input.environment}: ${deployment.url}`);
            return {
                setStatus: async (state, opts) => {
                    await attempt(`Setting GitHub deployment ${deployment.id} to ${state}`, () => deployment.setStatus(state, opts));
                },
            };
        },
    };
}

// EXTERNAL MODULE: ./packages/core/src/github/summary.ts + 1 modules
var summary = __webpack_require__(4451);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/errors.js
var core_errors = __webpack_require__(7428);
// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
;// CONCATENATED MODULE: ./packages/core/src/ledger/witness-file.ts




/** Where local runs keep the witness, under the workspace (KILN_WITNESS_FILE overrides). */
const WITNESS_FILE = (0,external_node_path_.join)('.kiln', 'ledger-witness.json');
const fileSchema = schemas/* object */.Ikc({
    version: schemas/* literal */.euz(1),
    heads: schemas/* record */.g1P(schemas/* string */.YjP(), schemas/* object */.Ikc({
        digest: schemas/* string */.YjP().refine((d) => (0,digest/* digestProblem */.WQ)(d) === undefined),
        seq: schemas/* number */.aig().int().positive(),
        at: schemas/* string */.YjP(),
    })),
});
/** The witness file of a workspace: KILN_WITNESS_FILE, else `<workspace>/.kiln/ledger-witness.json`. */
function witnessFilePath(workspace) {
    return process.env.KILN_WITNESS_FILE || (0,external_node_path_.join)(workspace, WITNESS_FILE);
}
/**
 * A JSON file of each ledger's newest head, for `kiln` and local runs (on GitHub the
 * Deployments witness): outside the registry, so a registry writer cannot move it with the tag.
 */
class FileWitness {
    path;
    now;
    label;
    constructor(path, now = () => new Date()) {
        this.path = path;
        this.now = now;
        this.label = `witness file ${path}`;
    }
    async last(env, ledger) {
        const head = this.read().heads[key(env, ledger)];
        return head && { digest: head.digest, seq: head.seq, source: this.label };
    }
    async record(env, ledger, head) {
        const content = this.read();
        content.heads[key(env, ledger)] = { ...head, at: this.now().toISOString() };
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(this.path), { recursive: true });
        // Written whole, then renamed: a reader never sees half a file.
        const tmp = `${this.path}.${process.pid}.tmp`;
        (0,external_node_fs_.writeFileSync)(tmp, `${JSON.stringify(content, null, 2)}\n`);
        (0,external_node_fs_.renameSync)(tmp, this.path);
        return true;
    }
    read() {
        let text;
        try {
            text = (0,external_node_fs_.readFileSync)(this.path, 'utf8');
        }
        catch (err) {
            if (err.code === 'ENOENT')
                return { version: 1, heads: {} };
            throw err;
        }
        const parsed = fileSchema.safeParse(JSON.parse(text));
        if (!parsed.success)
            throw new Error(`${this.path} is not a Kiln witness file: ${core_errors/* prettifyError */.S1(parsed.error)}`);
        return parsed.data;
    }
}
const key = (env, ledger) => `${ledger} ${env}`;

;// CONCATENATED MODULE: ./packages/core/src/github/ledger-witness.ts


/** Deployments of an environment searched (newest first) for the last witnessed head. */
const WITNESS_DEPLOYMENTS_SCANNED = 10;
/** Statuses of one deployment read, newest first. */
const STATUSES_READ = 20;
/** How a witness status describes the head: one line, within GitHub's 140 characters. */
const witnessDescription = (head) => `kiln ledger head #${head.seq} ${head.digest}`;
const WITNESS_LINE = /^kiln ledger head #(\d+) (sha256:[0-9a-f]{64})$/;
/**
 * The environment's GitHub Deployments as the ledger's witness: after a run appends, a status
 * on the environment's newest deployment says the head (same state as the status before it, so
 * the Environments page shows the same); before acting, the newest such status is the anchor.
 * Only the workflow's token writes them, never a registry writer.
 */
function githubLedgerWitness(token, ctx) {
    const repo = ctx.repo;
    if (!token || !repo)
        return undefined;
    let client;
    const octokit = () => (client ??= githubClient(token, ctx));
    const label = `GitHub Deployments of ${repo.owner}/${repo.repo}`;
    const newest = async (env) => (await (await octokit()).rest.repos.listDeployments({
        ...repo,
        environment: env,
        per_page: WITNESS_DEPLOYMENTS_SCANNED,
    })).data;
    const statuses = async (id) => (await (await octokit()).rest.repos.listDeploymentStatuses({ ...repo, deployment_id: id, per_page: STATUSES_READ })).data;
    return {
        label,
        async last(env) {
            for (const d of await newest(env)) {
                for (const s of await statuses(d.id)) {
                    const m = WITNESS_LINE.exec(s.description ?? '');
                    if (m)
                        return { seq: Number(m[1]), digest: m[2], source: label };
                }
            }
            return undefined;
        },
        async record(env, _ledger, head) {
            const [deployment] = await newest(env);
            if (!deployment)
                return false;
            const [latest] = await statuses(deployment.id);
            await (await octokit()).rest.repos.createDeploymentStatus({
                ...repo,
                deployment_id: deployment.id,
                state: latest?.state ?? 'success',
                description: witnessDescription(head),
                ...(latest?.environment_url ? { environment_url: latest.environment_url } : {}),
                ...(ctx.runUrl ? { log_url: ctx.runUrl } : {}),
                // It restates the deployment's state: it must not retire other deployments.
                auto_inactive: false,
            });
            return true;
        },
    };
}
/**
 * The witness of a run: the repository's GitHub Deployments when the run has a token and a
 * repository (a runner's job), else the workspace's witness file (`kiln`, local runs).
 */
function ledgerWitnessFor(token, ctx, workspace) {
    return githubLedgerWitness(token, ctx) ?? new FileWitness(witnessFilePath(workspace));
}

;// CONCATENATED MODULE: ./packages/core/src/github/index.ts









/***/ }),

/***/ 4451:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Markdown: () => (/* binding */ Markdown),
  code: () => (/* binding */ code),
  details: () => (/* binding */ details),
  heading: () => (/* binding */ heading),
  inlineCode: () => (/* binding */ inlineCode),
  table: () => (/* binding */ table),
  writeSummary: () => (/* binding */ writeSummary)
});

// EXTERNAL MODULE: ./node_modules/@actions/core/lib/core.js + 16 modules
var core = __webpack_require__(8179);
// EXTERNAL MODULE: ./packages/core/src/log.ts
var log = __webpack_require__(8315);
;// CONCATENATED MODULE: ./packages/core/src/github/escape.ts

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
    return (0,log/* printable */.g$)(value)
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
    return (0,log/* printable */.g$)(value)
        .replace(/&/g, '&amp;')
        .replace(/</g, '&lt;')
        .replace(/>/g, '&gt;')
        .replace(/"/g, '&quot;')
        .replace(/'/g, '&#39;')
        .replace(/\n/g, '<br>');
}

;// CONCATENATED MODULE: ./packages/core/src/github/summary.ts



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
    const source = value instanceof Markdown ? value.source : markdownText(String(value ?? ''));
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
    const shown = (0,log/* printable */.g$)(text);
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
    const shown = (0,log/* printable */.g$)(text).replace(/\n/g, ' ');
    const longest = Math.max(0, ...(shown.match(/`+/g) ?? []).map((r) => r.length));
    const tick = '`'.repeat(longest + 1);
    return new Markdown(longest ? `${tick} ${shown} ${tick}` : `${tick}${shown}${tick}`);
}
function heading(text, level = 3) {
    return `${'#'.repeat(level)} ${markdownText(text)}`;
}
/**
 * Appends markdown to the step summary. Without GITHUB_STEP_SUMMARY (CLI, tests) it does
 * nothing: the summary is a runner feature and the same facts are also logged.
 */
async function writeSummary(markdown) {
    if (!process.env.GITHUB_STEP_SUMMARY)
        return;
    await core/* summary */.z.addRaw(markdown, true).write();
}


/***/ })

};
