export const id = 402;
export const ids = [402];
export const modules = {

/***/ 1695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ platformString),
/* harmony export */   m: () => (/* binding */ inspectImage)
/* harmony export */ });
/* harmony import */ var _manifest_tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(5999);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(5586);


const configPlatform = zod__WEBPACK_IMPORTED_MODULE_1__/* .object */ .Ikc({
    architecture: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    os: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_1__/* .string */ .YjP().optional(),
});
function summarise(m, platform) {
    const manifest = m.manifest;
    const size = m.bytes.length + manifest.config.size + manifest.layers.reduce((n, l) => n + l.size, 0);
    const s = {
        digest: m.digest,
        mediaType: m.mediaType,
        layers: manifest.layers,
        config: manifest.config,
        size,
    };
    if (platform)
        s.platform = platform;
    if (manifest.artifactType)
        s.artifactType = manifest.artifactType;
    return s;
}
/**
 * What `kiln inspect` and job summaries show: digest, media type, size, platforms, layers. The
 * images of nested indexes are listed with the others.
 */
async function inspectImage(store, digest) {
    const tree = await (0,_manifest_tree_js__WEBPACK_IMPORTED_MODULE_0__/* .readManifestTree */ .GY)(store, digest);
    const root = tree.root;
    const images = [];
    if (root.kind === 'index') {
        for (const { manifest, platform } of tree.images)
            images.push(summarise(manifest, platform));
    }
    else {
        let platform;
        const config = root.manifest.config;
        if (config.mediaType.includes('config') && config.size < 4 * 1024 * 1024) {
            const parsed = configPlatform.safeParse(JSON.parse((await store.readBlob(config)).toString('utf8')));
            if (parsed.success)
                platform = parsed.data;
        }
        images.push(summarise(root, platform));
    }
    // Every distinct manifest (nested indexes too) and blob, counted once.
    const seen = new Map(tree.manifests.map((m) => [m.digest, m.bytes.length]));
    for (const i of images) {
        for (const b of [i.config, ...i.layers])
            seen.set(b.digest, b.size);
    }
    return {
        digest: root.digest,
        mediaType: root.mediaType,
        size: [...seen.values()].reduce((a, b) => a + b, 0),
        images,
    };
}
function platformString(p) {
    return p ? [p.os, p.architecture, p.variant].filter(Boolean).join('/') : 'unknown';
}


/***/ }),

/***/ 1623:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nq: () => (/* binding */ openLayoutFile),
/* harmony export */   OM: () => (/* binding */ writeLayoutFile),
/* harmony export */   Rh: () => (/* binding */ layoutDirs),
/* harmony export */   vP: () => (/* binding */ layoutEntry),
/* harmony export */   xk: () => (/* binding */ readLayoutFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7638);





/**
 * File access inside an OCI layout folder that never follows a symbolic link: a layout can come
 * from an untrusted checkout, and a link at `blobs/`, `index.json` or a blob would make Kiln read
 * or write outside the folder. The folder itself may be a link (the user named it); nothing
 * inside it may be. Paths are given as parts below the folder, e.g. `['blobs', 'sha256', hex]`.
 *
 * The checks on the way (lstat, mkdir) and the writes of small files are synchronous calls: a
 * bake makes a hundred or more of them, and each promise-API call cost about 70 µs of this
 * thread against a few µs; blobs are still read and written as streams.
 */
// O_NOFOLLOW refuses a link as the last component atomically; O_NONBLOCK keeps a FIFO planted
// in place of a blob from blocking the open forever (it is then refused as not a regular file).
const READ_FLAGS = node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_RDONLY | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NOFOLLOW ?? 0) | (node_fs__WEBPACK_IMPORTED_MODULE_1__.constants.O_NONBLOCK ?? 0);
const linkError = (label, rel) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${label}: ${rel} is a symbolic link; an OCI layout's files and folders must not be links (they could lead outside the layout)`);
const notFileError = (label, rel) => new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${label}: ${rel} is not a regular file`);
function lstatOrUndefined(path) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path, { throwIfNoEntry: false });
}
/**
 * What is at `parts` below `root`, refusing a link anywhere on the way: undefined when the path
 * (or one of its folders) does not exist.
 */
async function layoutEntry(root, parts, label) {
    let stats;
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        stats = lstatOrUndefined((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, ...parts.slice(0, i)));
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink())
            throw linkError(label, rel);
        if (i < parts.length && !stats.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${label}: ${rel} is not a folder`);
    }
    return stats;
}
/** Creates the folders `parts` below `root` (and `root` itself), one level at a time, refusing links. */
async function layoutDirs(root, parts, label) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(root, { recursive: true });
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, ...parts.slice(0, i));
        let stats = lstatOrUndefined(path);
        if (!stats) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(path);
            }
            catch (err) {
                // Another writer made it first: check what it made.
                if (err.code !== 'EEXIST')
                    throw err;
            }
            stats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(path);
        }
        if (stats.isSymbolicLink())
            throw linkError(label, rel);
        if (!stats.isDirectory())
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_4__/* .ConfigurationError */ .j1(`${label}: ${rel} is not a folder`);
    }
    return (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, ...parts);
}
/**
 * Opens a regular file of the layout for reading (a descriptor); links and special files are
 * refused.
 */
async function openForRead(root, parts, label) {
    const rel = parts.join('/');
    await layoutEntry(root, parts.slice(0, -1), label);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(root, ...parts), READ_FLAGS);
    }
    catch (err) {
        if (err.code === 'ELOOP')
            throw linkError(label, rel);
        throw err;
    }
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).isFile())
            throw notFileError(label, rel);
    }
    catch (err) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        throw err;
    }
    return fd;
}
/** The bytes of a regular file of the layout (read whole, as everything read this way is). */
async function readLayoutFile(root, parts, label) {
    const fd = await openForRead(root, parts, label);
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(fd);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
/** A stream of a regular file of the layout. */
async function openLayoutFile(root, parts, label) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createReadStream)('', { fd: await openForRead(root, parts, label) });
}
/**
 * Writes a file of the layout: the bytes go to a new temporary file beside it (created
 * exclusively, so nothing planted at that name is followed) and are renamed into place only
 * when complete. A link at the final name is refused rather than replaced.
 */
