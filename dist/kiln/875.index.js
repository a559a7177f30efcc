export const id = 875;
export const ids = [875,768];
export const modules = {

/***/ 87875:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   bakeImageAction: () => (/* binding */ bakeImageAction)
/* harmony export */ });
/* harmony import */ var _kiln_core_bake_request__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74334);
/* harmony import */ var _kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(48892);
/* harmony import */ var _run_action_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(46797);



async function bakeImageAction() {
    // Inputs are checked before the bakers (tar, gzip, registry client) load: a bad input
    // fails in the time it takes to start node and @actions/core.
    const request = (0,_kiln_core_bake_request__WEBPACK_IMPORTED_MODULE_0__/* .parseBakeRequest */ .u1)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .actionInputs */ .eh, process.env.GITHUB_WORKSPACE);
    const options = (0,_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .registryOptionsFrom */ .us)(_kiln_core_inputs__WEBPACK_IMPORTED_MODULE_1__/* .actionInputs */ .eh, request.repository?.registry);
    const [{ bakeImage, bakeSummary }, { Registries }, github] = await Promise.all([
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(118), __webpack_require__.e(306), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(663)]).then(__webpack_require__.bind(__webpack_require__, 37663)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(730), __webpack_require__.e(402), __webpack_require__.e(69)]).then(__webpack_require__.bind(__webpack_require__, 17069)),
        Promise.all(/* import() */[__webpack_require__.e(164), __webpack_require__.e(0), __webpack_require__.e(795)]).then(__webpack_require__.bind(__webpack_require__, 60795)),
    ]);
    const result = await bakeImage(request, new Registries(options));
    (0,_run_action_js__WEBPACK_IMPORTED_MODULE_2__/* .setOutputs */ .n)({
        digest: result.digest,
        image: result.image,
        tags: result.tags.join(','),
        size: result.size,
        reproducible: result.reproducible,
    });
    await github.summary.writeSummary(bakeSummary(result));
}


/***/ }),

/***/ 74334:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   RM: () => (/* binding */ parseCommand),
/* harmony export */   X$: () => (/* binding */ parseLayerGroups),
/* harmony export */   ol: () => (/* binding */ hostPlatform),
/* harmony export */   u1: () => (/* binding */ parseBakeRequest)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(37638);
/* harmony import */ var _inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(67528);
/* harmony import */ var _oci_location_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(49768);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(93966);
/* harmony import */ var _copy_spec_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(93158);
/* harmony import */ var _source_date_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(97231);








const PLATFORM = /^[a-z0-9_]+\/[a-z0-9_]+(?:\/[a-z0-9_]+)?$/;
const PORT = /^\d{1,5}(?:\/(?:tcp|udp|sctp))?$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const LABEL_KEY = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\.[a-z0-9]+(?:[._-][a-z0-9]+)*)*$/i;
const TAG = /^[\w][\w.-]{0,127}$/;
function hostPlatform() {
    const arch = {
        x64: 'amd64',
        arm64: 'arm64',
        arm: 'arm',
        s390x: 's390x',
        ppc64: 'ppc64le',
    };
    return `linux/${arch[process.arch] ?? process.arch}`;
}
/** `["/bin/app","serve"]` (JSON) or `/bin/app serve` (split on spaces; no shell involved). */
function parseCommand(input, raw) {
    const v = raw.trim();
    if (v === '')
        return undefined;
    if (v.startsWith('[')) {
        let parsed;
        try {
            parsed = JSON.parse(v);
        }
        catch {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, raw, 'starts with [ but is not a JSON array of strings');
        }
        if (!Array.isArray(parsed) || parsed.some((x) => typeof x !== 'string')) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)(input, raw, 'must be a JSON array of strings, e.g. ["/bin/app","serve"]');
        }
        return parsed;
    }
    return v.split(/\s+/);
}
/**
 * Input `layers`: `per-line` (default, each copy line its own layer), `single` (all in one), or
 * groups of line numbers in order, e.g. `1-2, 3, 4-6`, which must cover every line once.
 */
