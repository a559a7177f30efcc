export const id = 768;
export const ids = [768];
export const modules = {

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


/***/ })

};