async function writeLayoutFile(root, parts, data, label) {
    const dir = await layoutDirs(root, parts.slice(0, -1), label);
    const name = parts[parts.length - 1];
    const existing = lstatOrUndefined((0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name));
    if (existing?.isSymbolicLink())
        throw linkError(label, parts.join('/'));
    const tmp = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, `${name}.${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}.tmp`);
    if (Buffer.isBuffer(data)) {
        try {
            const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(tmp, 'wx', 0o644);
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(fd, data);
            }
            finally {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
            }
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name));
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(tmp, { force: true });
        }
        return;
    }
    try {
        await data((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.createWriteStream)(tmp, { flags: 'wx', mode: 0o644 }));
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rename)(tmp, (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name));
    }
    finally {
        await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(tmp, { force: true });
    }
}


/***/ }),

/***/ 6138:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ OciLayout)
/* harmony export */ });
/* unused harmony export REF_NAME */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3547);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4890);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(2715);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(3847);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(367);
/* harmony import */ var _layout_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(1623);








const REF_NAME = 'org.opencontainers.image.ref.name';
const LAYOUT_FILE = JSON.stringify({ imageLayoutVersion: '1.0.0' });
/**
 * An OCI image layout folder (`oci-layout`, `index.json`, `blobs/sha256/`) as an image store.
 * Every file is read and written through layout-files.ts, which refuses symbolic links inside
 * the folder: a layout from an untrusted checkout cannot lead Kiln outside it.
 */
class OciLayout {
    dir;
    label;
    constructor(dir) {
        this.dir = dir;
        this.label = `oci-layout:${dir}`;
    }
    blobPath(digest) {
        return (0,node_path__WEBPACK_IMPORTED_MODULE_0__.join)(this.dir, ...this.blobParts(digest));
    }
    /** The blob's path below the layout; a malformed digest could name a path outside it. */
    blobParts(digest) {
        const problem = (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestProblem */ .WQ)(digest);
        if (problem)
            throw new Error(`${this.label}: digest ${JSON.stringify(digest)} ${problem}`);
        return ['blobs', digest.slice(0, digest.indexOf(':')), (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestHex */ .sU)(digest)];
    }
    async init() {
        await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutDirs */ .Rh)(this.dir, ['blobs', 'sha256'], this.label);
        if (!(await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutEntry */ .vP)(this.dir, ['oci-layout'], this.label)))
            await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeLayoutFile */ .OM)(this.dir, ['oci-layout'], Buffer.from(LAYOUT_FILE), this.label);
        if (!(await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutEntry */ .vP)(this.dir, ['index.json'], this.label))) {
            await this.writeIndex({ schemaVersion: 2, mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_4__/* .MediaType */ .zu.OciIndex, manifests: [] });
        }
    }
    /** Whether the folder holds `oci-layout` and `index.json` (a link at either is refused). */
    async exists() {
        return Boolean((await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutEntry */ .vP)(this.dir, ['oci-layout'], this.label)) &&
            (await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutEntry */ .vP)(this.dir, ['index.json'], this.label)));
    }
    async readIndex() {
        if (!(await this.exists()))
            throw new Error(`${this.label} is not an OCI image layout (no oci-layout or index.json)`);
        const bytes = await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .readLayoutFile */ .xk)(this.dir, ['index.json'], this.label);
        const json = JSON.parse(bytes.toString('utf8'));
        const r = _manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .indexSchema */ .me.safeParse(json);
        if (!r.success)
            throw new Error(`${this.label}/index.json is not a valid image index`);
        return r.data;
    }
    async writeIndex(index) {
        await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeLayoutFile */ .OM)(this.dir, ['index.json'], Buffer.from(JSON.stringify(index)), this.label);
    }
    /** Whether the blob file is there; a link in its place is refused, not counted as absent. */
    async blobStored(digest) {
        const stats = await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .layoutEntry */ .vP)(this.dir, this.blobParts(digest), this.label);
        return stats?.isFile() ? { size: stats.size } : undefined;
    }
    async hasBlob(desc) {
        return (await this.blobStored(desc.digest))?.size === desc.size;
    }
    async openBlob(desc) {
        if (!(await this.blobStored(desc.digest)))
            throw new Error(`${this.label}: blob ${desc.digest} is missing`);
        const file = await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .openLayoutFile */ .Nq)(this.dir, this.blobParts(desc.digest), this.label);
        return file.pipe(new _verify_js__WEBPACK_IMPORTED_MODULE_6__/* .VerifyStream */ ._(desc, `${this.label} blob`));
    }
    async readBlob(desc) {
        const bytes = await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .readLayoutFile */ .xk)(this.dir, this.blobParts(desc.digest), this.label);
        return (0,_verify_js__WEBPACK_IMPORTED_MODULE_6__/* .verifyBuffer */ .W)(bytes, desc, `${this.label} blob`);
    }
    /** Verified while written to a temporary file, renamed into place only when complete. */
    async putBlob(desc, open) {
        if (await this.hasBlob(desc))
            return 0;
        await this.init();
        await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeLayoutFile */ .OM)(this.dir, this.blobParts(desc.digest), async (sink) => (0,node_stream_promises__WEBPACK_IMPORTED_MODULE_1__.pipeline)(await open(), new _verify_js__WEBPACK_IMPORTED_MODULE_6__/* .VerifyStream */ ._(desc, `${this.label} blob`), sink), this.label);
        return desc.size;
    }
    async putBuffer(data, mediaType) {
        const raw = { mediaType, digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256 */ .sc)(data), size: data.length };
        await this.init();
        if (!(await this.hasBlob(raw)))
            await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeLayoutFile */ .OM)(this.dir, this.blobParts(raw.digest), data, this.label);
        return raw;
    }
    async getManifest(reference) {
        const digest = await this.resolve(reference);
        if (!digest)
            throw new Error(`${this.label} has no manifest ${reference}`);
        const bytes = await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .readLayoutFile */ .xk)(this.dir, this.blobParts(digest), this.label);
        const parsed = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .parseManifest */ .Ng)(bytes, undefined, `${this.label}@${digest}`);
        if (parsed.digest !== digest)
            throw new Error(`${this.label}: manifest blob ${digest} is corrupt`);
        return parsed;
    }
    async resolve(reference) {
        if (!(await this.exists()))
            return undefined;
        const index = await this.readIndex();
        if (reference.includes(':')) {
            if ((0,_digest_js__WEBPACK_IMPORTED_MODULE_2__/* .digestProblem */ .WQ)(reference))
                return undefined;
            return (await this.blobStored(reference)) ? reference : undefined;
        }
        const byName = index.manifests.filter((m) => m.annotations?.[REF_NAME] === reference);
        if (byName.length)
            return byName[byName.length - 1]?.digest;
        return undefined;
    }
    /** The manifest a layout holds when no reference is given: its only (or only untagged) entry. */
    async defaultManifest() {
        const index = await this.readIndex();
        if (index.manifests.length === 1)
            return index.manifests[0].digest;
        throw new Error(`${this.label} holds ${index.manifests.length} manifests; name one with oci-layout:DIR@sha256:… or oci-layout:DIR:TAG`);
    }
    async putManifest(raw, opts = {}) {
        await this.init();
        if (!(await this.blobStored(raw.digest)))
            await (0,_layout_files_js__WEBPACK_IMPORTED_MODULE_7__/* .writeLayoutFile */ .OM)(this.dir, this.blobParts(raw.digest), raw.bytes, this.label);
        if (!opts.root && !opts.tag)
            return;
        const index = await this.readIndex();
        const desc = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_3__/* .descriptorOf */ .nb)(raw, opts.tag ? { annotations: { [REF_NAME]: opts.tag } } : {});
        const kept = index.manifests.filter((m) => opts.tag
            ? m.annotations?.[REF_NAME] !== opts.tag
            : !(m.digest === raw.digest && !m.annotations?.[REF_NAME]));
        await this.writeIndex({ ...index, manifests: [...kept, desc] });
    }
    /** Referrers of `subject`, from the same `sha256-<hex>` fallback index a registry keeps. */
    listReferrers(subject, artifactType) {
        return (0,_referrers_js__WEBPACK_IMPORTED_MODULE_5__/* .listFallbackReferrers */ .x0)(this, subject, artifactType);
    }
    /**
     * Writes an artifact as a root manifest of index.json (tools that walk the layout see it) and
     * lists it in its subject's fallback index, exactly as in a registry without the referrers API.
     */
    async pushArtifact(artifact) {
        const { descriptor } = await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_5__/* .writeArtifact */ .w6)(this, artifact, { root: true });
        if (artifact.subject)
            await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_5__/* .addFallbackReferrer */ .de)(this, artifact.subject.digest, descriptor);
        return descriptor;
    }
    indexReferrer(subject, referrer) {
        return (0,_referrers_js__WEBPACK_IMPORTED_MODULE_5__/* .addFallbackReferrer */ .de)(this, subject, referrer);
    }
}


