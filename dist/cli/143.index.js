export const id = 143;
export const ids = [143];
export const modules = {

/***/ 34469:
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

/***/ 24200:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   xZ: () => (/* binding */ openFleet)
/* harmony export */ });
/* unused harmony exports PROVIDER_KINDS, loadProvider */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(37638);

/** The kinds the `provider` input accepts. */
const PROVIDER_KINDS = ['swarm', 'kubernetes', 'aws-asg'];
/**
 * Loads a provider with `import()` where it is first used, so an action that never deploys
 * never loads an engine client (and later the Kubernetes and AWS SDKs).
 */
async function loadProvider(kind, settings) {
    switch (kind) {
        case 'swarm': {
            const { SwarmProvider } = await __webpack_require__.e(/* import() */ 252).then(__webpack_require__.bind(__webpack_require__, 88252));
            return new SwarmProvider(settings);
        }
        case 'aws-asg': {
            // The AWS SDK (three clients) loads here, only for a fleet on Auto Scaling.
            const { AwsAsgProvider } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 49809));
            return new AwsAsgProvider(settings);
        }
        case 'kubernetes': {
            // @kubernetes/client-node loads here, only for a fleet on Kubernetes.
            const { KubernetesProvider } = await Promise.all(/* import() */[__webpack_require__.e(118), __webpack_require__.e(830), __webpack_require__.e(943), __webpack_require__.e(198)]).then(__webpack_require__.bind(__webpack_require__, 53198));
            return new KubernetesProvider(settings);
        }
        default:
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('provider', String(kind), `must be one of ${PROVIDER_KINDS.join(', ')}`);
    }
}
/**
 * Opens an environment's fleet: each provider's kiln.yml block through that provider's own
 * mapper, so replace-fleet, rollback and status open the same fleet the same way.
 */
async function openFleet(fleet, opening = {}) {
    const log = opening.log ? { log: opening.log } : {};
    switch (fleet.provider) {
        case 'swarm': {
            const host = fleet.settings.dockerHost;
            return loadProvider('swarm', {
                target: fleet.target,
                ...(host ? { dockerHost: host } : {}),
                ...(opening.router ? { router: opening.router } : {}),
                ...log,
                ...opening.tuning?.swarm,
            });
        }
        case 'kubernetes': {
            const { kubernetesSettingsOf } = await __webpack_require__.e(/* import() */ 950).then(__webpack_require__.bind(__webpack_require__, 35950));
            return loadProvider('kubernetes', {
                ...kubernetesSettingsOf(fleet.target, fleet.settings),
                ...(opening.kubeconfig?.trim() ? { kubeconfig: opening.kubeconfig } : {}),
                ...(opening.url ? { url: opening.url } : {}),
                ...log,
                ...opening.tuning?.kubernetes,
            });
        }
        case 'aws-asg': {
            // The SDK loads with the mapper's module; loadProvider finds it already loaded.
            const { awsAsgSettingsOf } = await Promise.all(/* import() */[__webpack_require__.e(871), __webpack_require__.e(809)]).then(__webpack_require__.bind(__webpack_require__, 49809));
            return loadProvider('aws-asg', {
                ...awsAsgSettingsOf(fleet.target, fleet.settings),
                ...log,
                ...opening.tuning?.['aws-asg'],
            });
        }
        default:
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .invalidInput */ .aY)('provider', String(fleet.provider), `must be one of ${PROVIDER_KINDS.join(', ')}`);
    }
}


/***/ }),

/***/ 74890:
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
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(50000);
/* harmony import */ var zod__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(37428);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3547);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(37638);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(22715);




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

/***/ 22715:
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

/***/ 23847:
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
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57075);
/* harmony import */ var node_stream__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_stream__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _util_retry_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(29468);
/* harmony import */ var _digest_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3547);
/* harmony import */ var _manifest_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74890);
/* harmony import */ var _media_types_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(22715);





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

