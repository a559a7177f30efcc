export const id = 730;
export const ids = [730];
export const modules = {

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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(0);
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