/***/ }),

/***/ 5999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ readManifestTree),
/* harmony export */   yM: () => (/* binding */ MAX_INDEX_DEPTH),
/* harmony export */   zE: () => (/* binding */ MAX_TREE_MANIFESTS)
/* harmony export */ });
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4890);

/** Deepest nesting of indexes followed: the root index is level 1, an index it lists level 2. */
const MAX_INDEX_DEPTH = 8;
/** Most distinct manifests one image may hold: bounds what a hostile index can make us fetch. */
const MAX_TREE_MANIFESTS = 1024;
/**
 * Reads `digest` and, for an index, every manifest below it, however deep (nested indexes
 * included), up to the limits. Each child must be what its index entry says (type, size,
 * digest), so a copy or an inspection sees the same tree every reader sees.
 */
async function readManifestTree(store, digest, limits = {}) {
    const maxDepth = limits.maxDepth ?? MAX_INDEX_DEPTH;
    const maxManifests = limits.maxManifests ?? MAX_TREE_MANIFESTS;
    const manifests = [];
    const images = [];
    const done = new Map();
    const open = new Set();
    const visit = async (m, level, platform) => {
        const where = `${store.label}@${m.digest}`;
        if (m.kind === 'image') {
            images.push(platform ? { manifest: m, platform } : { manifest: m });
        }
        else {
            if (level > maxDepth)
                throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(where, `indexes nested deeper than ${maxDepth} levels (refused)`);
            open.add(m.digest);
            for (const listed of m.index.manifests) {
                (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListedType */ .M_)(where, listed);
                // Content addressing makes a cycle impossible unless the store lies about digests.
                if (open.has(listed.digest))
                    throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(where, `lists ${listed.digest}, which lists it back (refused)`);
                const seen = done.get(listed.digest);
                if (seen) {
                    (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListed */ .Kr)(where, listed, seen);
                    continue;
                }
                if (done.size + open.size >= maxManifests)
                    throw new _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh(`${store.label}@${digest}`, `holds more than ${maxManifests} manifests (refused)`);
                const child = await store.getManifest(listed.digest);
                (0,_manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .checkListed */ .Kr)(where, listed, child);
                await visit(child, level + 1, listed.platform);
            }
            open.delete(m.digest);
        }
        done.set(m.digest, m);
        manifests.push(m);
    };
    const root = await store.getManifest(digest);
    await visit(root, 1);
    return { root, manifests, images };
}


/***/ }),

/***/ 4890:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Gb: () => (/* binding */ encodeManifest),
/* harmony export */   Kr: () => (/* binding */ checkListed),
/* harmony export */   M_: () => (/* binding */ checkListedType),
/* harmony export */   Ng: () => (/* binding */ parseManifest),
/* harmony export */   OR: () => (/* binding */ blobsOf),
/* harmony export */   Sh: () => (/* binding */ ManifestError),
/* harmony export */   TM: () => (/* binding */ descriptorSchema),
/* harmony export */   gT: () => (/* binding */ imageManifestSchema),
/* harmony export */   me: () => (/* binding */ indexSchema),
/* harmony export */   nb: () => (/* binding */ descriptorOf),
/* harmony export */   vd: () => (/* binding */ platformSchema)
/* harmony export */ });
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5586);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7428);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(7638);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2715);




