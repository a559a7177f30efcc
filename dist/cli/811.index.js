export const id = 811;
export const ids = [811];
export const modules = {

/***/ 1811:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   copy: () => (/* binding */ copy)
/* harmony export */ });
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4709);
/* harmony import */ var _kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6137);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1719);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6350);




const copyUsage = _usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u.copy;
async function copy(argv) {
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(argv, {
        ..._options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryFlags */ .hE,
        tag: { type: 'string', multiple: true },
        concurrency: { type: 'string' },
    });
    if (positionals.length !== 2)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`usage: kiln ${copyUsage}`);
    const src = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .parseLocation */ .zS)(positionals[0], 'SRC');
    const dst = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .parseLocation */ .zS)(positionals[1], 'DST');
    if (dst.kind === 'registry' && dst.ref.digest) {
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`DST ${positionals[1]}: name a repository (optionally :tag), not a digest; the digest comes from SRC`);
    }
    const tags = [
        ...(values.tag ?? []),
        ...(dst.kind === 'registry' && dst.ref.tag ? [dst.ref.tag] : []),
        ...(dst.kind === 'layout' && dst.tag ? [dst.tag] : []),
    ];
    // A folder that is not a layout is refused before any request; a failed copy leaves no debris.
    if (dst.kind === 'layout')
        await (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .checkLayoutOutput */ .aE)(dst.dir, positionals[1], 'DST');
    const registries = new _kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .Registries */ .Iy((0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryOptions */ ._A)(values, dst.kind === 'registry' ? dst.ref.registry : undefined));
    const source = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .openStore */ .Ch)(src, registries);
    const target = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .openStore */ .Ch)(dst, registries);
    const started = Date.now();
    const digest = await (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .resolveLocation */ .KC)(src, source);
    (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .progress */ .qB)(`copying ${digest} from ${source.label} to ${target.label}`);
    const concurrency = values.concurrency ? Number(values.concurrency) : undefined;
    const write = () => (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .copyImage */ .L1)(source, target, digest, {
        tags,
        ...(concurrency ? { concurrency } : {}),
        log: _options_js__WEBPACK_IMPORTED_MODULE_1__/* .progress */ .qB,
    });
    const r = dst.kind === 'layout'
        ? await (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .undoLayoutWriteOnFailure */ .rR)(dst.dir, target.label, write)
        : await write();
    const ms = Date.now() - started;
    (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .print */ .yy)(values.json, { ...r, durationMs: ms, image: `${target.label}@${r.digest}` }, `${target.label}@${r.digest}\n  ${r.blobs} blobs: ${r.copiedBytes} bytes copied, ${r.mountedBlobs} mounted, ${r.skippedBlobs} already there; ${r.manifests} manifests; ${ms} ms\n`);
    return 0;
}


/***/ })

};