function parseLayerGroups(raw, copy) {
    const v = raw.trim();
    if (v === '' || v === 'per-line')
        return copy.map((line) => [line]);
    if (v === 'single')
        return copy.length ? [copy] : [];
    const rule = `must be per-line, single, or groups of copy line numbers in order covering lines 1-${copy.length} once each, e.g. 1-2, 3`;
    const groups = [];
    let next = 1;
    for (const part of (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(v, { commas: true })) {
        const m = /^(\d+)(?:-(\d+))?$/.exec(part);
        const from = Number(m?.[1]);
        const to = m?.[2] !== undefined ? Number(m[2]) : from;
        if (!m || from !== next || to < from || to > copy.length)
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('layers', raw, rule);
        groups.push(copy.slice(from - 1, to));
        next = to + 1;
    }
    if (next !== copy.length + 1)
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('layers', raw, rule);
    return groups;
}
function parseBakeRequest(read, workspace = process.cwd()) {
    const imageRaw = read('image').trim();
    let repository;
    if (imageRaw) {
        try {
            repository = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_4__/* .parseReference */ .F2)(imageRaw);
        }
        catch (err) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1(`Input "image": ${err.message}`, { cause: err });
        }
        if (repository.digest || repository.tag) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('image', imageRaw, 'name the repository only (e.g. ghcr.io/acme/shop); put tags in "tags"');
        }
    }
    const context = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, read('context').trim() || '.');
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.existsSync)(context) || !(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(context).isDirectory()) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('context', read('context') || '.', 'must be an existing folder');
    }
    const output = read('output').trim() || undefined;
    if (output && !output.startsWith('oci-layout:')) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('output', output, 'must be oci-layout:DIR');
    }
    const push = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('push', read('push'), true) && !output;
    if (push && !repository) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1('Input "image" is required to push (or set output: oci-layout:DIR, or push: false)');
    }
    const baseInput = read('base').trim() || 'scratch';
    const base = baseInput === 'scratch' ? 'scratch' : (0,_oci_location_js__WEBPACK_IMPORTED_MODULE_3__/* .parseLocation */ .zS)(baseInput, 'base');
    if (base !== 'scratch' && base.kind === 'registry' && !base.ref.tag && !base.ref.digest) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('base', baseInput, 'name a tag or digest (e.g. alpine:3.20 or repo@sha256:…); the digest it resolves to is recorded');
    }
    const copy = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(read('copy'));
    copy.forEach(_copy_spec_js__WEBPACK_IMPORTED_MODULE_5__/* .parseCopyLine */ .TU);
    const env = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMap */ .y1)('env', read('env'));
    for (const key of Object.keys(env)) {
        if (!ENV_KEY.test(key))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('env', key, 'variable names are letters, digits and _ and do not start with a digit');
    }
    const labels = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseMap */ .y1)('labels', read('labels'));
    for (const key of Object.keys(labels)) {
        if (!LABEL_KEY.test(key)) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('labels', key, 'label keys are dot-separated words of letters, digits, - and _ (e.g. org.opencontainers.image.title)');
        }
    }
    const expose = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(read('expose'), { commas: true });
    for (const p of expose) {
        if (!PORT.test(p) || Number(p.split('/')[0]) < 1 || Number(p.split('/')[0]) > 65535) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('expose', p, 'must be PORT or PORT/tcp|udp|sctp with 1 <= PORT <= 65535');
        }
    }
    const tags = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(read('tags'), { commas: true });
    for (const t of tags)
        if (!TAG.test(t))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('tags', t, 'a tag is up to 128 of [A-Za-z0-9_.-] and starts with a letter, digit or _');
    const platforms = (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseList */ .E1)(read('platform'), { commas: true });
    for (const p of platforms)
        if (!PLATFORM.test(p))
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('platform', p, 'must be os/arch[/variant], e.g. linux/amd64');
    const workdir = read('workdir').trim() || undefined;
    if (workdir && !workdir.startsWith('/'))
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .invalidInput */ .aY)('workdir', workdir, 'must be an absolute path');
    const dockerfile = read('dockerfile').trim() || undefined;
    if (dockerfile && copy.length) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1('Inputs "dockerfile" and "copy" exclude each other: the Dockerfile says what to copy');
    }
    if (!dockerfile && copy.length === 0 && base === 'scratch') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigurationError */ .j1('Input "copy" is required: name at least one src:dest line (or give a dockerfile or a base)');
    }
    const sde = read('source-date-epoch').trim();
    const req = {
        context,
        base,
        baseInput,
        copy,
        layerGroups: parseLayerGroups(read('layers'), copy),
        layerCache: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('layer-cache', read('layer-cache'), true),
        env,
        labels,
        expose,
        tags,
        platforms: platforms.length ? [...new Set(platforms)] : [hostPlatform()],
        push,
        verifyReproducible: (0,_inputs_parse_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoolean */ .yG)('verify-reproducible', read('verify-reproducible'), false),
    };
    if (repository)
        req.repository = repository;
    if (dockerfile)
        req.dockerfile = (0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(workspace, dockerfile);
    const entrypoint = parseCommand('entrypoint', read('entrypoint'));
    if (entrypoint)
        req.entrypoint = entrypoint;
    const cmd = parseCommand('cmd', read('cmd'));
    if (cmd)
        req.cmd = cmd;
    if (workdir)
        req.workdir = workdir;
    const user = read('user').trim();
    if (user)
        req.user = user;
    const healthcheck = read('healthcheck').trim();
    if (healthcheck)
        req.healthcheck = healthcheck;
    if (sde)
        req.sourceDateEpoch = (0,_source_date_js__WEBPACK_IMPORTED_MODULE_6__/* .parseSourceDateEpoch */ .QS)('source-date-epoch', sde);
    if (output)
        req.output = output;
    return req;
}