/** Registry JSON is validated once here; the rest of core trusts these types. */
const digestSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()
    .refine((d) => (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .digestProblem */ .WQ)(d) === undefined, { message: 'invalid digest' })
    .transform((d) => d);
const platformSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    architecture: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    os: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    variant: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    'os.version': zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    'os.features': zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
});
const descriptorSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    mediaType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(),
    digest: digestSchema,
    size: zod__WEBPACK_IMPORTED_MODULE_2__/* .number */ .aig().int().nonnegative(),
    urls: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
    annotations: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
    platform: platformSchema.optional(),
    artifactType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    data: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
});
const imageManifestSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(2),
    mediaType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    artifactType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    config: descriptorSchema,
    layers: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(descriptorSchema),
    subject: descriptorSchema.optional(),
    annotations: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
});
const indexSchema = zod__WEBPACK_IMPORTED_MODULE_2__/* .object */ .Ikc({
    schemaVersion: zod__WEBPACK_IMPORTED_MODULE_2__/* .literal */ .euz(2),
    mediaType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    artifactType: zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP().optional(),
    manifests: zod__WEBPACK_IMPORTED_MODULE_2__/* .array */ .YOg(descriptorSchema),
    subject: descriptorSchema.optional(),
    annotations: zod__WEBPACK_IMPORTED_MODULE_2__/* .record */ .g1P(zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP(), zod__WEBPACK_IMPORTED_MODULE_2__/* .string */ .YjP()).optional(),
});
/**
 * A manifest Kiln refuses: not JSON, not an object, ambiguous, of an unknown type, or not
 * matching its schema. Operational (exit 2) and never retried: asking again returns the same
 * bytes. The message starts with the reference it came from.
 */
class ManifestError extends Error {
    reference;
    name = 'ManifestError';
    constructor(reference, problem) {
        super(`${reference}: ${problem}`);
        this.reference = reference;
    }
}
/** Longest piece of registry-supplied text quoted in an error. */
const QUOTED_MAX = 120;
/** Quotes untrusted text for an error: JSON escapes keep it on one line, length is bounded. */
function quoted(value) {
    const cut = value.length > QUOTED_MAX ? `${value.slice(0, QUOTED_MAX)}…` : value;
    return JSON.stringify(cut);
}
function jsonKind(value) {
    if (value === null)
        return 'null';
    if (Array.isArray(value))
        return 'an array';
    return `a ${typeof value}`;
}
/** `application/vnd.oci.image.index.v1+json; charset=utf-8` → the bare, lower-case type. */
function bareContentType(contentType) {
    const bare = contentType?.split(';')[0]?.trim().toLowerCase();
    return bare ? bare : undefined;
}
const KIND_NAME = { image: 'an image manifest', index: 'an image index' };
/**
 * Parses manifest bytes from a registry (with its Content-Type) or a layout (without), and
 * refuses anything two readers could understand differently (the CVE-2021-41190 class): a body
 * with both `manifests` and `layers`/`config`, a `mediaType` that disagrees with the body's shape
 * or with the Content-Type, and media types Kiln does not know. `where` names the reference.
 */
function parseManifest(bytes, contentType, where = 'manifest') {
    const refuse = (problem) => new ManifestError(where, problem);
    let json;
    try {
        json = JSON.parse(bytes.toString('utf8'));
    }
    catch (err) {
        // The parser's message quotes the input: keep it on one line and short (log.ts escapes).
        const detail = (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .errorMessage */ .gJ)(err).replace(/\s+/g, ' ');
        throw refuse(`manifest is not valid JSON (${detail.slice(0, QUOTED_MAX)}; refused)`);
    }
    if (typeof json !== 'object' || json === null || Array.isArray(json)) {
        throw refuse(`manifest is not a JSON object (got ${jsonKind(json)}; refused)`);
    }
    const body = json;
    const isIndexShape = 'manifests' in body;
    for (const key of ['layers', 'config']) {
        if (isIndexShape && key in body)
            throw refuse(`manifest has both "${key}" and "manifests" (ambiguous; refused)`);
    }
    const declared = body.mediaType;
    if (declared !== undefined && typeof declared !== 'string')
        throw refuse(`manifest "mediaType" is ${jsonKind(declared)}, not a string (refused)`);
    if (declared !== undefined && !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestKind */ .QS)(declared))
        throw refuse(`manifest has unknown media type ${quoted(declared)} (refused)`);
    const served = bareContentType(contentType);
    const servedClear = served !== undefined && !_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .GENERIC_CONTENT_TYPES */ .gC.includes(served);
    if (servedClear && !(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestKind */ .QS)(served))
        throw refuse(`manifest was served with unknown Content-Type ${quoted(served)} (refused)`);
    if (servedClear && declared !== undefined && declared !== served) {
        throw refuse(`manifest declares media type ${quoted(declared)} but was served as ${quoted(served)} (ambiguous; refused)`);
    }
    const shape = isIndexShape ? 'index' : 'layers' in body || 'config' in body ? 'image' : undefined;
    if (!shape)
        throw refuse('manifest has neither "manifests" nor "config" and "layers" (refused)');
    // No clear type from the body or the response: the shape decides, as for an OCI layout.
    const mediaType = declared ??
        (servedClear ? served : shape === 'index' ? _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciIndex : _media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .MediaType */ .zu.OciManifest);
    const kind = (0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestKind */ .QS)(mediaType);
    if (kind !== shape) {
        const said = declared !== undefined ? 'declares media type' : 'was served as';
        throw refuse(`manifest ${said} ${quoted(mediaType)} but its body is ${KIND_NAME[shape]} (ambiguous; refused)`);
    }
    const digest = (0,_digest_js__WEBPACK_IMPORTED_MODULE_0__/* .sha256 */ .sc)(bytes);
    if (shape === 'index') {
        const r = indexSchema.safeParse(json);
        if (!r.success)
            throw refuse(`manifest is not a valid image index: ${zod__WEBPACK_IMPORTED_MODULE_4__/* .prettifyError */ .S1(r.error)}`);
        return { kind: 'index', index: r.data, bytes, digest, mediaType };
    }
    const r = imageManifestSchema.safeParse(json);
    if (!r.success)
        throw refuse(`manifest is not a valid image manifest: ${zod__WEBPACK_IMPORTED_MODULE_4__/* .prettifyError */ .S1(r.error)}`);
    return { kind: 'image', manifest: r.data, bytes, digest, mediaType };
}
/**
 * Refuses an index entry whose manifest is not what the entry says: a child read as another
 * type than its descriptor names is one document with two meanings (the CVE-2021-41190 class
 * again, one level down). `parent` names the index that lists it.
 */