/***/ 41353:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  NOT_DEPLOYED: () => (/* reexport */ NOT_DEPLOYED),
  age: () => (/* reexport */ age),
  environmentFleet: () => (/* reexport */ environmentFleet),
  environmentsStatus: () => (/* reexport */ environmentsStatus),
  formatStatus: () => (/* reexport */ formatStatus),
  statusCells: () => (/* reexport */ statusCells),
  statusNotes: () => (/* reexport */ statusNotes)
});

// EXTERNAL MODULE: ./packages/core/src/errors.ts
var errors = __webpack_require__(37638);
// EXTERNAL MODULE: ./packages/core/src/fleet/converged.ts
var converged = __webpack_require__(34469);
// EXTERNAL MODULE: ./packages/core/src/fleet/providers.ts
var providers = __webpack_require__(24200);
// EXTERNAL MODULE: ./packages/core/src/ledger/queries.ts
var queries = __webpack_require__(26711);
// EXTERNAL MODULE: ./packages/core/src/ledger/store.ts
var store = __webpack_require__(3986);
;// CONCATENATED MODULE: ./packages/core/src/status/status.ts





/**
 * A ledger whose head is read once: the queries each start from the head, and one status
 * row must describe one moment, not a head that moved between two of its columns.
 */
class HeadSnapshot extends store/* Ledger */.Oc {
    headRead;
    head() {
        this.headRead ??= super.head();
        return this.headRead;
    }
}
/** The provider for an environment from its kiln.yml settings, loaded on first use. */
async function environmentFleet(env, dockerHost) {
    if (env.provider !== 'swarm')
        return (0,providers/* openFleet */.xZ)(env);
    const host = env.settings.dockerHost ?? dockerHost;
    return (0,providers/* openFleet */.xZ)({
        ...env,
        settings: { ...env.settings, ...(host ? { dockerHost: host } : {}) },
    });
}
/** The fleet's N/N on `digest` (else on what it runs), never throwing: a row shows the error. */
async function fleetHealth(provider, digest) {
    const state = await provider.current();
    const want = digest ?? (state.image ? (0,converged/* digestOf */.ol)(state.image) : undefined);
    if (!state.exists || !want)
        return {
            exists: state.exists,
            healthy: 0,
            replicas: state.replicas,
            converged: false,
            running: state.digests,
            problems: state.exists ? ['the fleet names no digest'] : [],
        };
    const proof = await provider.converged(want, state.replicas);
    return {
        exists: true,
        digest: want,
        healthy: proof.healthy,
        replicas: proof.replicas,
        converged: proof.converged,
        running: state.digests,
        problems: proof.problems,
    };
}
/** One environment's row: three ledger reads at most (the head, and the known-good entry). */
async function environmentStatus(env, deps) {
    const ledger = new HeadSnapshot(deps.store, env.name);
    const fleetOf = deps.fleet ?? ((e) => environmentFleet(e, deps.dockerHost));
    const [head, digest] = await Promise.all([ledger.head(), (0,queries/* current */.ss)(ledger)]);
    const [since, good, fleet] = await Promise.all([
        digest ? (0,queries/* deployedSince */.JZ)(ledger, digest) : undefined,
        head ? (0,queries/* lastKnownGood */.zf)(ledger) : undefined,
        fleetOf(env)
            .then((p) => fleetHealth(p, digest))
            .then((health) => ({ health }), (err) => ({ error: (0,errors/* errorMessage */.gJ)(err) })),
    ]);
    return {
        environment: env.name,
        provider: env.provider,
        target: env.target,
        ...(digest ? { digest } : {}),
        ...(since ? { since: since.toISOString() } : {}),
        ...('health' in fleet ? { fleet: fleet.health } : { fleetError: fleet.error }),
        ...(head
            ? {
                head: {
                    seq: head.entry.seq,
                    entry: head.digest,
                    action: head.entry.action,
                    outcome: head.entry.outcome,
                    at: head.entry.at,
                },
            }
            : {}),
        ...(good
            ? { lastKnownGood: { digest: good.entry.digest, seq: good.entry.seq, at: good.entry.at } }
            : {}),
    };
}
/**
 * Every environment of the config, in file order: what the ledger says runs, since when, and
 * whether the fleet runs it N/N healthy. Ledger failures (a corrupt entry) fail the status;
 * a fleet that cannot be read is shown on its row.
 */
