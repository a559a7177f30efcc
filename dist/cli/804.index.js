export const id = 804;
export const ids = [804];
export const modules = {

/***/ 804:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   inspect: () => (/* binding */ inspect)
/* harmony export */ });
/* harmony import */ var _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(4709);
/* harmony import */ var _kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6137);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1719);
/* harmony import */ var _usage_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6350);




const inspectUsage = _usage_js__WEBPACK_IMPORTED_MODULE_2__/* .USAGE */ .u.inspect;
async function inspect(argv) {
    const { values, positionals } = (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(argv, _options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryFlags */ .hE);
    if (positionals.length !== 1)
        throw new _kiln_core_errors__WEBPACK_IMPORTED_MODULE_3__/* .ConfigurationError */ .j1(`usage: kiln ${inspectUsage}`);
    const loc = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .parseLocation */ .zS)(positionals[0], 'REF');
    const store = (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .openStore */ .Ch)(loc, new _kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .Registries */ .Iy((0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .registryOptions */ ._A)(values)));
    const digest = await (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .resolveLocation */ .KC)(loc, store);
    const r = await (0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .inspectImage */ .mm)(store, digest);
    const lines = [
        `image:      ${(0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .formatLocation */ .j$)(loc)}`,
        `digest:     ${r.digest}`,
        `media type: ${r.mediaType}`,
        `size:       ${r.size} bytes`,
        ...r.images.flatMap((i) => [
            `platform:   ${(0,_kiln_core_oci__WEBPACK_IMPORTED_MODULE_0__/* .platformString */ .Fd)(i.platform)}  ${i.digest}`,
            ...i.layers.map((l, n) => `  layer ${n + 1}: ${l.digest}  ${l.size} bytes  ${l.mediaType}`),
        ]),
    ];
    (0,_options_js__WEBPACK_IMPORTED_MODULE_1__/* .print */ .yy)(values.json, r, lines.join('\n') + '\n');
    return 0;
}


/***/ })

};