/***/ }),

/***/ 40881:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ BuildContext)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var tinyglobby__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(73382);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37638);





/**
 * The `context` folder of a bake. Everything copied into an image must stay inside it:
 * checks use real paths, so neither `..` nor a symlink (in a parent folder, as the copied
 * item, or reached while walking a folder) can pull host files into the layer.
 */
class BuildContext {
    root;
    /** Real paths of the folders items were looked up in: once per folder, not once per item. */
    realDirs = new Map();
    constructor(root) {
        this.root = root;
    }
    static async open(context) {
        try {
            const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.realpath)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(context));
            if ((await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.stat)(root)).isDirectory())
                return new BuildContext(root);
        }
        catch {
            // reported below, with the rule
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .invalidInput */ .aY)('context', context, 'must be an existing folder');
    }
    contains(hostPath) {
        const rel = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.relative)(this.root, hostPath);
        return rel === '' || (rel !== '..' && !rel.startsWith(`..${node_path__WEBPACK_IMPORTED_MODULE_2__.sep}`) && !(0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(rel));
    }
    /**
     * Looks at one host path; `undefined` when it does not exist. `shown` is how errors name
     * it (relative to the context, as the user wrote it).
     */
    inspect(hostPath, shown, fail) {
        if (!this.contains(hostPath))
            fail(`"${shown}" resolves outside the context (through ..)`);
        const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(hostPath);
        if (!this.realDirs.has(dir))
            this.realDirs.set(dir, realpathOrUndefined(dir));
        const real = this.realDirs.get(dir);
        if (real === undefined)
            return undefined;
        if (!this.contains(real))
            fail(`"${shown}" resolves outside the context through a symlink`);
        return this.itemAt((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(real, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(hostPath)), shown, fail);
    }
    /**
     * The item at `abs`, whose folder is a real path inside the context: one lstat. The walk's
     * calls are synchronous: a few microseconds each, where the promise API's trip through the
     * thread pool made a tree of thousands of files cost tens of microseconds per item.
     */
    itemAt(abs, shown, fail) {
        const st = orIfMissing(() => (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.lstatSync)(abs, { bigint: true }), undefined);
        if (st === undefined)
            return undefined;
        const mode = Number(st.mode & 4095n);
        if (st.isFile()) {
            const { dev, ino, size, mtimeNs, ctimeNs } = st;
            return { abs, kind: 'file', mode, stamp: { dev, ino, size, mtimeNs, ctimeNs } };
        }
        if (st.isDirectory())
            return { abs, kind: 'dir', mode };
        if (st.isSymbolicLink()) {
            return { abs, kind: 'symlink', mode, linkTarget: this.linkTarget(abs, shown, fail) };
        }
        return fail(`"${shown}" is a socket, fifo or device; only files, folders and symlinks can be copied`);
    }
    /** A symlink is kept as a symlink only if it is relative and stays inside the context. */
    linkTarget(abs, shown, fail) {
        const target = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readlinkSync)(abs);
        const refuse = (why) => fail(`symlink "${shown}" -> "${target}" ${why}; only relative links inside the context are kept`);
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.isAbsolute)(target))
            refuse('is absolute');
        if (!this.contains((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(abs), target)))
            refuse('points outside the context');
        // The lexical check misses chains (a link to a link that leaves); the real path does not.
        // A dangling link that stays inside is kept, as `docker build` keeps it.
        let real;
        try {
            real = node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(abs);
        }
        catch (err) {
            const code = err.code;
            if (code !== 'ENOENT')
                refuse(`cannot be resolved (${code ?? String(err)})`);
        }
        if (real !== undefined && !this.contains(real))
            refuse('points outside the context');
        return target;
    }
    /**
     * Every item below a folder, depth first, with its path relative to that folder (`/`
     * separated). Symlinks are never followed. Names are visited in bytewise order so the
     * first error reported is the same on every run. The folder's real path is checked once,
     * after it is read (a folder swapped for a link out of the context is caught), and each
     * item costs one lstat.
     */
    *walk(dir, shownDir, fail) {
        const names = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(dir).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
        const real = realpathOrUndefined(dir);
        if (real === undefined)
            return; // removed while walking: nothing to copy
        if (!this.contains(real))
            fail(`"${shownDir}" resolves outside the context through a symlink`);
        for (const name of names) {
            const shown = shownDir === '.' ? name : `${shownDir}/${name}`;
            const item = this.itemAt((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(real, name), shown, fail);
            if (item === undefined)
                continue; // removed while walking: nothing to copy
            yield [name, item];
            if (item.kind === 'dir') {
                for (const [rel, child] of this.walk(item.abs, shown, fail)) {
                    yield [`${name}/${rel}`, child];
                }
            }
        }
    }
    /**
     * Glob matches relative to the context (folders end in `/`), including symlinks and special
     * files so the caller can keep or refuse them. Matching includes dotfiles, as `docker build`
     * does.
     */
    glob(pattern) {
        return (0,tinyglobby__WEBPACK_IMPORTED_MODULE_4__/* .glob */ .TI)(pattern, {
            cwd: this.root,
            dot: true,
            onlyFiles: false,
            expandDirectories: false,
            followSymbolicLinks: false,
            fs: LIST_LINKS_AS_FILES,
        });
    }
}
/**
 * tinyglobby either follows symlinks (and may crawl out of the context) or drops them from
 * the matches. Neither fits: a matching symlink must be listed so it can be kept or refused,
 * and must not be entered. Its crawler (fdir) decides from the directory entries it reads,
 * so symlinks, sockets, fifos and devices are presented to it as plain files; the caller
 * then looks at each match with lstat.
 */
