export const id = 950;
export const ids = [950];
export const modules = {

/***/ 5950:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   kubernetesSettingsOf: () => (/* binding */ kubernetesSettingsOf)
/* harmony export */ });
/** The provider's settings from a kiln.yml `kubernetes:` block (the deploy request wires them). */
function kubernetesSettingsOf(target, s) {
    return {
        target,
        ...(s.namespace ? { namespace: s.namespace } : {}),
        ...(s.context ? { context: s.context } : {}),
        ...(s.container ? { container: s.container } : {}),
    };
}


/***/ })

};
