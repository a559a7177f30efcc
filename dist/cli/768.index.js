export const id = 768;
export const ids = [768];
export const modules = {

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