function readdirListingLinksAsFiles(path, opts, done) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdir)(path, opts, (err, entries) => done(err, entries?.map(asFileEntry)));
}
function asFileEntry(entry) {
    if (entry.isDirectory() || entry.isFile())
        return entry;
    const shown = Object.create(entry);
    shown.isFile = () => true;
    shown.isSymbolicLink = () => false;
    return shown;
}
const LIST_LINKS_AS_FILES = {
    readdir: readdirListingLinksAsFiles,
};
function realpathOrUndefined(p) {
    return orIfMissing(() => node_fs__WEBPACK_IMPORTED_MODULE_0__.realpathSync.native(p), undefined);
}
/** `read()`, or `value` when the path (or a folder on it) does not exist. */
function orIfMissing(read, value) {
    try {
        return read();
    }
    catch (err) {
        const code = err.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return value;
        throw err;
    }
}


/***/ }),

/***/ 93158:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  TU: () => (/* binding */ parseCopyLine),
  iQ: () => (/* binding */ resolveCopyLayers),
  yj: () => (/* binding */ resolveCopySpecs)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: ./node_modules/tinyglobby/dist/index.mjs + 1 modules
var dist = __webpack_require__(73382);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/inputs/parse.ts
var parse = __webpack_require__(67528);
// EXTERNAL MODULE: ./packages/core/src/bake/build-context.ts
var build_context = __webpack_require__(40881);
// EXTERNAL MODULE: ./packages/core/src/bake/layer-entry.ts
var layer_entry = __webpack_require__(78643);
;// CONCATENATED MODULE: ./packages/core/src/bake/layer-tree.ts


