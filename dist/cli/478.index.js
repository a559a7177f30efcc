export const id = 478;
export const ids = [478];
export const modules = {

/***/ 29478:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReport: () => (/* binding */ runReport),
/* harmony export */   runWorkflow: () => (/* binding */ runWorkflow)
/* harmony export */ });
/** Runs a workflow file on this machine as a hosted runner would (see run-workflow.ts). */
async function runWorkflow(options) {
    return (await Promise.all(/* import() */[__webpack_require__.e(815), __webpack_require__.e(222), __webpack_require__.e(757)]).then(__webpack_require__.bind(__webpack_require__, 82757))).runWorkflow(options);
}
/** The run as text: one line per job and step, then annotations (the log is printed as it runs). */
async function runReport(result) {
    return (await __webpack_require__.e(/* import() */ 942).then(__webpack_require__.bind(__webpack_require__, 14942))).runReport(result);
}


/***/ })

};
