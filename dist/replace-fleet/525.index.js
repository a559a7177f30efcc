export const id = 525;
export const ids = [525];
export const modules = {

/***/ 525:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CopyVerificationError: () => (/* reexport */ CopyVerificationError),
  DOCKER_HUB: () => (/* reexport */ oci_reference/* DOCKER_HUB */.Xb),
  DigestMismatchError: () => (/* reexport */ registry_errors/* DigestMismatchError */.h),
  EMPTY_JSON: () => (/* reexport */ media_types/* EMPTY_JSON */.JO),
  FALLBACK_ATTEMPTS: () => (/* reexport */ referrers/* FALLBACK_ATTEMPTS */.Kd),
  FALLBACK_SETTLE_MS: () => (/* reexport */ referrers/* FALLBACK_SETTLE_MS */.CA),
  GENERIC_CONTENT_TYPES: () => (/* reexport */ media_types/* GENERIC_CONTENT_TYPES */.gC),
  IMAGE_MANIFEST_TYPES: () => (/* reexport */ media_types/* IMAGE_MANIFEST_TYPES */.ML),
  INDEX_TYPES: () => (/* reexport */ media_types/* INDEX_TYPES */.V),
  InsecureRealmError: () => (/* reexport */ registry_errors/* InsecureRealmError */.yu),
  KilnArtifactType: () => (/* reexport */ referrers/* KilnArtifactType */.PP),
  MANIFEST_TYPES: () => (/* reexport */ media_types/* MANIFEST_TYPES */._P),
  MAX_COPIED_REFERRERS: () => (/* reexport */ MAX_COPIED_REFERRERS),
  MAX_INDEX_DEPTH: () => (/* reexport */ MAX_INDEX_DEPTH),
  MAX_TREE_MANIFESTS: () => (/* reexport */ MAX_TREE_MANIFESTS),
  ManifestError: () => (/* reexport */ oci_manifest/* ManifestError */.Sh),
  MediaType: () => (/* reexport */ media_types/* MediaType */.zu),
  OciLayout: () => (/* reexport */ OciLayout),
  ReferrersConflictError: () => (/* reexport */ referrers/* ReferrersConflictError */.v5),
  Registries: () => (/* reexport */ Registries),
  RegistryError: () => (/* reexport */ registry_errors/* RegistryError */.gl),
  RegistryRepository: () => (/* reexport */ RegistryRepository),
  RegistryRequestError: () => (/* reexport */ registry_errors/* RegistryRequestError */.vs),
  ResponseTooLargeError: () => (/* reexport */ registry_errors/* ResponseTooLargeError */.by),
  TransferError: () => (/* reexport */ registry_errors/* TransferError */.aG),
  VALIDATION_RESULT_ANNOTATION: () => (/* reexport */ referrers/* VALIDATION_RESULT_ANNOTATION */.GT),
  addFallbackReferrer: () => (/* reexport */ referrers/* addFallbackReferrer */.de),
  apiHost: () => (/* reexport */ oci_reference/* apiHost */.nz),
  blobsOf: () => (/* reexport */ oci_manifest/* blobsOf */.OR),
  buildArtifact: () => (/* reexport */ referrers/* buildArtifact */.LR),
  checkLayoutOutput: () => (/* reexport */ checkLayoutOutput),
  checkListed: () => (/* reexport */ oci_manifest/* checkListed */.Kr),
  checkListedType: () => (/* reexport */ oci_manifest/* checkListedType */.M_),
  copyImage: () => (/* reexport */ copyImage),
  descriptorOf: () => (/* reexport */ oci_manifest/* descriptorOf */.nb),
  descriptorSchema: () => (/* reexport */ oci_manifest/* descriptorSchema */.TM),
  digestHex: () => (/* reexport */ oci_digest/* digestHex */.sU),
  digestProblem: () => (/* reexport */ oci_digest/* digestProblem */.WQ),
  encodeManifest: () => (/* reexport */ oci_manifest/* encodeManifest */.Gb),
  fallbackTag: () => (/* reexport */ referrers/* fallbackTag */.fH),
  formatLocation: () => (/* reexport */ formatLocation),
  formatReference: () => (/* reexport */ oci_reference/* formatReference */.FH),
  imageManifestSchema: () => (/* reexport */ oci_manifest/* imageManifestSchema */.gT),
  indexSchema: () => (/* reexport */ oci_manifest/* indexSchema */.me),
  inspectImage: () => (/* reexport */ inspectImage),
  isArtifactStore: () => (/* reexport */ isArtifactStore),
  isIndexType: () => (/* reexport */ media_types/* isIndexType */.$U),
  isMountable: () => (/* reexport */ isMountable),
  listFallbackReferrers: () => (/* reexport */ referrers/* listFallbackReferrers */.x0),
  listReferrers: () => (/* reexport */ referrers/* listReferrers */.xt),
  manifestKind: () => (/* reexport */ media_types/* manifestKind */.QS),
  openStore: () => (/* reexport */ openStore),
  parseDigest: () => (/* reexport */ oci_digest/* parseDigest */.m),
  parseLocation: () => (/* reexport */ parseLocation),
  parseManifest: () => (/* reexport */ oci_manifest/* parseManifest */.Ng),
  parseReference: () => (/* reexport */ oci_reference/* parseReference */.F2),
  pinned: () => (/* reexport */ oci_reference/* pinned */.dp),
  platformSchema: () => (/* reexport */ oci_manifest/* platformSchema */.vd),
  platformString: () => (/* reexport */ platformString),
  pushArtifact: () => (/* reexport */ referrers/* pushArtifact */.Xi),
  readFallbackIndex: () => (/* reexport */ referrers/* readFallbackIndex */.vT),
  readManifestTree: () => (/* reexport */ readManifestTree),
  repositoryName: () => (/* reexport */ oci_reference/* repositoryName */.aR),
  requireDigest: () => (/* reexport */ oci_reference/* requireDigest */.m0),
  resolveLocation: () => (/* reexport */ resolveLocation),
  settleWait: () => (/* reexport */ referrers/* settleWait */.fu),
  sha256: () => (/* reexport */ oci_digest/* sha256 */.sc),
  undoLayoutWriteOnFailure: () => (/* reexport */ undoLayoutWriteOnFailure),
  writeArtifact: () => (/* reexport */ referrers/* writeArtifact */.w6)
});