const KIND = {
    file: 'a file',
    dir: 'a folder',
    symlink: 'a symlink',
};
/**
 * The entries of one layer as `copy` lines add them: one entry per in-image path (a later
 * line replaces an earlier one, as successive Docker COPYs do), plus the folders that deeper
 * paths imply, so the tar has an explicit entry for every folder.
 */
class LayerTree {
    byPath = new Map();
    add(entry, line) {
        const old = this.byPath.get(entry.path);
        if (old && (old.entry.type === 'dir') !== (entry.type === 'dir')) {
            throw (0,errors/* invalidInput */.aY)('copy', line, `puts ${KIND[entry.type]} at "/${entry.path}" where line "${old.line}" puts ${KIND[old.entry.type]}`);
        }
        this.byPath.set(entry.path, { entry, line });
    }
    /** Sorted entries with implied parent folders; refuses a path below a file or symlink. */
    entries() {
        const implied = new Map();
        for (const { entry, line } of this.byPath.values()) {
            for (const parent of (0,layer_entry/* parentPaths */.LG)(entry.path)) {
                const owner = this.byPath.get(parent);
                if (owner && owner.entry.type !== 'dir') {
                    throw (0,errors/* invalidInput */.aY)('copy', line, `copies "/${entry.path}" into "/${parent}", which line "${owner.line}" makes ${KIND[owner.entry.type]}`);
                }
                if (!owner)
                    implied.set(parent, { path: parent, type: 'dir', mode: layer_entry/* IMPLIED_DIR_MODE */.XM });
            }
        }
        return (0,layer_entry/* sortEntries */.R3)([...[...this.byPath.values()].map((v) => v.entry), ...implied.values()]);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/bake/copy-spec.ts







const EXAMPLE = 'e.g. site/**:/www/ or app.sh:/bin/app.sh';
/**
 * Splits at the first `:/` so a src may hold a colon while the dest stays absolute; a line
 * without `:/` is split at its first `:` only to report what is wrong with it.
 */
function parseCopyLine(line) {
    const fail = (rule) => {
        throw (0,errors/* invalidInput */.aY)('copy', line, rule);
    };
    const at = line.includes(':/') ? line.indexOf(':/') : line.indexOf(':');
    if (at < 0)
        fail(`each line must be src:dest, ${EXAMPLE}`);
    const src = line.slice(0, at).trim();
    const dest = line.slice(at + 1).trim();
    if (src === '' || dest === '')
        fail(`both sides of src:dest must be given, ${EXAMPLE}`);
    if (!dest.startsWith('/'))
        fail(`dest "${dest}" must be an absolute path in the image`);
    if ((0,external_node_path_.isAbsolute)(src))
        fail(`src "${src}" must be relative to the context folder`);
    const normalSrc = external_node_path_.posix.normalize(src).replace(/(.)\/+$/, '$1');
    if (normalSrc === '..' || normalSrc.startsWith('../')) {
        fail(`src "${src}" resolves outside the context (through ..)`);
    }
    const normalDest = external_node_path_.posix.normalize(dest);
    return {
        line,
        src: normalSrc,
        dest: normalDest.replace(/^\/+|\/+$/g, ''),
        intoDir: dest.endsWith('/') || normalDest === '/',
    };
}
/**
 * Resolves `copy` lines against the build context into the entries of one layer: sorted,
 * one per path, with explicit parent folders. Every rule is checked here, before a layer is
 * written. A folder src copies its contents into dest; a glob keeps each match's path below
 * the glob's fixed leading folders (`site/**:/www/` puts `site/css/a.css` at `/www/css/a.css`).
 */
async function resolveCopySpecs(lines, context) {
    return (await resolveCopyLayers([lines], context))[0] ?? [];
}
/**
 * Resolves groups of `copy` lines into one layer each, in order. Every rule is checked across
 * all lines together, as if they made one layer (a later line may replace a file of an earlier
 * one, never turn its folder into a file), so grouping never changes what the image holds.
 */
async function resolveCopyLayers(groups, context) {
    const specGroups = groups.map((lines) => (0,parse/* parseList */.E1)(lines.join('\n')).map(parseCopyLine));
    if (specGroups.every((g) => g.length === 0))
        return specGroups.map(() => []);
    const ctx = await build_context/* BuildContext */.C.open(context);
    const all = new LayerTree();
    const layers = [];
    for (const specs of specGroups) {
        const own = new LayerTree();
        await resolveInto(ctx, specs, { add: (e, line) => (all.add(e, line), own.add(e, line)) });
        layers.push(own.entries());
    }
    all.entries(); // the checks across every line
    return layers;
}
async function resolveInto(ctx, specs, tree) {
    for (const spec of specs) {
        const fail = (rule) => {
            throw (0,errors/* invalidInput */.aY)('copy', spec.line, rule);
        };
        const place = (path, item) => placeItem(ctx, tree, spec.line, fail, path, item);
        const item = ctx.inspect((0,external_node_path_.join)(ctx.root, spec.src), spec.src, fail);
        if (item !== undefined) {
            const into = item.kind !== 'dir' && spec.intoDir;
            const path = into ? (0,layer_entry/* imageJoin */.k0)(spec.dest, external_node_path_.posix.basename(spec.src)) : spec.dest;
            if (path === '' && item.kind !== 'dir')
                fail(`dest "/" needs a file name for "${spec.src}"`);
            place(path, item);
            continue;
        }
        if (!(0,dist/* isDynamicPattern */.ey)(spec.src))
            fail(`src "${spec.src}" does not exist in the context`);
        const matches = await globMatches(ctx, spec.src, fail);
        const base = staticBase(spec.src);
        // `site/**` matches a folder and everything in it; the folder's walk already places the
        // contents at the same paths, so matches below a matched folder are skipped.
        const walked = new Set();
        for (const [match, matched] of matches) {
            if ((0,layer_entry/* parentPaths */.LG)(match).some((p) => walked.has(p)))
                continue;
            if (matched.kind === 'dir')
                walked.add(match);
            if (!spec.intoDir) {
                if (matches.length > 1 || matched.kind === 'dir') {
                    fail(`dest must end with / because src "${spec.src}" matches a folder or several paths`);
                }
                place(spec.dest, matched);
            }
            else {
                const rel = match === base ? '' : base === '' ? match : match.slice(base.length + 1);
                place((0,layer_entry/* imageJoin */.k0)(spec.dest, rel), matched);
            }
        }
    }
}
async function globMatches(ctx, pattern, fail) {
    const found = (await ctx.glob(pattern))
        .map((m) => m.replace(/\/+$/, ''))
        .sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    if (found.length === 0)
        fail(`src "${pattern}" matches nothing in the context`);
    const out = [];
    for (const match of found) {
        const item = ctx.inspect((0,external_node_path_.join)(ctx.root, match), match, fail);
        if (item !== undefined)
            out.push([match, item]);
    }
    return out;
}
/** The leading folders of a glob that hold no pattern: `site/**` -> `site`, `*.sh` -> ``. */
function staticBase(pattern) {
    const parts = pattern.split('/');
    const fixed = [];
    for (const part of parts.slice(0, -1)) {
        if ((0,dist/* isDynamicPattern */.ey)(part))
            break;
        fixed.push(part);
    }
    return fixed.join('/');
}
function placeItem(ctx, tree, line, fail, path, item) {
    if (path !== '')
        tree.add(toEntry(path, item), line);
    if (item.kind !== 'dir')
        return;
    const shown = (0,external_node_path_.relative)(ctx.root, item.abs) || '.';
    for (const [rel, child] of ctx.walk(item.abs, shown, fail)) {
        tree.add(toEntry((0,layer_entry/* imageJoin */.k0)(path, rel), child), line);
    }
}
function toEntry(path, item) {
    const entry = { path, type: item.kind, mode: item.mode };
    if (item.kind === 'file') {
        entry.source = item.abs;
        if (item.stamp)
            entry.stamp = item.stamp;
    }
    if (item.kind === 'symlink')
        entry.linkTarget = item.linkTarget;
    return entry;
}


/***/ }),

