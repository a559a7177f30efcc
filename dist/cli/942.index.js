export const id = 942;
export const ids = [942];
export const modules = {

/***/ 14942:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   runReport: () => (/* binding */ runReport)
/* harmony export */ });
const seconds = (ms) => `${(ms / 1000).toFixed(1)}s`;
/** A run's result as text: the conclusion, each job and its steps, annotations and notes. */
function runReport(result) {
    const lines = [
        `${result.workflow} (${result.file}, ${result.event}): ${result.conclusion} in ${seconds(result.durationMs)}`,
    ];
    for (const job of result.jobs) {
        const env = job.environment
            ? ` [environment ${job.environment.name}${job.environment.url ? ` ${job.environment.url}` : ''}]`
            : '';
        lines.push(`  job ${job.id}: ${job.result}${env} ${seconds(job.durationMs)}${job.reason ? ` — ${job.reason}` : ''}`);
        for (const step of job.steps)
            lines.push(`    ${step.name}: ${step.outcome}${step.conclusion !== step.outcome ? ` (conclusion ${step.conclusion})` : ''}${step.reason && step.outcome !== 'skipped' ? ` — ${step.reason}` : ''}`);
        for (const [k, v] of Object.entries(job.outputs))
            lines.push(`    output ${k}=${v}`);
    }
    for (const a of result.annotations) {
        const pos = a.file ? ` ${a.file}${a.line ? `:${a.line}` : ''}` : '';
        lines.push(`${a.level} (${a.source})${pos}: ${a.title ? `${a.title}: ` : ''}${a.message}`);
    }
    for (const n of result.notes)
        lines.push(`note: ${n}`);
    return lines.join('\n');
}


/***/ })

};