// EXTERNAL MODULE: ./packages/core/src/oci/digest.ts
var oci_digest = __webpack_require__(3547);
// EXTERNAL MODULE: ./packages/core/src/oci/reference.ts
var oci_reference = __webpack_require__(3966);
// EXTERNAL MODULE: ./packages/core/src/oci/media-types.ts
var media_types = __webpack_require__(2715);
// EXTERNAL MODULE: ./packages/core/src/oci/manifest.ts
var oci_manifest = __webpack_require__(4890);
;// CONCATENATED MODULE: ./packages/core/src/oci/manifest-tree.ts

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
                throw new oci_manifest/* ManifestError */.Sh(where, `indexes nested deeper than ${maxDepth} levels (refused)`);
            open.add(m.digest);
            for (const listed of m.index.manifests) {
                (0,oci_manifest/* checkListedType */.M_)(where, listed);
                // Content addressing makes a cycle impossible unless the store lies about digests.
                if (open.has(listed.digest))
                    throw new oci_manifest/* ManifestError */.Sh(where, `lists ${listed.digest}, which lists it back (refused)`);
                const seen = done.get(listed.digest);
                if (seen) {
                    (0,oci_manifest/* checkListed */.Kr)(where, listed, seen);
                    continue;
                }
                if (done.size + open.size >= maxManifests)
                    throw new oci_manifest/* ManifestError */.Sh(`${store.label}@${digest}`, `holds more than ${maxManifests} manifests (refused)`);
                const child = await store.getManifest(listed.digest);
                (0,oci_manifest/* checkListed */.Kr)(where, listed, child);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/store.ts
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

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(7638);
;// CONCATENATED MODULE: ./packages/core/src/oci/location.ts





const LAYOUT = 'oci-layout:';
function parseLocation(value, input = 'image') {
    const v = value.trim();
    if (v.startsWith(LAYOUT)) {
        let rest = v.slice(LAYOUT.length);
        let digest;
        const at = rest.lastIndexOf('@');
        if (at >= 0) {
            const d = rest.slice(at + 1);
            const problem = (0,oci_digest/* digestProblem */.WQ)(d);
            if (problem)
                throw new errors/* ConfigurationError */.j1(`Input "${input}" has value ${JSON.stringify(value)}: digest ${problem}`);
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
            throw new errors/* ConfigurationError */.j1(`Input "${input}" has value ${JSON.stringify(value)}: oci-layout: needs a folder, e.g. oci-layout:build/image`);
        }
        const loc = { kind: 'layout', dir: (0,external_node_path_.resolve)(rest) };
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
        throw new errors/* ConfigurationError */.j1(`Input "${input}" has value ${JSON.stringify(value)}: unknown scheme "${scheme[0]}"; use a registry reference (host/repository[:tag][@sha256:…]) or oci-layout:DIR`);
    }
    let ref;
    try {
        ref = (0,oci_reference/* parseReference */.F2)(v);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Input "${input}": ${err.message}`);
    }
    const reference = ref.digest ?? ref.tag;
    return reference ? { kind: 'registry', ref, reference } : { kind: 'registry', ref };
}
function formatLocation(loc) {
    if (loc.kind === 'registry')
        return (0,oci_reference/* formatReference */.FH)(loc.ref);
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
        folder = await (0,promises_.stat)(dir);
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return;
        throw err;
    }
    if (!folder.isDirectory())
        throw (0,errors/* invalidInput */.aY)(input, value, `${dir} exists and is not a folder`);
    if ((await (0,promises_.readdir)(dir)).length === 0)
        return;
    const marker = await (0,promises_.lstat)((0,external_node_path_.join)(dir, 'oci-layout')).catch(() => undefined);
    if (marker?.isFile())
        return;
    throw (0,errors/* invalidInput */.aY)(input, value, `${dir} is a folder that is not empty and not an OCI image layout (it has no oci-layout file); name a new or empty folder, or an existing layout`);
}

// EXTERNAL MODULE: external "node:stream/promises"
var external_node_stream_promises_ = __webpack_require__(6466);
// EXTERNAL MODULE: ./packages/core/src/oci/referrers.ts
var referrers = __webpack_require__(3847);
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
var registry_errors = __webpack_require__(5020);
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
            cb(new registry_errors/* DigestMismatchError */.h(`${this.where}: more than the expected ${this.expected.size} bytes for ${this.expected.digest}`));
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
                return cb(new registry_errors/* DigestMismatchError */.h(`${this.where}: got ${size} of ${this.expected.size} bytes for ${this.expected.digest}`));
            }
            if (digest !== this.expected.digest) {
                return cb(new registry_errors/* DigestMismatchError */.h(`${this.where}: content digest ${digest} does not match ${this.expected.digest}`));
            }
            cb();
        });
    }
}
function verifyBuffer(data, expected, where) {
    const actual = (0,oci_digest/* sha256 */.sc)(data);
    if (data.length !== expected.size || actual !== expected.digest) {
        throw new registry_errors/* DigestMismatchError */.h(`${where}: content digest ${actual} (${data.length} bytes) does not match ${expected.digest} (${expected.size} bytes)`);
    }
    return data;
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./packages/core/src/oci/layout/layout-files.ts





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
const READ_FLAGS = external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NOFOLLOW ?? 0) | (external_node_fs_.constants.O_NONBLOCK ?? 0);
const linkError = (label, rel) => new errors/* ConfigurationError */.j1(`${label}: ${rel} is a symbolic link; an OCI layout's files and folders must not be links (they could lead outside the layout)`);
const notFileError = (label, rel) => new errors/* ConfigurationError */.j1(`${label}: ${rel} is not a regular file`);
function lstatOrUndefined(path) {
    return (0,external_node_fs_.lstatSync)(path, { throwIfNoEntry: false });
}
/**
 * What is at `parts` below `root`, refusing a link anywhere on the way: undefined when the path
 * (or one of its folders) does not exist.
 */
async function layoutEntry(root, parts, label) {
    let stats;
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        stats = lstatOrUndefined((0,external_node_path_.join)(root, ...parts.slice(0, i)));
        if (!stats)
            return undefined;
        if (stats.isSymbolicLink())
            throw linkError(label, rel);
        if (i < parts.length && !stats.isDirectory())
            throw new errors/* ConfigurationError */.j1(`${label}: ${rel} is not a folder`);
    }
    return stats;
}
/** Creates the folders `parts` below `root` (and `root` itself), one level at a time, refusing links. */
async function layoutDirs(root, parts, label) {
    (0,external_node_fs_.mkdirSync)(root, { recursive: true });
    for (let i = 1; i <= parts.length; i++) {
        const rel = parts.slice(0, i).join('/');
        const path = (0,external_node_path_.join)(root, ...parts.slice(0, i));
        let stats = lstatOrUndefined(path);
        if (!stats) {
            try {
                (0,external_node_fs_.mkdirSync)(path);
            }
            catch (err) {
                // Another writer made it first: check what it made.
                if (err.code !== 'EEXIST')
                    throw err;
            }
            stats = (0,external_node_fs_.lstatSync)(path);
        }
        if (stats.isSymbolicLink())
            throw linkError(label, rel);
        if (!stats.isDirectory())
            throw new errors/* ConfigurationError */.j1(`${label}: ${rel} is not a folder`);
    }
    return (0,external_node_path_.join)(root, ...parts);
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
        fd = (0,external_node_fs_.openSync)((0,external_node_path_.join)(root, ...parts), READ_FLAGS);
    }
    catch (err) {
        if (err.code === 'ELOOP')
            throw linkError(label, rel);
        throw err;
    }
    try {
        if (!(0,external_node_fs_.fstatSync)(fd).isFile())
            throw notFileError(label, rel);
    }
    catch (err) {
        (0,external_node_fs_.closeSync)(fd);
        throw err;
    }
    return fd;
}
/** The bytes of a regular file of the layout (read whole, as everything read this way is). */
async function readLayoutFile(root, parts, label) {
    const fd = await openForRead(root, parts, label);
    try {
        return (0,external_node_fs_.readFileSync)(fd);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** A stream of a regular file of the layout. */
async function openLayoutFile(root, parts, label) {
    return (0,external_node_fs_.createReadStream)('', { fd: await openForRead(root, parts, label) });
}
/**
 * Writes a file of the layout: the bytes go to a new temporary file beside it (created
 * exclusively, so nothing planted at that name is followed) and are renamed into place only
 * when complete. A link at the final name is refused rather than replaced.
 */
async function writeLayoutFile(root, parts, data, label) {
    const dir = await layoutDirs(root, parts.slice(0, -1), label);
    const name = parts[parts.length - 1];
    const existing = lstatOrUndefined((0,external_node_path_.join)(dir, name));
    if (existing?.isSymbolicLink())
        throw linkError(label, parts.join('/'));
    const tmp = (0,external_node_path_.join)(dir, `${name}.${(0,external_node_crypto_.randomBytes)(6).toString('hex')}.tmp`);
    if (Buffer.isBuffer(data)) {
        try {
            const fd = (0,external_node_fs_.openSync)(tmp, 'wx', 0o644);
            try {
                (0,external_node_fs_.writeFileSync)(fd, data);
            }
            finally {
                (0,external_node_fs_.closeSync)(fd);
            }
            (0,external_node_fs_.renameSync)(tmp, (0,external_node_path_.join)(dir, name));
        }
        finally {
            (0,external_node_fs_.rmSync)(tmp, { force: true });
        }
        return;
    }
    try {
        await data((0,external_node_fs_.createWriteStream)(tmp, { flags: 'wx', mode: 0o644 }));
        await (0,promises_.rename)(tmp, (0,external_node_path_.join)(dir, name));
    }
    finally {
        await (0,promises_.rm)(tmp, { force: true });
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/oci-layout.ts








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
        return (0,external_node_path_.join)(this.dir, ...this.blobParts(digest));
    }
    /** The blob's path below the layout; a malformed digest could name a path outside it. */
    blobParts(digest) {
        const problem = (0,oci_digest/* digestProblem */.WQ)(digest);
        if (problem)
            throw new Error(`${this.label}: digest ${JSON.stringify(digest)} ${problem}`);
        return ['blobs', digest.slice(0, digest.indexOf(':')), (0,oci_digest/* digestHex */.sU)(digest)];
    }
    async init() {
        await layoutDirs(this.dir, ['blobs', 'sha256'], this.label);
        if (!(await layoutEntry(this.dir, ['oci-layout'], this.label)))
            await writeLayoutFile(this.dir, ['oci-layout'], Buffer.from(LAYOUT_FILE), this.label);
        if (!(await layoutEntry(this.dir, ['index.json'], this.label))) {
            await this.writeIndex({ schemaVersion: 2, mediaType: media_types/* MediaType */.zu.OciIndex, manifests: [] });
        }
    }
    /** Whether the folder holds `oci-layout` and `index.json` (a link at either is refused). */
    async exists() {
        return Boolean((await layoutEntry(this.dir, ['oci-layout'], this.label)) &&
            (await layoutEntry(this.dir, ['index.json'], this.label)));
    }
    async readIndex() {
        if (!(await this.exists()))
            throw new Error(`${this.label} is not an OCI image layout (no oci-layout or index.json)`);
        const bytes = await readLayoutFile(this.dir, ['index.json'], this.label);
        const json = JSON.parse(bytes.toString('utf8'));
        const r = oci_manifest/* indexSchema */.me.safeParse(json);
        if (!r.success)
            throw new Error(`${this.label}/index.json is not a valid image index`);
        return r.data;
    }
    async writeIndex(index) {
        await writeLayoutFile(this.dir, ['index.json'], Buffer.from(JSON.stringify(index)), this.label);
    }
    /** Whether the blob file is there; a link in its place is refused, not counted as absent. */
    async blobStored(digest) {
        const stats = await layoutEntry(this.dir, this.blobParts(digest), this.label);
        return stats?.isFile() ? { size: stats.size } : undefined;
    }
    async hasBlob(desc) {
        return (await this.blobStored(desc.digest))?.size === desc.size;
    }
    async openBlob(desc) {
        if (!(await this.blobStored(desc.digest)))
            throw new Error(`${this.label}: blob ${desc.digest} is missing`);
        const file = await openLayoutFile(this.dir, this.blobParts(desc.digest), this.label);
        return file.pipe(new VerifyStream(desc, `${this.label} blob`));
    }
    async readBlob(desc) {
        const bytes = await readLayoutFile(this.dir, this.blobParts(desc.digest), this.label);
        return verifyBuffer(bytes, desc, `${this.label} blob`);
    }
    /** Verified while written to a temporary file, renamed into place only when complete. */
    async putBlob(desc, open) {
        if (await this.hasBlob(desc))
            return 0;
        await this.init();
        await writeLayoutFile(this.dir, this.blobParts(desc.digest), async (sink) => (0,external_node_stream_promises_.pipeline)(await open(), new VerifyStream(desc, `${this.label} blob`), sink), this.label);
        return desc.size;
    }
    async putBuffer(data, mediaType) {
        const raw = { mediaType, digest: (0,oci_digest/* sha256 */.sc)(data), size: data.length };
        await this.init();
        if (!(await this.hasBlob(raw)))
            await writeLayoutFile(this.dir, this.blobParts(raw.digest), data, this.label);
        return raw;
    }
    async getManifest(reference) {
        const digest = await this.resolve(reference);
        if (!digest)
            throw new Error(`${this.label} has no manifest ${reference}`);
        const bytes = await readLayoutFile(this.dir, this.blobParts(digest), this.label);
        const parsed = (0,oci_manifest/* parseManifest */.Ng)(bytes, undefined, `${this.label}@${digest}`);
        if (parsed.digest !== digest)
            throw new Error(`${this.label}: manifest blob ${digest} is corrupt`);
        return parsed;
    }
    async resolve(reference) {
        if (!(await this.exists()))
            return undefined;
        const index = await this.readIndex();
        if (reference.includes(':')) {
            if ((0,oci_digest/* digestProblem */.WQ)(reference))
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
            await writeLayoutFile(this.dir, this.blobParts(raw.digest), raw.bytes, this.label);
        if (!opts.root && !opts.tag)
            return;
        const index = await this.readIndex();
        const desc = (0,oci_manifest/* descriptorOf */.nb)(raw, opts.tag ? { annotations: { [REF_NAME]: opts.tag } } : {});
        const kept = index.manifests.filter((m) => opts.tag
            ? m.annotations?.[REF_NAME] !== opts.tag
            : !(m.digest === raw.digest && !m.annotations?.[REF_NAME]));
        await this.writeIndex({ ...index, manifests: [...kept, desc] });
    }
    /** Referrers of `subject`, from the same `sha256-<hex>` fallback index a registry keeps. */
    listReferrers(subject, artifactType) {
        return (0,referrers/* listFallbackReferrers */.x0)(this, subject, artifactType);
    }
    /**
     * Writes an artifact as a root manifest of index.json (tools that walk the layout see it) and
     * lists it in its subject's fallback index, exactly as in a registry without the referrers API.
     */
    async pushArtifact(artifact) {
        const { descriptor } = await (0,referrers/* writeArtifact */.w6)(this, artifact, { root: true });
        if (artifact.subject)
            await (0,referrers/* addFallbackReferrer */.de)(this, artifact.subject.digest, descriptor);
        return descriptor;
    }
    indexReferrer(subject, referrer) {
        return (0,referrers/* addFallbackReferrer */.de)(this, subject, referrer);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/open-store.ts



// Apart from location.ts, so parsing a location (every action's input check) loads no store.
/** The store a location names: an OCI layout folder or a registry repository. */
function openStore(loc, registries) {
    return loc.kind === 'layout'
        ? new OciLayout(loc.dir)
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
        throw new errors/* ConfigurationError */.j1(`${formatLocation(loc)}: ${reference} not found in ${store.label}`);
    return digest;
}

// EXTERNAL MODULE: ./packages/core/src/log.ts
var src_log = __webpack_require__(8315);
// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./node_modules/zod/v4/classic/schemas.js + 6 modules
var schemas = __webpack_require__(0);
;// CONCATENATED MODULE: ./packages/core/src/oci/auth/credential-helper.ts




/**
 * The `get` half of the credential helper protocol
 * (https://github.com/docker/docker-credential-helpers): run `docker-credential-<name> get`,
 * write the server URL to stdin, read `{"ServerURL","Username","Secret"}` from stdout.
 */
const HELPER_TIMEOUT_MS = 30_000;
// The helpers' shared "nothing stored" answer: not a failure, just no credentials.
const NOT_FOUND = 'credentials not found in native keychain';
// Username a helper returns when Secret is an identity (refresh) token rather than a password.
const TOKEN_USERNAME = '<token>';
const OUTPUT_LIMIT = 2000;
const helperReply = schemas/* object */.Ikc({
    ServerURL: schemas/* string */.YjP().optional(),
    Username: schemas/* string */.YjP().optional(),
    Secret: schemas/* string */.YjP().optional(),
});
async function getFromHelper(helper, serverURL, opts = {}) {
    const program = `docker-credential-${helper}`;
    const command = `${program} get`;
    const timeoutMs = opts.timeoutMs ?? HELPER_TIMEOUT_MS;
    const origin = opts.origin ? ` (configured as ${opts.origin})` : '';
    const result = await run(program, ['get'], serverURL, opts.env ?? process.env, timeoutMs);
    if (result.spawnError) {
        if (result.spawnError.code === 'ENOENT') {
            throw new errors/* ConfigurationError */.j1(`Credential helper ${program}${origin} is not on PATH: install it, or remove it from the Docker config`);
        }
        throw new Error(`\`${command}\`${origin} could not be started: ${result.spawnError.message}`);
    }
    if (result.timedOut) {
        throw new Error(`\`${command}\`${origin} for ${serverURL} did not answer within ${timeoutMs / 1000} s`);
    }
    if (result.code !== 0) {
        if (result.stdout.includes(NOT_FOUND))
            return undefined;
        const status = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
        throw new Error(`\`${command}\`${origin} for ${serverURL} ${status}: ${show(result.stderr || result.stdout)}`);
    }
    // Never echo stdout here: on success it carries the secret, and JSON.parse quotes its input.
    let reply;
    try {
        const parsed = helperReply.safeParse(JSON.parse(result.stdout));
        if (!parsed.success)
            throw new Error();
        reply = parsed.data;
    }
    catch {
        throw new Error(`\`${command}\`${origin} for ${serverURL} printed something other than the JSON object {"ServerURL","Username","Secret"}`);
    }
    if (!reply.Secret)
        return undefined;
    if (reply.Username === TOKEN_USERNAME)
        return { identityToken: reply.Secret };
    return reply.Username
        ? { username: reply.Username, password: reply.Secret }
        : { password: reply.Secret };
}
/** Helper output for an error message: trimmed, bounded, known secrets masked. */
function show(output) {
    const text = output.trim();
    if (!text)
        return '(no output)';
    const bounded = text.length > OUTPUT_LIMIT ? `${text.slice(0, OUTPUT_LIMIT)}…` : text;
    return (0,src_log/* redact */.E$)(bounded);
}
function run(program, args, input, env, timeoutMs) {
    return new Promise((resolve) => {
        const stdout = [];
        const stderr = [];
        let spawnError;
        let timedOut = false;
        let settled = false;
        const finish = (code, signal) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve({
                code,
                signal,
                stdout: Buffer.concat(stdout).toString('utf8'),
                stderr: Buffer.concat(stderr).toString('utf8'),
                timedOut,
                ...(spawnError ? { spawnError } : {}),
            });
        };
        // argv array and no shell: nothing from the config file is ever interpreted by a shell.
        const child = (0,external_node_child_process_.spawn)(program, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
        const timer = setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
            // A grandchild may hold the pipes open; do not wait for them to close.
            finish(null, 'SIGKILL');
        }, timeoutMs);
        child.stdout.on('data', (chunk) => stdout.push(chunk));
        child.stderr.on('data', (chunk) => stderr.push(chunk));
        child.on('error', (err) => {
            spawnError = err;
        });
        child.on('close', finish);
        // A helper that exits without reading stdin breaks the pipe; its exit status says why.
        child.stdin.on('error', () => undefined);
        child.stdin.end(input);
    });
}

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./node_modules/zod/v4/core/core.js
var core = __webpack_require__(8532);
;// CONCATENATED MODULE: ./packages/core/src/oci/auth/registry-host.ts

/** The key `docker login` writes for Docker Hub, and the server URL its helpers store it under. */
const DOCKER_HUB_INDEX_URL = 'https://index.docker.io/v1/';
// Docker Hub answers to several names; config files written by different tools use any of them.
const DOCKER_HUB_ALIASES = new Set([oci_reference/* DOCKER_HUB */.Xb, 'index.docker.io', 'registry-1.docker.io']);
/**
 * The host[:port] a registry name or config key stands for: `https://ghcr.io`, `ghcr.io/` and
 * `GHCR.io` are all `ghcr.io`; every Docker Hub alias is `docker.io`.
 */
function registryHost(nameOrUrl) {
    let host = nameOrUrl.trim();
    const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(host);
    if (scheme)
        host = host.slice(scheme[0].length);
    host = (host.split('/')[0] ?? '').toLowerCase();
    return DOCKER_HUB_ALIASES.has(host) ? oci_reference/* DOCKER_HUB */.Xb : host;
}
/** What to send a credential helper: Docker Hub credentials are stored under the index URL. */
function helperServerURL(host) {
    return host === oci_reference/* DOCKER_HUB */.Xb ? DOCKER_HUB_INDEX_URL : host;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/auth/docker-config.ts






// A helper name becomes part of an executable name, so it must not point elsewhere on disk.
const helperName = schemas/* string */.YjP()
    .regex(/^[^/\\]*$/, 'a credential helper name must not contain / or \\');
const authEntry = schemas/* object */.Ikc({
    auth: schemas/* string */.YjP().optional(),
    username: schemas/* string */.YjP().optional(),
    password: schemas/* string */.YjP().optional(),
    identitytoken: schemas/* string */.YjP().optional(),
    registrytoken: schemas/* string */.YjP().optional(),
})
    .loose() // email, serveraddress and fields of newer Docker versions are not ours to reject
    .transform((e, ctx) => {
    let { username, password } = e;
    if (e.auth) {
        const decoded = decodeAuth(e.auth);
        if (!decoded) {
            ctx.addIssue({
                code: 'custom',
                path: ['auth'],
                message: 'must be base64 of "username:password"',
            });
            return core/* NEVER */.tm;
        }
        ({ username, password } = decoded);
    }
    return clean({
        username,
        password,
        identityToken: e.identitytoken,
        registryToken: e.registrytoken,
    });
});
const configSchema = schemas/* object */.Ikc({
    auths: schemas/* record */.g1P(schemas/* string */.YjP(), authEntry).nullish(),
    credHelpers: schemas/* record */.g1P(schemas/* string */.YjP(), helperName).nullish(),
    credsStore: helperName.nullish(),
})
    .loose(); // the file also holds CLI settings (psFormat, proxies, …) that do not concern us
/** `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`, as the Docker CLI looks it up. */
function dockerConfigPath(env) {
    if (env.DOCKER_CONFIG)
        return (0,external_node_path_.join)(env.DOCKER_CONFIG, 'config.json');
    return (0,external_node_path_.join)(env.HOME || (0,external_node_os_.homedir)(), '.docker', 'config.json');
}
/** Reads and validates a config file; undefined when there is none. */
async function readDockerConfig(path) {
    let text;
    try {
        text = await (0,promises_.readFile)(path, 'utf8');
    }
    catch (err) {
        if (err.code === 'ENOENT')
            return undefined;
        throw new errors/* ConfigurationError */.j1(`Cannot read Docker config ${path}: ${(0,errors/* errorMessage */.gJ)(err)}`);
    }
    // The Docker CLI accepts an empty file as an empty config.
    if (text.trim() === '')
        return { path, auths: new Map(), credHelpers: new Map() };
    let json;
    try {
        json = JSON.parse(text);
    }
    catch (err) {
        throw new errors/* ConfigurationError */.j1(`Docker config ${path} is not valid JSON: ${jsonProblem(err, text)}`);
    }
    const parsed = configSchema.safeParse(json);
    if (!parsed.success) {
        const problems = parsed.error.issues.map((i) => `${formatPath(i.path)}: ${i.message}`);
        throw new errors/* ConfigurationError */.j1(`Docker config ${path} is invalid: ${problems.join('; ')}`);
    }
    const config = { path, auths: new Map(), credHelpers: new Map() };
    for (const [key, entry] of Object.entries(parsed.data.auths ?? {})) {
        const host = registryHost(key);
        config.auths.set(host, [...(config.auths.get(host) ?? []), { key, entry }]);
    }
    for (const [key, name] of Object.entries(parsed.data.credHelpers ?? {})) {
        // An empty name means "no helper", as for credsStore below.
        if (name)
            config.credHelpers.set(registryHost(key), name);
    }
    if (parsed.data.credsStore)
        config.credsStore = parsed.data.credsStore;
    return config;
}
/**
 * The `auths` entry for a host[:port] that holds credentials. A key written as the bare host
 * wins over its aliases (`https://…`, Docker Hub's other names); entries without a secret are
 * skipped, since `docker login` with a credsStore leaves `{}` there.
 */
function findAuth(config, host) {
    const candidates = [...(config.auths.get(host) ?? [])].sort((a, b) => Number(b.key === host) - Number(a.key === host));
    const found = candidates.find(({ entry }) => entry.password || entry.identityToken || entry.registryToken);
    return found && { ...found.entry };
}
function decodeAuth(auth) {
    const trimmed = auth.trim();
    if (!/^[A-Za-z0-9+/]*={0,2}$/.test(trimmed))
        return undefined;
    const decoded = Buffer.from(trimmed, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon <= 0)
        return undefined;
    // Passwords may contain ':'; Docker also strips NUL padding some tools leave behind.
    return {
        username: decoded.slice(0, colon),
        password: decoded.slice(colon + 1).replace(/\0+$/, ''),
    };
}
/** Drops empty fields so callers can test presence with a plain truthiness check. */
function clean(value) {
    return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== ''));
}
function formatPath(path) {
    if (path.length === 0)
        return '(top level)';
    return path
        .map((p, i) => typeof p === 'string' && /^[A-Za-z_]\w*$/.test(p)
        ? `${i ? '.' : ''}${p}`
        : `[${JSON.stringify(String(p))}]`)
        .join('');
}
/**
 * V8 quotes the start of the input in some JSON errors; a config file holds secrets, so keep
 * only the problem and where it is.
 */
function jsonProblem(err, text) {
    const message = (0,errors/* errorMessage */.gJ)(err).replace(/, ".*" is not valid JSON$/s, '');
    const at = /at position (\d+)/.exec(message);
    if (!at || /\bline\b/.test(message))
        return message;
    const before = text.slice(0, Number(at[1])).split('\n');
    return `${message} (line ${before.length}, column ${(before.at(-1) ?? '').length + 1})`;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/auth/credentials.ts





const GHCR = 'ghcr.io';
/**
 * Credentials for a registry, or undefined to go anonymous. Order: the explicit
 * `registry-username`/`registry-password` inputs; the Docker config (`credHelpers`, then
 * `auths`, then `credsStore`); for ghcr.io, `GITHUB_TOKEN`. Every secret found is registered
 * with setSecret before it is returned.
 */
async function resolveCredentials(registry, opts = {}) {
    const credentials = await find(registry, opts);
    if (credentials) {
        (0,src_log/* setSecret */.Pq)(credentials.password);
        (0,src_log/* setSecret */.Pq)(credentials.identityToken);
        (0,src_log/* setSecret */.Pq)(credentials.registryToken);
    }
    return credentials;
}
async function find(registry, opts) {
    const env = opts.env ?? process.env;
    // Action inputs that were not given arrive as empty strings.
    const { username, password } = opts;
    if (username && password)
        return { username, password };
    if (username || password) {
        const [given, missing] = username
            ? ['registry-username', 'registry-password']
            : ['registry-password', 'registry-username'];
        throw new errors/* ConfigurationError */.j1(`Input "${given}" is set but "${missing}" is empty: give both, or neither to use the Docker config`);
    }
    const host = registryHost(registry);
    const config = await readDockerConfig(opts.configPath ?? dockerConfigPath(env));
    const fromConfig = config ? await fromDockerConfig(config, host, env) : undefined;
    if (fromConfig)
        return fromConfig;
    // GITHUB_TOKEN can read and write the workflow repository's packages on GHCR.
    if (host === GHCR && env.GITHUB_TOKEN) {
        return { username: env.GITHUB_ACTOR || 'x-access-token', password: env.GITHUB_TOKEN };
    }
    return undefined;
}
async function fromDockerConfig(config, host, env) {
    // A per-registry helper is authoritative for its registry, as in the Docker CLI.
    const helper = config.credHelpers.get(host);
    if (helper) {
        return getFromHelper(helper, helperServerURL(host), {
            env,
            origin: `credHelpers["${host}"] in ${config.path}`,
        });
    }
    const auth = findAuth(config, host);
    if (auth)
        return auth;
    if (config.credsStore) {
        return getFromHelper(config.credsStore, helperServerURL(host), {
            env,
            origin: `credsStore in ${config.path}`,
        });
    }
    return undefined;
}

// EXTERNAL MODULE: external "node:async_hooks"
var external_node_async_hooks_ = __webpack_require__(6698);
;// CONCATENATED MODULE: ./packages/core/src/util/activity.ts

/*
 * What Kiln is doing, for error messages: a call site says it once (`activity('reading layer
 * sha256:… of base …', fn)`) and every registry request made inside, however deep, names it
 * when it fails. Async context rather than a parameter, so the layers in between (store,
 * repository, transport) need not pass it along.
 */
const labels = new external_node_async_hooks_.AsyncLocalStorage();
/** Runs `fn` with `label` describing what it does; nested labels read outermost first. */
function activity(label, fn) {
    return labels.run([...(labels.getStore() ?? []), label], fn);
}
/** The labels around the caller, joined (`baking app: reading layer …`), if any. */
function currentActivity() {
    const stack = labels.getStore();
    return stack?.length ? stack.join(': ') : undefined;
}

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
var external_node_http_default = /*#__PURE__*/__webpack_require__.n(external_node_http_);
// EXTERNAL MODULE: external "node:https"
var external_node_https_ = __webpack_require__(4708);
var external_node_https_default = /*#__PURE__*/__webpack_require__.n(external_node_https_);
;// CONCATENATED MODULE: ./packages/core/src/oci/registry/http.ts




const DEFAULT_CONNECT_TIMEOUT_MS = 30_000;
const DEFAULT_STALL_WINDOW_MS = 30_000;
const DEFAULT_STALL_MIN_BYTES_PER_SECOND = 1024;
/** The most a response body may hold unless the caller names another limit. */
const DEFAULT_BODY_LIMIT = 64 * 1024 * 1024;
const agents = {
    'http:': new (external_node_http_default()).Agent({ keepAlive: true, maxSockets: 16 }),
    'https:': new (external_node_https_default()).Agent({ keepAlive: true, maxSockets: 16 }),
};
/** Upload locations and signed storage URLs carry secrets in the query: messages never show it. */
function redactUrl(url) {
    return `${url.origin}${url.pathname}`;
}
const MAX_TIMER_MS = 2 ** 31 - 1;
const socketBytes = (s) => s.bytesRead + s.bytesWritten;
/**
 * Sends one request. The limits hold until the response body ends: a stall or the deadline
 * while the caller reads the body destroys it with a TransferError.
 */
function send(req) {
    const lib = req.url.protocol === 'https:' ? (external_node_https_default()) : (external_node_http_default());
    const agent = agents[req.url.protocol];
    const headers = { 'user-agent': 'kiln', ...req.headers };
    if (Buffer.isBuffer(req.body))
        headers['content-length'] = String(req.body.length);
    const limits = req.limits ?? {};
    const connectMs = limits.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    const windowMs = limits.stallWindowMs ?? DEFAULT_STALL_WINDOW_MS;
    const floor = limits.stallMinBytesPerSecond ?? DEFAULT_STALL_MIN_BYTES_PER_SECOND;
    const failure = (kind, detail) => new registry_errors/* TransferError */.aG(req.method, redactUrl(req.url), kind, detail);
    const deadline = limits.deadline;
    if (deadline && deadline.at <= Date.now()) {
        return Promise.reject(failure('deadline', `the ${(0,registry_errors/* formatMs */._V)(deadline.ms)} timeout ran out`));
    }
    return new Promise((resolve, reject) => {
        let response;
        let sent = false;
        const timers = [];
        const stop = () => timers.forEach((t) => clearTimeout(t));
        const abort = (err) => {
            stop();
            if (response)
                response.destroy(err);
            else
                r.destroy(err);
        };
        const r = lib.request(req.url, { method: req.method, headers, agent }, (res) => {
            response = res;
            res.once('end', stop);
            res.once('close', stop);
            resolve({ status: res.statusCode ?? 0, headers: res.headers, body: res });
        });
        r.on('error', (err) => {
            stop();
            reject(err);
        });
        r.once('finish', () => (sent = true));
        if (deadline) {
            const t = setTimeout(() => abort(failure('deadline', `the ${(0,registry_errors/* formatMs */._V)(deadline.ms)} timeout ran out`)), 
            // setTimeout fires at once past 2^31-1 ms (24.8 days); no request needs longer.
            Math.min(deadline.at - Date.now(), MAX_TIMER_MS));
            timers.push(t.unref());
        }
        let socket;
        let base = 0;
        r.once('socket', (s) => {
            socket = s;
            base = socketBytes(s);
            if (!s.connecting)
                return;
            const t = setTimeout(() => abort(failure('connect', `no connection within ${(0,registry_errors/* formatMs */._V)(connectMs)}`)), connectMs).unref();
            timers.push(t);
            s.once('connect', () => clearTimeout(t));
        });
        // Throughput over a sliding window, sampled ten times per window. Time the peer cannot be
        // blamed for is skipped: waiting for a pooled socket, connecting (its own timeout), a local
        // upload source that has nothing ready, a consumer that is not reading the body.
        let samples = [];
        const excused = () => !socket ||
            socket.connecting ||
            (!sent && !Buffer.isBuffer(req.body) && req.body !== undefined && r.writableLength === 0) ||
            (response !== undefined && response.readableLength >= response.readableHighWaterMark);
        const tick = setInterval(() => {
            const now = Date.now();
            const bytes = socket ? socketBytes(socket) - base : 0;
            if (excused()) {
                samples = [{ t: now, bytes }];
                return;
            }
            samples.push({ t: now, bytes });
            while (samples.length > 1 && samples[1].t <= now - windowMs)
                samples.shift();
            const first = samples[0];
            if (now - first.t >= windowMs && bytes - first.bytes < (floor * windowMs) / 1000) {
                abort(failure('stall', response || !sent
                    ? `stalled: less than ${floor} bytes/s for ${(0,registry_errors/* formatMs */._V)(windowMs)}`
                    : `no response for ${(0,registry_errors/* formatMs */._V)(windowMs)}`));
            }
        }, Math.max(10, windowMs / 10)).unref();
        timers.push(tick);
        const body = req.body;
        if (body === undefined)
            r.end();
        else if (Buffer.isBuffer(body))
            r.end(body);
        else {
            body.on('error', (err) => r.destroy(err));
            body.pipe(r);
        }
    });
}
/**
 * Reads a whole body of at most `limit` bytes. `what` names it ("manifest a/b@latest"), so a
 * body cut at the limit says what was being read.
 */
async function readBody(res, limit = DEFAULT_BODY_LIMIT, what = 'response body') {
    const chunks = [];
    let size = 0;
    for await (const chunk of res.body) {
        size += chunk.length;
        if (size > limit) {
            res.body.destroy();
            throw new registry_errors/* ResponseTooLargeError */.by(what, limit, currentActivity());
        }
        chunks.push(chunk);
    }
    return Buffer.concat(chunks);
}
/** Drain and discard, so the keep-alive socket can be reused. */
async function discard(res) {
    res.body.resume();
    await new Promise((r) => {
        if (res.body.readableEnded)
            r();
        else {
            res.body.once('end', () => r());
            res.body.once('error', () => r());
            res.body.once('close', () => r());
        }
    });
}
function header(res, name) {
    const v = res.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/registry/repository.ts








const ACCEPT = [...media_types/* MANIFEST_TYPES */._P].join(', ');
/** The largest manifest (or referrers index) read. */
const MANIFEST_LIMIT = 4 * 1024 * 1024;
/** The largest tag list read. */
const TAG_LIST_LIMIT = 16 * 1024 * 1024;
/** Default size above which a blob goes up in chunks, and the chunk size. */
const CHUNK_THRESHOLD = 256 * 1024 * 1024;
const CHUNK_SIZE = 32 * 1024 * 1024;
const DIGEST_REF = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-zA-Z0-9=_-]+$/;
/** One repository in a registry, speaking the OCI distribution API. */
class RegistryRepository {
    transport;
    repository;
    upload;
    label;
    registry;
    constructor(transport, repository, upload = {}) {
        this.transport = transport;
        this.repository = repository;
        this.upload = upload;
        this.registry = transport.registry;
        this.label = `${transport.registry}/${repository}`;
    }
    get pull() {
        return [`repository:${this.repository}:pull`];
    }
    get push() {
        return [`repository:${this.repository}:pull,push`];
    }
    path(kind, ref = '') {
        return `/v2/${this.repository}/${kind}/${ref}`;
    }
    async hasBlob(desc) {
        const res = await this.transport.request({
            method: 'HEAD',
            path: this.path('blobs', desc.digest),
            scopes: this.pull,
            expect: [200, 404],
        });
        await discard(res);
        return res.status === 200;
    }
    async openBlob(desc) {
        const res = await this.transport.request({
            method: 'GET',
            path: this.path('blobs', desc.digest),
            scopes: this.pull,
            expect: [200],
        });
        const verify = new VerifyStream(desc, `${this.label} blob`);
        res.body.on('error', (err) => verify.destroy(err));
        res.body.on('aborted', () => verify.destroy(new registry_errors/* ConnectionLostError */.N9(`${this.label}: connection closed mid-blob ${desc.digest}`)));
        return res.body.pipe(verify);
    }
    async readBlob(desc) {
        // Reading and verifying are part of each attempt: the transport's loop is the only one.
        return this.transport.request({
            method: 'GET',
            path: this.path('blobs', desc.digest),
            scopes: this.pull,
            expect: [200],
        }, async (res) => verifyBuffer(await readBody(res, undefined, `blob ${desc.digest} of ${this.label}`), desc, `${this.label} blob`));
    }
    /** Cross-repository mount; on 202 the registry opened an upload instead, which we cancel. */
    async mountBlob(desc, from) {
        const query = new URLSearchParams({ mount: desc.digest, from });
        const res = await this.transport.request({
            method: 'POST',
            path: `${this.path('blobs', 'uploads/')}?${query}`,
            scopes: [...this.push, `repository:${from}:pull`],
            expect: [201, 202],
        });
        await discard(res);
        if (res.status === 201)
            return true;
        const location = header(res, 'location');
        if (location) {
            await this.transport
                .request({ method: 'DELETE', path: location, scopes: this.push, expect: [204, 404] })
                .then(discard)
                .catch(() => { });
        }
        return false;
    }
    async putBlob(desc, open) {
        // A streamed body cannot be replayed by the transport: the whole upload is the unit retried.
        const what = `upload of ${desc.digest.slice(0, 19)} to ${this.label}`;
        return activity(`uploading blob ${desc.digest} to ${this.label}`, () => this.transport.operation(what, () => this.uploadOnce(desc, open)));
    }
    async startUpload() {
        const res = await this.transport.request({
            method: 'POST',
            path: this.path('blobs', 'uploads/'),
            scopes: this.push,
            expect: [202],
        });
        await discard(res);
        const location = header(res, 'location');
        if (!location)
            throw new Error(`${this.label}: upload started without a Location header`);
        return location;
    }
    async uploadOnce(desc, open) {
        const started = await openWhileStarting(open, () => this.startUpload());
        let location = started.location;
        const source = started.source;
        const threshold = this.upload.chunkThreshold ?? CHUNK_THRESHOLD;
        if (desc.size <= threshold) {
            const res = await this.transport.request({
                method: 'PUT',
                path: withDigest(location, desc.digest),
                scopes: this.push,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-length': String(desc.size),
                },
                body: source,
                expect: [201],
            });
            await discard(res);
            return desc.size;
        }
        const chunkSize = this.upload.chunkSize ?? CHUNK_SIZE;
        let offset = 0;
        for await (const chunk of chunks(source, chunkSize)) {
            const res = await this.transport.request({
                method: 'PATCH',
                path: location,
                scopes: this.push,
                headers: {
                    'content-type': 'application/octet-stream',
                    'content-range': `${offset}-${offset + chunk.length - 1}`,
                },
                body: chunk,
                expect: [202],
            });
            await discard(res);
            offset += chunk.length;
            location = header(res, 'location') ?? location;
        }
        const res = await this.transport.request({
            method: 'PUT',
            path: withDigest(location, desc.digest),
            scopes: this.push,
            body: Buffer.alloc(0),
            expect: [201],
        });
        await discard(res);
        return offset;
    }
    async getManifest(reference) {
        const name = `${this.label}@${reference}`;
        return this.transport.request({
            method: 'GET',
            path: this.path('manifests', reference),
            scopes: this.pull,
            headers: { accept: ACCEPT },
            expect: [200],
        }, async (res) => {
            const bytes = await readBody(res, MANIFEST_LIMIT, `manifest ${name}`);
            const parsed = (0,oci_manifest/* parseManifest */.Ng)(bytes, header(res, 'content-type'), name);
            if (DIGEST_REF.test(reference) && parsed.digest !== reference) {
                throw new registry_errors/* DigestMismatchError */.h(`${this.label}: manifest ${reference} came back with digest ${parsed.digest}`);
            }
            return parsed;
        });
    }
    async resolve(reference) {
        const res = await this.transport.request({
            method: 'HEAD',
            path: this.path('manifests', reference),
            scopes: this.pull,
            headers: { accept: ACCEPT },
            expect: [200, 404],
        });
        await discard(res);
        if (res.status === 404)
            return undefined;
        const digest = header(res, 'docker-content-digest');
        if (digest)
            return digest;
        return (await this.getManifest(reference)).digest;
    }
    async putManifest(raw, opts = {}) {
        await this.putManifestAt(raw, raw.digest);
        if (opts.tag)
            await this.putManifestAt(raw, opts.tag);
    }
    /**
     * Pushes by digest and says whether the registry acknowledged the manifest's subject
     * (OCI-Subject header): if not, the client keeps the referrers fallback tag itself.
     */
    async putManifestWithSubject(raw) {
        const res = await this.putManifestAt(raw, raw.digest);
        return { subjectHeader: header(res, 'oci-subject') !== undefined };
    }
    /** One PUT of the exact bytes, refusing a registry that stored them under another digest. */
    async putManifestAt(raw, reference) {
        const res = await this.transport.request({
            method: 'PUT',
            path: this.path('manifests', reference),
            scopes: this.push,
            headers: { 'content-type': raw.mediaType },
            body: raw.bytes,
            expect: [201],
        });
        await discard(res);
        const echoed = header(res, 'docker-content-digest');
        if (echoed && echoed !== raw.digest) {
            throw new registry_errors/* DigestMismatchError */.h(`${this.label}: registry stored manifest as ${echoed}, expected ${raw.digest}`);
        }
        return res;
    }
    /** Referrers API; undefined when the registry does not implement it. */
    async referrersApi(digest, artifactType) {
        const query = artifactType ? `?${new URLSearchParams({ artifactType })}` : '';
        const res = await this.transport.request({
            method: 'GET',
            path: `${this.path('referrers', digest)}${query}`,
            scopes: this.pull,
            headers: { accept: 'application/vnd.oci.image.index.v1+json' },
            expect: [200, 404],
        });
        const bytes = await readBody(res, MANIFEST_LIMIT, `referrers of ${this.label}@${digest}`);
        if (res.status === 404)
            return undefined;
        const contentType = header(res, 'content-type') ?? '';
        if (!contentType.includes('application/vnd.oci.image.index.v1+json'))
            return undefined;
        return (0,oci_manifest/* parseManifest */.Ng)(bytes, contentType, `${this.label} referrers of ${digest}`);
    }
    /** Referrers of `subject`: the referrers API when the registry has one, else the fallback tag. */
    async listReferrers(subject, artifactType) {
        const api = await this.referrersApi(subject, artifactType);
        if (api?.kind !== 'index')
            return (0,referrers/* listFallbackReferrers */.x0)(this, subject, artifactType);
        // A registry may ignore the filter (it says so in OCI-Filters-Applied): filter again.
        const listed = api.index.manifests;
        return artifactType ? listed.filter((d) => d.artifactType === artifactType) : listed;
    }
    /**
     * Pushes an artifact by digest. When the registry did not acknowledge its subject (no
     * OCI-Subject header), the client keeps the fallback tag index itself, merging on races.
     */
    async pushArtifact(artifact) {
        const { manifest, blobs, descriptor } = (0,referrers/* buildArtifact */.LR)(artifact);
        for (const b of blobs) {
            if (!(await this.hasBlob(b.desc)))
                await this.putBlob(b.desc, async () => external_node_stream_.Readable.from([b.data]));
        }
        const { subjectHeader } = await this.putManifestWithSubject(manifest);
        if (artifact.subject && !subjectHeader)
            await (0,referrers/* addFallbackReferrer */.de)(this, artifact.subject.digest, descriptor);
        return descriptor;
    }
    async indexReferrer(subject, referrer) {
        if ((await this.referrersApi(subject))?.kind === 'index')
            return;
        await (0,referrers/* addFallbackReferrer */.de)(this, subject, referrer);
    }
    async tags() {
        const res = await this.transport.request({
            method: 'GET',
            path: this.path('tags', 'list'),
            scopes: this.pull,
            expect: [200, 404],
        });
        const body = await readBody(res, TAG_LIST_LIMIT, `tag list of ${this.label}`);
        if (res.status === 404)
            return [];
        return (JSON.parse(body.toString('utf8')).tags ?? []).sort();
    }
    async deleteManifest(digest) {
        const res = await this.transport.request({
            method: 'DELETE',
            path: this.path('manifests', digest),
            scopes: [`repository:${this.repository}:delete`, ...this.push],
            expect: [202, 404],
        });
        await discard(res);
    }
}
/**
 * Opens the source while the registry starts the upload: one round trip less before bytes flow.
 * The upload's answer decides: if it fails, the opened source is closed and that failure is
 * what the caller sees. An error of the source before anyone reads it is kept (not an uncaught
 * 'error') and thrown here, so the upload never sends a dead stream.
 */
async function openWhileStarting(open, start) {
    const opening = open().then((s) => {
        s.on('error', () => { }); // kept in s.errored; the upload's own listener reports it
        return s;
    });
    opening.catch(() => { }); // a failed open is thrown below, not reported as unhandled meanwhile
    let location;
    try {
        location = await start();
    }
    catch (err) {
        await opening.then((s) => s.destroy(), () => { });
        throw err;
    }
    const source = await opening;
    if (source.errored)
        throw source.errored;
    return { location, source };
}
function withDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
/** Re-chunks a stream into buffers of `size` bytes (the last may be shorter): memory stays bounded. */
async function* chunks(source, size) {
    let pending = [];
    let length = 0;
    for await (const piece of source) {
        let buf = piece;
        while (length + buf.length >= size) {
            const take = size - length;
            pending.push(buf.subarray(0, take));
            yield Buffer.concat(pending);
            buf = buf.subarray(take);
            pending = [];
            length = 0;
        }
        if (buf.length) {
            pending.push(buf);
            length += buf.length;
        }
    }
    if (length)
        yield Buffer.concat(pending);
}

// EXTERNAL MODULE: ./packages/core/src/util/retry.ts
var retry = __webpack_require__(9468);
;// CONCATENATED MODULE: ./packages/core/src/oci/registry/auth.ts




/** The largest token response read. */
const TOKEN_RESPONSE_LIMIT = 1024 * 1024;
/** `Basic …` for these credentials; the base64 form is masked like the password itself. */
function basicAuthorization(username, password) {
    const encoded = Buffer.from(`${username}:${password}`).toString('base64');
    (0,src_log/* setSecret */.Pq)(encoded);
    return `Basic ${encoded}`;
}
const tokenResponse = schemas/* object */.Ikc({
    token: schemas/* string */.YjP().optional(),
    access_token: schemas/* string */.YjP().optional(),
    refresh_token: schemas/* string */.YjP().optional(),
    expires_in: schemas/* number */.aig().optional(),
});
const scopeKey = (scopes) => [...scopes].sort().join(' ');
/**
 * Per-registry authorization: Basic, or the distribution token flow with tokens cached per
 * scope set. Once a registry has challenged us, later requests are authorised up front so
 * each new scope costs one token request, not a 401 round trip.
 */
class Authenticator {
    registry;
    loadCredentials;
    now;
    options;
    challenge;
    // Promises, so concurrent requests for one scope share one token request.
    tokens = new Map();
    credentials;
    credentialsLoaded = false;
    constructor(registry, loadCredentials, now = Date.now, options = {}) {
        this.registry = registry;
        this.loadCredentials = loadCredentials;
        this.now = now;
        this.options = options;
    }
    async creds() {
        if (!this.credentialsLoaded) {
            this.credentials = await this.loadCredentials();
            this.credentialsLoaded = true;
        }
        return this.credentials;
    }
    /** Header for these scopes, if the registry is known to need one. */
    async authorization(scopes) {
        if (!this.challenge)
            return undefined;
        if (this.challenge.scheme === 'basic') {
            const c = await this.creds();
            if (!c?.username || c.password === undefined)
                return undefined;
            return basicAuthorization(c.username, c.password);
        }
        const key = scopeKey(scopes);
        const pending = this.tokens.get(key);
        const cached = pending ? await pending.catch(() => undefined) : undefined;
        if (cached && cached.expiresAt > this.now())
            return `Bearer ${cached.value}`;
        const fresh = this.fetchToken(scopes);
        this.tokens.set(key, fresh);
        fresh.catch(() => this.tokens.delete(key));
        return `Bearer ${(await fresh).value}`;
    }
    /**
     * Records a 401 challenge. Returns false when retrying cannot help: Basic credentials were
     * already sent and refused, or there are none.
     */
    async challenged(challenge, scopes, sentAuthorization) {
        if (!challenge)
            return false;
        this.challenge = challenge;
        if (challenge.scheme === 'basic')
            return !sentAuthorization?.startsWith('Basic') && (await this.creds()) !== undefined;
        // A refused token is dropped, unless a concurrent request already replaced it.
        const key = scopeKey(scopes);
        const pending = this.tokens.get(key);
        if (pending && `Bearer ${(await pending.catch(() => undefined))?.value}` === sentAuthorization)
            this.tokens.delete(key);
        return true;
    }
    async fetchToken(scopes) {
        const params = this.challenge?.params ?? {};
        if (!params.realm)
            throw new Error(`${this.registry} asked for a Bearer token but gave no realm`);
        const c = await this.creds();
        if (c?.registryToken)
            return { value: c.registryToken, expiresAt: Number.MAX_SAFE_INTEGER };
        const url = new URL(params.realm);
        // A realm over http would carry the credentials, or hand out a token, in clear text.
        if (url.protocol !== 'https:' && (this.options.scheme ?? 'https') === 'https') {
            throw new registry_errors/* InsecureRealmError */.yu(`${this.registry} is https but names the token realm ${url.origin}${url.pathname} over plain ${url.protocol.replace(':', '')}: refusing to send credentials or take a token there`);
        }
        const headers = {};
        let method = 'GET';
        let body;
        if (c?.identityToken) {
            // docker login's identity token is an OAuth2 refresh token: exchange it with a POST.
            method = 'POST';
            const form = new URLSearchParams({
                grant_type: 'refresh_token',
                refresh_token: c.identityToken,
                service: params.service ?? '',
                client_id: 'kiln',
                scope: scopes.join(' '),
            });
            body = Buffer.from(form.toString());
            headers['content-type'] = 'application/x-www-form-urlencoded';
        }
        else {
            if (params.service)
                url.searchParams.set('service', params.service);
            for (const s of scopes)
                url.searchParams.append('scope', s);
            if (c?.username && c.password !== undefined) {
                headers.authorization = basicAuthorization(c.username, c.password);
            }
        }
        const res = await send({ method, url, headers, body, limits: this.options.limits });
        if (res.status !== 200) {
            const text = (await readBody(res).catch(() => Buffer.alloc(0)))
                .toString('utf8')
                .slice(0, 300);
            throw new registry_errors/* RegistryError */.gl(method, url.origin + url.pathname, res.status, [], `token request for ${scopes.join(' ')} refused${text ? ': ' + text : ''}`);
        }
        const parsed = tokenResponse.safeParse(JSON.parse((await readBody(res, TOKEN_RESPONSE_LIMIT, `token response from ${url.origin}`)).toString('utf8')));
        const value = parsed.success ? (parsed.data.token ?? parsed.data.access_token) : undefined;
        if (!value) {
            await discard(res).catch(() => { });
            throw new Error(`token server ${url.origin} returned no token`);
        }
        (0,src_log/* setSecret */.Pq)(value);
        // Renew a little early so a token never expires mid-request.
        const ttl = Math.max(60, parsed.data?.expires_in ?? 60);
        return { value, expiresAt: this.now() + (ttl - 10) * 1000 };
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/registry/challenge.ts
function parseChallenge(header) {
    if (!header)
        return undefined;
    const m = /^\s*(\w+)\s*(.*)$/s.exec(header);
    if (!m)
        return undefined;
    const scheme = m[1].toLowerCase();
    if (scheme !== 'bearer' && scheme !== 'basic')
        return undefined;
    const params = {};
    const re = /([\w-]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^,\s]*))/g;
    for (let p = re.exec(m[2]); p; p = re.exec(m[2])) {
        params[p[1].toLowerCase()] =
            p[2] !== undefined ? p[2].replace(/\\(.)/g, '$1') : (p[3] ?? '');
    }
    return { scheme, params };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/registry/transport.ts










const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/;
/** Redirects followed for one GET or HEAD, as browsers and Go's client bound them. */
const MAX_REDIRECTS = 5;
const REDIRECT = new Set([301, 302, 303, 307, 308]);
// Set while an operation (several requests retried as one, e.g. a streamed upload) runs: the
// requests inside try once and the operation owns the attempts, so retries never multiply.
const inOperation = new external_node_async_hooks_.AsyncLocalStorage();
function isLoopback(registry) {
    return LOOPBACK.test(registry);
}
/** HTTPS unless the host is loopback (as docker allows) or listed as insecure. */
function schemeFor(registry, insecure = []) {
    return isLoopback(registry) || insecure.includes(registry) ? 'http' : 'https';
}
const replayableBody = (body) => !body || Buffer.isBuffer(body);
/**
 * Requests to one registry host, with auth, redirects and the one retry layer. Credentials
 * go to this registry's origin only: never to a redirect target or an upload Location on
 * another origin.
 */
class RegistryTransport {
    registry;
    opts;
    base;
    auth;
    constructor(registry, opts = {}) {
        this.registry = registry;
        this.opts = opts;
        const scheme = schemeFor(registry, opts.insecureRegistries);
        this.base = new URL(`${scheme}://${registry}`);
        this.auth = new Authenticator(registry, opts.credentials ?? (async () => undefined), Date.now, {
            scheme,
            limits: opts.limits,
        });
    }
    get attempts() {
        return this.opts.attempts ?? 5;
    }
    url(path) {
        return new URL(path, this.base);
    }
    async request(req, read) {
        const attempt = async () => {
            const res = await this.once(req);
            return read ? read(res) : res;
        };
        const where = `${req.method} ${redactUrl(this.url(req.path))}`;
        return this.retrying(attempt, replayableBody(req.body) ? this.attempts : 1, (err, n, wait) => (0,src_log/* debug */.Yz)(`${where}: ${(0,errors/* errorMessage */.gJ)(err)}; retry ${n} in ${wait} ms`));
    }
    /**
     * Several requests retried as a whole (a streamed upload: start, send, finish). The requests
     * inside try once each; a steady failure costs `attempts` tries in all.
     */
    async operation(what, fn) {
        return this.retrying(() => inOperation.run(true, fn), this.attempts, (err, n, wait) => (0,src_log/* info */.pq)(`  retrying ${what} in ${wait} ms (${n}): ${(0,errors/* errorMessage */.gJ)(err)}`));
    }
    /** The retry loop: only the outermost one retries and says, when it gives up, how it went. */
    async retrying(fn, attempts, onRetry) {
        if (inOperation.getStore())
            return fn();
        const started = Date.now();
        const doing = currentActivity();
        const deadline = this.opts.limits?.deadline;
        let tries = 0;
        let last;
        try {
            return await (0,retry/* retry */.L5)(async () => {
                tries++;
                return await fn();
            }, {
                attempts,
                retryable: registry_errors/* retryVerdict */.yD,
                onRetry: (err, n, wait) => {
                    last = err;
                    onRetry(err, n, wait);
                },
                // A wait that would end past the deadline is not taken: the action has no time left.
                sleep: async (ms) => {
                    if (deadline && Date.now() + ms >= deadline.at && last instanceof registry_errors/* RegistryRequestError */.vs)
                        throw new registry_errors/* TransferError */.aG(last.method, last.url, 'deadline', `the ${(0,registry_errors/* formatMs */._V)(deadline.ms)} timeout leaves no time for another try after: ${last.message}`, { cause: last });
                    await (this.opts.sleep ?? retry/* sleep */.yy)(ms);
                },
            });
        }
        catch (err) {
            if (err instanceof registry_errors/* RegistryRequestError */.vs)
                err.annotate({ activity: doing, attempts: tries, elapsedMs: Date.now() - started });
            throw err;
        }
    }
    async once(req) {
        let url = this.url(req.path);
        const follow = req.method === 'GET' || req.method === 'HEAD';
        for (let hops = 0, authTry = 0;;) {
            // Credentials belong to the origin that challenged for them, and to no other.
            const own = url.origin === this.base.origin;
            const headers = { ...req.headers };
            const authorization = own ? await this.auth.authorization(req.scopes) : undefined;
            if (authorization)
                headers.authorization = authorization;
            let res;
            try {
                res = await send({
                    method: req.method,
                    url,
                    headers,
                    body: req.body,
                    limits: this.opts.limits,
                });
            }
            catch (err) {
                // A failing upload source (another registry's stream) keeps its own error.
                if (err instanceof registry_errors/* RegistryRequestError */.vs ||
                    err instanceof registry_errors/* DigestMismatchError */.h ||
                    err instanceof registry_errors/* ConnectionLostError */.N9)
                    throw err;
                throw new registry_errors/* TransferError */.aG(req.method, redactUrl(url), 'network', (0,errors/* errorMessage */.gJ)(err), {
                    cause: err,
                });
            }
            if (follow && REDIRECT.has(res.status)) {
                await discard(res);
                const location = header(res, 'location');
                if (!location || ++hops > MAX_REDIRECTS) {
                    throw new registry_errors/* RegistryError */.gl(req.method, redactUrl(url), res.status, [], location ? `more than ${MAX_REDIRECTS} redirects` : 'redirect without a Location');
                }
                url = new URL(location, url);
                if (url.protocol !== 'https:' && url.protocol !== 'http:')
                    throw new registry_errors/* RegistryError */.gl(req.method, redactUrl(url), res.status, [], 'redirect to a non-HTTP URL');
                continue;
            }
            if (res.status === 401 && own && authTry === 0 && replayableBody(req.body)) {
                authTry++;
                await discard(res);
                const challenge = parseChallenge(header(res, 'www-authenticate'));
                if (await this.auth.challenged(challenge, req.scopes, authorization))
                    continue;
                throw new registry_errors/* RegistryError */.gl(req.method, redactUrl(url), 401, ['UNAUTHORIZED'], `authentication required for ${this.registry}; give registry-username/registry-password or log in with docker login`);
            }
            if (req.expect.includes(res.status))
                return res;
            throw await errorFrom(req.method, url, res);
        }
    }
}
/** The most of an error response read for its message. */
const ERROR_BODY_LIMIT = 64 * 1024;
const errorBody = (text) => {
    try {
        const json = JSON.parse(text);
        if (Array.isArray(json.errors)) {
            return {
                codes: json.errors.map((e) => e.code ?? '').filter(Boolean),
                detail: json.errors
                    .map((e) => e.message ?? '')
                    .filter(Boolean)
                    .join('; '),
            };
        }
    }
    catch {
        /* not JSON */
    }
    return { codes: [], detail: text.trim().slice(0, 300) };
};
async function errorFrom(method, url, res) {
    const text = method === 'HEAD'
        ? ''
        : (await readBody(res, ERROR_BODY_LIMIT).catch(() => Buffer.alloc(0))).toString('utf8');
    if (method === 'HEAD')
        await discard(res).catch(() => { });
    const { codes, detail } = errorBody(text);
    return new registry_errors/* RegistryError */.gl(method, redactUrl(url), res.status, codes, detail, (0,registry_errors/* retryAfterMs */.Vs)(header(res, 'retry-after')));
}

;// CONCATENATED MODULE: ./packages/core/src/oci/registries.ts




/** One transport per registry host, so auth tokens and connections are shared by every repository. */
class Registries {
    options;
    transports = new Map();
    /** When the action's time for registry traffic ends. */
    deadline;
    constructor(options = {}) {
        this.options = options;
        const ms = options.timeoutMs;
        this.deadline = ms ? { at: Date.now() + ms, ms } : undefined;
    }
    transport(registry) {
        let t = this.transports.get(registry);
        if (!t) {
            const o = this.options;
            t = new RegistryTransport((0,oci_reference/* apiHost */.nz)(registry), {
                insecureRegistries: o.insecureRegistries,
                attempts: o.attempts,
                sleep: o.sleep,
                limits: { ...o.transfer, deadline: this.deadline },
                credentials: () => {
                    const own = !o.credentialsRegistry || o.credentialsRegistry === registry;
                    return resolveCredentials(registry, {
                        ...(own ? { username: o.username, password: o.password } : {}),
                        configPath: o.dockerConfig,
                    });
                },
            });
            this.transports.set(registry, t);
        }
        return t;
    }
    repository(registry, repository) {
        return new RegistryRepository(this.transport(registry), repository, this.options.upload);
    }
}

;// CONCATENATED MODULE: ./packages/core/src/util/map-limit.ts
/**
 * Runs `fn` over items with at most `limit` in flight; stops starting new ones on the first
 * error. The error is thrown at once, or with `settle` only once the calls in flight have
 * ended (for work that writes files, so nothing is still writing when the caller cleans up).
 */
async function mapLimit(items, limit, fn, { settle = false } = {}) {
    const results = new Array(items.length);
    let next = 0;
    let failed = false;
    const worker = async () => {
        while (!failed && next < items.length) {
            const i = next++;
            try {
                results[i] = await fn(items[i], i);
            }
            catch (err) {
                failed = true;
                throw err;
            }
        }
    };
    const workers = Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker);
    if (!settle)
        await Promise.all(workers);
    else {
        const rejected = (await Promise.allSettled(workers)).find((r) => r.status === 'rejected');
        if (rejected)
            throw rejected.reason;
    }
    return results;
}

;// CONCATENATED MODULE: ./packages/core/src/oci/copy.ts






/** The target does not hold what was copied after the copy: never reported as success. */
class CopyVerificationError extends Error {
    name = 'CopyVerificationError';
}
/** Most referrers copied with one image: bounds what a hostile source can make us fetch. */
const MAX_COPIED_REFERRERS = 1024;
/**
 * Copies one image or a whole index (every platform, nested indexes included) by digest. Blobs
 * go first (skip what the target has, mount within one registry), manifests last and children
 * before their index at every level, so a failed copy never leaves a manifest whose blobs or
 * children are missing. Ends by reading every manifest back and failing unless the target holds
 * each digest.
 */
async function copyImage(source, target, digest, opts = {}) {
    const log = opts.log ?? src_log/* info */.pq;
    const result = {
        digest,
        mediaType: '',
        manifests: 0,
        blobs: 0,
        copiedBytes: 0,
        mountedBlobs: 0,
        skippedBlobs: 0,
    };
    const tree = await readManifestTree(source, digest);
    const root = tree.root;
    result.mediaType = root.mediaType;
    // Platform images often share blobs; copy each once.
    const blobs = new Map();
    for (const { manifest } of tree.images) {
        for (const b of (0,oci_manifest/* blobsOf */.OR)(manifest.manifest))
            blobs.set(b.digest, b);
    }
    result.blobs = blobs.size;
    const mountFrom = isMountable(source) &&
        isMountable(target) &&
        source.registry === target.registry &&
        source.repository !== target.repository
        ? source.repository
        : undefined;
    await mapLimit([...blobs.values()], opts.concurrency ?? 8, async (blob) => {
        const short = blob.digest.slice(7, 19);
        if (await target.hasBlob(blob)) {
            result.skippedBlobs++;
            log(`  ${short} exists`);
            return;
        }
        if (mountFrom && isMountable(target) && (await target.mountBlob(blob, mountFrom))) {
            result.mountedBlobs++;
            log(`  ${short} mounted from ${mountFrom}`);
            return;
        }
        // Await first: `x += await y` reads x before the wait and loses concurrent additions.
        const bytes = await activity(`copying blob ${blob.digest} to ${target.label}`, () => target.putBlob(blob, () => source.openBlob(blob)));
        result.copiedBytes += bytes;
        log(`  ${short} copied (${blob.size} bytes)`);
    });
    // tree.manifests lists children before their index and the root last: at every level a
    // registry sees an index only after everything it lists is in place.
    for (const m of tree.manifests) {
        await target.putManifest(m, m === root ? { root: true } : {});
        result.manifests++;
    }
    for (const tag of opts.tags ?? [])
        await target.putManifest(root, { tag });
    // A store may accept an index whose children it does not hold (a layout, a lax registry).
    for (const m of tree.manifests) {
        const readBack = await target.resolve(m.digest);
        if (readBack !== m.digest) {
            const what = m === root ? '' : ` (listed by ${digest})`;
            throw new CopyVerificationError(`copy to ${target.label} did not verify: target holds ${readBack ?? 'nothing'} for ${m.digest}${what}`);
        }
    }
    if (opts.referrers) {
        result.referrers = await copyReferrers(source, target, digest, { ...opts, log });
    }
    return result;
}
/**
 * Copies the referrers of `digest` breadth-first (referrers of referrers too), each one as an
 * image of its own and then listed at the target as a referrer of its subject.
 */
async function copyReferrers(source, target, digest, opts) {
    const stores = artifactStores(source, target);
    const copied = [];
    const seen = new Set([digest]);
    const subjects = [digest];
    for (let subject = subjects.shift(); subject; subject = subjects.shift()) {
        for (const listed of await stores.source.listReferrers(subject)) {
            if (seen.has(listed.digest))
                continue;
            seen.add(listed.digest);
            if (copied.length >= MAX_COPIED_REFERRERS)
                throw new Error(`${source.label}@${digest} has more than ${MAX_COPIED_REFERRERS} referrers (refused)`);
            await copyImage(source, target, listed.digest, {
                ...(opts.concurrency ? { concurrency: opts.concurrency } : {}),
                log: opts.log,
            });
            await stores.target.indexReferrer(subject, listed);
            copied.push({
                subject,
                digest: listed.digest,
                ...(listed.artifactType ? { artifactType: listed.artifactType } : {}),
            });
            opts.log(`  referrer ${listed.digest.slice(7, 19)} ${listed.artifactType ?? ''} copied`);
            subjects.push(listed.digest);
        }
    }
    return copied;
}
function artifactStores(source, target) {
    for (const s of [source, target]) {
        if (!isArtifactStore(s))
            throw new Error(`${s.label} cannot list or store referrers`);
    }
    return { source: source, target: target };
}

;// CONCATENATED MODULE: ./packages/core/src/oci/inspect.ts


const configPlatform = schemas/* object */.Ikc({
    architecture: schemas/* string */.YjP(),
    os: schemas/* string */.YjP(),
    variant: schemas/* string */.YjP().optional(),
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
    const tree = await readManifestTree(store, digest);
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

;// CONCATENATED MODULE: ./packages/core/src/oci/layout/layout-undo.ts



/** The folders of a layout whose entries a write can add to. */
const FOLDERS = [[], ['blobs'], ['blobs', 'sha256'], ['blobs', 'sha512']];
async function missing(path) {
    return (0,promises_.lstat)(path).then(() => false, (err) => {
        if (err.code === 'ENOENT')
            return true;
        throw err;
    });
}
const namesOf = (path) => (0,promises_.readdir)(path).then((names) => new Set(names), () => undefined);
async function snapshot(dir) {
    if (await missing(dir)) {
        let created = dir;
        while ((0,external_node_path_.dirname)(created) !== created && (await missing((0,external_node_path_.dirname)(created))))
            created = (0,external_node_path_.dirname)(created);
        return { created, names: new Map() };
    }
    const names = new Map();
    for (const parts of FOLDERS) {
        const found = await namesOf((0,external_node_path_.join)(dir, ...parts));
        if (found)
            names.set(parts.join('/'), found);
    }
    const before = { names };
    // Only a regular file is kept for restoring; a link there is refused by the write itself.
    const index = (0,external_node_path_.join)(dir, 'index.json');
    if ((await (0,promises_.lstat)(index).catch(() => undefined))?.isFile())
        before.index = await (0,promises_.readFile)(index);
    return before;
}
async function undo(dir, before, label) {
    if (before.created) {
        await (0,promises_.rm)(before.created, { recursive: true, force: true });
        return;
    }
    // Deepest folders first, so a folder the write created is removed whole from its parent.
    for (const parts of [...FOLDERS].reverse()) {
        const had = before.names.get(parts.join('/'));
        if (!had)
            continue;
        for (const name of (await namesOf((0,external_node_path_.join)(dir, ...parts))) ?? []) {
            if (!had.has(name))
                await (0,promises_.rm)((0,external_node_path_.join)(dir, ...parts, name), { recursive: true, force: true });
        }
    }
    if (before.index) {
        const now = await (0,promises_.readFile)((0,external_node_path_.join)(dir, 'index.json')).catch(() => undefined);
        if (!now?.equals(before.index))
            await writeLayoutFile(dir, ['index.json'], before.index, label);
    }
}
/**
 * Runs `fn`, which writes an image into the layout at `dir`; if it fails, takes back what it
 * added so a failed write leaves no debris: a folder it created is removed, and a folder that
 * existed keeps exactly its previous entries, blobs and index.json.
 */
async function undoLayoutWriteOnFailure(dir, label, fn) {
    const before = await snapshot(dir);
    try {
        return await fn();
    }
    catch (err) {
        // The write's own error is the one to report; a failed clean-up must not hide it.
        await undo(dir, before, label).catch(() => undefined);
        throw err;
    }
}

;// CONCATENATED MODULE: ./packages/core/src/oci/index.ts
// The OCI domain: references, registries, image stores, copy, referrers, inspection.


















/***/ })

};