function checkListed(parent, listed, child) {
    const problem = child.mediaType !== listed.mediaType
        ? `lists ${listed.digest} as ${quoted(listed.mediaType)} but it is ${quoted(child.mediaType)} (ambiguous; refused)`
        : child.bytes.length !== listed.size
            ? `lists ${listed.digest} with size ${listed.size} but it is ${child.bytes.length} bytes (refused)`
            : child.digest !== listed.digest
                ? `lists ${listed.digest} but the store returned ${child.digest} (refused)`
                : undefined;
    if (problem)
        throw new ManifestError(parent, problem);
}
/** Refuses an index entry of a media type Kiln does not know, before anything is fetched. */
function checkListedType(parent, listed) {
    if (!(0,_media_types_js__WEBPACK_IMPORTED_MODULE_1__/* .manifestKind */ .QS)(listed.mediaType)) {
        throw new ManifestError(parent, `lists ${listed.digest} with unknown media type ${quoted(listed.mediaType)} (refused)`);
    }
}
/** Serialise a manifest we create. Our own JSON is canonical enough: we keep the bytes after. */
function encodeManifest(value) {
    return Buffer.from(JSON.stringify(value));
}
function descriptorOf(raw, extra = {}) {
    return { mediaType: raw.mediaType, digest: raw.digest, size: raw.bytes.length, ...extra };
}
/** Blobs an image manifest references, config first. */
function blobsOf(m) {
    return [m.config, ...m.layers];
}


/***/ }),

/***/ 2715:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $U: () => (/* binding */ isIndexType),
/* harmony export */   JO: () => (/* binding */ EMPTY_JSON),
/* harmony export */   ML: () => (/* binding */ IMAGE_MANIFEST_TYPES),
/* harmony export */   QS: () => (/* binding */ manifestKind),
/* harmony export */   V: () => (/* binding */ INDEX_TYPES),
/* harmony export */   _P: () => (/* binding */ MANIFEST_TYPES),
/* harmony export */   gC: () => (/* binding */ GENERIC_CONTENT_TYPES),
/* harmony export */   zu: () => (/* binding */ MediaType)
/* harmony export */ });
const MediaType = {
    OciManifest: 'application/vnd.oci.image.manifest.v1+json',
    OciIndex: 'application/vnd.oci.image.index.v1+json',
    OciConfig: 'application/vnd.oci.image.config.v1+json',
    OciLayerGzip: 'application/vnd.oci.image.layer.v1.tar+gzip',
    OciLayer: 'application/vnd.oci.image.layer.v1.tar',
    OciEmpty: 'application/vnd.oci.empty.v1+json',
    DockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
    DockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
    DockerConfig: 'application/vnd.docker.container.image.v1+json',
    DockerLayerGzip: 'application/vnd.docker.image.rootfs.diff.tar.gzip',
};
const MANIFEST_TYPES = [
    MediaType.OciManifest,
    MediaType.OciIndex,
    MediaType.DockerManifest,
    MediaType.DockerManifestList,
];
const INDEX_TYPES = [MediaType.OciIndex, MediaType.DockerManifestList];
/** Image manifest types (a config and layers), as opposed to index types. */
const IMAGE_MANIFEST_TYPES = [
    MediaType.OciManifest,
    MediaType.DockerManifest,
];
/** Whether a media type names an image index or a Docker manifest list. */
function isIndexType(mediaType) {
    return INDEX_TYPES.includes(mediaType);
}
/** What a manifest media type describes; undefined for a type Kiln does not know (refused). */
function manifestKind(mediaType) {
    if (INDEX_TYPES.includes(mediaType))
        return 'index';
    if (IMAGE_MANIFEST_TYPES.includes(mediaType))
        return 'image';
    return undefined;
}
/**
 * Content-Types some registries and proxies send for any JSON: they say nothing about the
 * manifest, so the body alone decides (as containers/image treats them).
 */
const GENERIC_CONTENT_TYPES = [
    'application/json',
    'text/plain',
    'application/octet-stream',
];
/** The OCI empty descriptor's blob: the two bytes `{}`. */
const EMPTY_JSON = Buffer.from('{}');


/***/ }),

/***/ 2119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore),
/* harmony export */   K: () => (/* binding */ resolveLocation)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7638);
/* harmony import */ var _layout_oci_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6138);
/* harmony import */ var _location_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(9768);



// Apart from location.ts, so parsing a location (every action's input check) loads no store.
/** The store a location names: an OCI layout folder or a registry repository. */
function openStore(loc, registries) {
    return loc.kind === 'layout'
        ? new _layout_oci_layout_js__WEBPACK_IMPORTED_MODULE_0__/* .OciLayout */ .A(loc.dir)
        : registries.repository(loc.ref.registry, loc.ref.repository);
}
/** The digest a location names, resolving tags (and a layout's single entry). */
async function resolveLocation(loc, store) {
    if (loc.kind === 'layout' && loc.digest)
        return loc.digest;
    if (loc.kind === 'registry' && loc.ref.digest)
        return loc.ref.digest;
    if (loc.kind === 'layout' && !loc.reference)
        return store.defaultManifest();
    const reference = loc.reference ?? 'latest';
    const digest = await store.resolve(reference);
    if (!digest)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigurationError */ .j1(`${(0,_location_js__WEBPACK_IMPORTED_MODULE_1__/* .formatLocation */ .j$)(loc)}: ${reference} not found in ${store.label}`);
    return digest;
}