/***/ 78643:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   LG: () => (/* binding */ parentPaths),
/* harmony export */   R3: () => (/* binding */ sortEntries),
/* harmony export */   XM: () => (/* binding */ IMPLIED_DIR_MODE),
/* harmony export */   k0: () => (/* binding */ imageJoin)
/* harmony export */ });
/* unused harmony export comparePaths */
/** Directories implied by a deeper path get the usual mode, as `mkdir -p` under umask 022. */
const IMPLIED_DIR_MODE = 0o755;
/**
 * Bytewise order of the UTF-8 paths. `localeCompare` and UTF-16 order differ between
 * environments and for non-ASCII names; the tar must list entries the same way everywhere.
 */
function comparePaths(a, b) {
    return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}
function sortEntries(entries) {
    return entries
        .map((entry) => ({ entry, key: Buffer.from(entry.path, 'utf8') }))
        .sort((x, y) => Buffer.compare(x.key, y.key))
        .map((x) => x.entry);
}
/** Joins in-image paths where `''` is the image root. */
function imageJoin(dir, name) {
    if (dir === '')
        return name;
    if (name === '')
        return dir;
    return `${dir}/${name}`;
}
/** `a/b/c` -> [`a`, `a/b`]. */
function parentPaths(path) {
    const parts = path.split('/');
    return parts.slice(0, -1).map((_, i) => parts.slice(0, i + 1).join('/'));
}


