export const id = 402;
export const ids = [402];
export const modules = {

/***/ 11695:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   F: () => (/* binding */ platformString),
/* harmony export */   m: () => (/* binding */ inspectImage)
/* harmony export */ });
/* harmony import */ var _manifest_tree_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(35999);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(50000);


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

/***/ 64004:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Nq: () => (/* binding */ openLayoutFile),
/* harmony export */   OM: () => (/* binding */ writeLayoutFile),
/* harmony export */   Rh: () => (/* binding */ layoutDirs),
/* harmony export */   vP: () => (/* binding */ layoutEntry),
/* harmony export */   xk: () => (/* binding */ readLayoutFile)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37638);





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
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(46466);
/* harmony import */ var node_stream_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_stream_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3547);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(74890);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(22715);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(23847);
/* harmony import */ var _verify_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90367);
/* harmony import */ var _layout_files_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(64004);








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

/***/ 35999:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GY: () => (/* binding */ readManifestTree),
/* harmony export */   yM: () => (/* binding */ MAX_INDEX_DEPTH),
/* harmony export */   zE: () => (/* binding */ MAX_TREE_MANIFESTS)
/* harmony export */ });
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(74890);

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

/***/ 52119:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   C: () => (/* binding */ openStore),
/* harmony export */   K: () => (/* binding */ resolveLocation)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(37638);
/* harmony import */ var _layout_oci_layout_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6138);
/* harmony import */ var _location_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(49768);



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

/***/ 35850:
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

/***/ 90367:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  _: () => (/* binding */ VerifyStream),
  W: () => (/* binding */ verifyBuffer)
});

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var digest = __webpack_require__(3547);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:stream"
var external_node_stream_ = __webpack_require__(57075);
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
var errors = __webpack_require__(15020);
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


/***/ })

};