/***/ }),

/***/ 3847:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CA: () => (/* binding */ FALLBACK_SETTLE_MS),
/* harmony export */   GT: () => (/* binding */ VALIDATION_RESULT_ANNOTATION),
/* harmony export */   Kd: () => (/* binding */ FALLBACK_ATTEMPTS),
/* harmony export */   LR: () => (/* binding */ buildArtifact),
/* harmony export */   PP: () => (/* binding */ KilnArtifactType),
/* harmony export */   Xi: () => (/* binding */ pushArtifact),
/* harmony export */   de: () => (/* binding */ addFallbackReferrer),
/* harmony export */   fH: () => (/* binding */ fallbackTag),
/* harmony export */   fu: () => (/* binding */ settleWait),
/* harmony export */   v5: () => (/* binding */ ReferrersConflictError),
/* harmony export */   vT: () => (/* binding */ readFallbackIndex),
/* harmony export */   w6: () => (/* binding */ writeArtifact),
/* harmony export */   x0: () => (/* binding */ listFallbackReferrers),
/* harmony export */   xt: () => (/* binding */ listReferrers)
/* harmony export */ });
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(9468);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3547);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(4890);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(2715);





/** Artifact types Kiln writes; readers outside validate/ and ledger/ match on these. */
const KilnArtifactType = {
    /** validate-image's report; its subject is the validated image. */
    Validation: 'application/vnd.kiln.validation.v1+json',
    /** One ledger entry; its subject is the image the entry is about. */
    LedgerEntry: 'application/vnd.kiln.ledger.entry.v1+json',
};
/** Annotation on validation evidence: `pass` or `fail`, so a listing answers without a read. */
const VALIDATION_RESULT_ANNOTATION = 'dev.kiln.validation.result';
/** Tag-schema fallback (OCI distribution spec 1.1): `sha256-<hex>` holds an index of referrers. */
function fallbackTag(digest) {
    return digest.replace(':', '-');
}
/** Rounds of re-read-and-merge before a fallback-index update gives up loudly. */
const FALLBACK_ATTEMPTS = 8;
/**
 * How long a writer waits after its write before re-reading the fallback index, at least. A
 * registry has no conditional write: another writer that read the index before our write can
 * still write after it, and only a re-read after that moment sees our descriptor gone. The wait
 * also grows with twice our own read-to-write time, since a loaded registry slows every writer.
 */
const FALLBACK_SETTLE_MS = 50;
/** The wait before a re-read: the floor plus twice the span measured, with jitter up to as much. */
function settleWait(floorMs, spanMs) {
    const base = floorMs + 2 * spanMs;
    // Jitter keeps writers that collided from colliding again in lockstep.
    return Math.round(base + Math.random() * base);
}
/** The fallback index could not be made to hold a descriptor: other writers kept replacing it. */
class ReferrersConflictError extends Error {
    data;
    name = 'ReferrersConflictError';
    constructor(message, data) {
        super(message);
        this.data = data;
    }
}
const emptyIndex = () => ({
    schemaVersion: 2,
    mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciIndex,
    manifests: [],
});
/** The fallback index of `subject`, empty when the tag is absent (or holds no index). */
async function readFallbackIndex(store, subject) {
    const tag = fallbackTag(subject);
    for (let attempt = 1;; attempt++) {
        try {
            const m = await store.getManifest(tag);
            return m.kind === 'index' ? m.index : emptyIndex();
        }
        catch (err) {
            // Absent reads differ by store (404, "no manifest"): ask the store whether the tag exists.
            // It may exist now because another writer created it since: read once more.
            if ((await store.resolve(tag)) === undefined)
                return emptyIndex();
            if (attempt >= 2)
                throw err;
        }
    }
}
/** Referrers listed in the fallback index, optionally filtered by artifactType. */
async function listFallbackReferrers(store, subject, artifactType) {
    const { manifests } = await readFallbackIndex(store, subject);
    return artifactType ? manifests.filter((d) => d.artifactType === artifactType) : manifests;
}
/** Builds an OCI artifact manifest (empty config, artifactType) without pushing it. */
function buildArtifact(a) {
    const config = {
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciEmpty,
        digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(_media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_JSON */ .JO),
        size: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_JSON */ .JO.length,
    };
    const layers = a.layers.map((l) => ({
        desc: {
            mediaType: l.mediaType,
            digest: (0,_digest_js__WEBPACK_IMPORTED_MODULE_1__/* .sha256 */ .sc)(l.data),
            size: l.data.length,
            ...(l.annotations ? { annotations: l.annotations } : {}),
        },
        data: l.data,
    }));
    const bytes = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeManifest */ .Gb)({
        schemaVersion: 2,
        mediaType: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .MediaType */ .zu.OciManifest,
        artifactType: a.artifactType,
        config,
        layers: layers.map((l) => l.desc),
        ...(a.subject
            ? {
                subject: {
                    mediaType: a.subject.mediaType,
                    digest: a.subject.digest,
                    size: a.subject.size,
                },
            }
            : {}),
        ...(a.annotations ? { annotations: a.annotations } : {}),
    });
    const manifest = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)(bytes);
    const descriptor = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .descriptorOf */ .nb)(manifest, {
        artifactType: a.artifactType,
        ...(a.annotations ? { annotations: a.annotations } : {}),
    });
    return { manifest, blobs: [{ desc: config, data: _media_types_js__WEBPACK_IMPORTED_MODULE_3__/* .EMPTY_JSON */ .JO }, ...layers], descriptor };
}
/** Writes an artifact's blobs (those missing) and then its manifest by digest, nothing else. */
async function writeArtifact(store, a, opts = {}) {
    const { manifest, blobs, descriptor } = buildArtifact(a);
    for (const b of blobs) {
        if (!(await store.hasBlob(b.desc)))
            await store.putBlob(b.desc, async () => node_stream__WEBPACK_IMPORTED_MODULE_0__.Readable.from([b.data]));
    }
    await store.putManifest(manifest, opts.root ? { root: true } : {});
    return { manifest, descriptor };
}
const lists = (index, d) => index.manifests.some((m) => m.digest === d);
/**
 * Adds `referrer` to the fallback index of `subject`: read, merge, write, then re-read after a
 * settle window and merge again while another writer's index replaced ours. Every writer merges
 * what it read, so a referrer written by anyone stays listed; one that cannot be kept listed
 * after `attempts` rounds fails loudly instead of being dropped.
 */
