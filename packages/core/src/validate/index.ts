// The validate domain: policy, image facts, rules, smoke run, report and evidence.
export * from './policy-file.js';
export * from './image-facts.js';
export * from './rules.js';
export * from './report.js';
export * from './smoke.js';
export * from './validate-request.js';
export * from './validate-image.js';
export * from './validate-summary.js';
export * from './evidence.js';
export { urlProbe } from './smoke-probe.js';