/***/ }),

/***/ 97231:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   QS: () => (/* binding */ parseSourceDateEpoch),
/* harmony export */   pA: () => (/* binding */ sourceDateEpoch),
/* harmony export */   qX: () => (/* binding */ headRevision)
/* harmony export */ });
/* unused harmony export mayBeInGitRepository */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);





const run = (0,node_util__WEBPACK_IMPORTED_MODULE_3__.promisify)(node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile);
const MAX = 2 ** 31 - 1; // tar headers and most tools stop at 2038
function parseSourceDateEpoch(input, raw) {
    const v = raw.trim();
    if (!/^\d+$/.test(v) || Number(v) > MAX) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .invalidInput */ .aY)(input, raw, `must be whole seconds since 1970 (0 to ${MAX})`);
    }
    return Number(v);
}
/**
 * The bake's only clock: the input, else SOURCE_DATE_EPOCH, else the commit time of HEAD.
 * Never the wall clock, so the same commit bakes to the same digest on any day.
 */
async function sourceDateEpoch(raw, cwd, env = process.env) {
    if (raw.trim() !== '')
        return parseSourceDateEpoch('source-date-epoch', raw);
    if (env.SOURCE_DATE_EPOCH)
        return parseSourceDateEpoch('SOURCE_DATE_EPOCH', env.SOURCE_DATE_EPOCH);
    try {
        if (!mayBeInGitRepository(cwd, env))
            throw new Error('no git repository here or above');
        const { stdout } = await run('git', ['log', '-1', '--format=%ct', 'HEAD'], { cwd });
        return parseSourceDateEpoch('source-date-epoch', stdout.trim());
    }
    catch (err) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`Input "source-date-epoch" is empty and the commit time of HEAD could not be read in ${cwd} (${err.message.split('\n')[0]}); check out the repository (actions/checkout) or set source-date-epoch`, { cause: err });
    }
}
/** The commit being baked, for the revision label: GITHUB_SHA on runners, else `git rev-parse`. */
async function headRevision(cwd, env = process.env) {
    if (!mayBeInGitRepository(cwd, env))
        return undefined;
    try {
        return (await run('git', ['rev-parse', 'HEAD'], { cwd })).stdout.trim();
    }
    catch {
        return undefined;
    }
}
/**
 * False only when git could not find a repository from `cwd`: no GIT_DIR and no `.git` in it
 * or any folder above. Starting git costs 10 to 15 ms of this thread (a fork of the whole
 * process), for an answer known without it when a context is baked outside a checkout.
 */
function mayBeInGitRepository(cwd, env = process.env) {
    if (env.GIT_DIR)
        return true;
    for (let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd);; dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir)) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, '.git')))
            return true;
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir) === dir)
            return false;
    }
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