async function environmentsStatus(config, deps) {
    return Promise.all([...config.environments.values()].map((e) => environmentStatus(e, deps)));
}

;// CONCATENATED MODULE: ./packages/core/src/status/status-format.ts

/** Shown in the digest column of an environment no deploy has reached. */
const NOT_DEPLOYED = 'not deployed';
const COLUMNS = ['ENVIRONMENT', 'DIGEST', 'HEALTHY', 'SINCE', 'LEDGER HEAD', 'LAST KNOWN-GOOD'];
/** `3h 5m ago`: the two largest units, enough to see a soak at a glance. */
function age(from, now) {
    let s = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 1000));
    const parts = [];
    for (const [unit, size] of [
        ['d', 86_400],
        ['h', 3_600],
        ['m', 60],
        ['s', 1],
    ]) {
        if (s >= size || (unit === 's' && parts.length === 0)) {
            parts.push(`${Math.floor(s / size)}${unit}`);
            s %= size;
        }
        if (parts.length === 2)
            break;
    }
    return `${parts.join(' ')} ago`;
}
function healthy(r) {
    if (r.fleetError !== undefined)
        return 'unknown';
    if (!r.fleet)
        return '-';
    if (!r.fleet.exists)
        return 'no fleet';
    return `${r.fleet.healthy}/${r.fleet.replicas}${r.fleet.converged ? '' : ' !'}`;
}
/** The cells of one row, as plain text (the CLI prints them through the logger's safe write). */
function statusCells(r, now) {
    return [
        r.environment,
        r.digest ? (0,converged/* shortDigest */.VK)(r.digest) : NOT_DEPLOYED,
        healthy(r),
        r.since ? `${r.since.replace(/\.\d+Z$/, 'Z')} (${age(new Date(r.since), now)})` : '-',
        r.head ? `#${r.head.seq} ${r.head.action}/${r.head.outcome} ${(0,converged/* shortDigest */.VK)(r.head.entry)}` : '-',
        r.lastKnownGood ? `${(0,converged/* shortDigest */.VK)(r.lastKnownGood.digest)} (#${r.lastKnownGood.seq})` : '-',
    ];
}
/** Why a row is not N/N on the ledger's digest, one line each, for under the table. */
function statusNotes(r) {
    const notes = [];
    if (r.fleetError !== undefined)
        notes.push(`fleet ${r.target} could not be read: ${r.fleetError}`);
    const f = r.fleet;
    if (f?.exists && r.digest && f.running.some((d) => d !== r.digest))
        notes.push(`fleet ${r.target} runs ${f.running.map(converged/* shortDigest */.VK).join(', ')}, not only the ledger's ${(0,converged/* shortDigest */.VK)(r.digest)}`);
    if (f?.exists && !r.digest && f.digest)
        notes.push(`fleet ${r.target} runs ${(0,converged/* shortDigest */.VK)(f.digest)}, which no ledger entry records`);
    if (f && !f.exists && r.digest)
        notes.push(`fleet ${r.target} does not exist, though the ledger says ${(0,converged/* shortDigest */.VK)(r.digest)} runs`);
    if (f?.exists && !f.converged)
        notes.push(...f.problems.map((p) => `${r.target}: ${p}`));
    return notes.map((n) => `${r.environment}: ${n}`);
}
/** The environments table with notes under it. */
function formatStatus(rows, now = new Date()) {
    const table = [COLUMNS, ...rows.map((r) => statusCells(r, now))];
    const widths = COLUMNS.map((_, i) => Math.max(...table.map((cells) => (cells[i] ?? '').length)));
    const lines = table.map((cells) => cells
        .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)))
        .join('  ')
        .trimEnd());
    const notes = rows.flatMap(statusNotes);
    return [...lines, ...(notes.length ? ['', ...notes] : [])].join('\n');
}

;// CONCATENATED MODULE: ./packages/core/src/status/index.ts
// `kiln status`: each environment's digest, N/N, since when, ledger head and last known-good.




/***/ }),

/***/ 29468:
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