async function addFallbackReferrer(store, subject, referrer, opts = {}) {
    const attempts = opts.attempts ?? FALLBACK_ATTEMPTS;
    const settleMs = opts.settleMs ?? FALLBACK_SETTLE_MS;
    const wait = opts.sleep ?? _util_retry_js__WEBPACK_IMPORTED_MODULE_4__/* .sleep */ .yy;
    const tag = fallbackTag(subject);
    let started = Date.now();
    let index = await readFallbackIndex(store, subject);
    if (lists(index, referrer.digest))
        return;
    for (let round = 1; round <= attempts; round++) {
        const next = (0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .parseManifest */ .Ng)((0,_manifest_js__WEBPACK_IMPORTED_MODULE_2__/* .encodeManifest */ .Gb)({ ...index, manifests: [...index.manifests, referrer] }));
        await store.putManifest(next, { tag });
        await wait(settleWait(settleMs, Date.now() - started));
        started = Date.now();
        index = await readFallbackIndex(store, subject);
        if (lists(index, referrer.digest))
            return;
    }
    throw new ReferrersConflictError(`${store.label}: referrer ${referrer.digest} of ${subject} was replaced in the fallback index ${tag} by other writers ${attempts} times; it is pushed but not listed`, { store: store.label, subject, referrer: referrer.digest, attempts });
}
/** Lists referrers of `subject` in any artifact store (the store's capability). */
function listReferrers(store, subject, artifactType) {
    return store.listReferrers(subject, artifactType);
}
/** Pushes an artifact next to its subject in any artifact store (the store's capability). */
function pushArtifact(store, a) {
    return store.pushArtifact(a);
}


/***/ }),

/***/ 5020:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   N9: () => (/* binding */ ConnectionLostError),
/* harmony export */   Vs: () => (/* binding */ retryAfterMs),
/* harmony export */   _V: () => (/* binding */ formatMs),
/* harmony export */   aG: () => (/* binding */ TransferError),
/* harmony export */   by: () => (/* binding */ ResponseTooLargeError),
/* harmony export */   gl: () => (/* binding */ RegistryError),
/* harmony export */   h: () => (/* binding */ DigestMismatchError),
/* harmony export */   vs: () => (/* binding */ RegistryRequestError),
/* harmony export */   yD: () => (/* binding */ retryVerdict),
/* harmony export */   yu: () => (/* binding */ InsecureRealmError)
/* harmony export */ });
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4890);

/** `0.5 s`, `30 s`, `2.5 min`: durations in messages. */
function formatMs(ms) {
    return ms < 60_000 ? `${+(ms / 1000).toFixed(1)} s` : `${+(ms / 60_000).toFixed(1)} min`;
}
/**
 * A registry request that failed. Names the request (method, origin and path, never the query);
 * once the transport gives up it also says what Kiln was doing, the attempts and the time spent.
 */
class RegistryRequestError extends Error {
    method;
    url;
    activity;
    attempts;
    elapsedMs;
    summary;
    constructor(method, url, summary, options) {
        super(summary, options);
        this.method = method;
        this.url = url;
        this.summary = summary;
    }
    /** Records the give-up once: the outermost retry layer is the one that knows the attempts. */
    annotate(g) {
        if (this.attempts !== undefined)
            return this;
        this.activity ??= g.activity;
        this.attempts = g.attempts;
        this.elapsedMs = g.elapsedMs;
        const tries = `${g.attempts} attempt${g.attempts === 1 ? '' : 's'} in ${formatMs(g.elapsedMs)}`;
        this.message = `${this.summary} (${this.activity ? `while ${this.activity}; ` : ''}${tries})`;
        return this;
    }
}
/** A registry answered with an unexpected status. Shows the request and the registry's error codes. */
class RegistryError extends RegistryRequestError {
    status;
    codes;
    retryAfterMs;
    name = 'RegistryError';
    constructor(method, url, status, codes, detail, retryAfterMs) {
        super(method, url, `${method} ${url} failed: ${status}${codes.length ? ' ' + codes.join(', ') : ''}${detail ? ': ' + detail : ''}`);
        this.status = status;
        this.codes = codes;
        this.retryAfterMs = retryAfterMs;
    }
}
/** A request that failed without a status from the registry; see TransferFailure. */
class TransferError extends RegistryRequestError {
    kind;
    name = 'TransferError';
    /** the cause's code for network failures, so the retry policy can judge them */
    code;
    constructor(method, url, kind, detail, options) {
        super(method, url, `${method} ${url} failed: ${detail}`, options);
        this.kind = kind;
        this.code =
            kind === 'network' ? options?.cause?.code : undefined;
    }
}
/** A response body passed its size limit; says what was being read. Never retried. */
class ResponseTooLargeError extends Error {
    what;
    limit;
    name = 'ResponseTooLargeError';
    constructor(what, limit, activity) {
        super(`${what} is larger than the ${limit} byte limit${activity ? ` (while ${activity})` : ''}`);
        this.what = what;
        this.limit = limit;
    }
}
/** An https registry named a token realm over plain http; nothing is sent there. */
class InsecureRealmError extends Error {
    name = 'InsecureRealmError';
}
/** Content did not match its digest: corruption in transit or a lying registry. */
class DigestMismatchError extends Error {
    name = 'DigestMismatchError';
}
/** The connection dropped mid-body: worth another try. */
class ConnectionLostError extends Error {
    name = 'ConnectionLostError';
    code = 'ECONNRESET';
}
const RETRY_STATUS = new Set([408, 429, 500, 502, 503, 504]);
const RETRY_CODES = new Set([
    'ECONNRESET',
    'ECONNREFUSED',
    'EPIPE',
    'ETIMEDOUT',
    'EAI_AGAIN',
    'ERR_STREAM_PREMATURE_CLOSE',
    'UND_ERR_SOCKET',
]);
/** Parses Retry-After (seconds or HTTP date) into milliseconds. */
function retryAfterMs(value, now = Date.now()) {
    if (!value)
        return undefined;
    if (/^\d+$/.test(value.trim()))
        return Number(value.trim()) * 1000;
    const at = Date.parse(value);
    return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
/** Retry policy for registry calls: false = give up, number = wait that long, true = backoff. */
function retryVerdict(err) {
    if (err instanceof TransferError) {
        if (err.kind === 'deadline')
            return false;
        if (err.kind === 'network')
            return retryVerdict(err.cause);
        return true;
    }
    if (err instanceof ResponseTooLargeError)
        return false;
    if (err instanceof RegistryError) {
        if (!RETRY_STATUS.has(err.status))
            return false;
        return err.retryAfterMs ?? true;
    }
    if (err instanceof DigestMismatchError)
        return true;
    // A refused manifest is refused again: its text must not match the patterns below.
    if (err instanceof _manifest_js__WEBPACK_IMPORTED_MODULE_0__/* .ManifestError */ .Sh)
        return false;
    const e = err;
    if (e.code && RETRY_CODES.has(e.code))
        return true;
    return /socket hang up|aborted|premature close|ended before|timed out/i.test(e.message ?? '');
}


/***/ }),

