// Gates shared by promote, replace-fleet and rollback: each answers pass, fail or skip with
// the evidence it rests on; runGates collects them and GateRefusedError refuses (exit 1).
export * from './gate-result.js';
export * from './image-gates.js';
export * from './ledger-gates.js';
export * from './rollback-gates.js';
export * from './gate-rows.js';
