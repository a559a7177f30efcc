import type { RuleName } from './policy-file.js';

export type RuleStatus = 'pass' | 'fail' | 'skip';

/** One rule's verdict with the facts it used, so a reader can check it without re-running. */
export interface RuleResult {
  rule: RuleName;
  status: RuleStatus;
  message: string;
  evidence: Record<string, unknown>;
}

/** Evidence lists are capped so a report stays readable and small; `total` keeps the count. */
export const EVIDENCE_LIST_MAX = 50;

export function capped<T>(items: readonly T[]): { items: T[]; total: number } {
  return { items: items.slice(0, EVIDENCE_LIST_MAX), total: items.length };
}

export function result(
  rule: RuleName,
  status: RuleStatus,
  message: string,
  evidence: Record<string, unknown> = {},
): RuleResult {
  return { rule, status, message, evidence };
}

export function notInPolicy(rule: RuleName): RuleResult {
  return result(rule, 'skip', 'not in the policy');
}

/** A label value or other text from the image, shortened so evidence cannot balloon. */
export function clip(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** `Object.hasOwn` first: a label named `constructor` must not find Object.prototype's. */
export function own(record: Record<string, string>, key: string): string | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