/***/ 5850:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   A: () => (/* binding */ isArtifactStore),
/* harmony export */   y: () => (/* binding */ isMountable)
/* harmony export */ });
function isMountable(store) {
    return typeof store.mountBlob === 'function';
}
/** Whether the store can list and push referrers (the capability, not the class, decides). */
function isArtifactStore(store) {
    const s = store;
    return (typeof s.listReferrers === 'function' &&
        typeof s.pushArtifact === 'function' &&
        typeof s.indexReferrer === 'function');
}


/***/ }),

/***/ 367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ VerifyStream),
  W: () => (/* binding */ verifyBuffer)
});

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(7075);
;// CONCATENATED MODULE: ./packages/core/src/oci/hash-stream.ts


/** Pass-through that computes the sha256 and byte count of what flows through it. */
class HashStream extends external_node_stream_.Transform {
    hash = (0,external_node_crypto_.createHash)('sha256');
    count = 0;
    digest;
    _transform(chunk, _enc, done) {
        this.hash.update(chunk);
        this.count += chunk.length;
        done(null, chunk);
    }
    _flush(done) {
        this.digest = `sha256:${this.hash.digest('hex')}`;
        done();
    }
    /** Digest and size of everything that went through; only once the stream has ended. */
    result() {
        if (this.digest === undefined)
            throw new Error('HashStream: result() before the end');
        return { digest: this.digest, size: this.count };
    }
}

// EXTERNAL MODULE: ./packages/core/src/oci/registry/errors.ts
var errors = __webpack_require__(5020);
;// CONCATENATED MODULE: ./packages/core/src/oci/verify.ts



/**
 * Passes bytes through while hashing them; fails the stream at its end unless size and
 * digest match the descriptor. Every downloaded byte goes through one of these.
 */
class VerifyStream extends HashStream {
    expected;
    where;
    constructor(expected, where) {
        super();
        this.expected = expected;
        this.where = where;
        if (!expected.digest.startsWith('sha256:')) {
            throw new Error(`${where}: only sha256 content can be verified, got ${expected.digest}`);
        }
    }
    _transform(chunk, enc, cb) {
        // Stop at the first byte too many rather than hashing a stream that never ends.
        if (this.count + chunk.length > this.expected.size) {
            cb(new errors/* DigestMismatchError */.h(`${this.where}: more than the expected ${this.expected.size} bytes for ${this.expected.digest}`));
            return;
        }
        super._transform(chunk, enc, cb);
    }
    _flush(cb) {
        super._flush((err) => {
            if (err)
                return cb(err);
            const { digest, size } = this.result();
            if (size !== this.expected.size) {
                return cb(new errors/* DigestMismatchError */.h(`${this.where}: got ${size} of ${this.expected.size} bytes for ${this.expected.digest}`));
            }
            if (digest !== this.expected.digest) {
                return cb(new errors/* DigestMismatchError */.h(`${this.where}: content digest ${digest} does not match ${this.expected.digest}`));
            }
            cb();
        });
    }
}
function verifyBuffer(data, expected, where) {
    const actual = (0,digest/* sha256 */.sc)(data);
    if (data.length !== expected.size || actual !== expected.digest) {
        throw new errors/* DigestMismatchError */.h(`${where}: content digest ${actual} (${data.length} bytes) does not match ${expected.digest} (${expected.size} bytes)`);
    }
    return data;
}


/***/ }),

/***/ 3385:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   E: () => (/* binding */ activity),
/* harmony export */   T: () => (/* binding */ currentActivity)
/* harmony export */ });
/* harmony import */ var node_async_hooks__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6698);
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

/***/ 9468:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L5: () => (/* binding */ retry),
/* harmony export */   yy: () => (/* binding */ sleep)
/* harmony export */ });
/* unused harmony export backoffMs */
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
function backoffMs(attempt, baseMs, maxMs, random) {
    const exp = Math.min(maxMs, baseMs * 2 ** (attempt - 1));
    // Full jitter in the upper half keeps concurrent clients apart without waiting ~0.
    return Math.round(exp / 2 + (random() * exp) / 2);
}
async function retry(fn, opts = {}) {
    const { attempts = 5, baseMs = 200, maxMs = 10_000, sleep: wait = sleep, retryable = () => true, onRetry, random = Math.random, } = opts;
    for (let attempt = 1;; attempt++) {
        try {
            return await fn(attempt);
        }
        catch (err) {
            const verdict = attempt < attempts ? retryable(err, attempt) : false;
            if (verdict === false)
                throw err;
            const waitMs = typeof verdict === 'number'
                ? Math.min(verdict, maxMs * 6)
                : backoffMs(attempt, baseMs, maxMs, random);
            onRetry?.(err, attempt, waitMs);
            await wait(waitMs);
        }
    }
}


/***/ })

};
