import { baseAllowed, SCRATCH } from './base-match.js';
import { formatByteSize } from './byte-size.js';
import { type ImageFacts, LABEL_BASE_NAME, LABEL_REVISION } from './image-facts.js';
import { checkForbiddenPaths, checkSecrets } from './path-rules.js';
import { type Policy, RULE_NAMES, type RuleName } from './policy-file.js';
import { clip, notInPolicy, own, result, type RuleResult } from './rule-result.js';

export type { RuleResult, RuleStatus } from './rule-result.js';

export interface EvaluateOptions {
  /** The commit the image must come from; the `revision` rule is skipped without it. */
  expectRevision?: string;
}

type Check = (policy: Policy, facts: ImageFacts, opts: EvaluateOptions) => RuleResult;

const CHECKS: Record<RuleName, Check> = {
  'max-size': checkMaxSize,
  'max-layers': checkMaxLayers,
  'required-labels': checkRequiredLabels,
  revision: checkRevision,
  'non-root': checkNonRoot,
  'allowed-bases': checkAllowedBases,
  'forbidden-paths': checkForbiddenPaths,
  secrets: checkSecrets,
  healthcheck: checkHealthcheck,
};

/**
 * Every rule, in policy-key order, each with its verdict and evidence. Rules the policy leaves
 * out are listed as `skip`, so a report shows what was not checked as plainly as what was.
 * Pure: the same policy and facts always give the same results.
 */
export function evaluatePolicy(
  policy: Policy,
  facts: ImageFacts,
  opts: EvaluateOptions = {},
): RuleResult[] {
  return RULE_NAMES.map((rule) => CHECKS[rule](policy, facts, opts));
}

function checkMaxSize(policy: Policy, facts: ImageFacts): RuleResult {
  const max = policy.maxSize;
  if (max === undefined) return notInPolicy('max-size');
  const { total, config, layers } = facts.size;
  const evidence = { size: total, max, configSize: config, layerSizes: layers };
  const sizes = `${formatByteSize(total)} compressed`;
  return total <= max
    ? result('max-size', 'pass', `${sizes}, within ${formatByteSize(max)}`, evidence)
    : result('max-size', 'fail', `${sizes} exceeds the maximum ${formatByteSize(max)}`, evidence);
}

function checkMaxLayers(policy: Policy, facts: ImageFacts): RuleResult {
  const max = policy.maxLayers;
  if (max === undefined) return notInPolicy('max-layers');
  const evidence = { layers: facts.layerCount, max };
  return facts.layerCount <= max
    ? result('max-layers', 'pass', `${facts.layerCount} layers, within ${max}`, evidence)
    : result(
        'max-layers',
        'fail',
        `${facts.layerCount} layers exceed the maximum ${max}`,
        evidence,
      );
}

function checkRequiredLabels(policy: Policy, facts: ImageFacts): RuleResult {
  const required = policy.requiredLabels;
  if (!required) return notInPolicy('required-labels');
  const problems: string[] = [];
  const labels = required.map((req) => {
    const found = own(facts.config.labels, req.name);
    const expected = req.matches ? String(req.matches) : req.equals;
    let ok: boolean;
    if (found === undefined || found === '') {
      ok = false;
      problems.push(`${req.name} is ${found === undefined ? 'missing' : 'empty'}`);
    } else if (req.matches) {
      ok = req.matches.test(found);
      if (!ok)
        problems.push(`${req.name}=${JSON.stringify(clip(found, 60))} does not match ${expected}`);
    } else if (req.equals !== undefined) {
      ok = found === req.equals;
      if (!ok)
        problems.push(
          `${req.name}=${JSON.stringify(clip(found, 60))}, expected ${JSON.stringify(req.equals)}`,
        );
    } else ok = true;
    const entry: Record<string, unknown> = {
      name: req.name,
      found: found === undefined ? null : clip(found),
      ok,
    };
    if (expected !== undefined) entry.expected = expected;
    return entry;
  });
  const evidence = { labels };
  return problems.length === 0
    ? result('required-labels', 'pass', `all ${required.length} required labels present`, evidence)
    : result('required-labels', 'fail', problems.join('; '), evidence);
}

function checkRevision(policy: Policy, facts: ImageFacts, opts: EvaluateOptions): RuleResult {
  if (!policy.revision) return result('revision', 'skip', 'turned off in the policy');
  const expected = opts.expectRevision?.trim();
  if (!expected) return result('revision', 'skip', 'no expected revision given (expect-revision)');
  const label = own(facts.config.labels, LABEL_REVISION);
  const annotation = own(facts.annotations, LABEL_REVISION);
  const found = label ?? annotation;
  const evidence = {
    label: LABEL_REVISION,
    expected,
    found: found === undefined ? null : clip(found),
    source: label !== undefined ? 'label' : annotation !== undefined ? 'annotation' : 'none',
  };
  if (found === undefined) {
    return result('revision', 'fail', `the image has no ${LABEL_REVISION} label`, evidence);
  }
  return found.trim() === expected
    ? result('revision', 'pass', `built from ${expected}`, evidence)
    : result('revision', 'fail', `built from ${clip(found, 60)}, expected ${expected}`, evidence);
}

/**
 * `USER` must name someone other than root. A name is looked up in the image's /etc/passwd,
 * since any name can carry uid 0; only the user part counts (`1000:0` runs as uid 1000).
 */
function checkNonRoot(policy: Policy, facts: ImageFacts): RuleResult {
  if (!policy.nonRoot) return notInPolicy('non-root');
  const user = facts.config.user.trim();
  const name = user.split(':')[0] ?? '';
  const numeric = /^\d+$/.test(name);
  const uid = numeric ? Number(name) : name === 'root' ? 0 : facts.users.get(name);
  const source = numeric
    ? 'numeric'
    : name === 'root'
      ? 'name'
      : uid === undefined
        ? 'unresolved'
        : 'etc/passwd';
  const evidence = { user, uid: uid ?? null, source };
  if (name === '') {
    return result('non-root', 'fail', 'no USER is set, so containers run as root', evidence);
  }
  if (uid === 0) {
    const why = source === 'etc/passwd' ? ` (uid 0 in /etc/passwd)` : '';
    return result('non-root', 'fail', `runs as root: USER ${user}${why}`, evidence);
  }
  const note =
    uid === undefined ? ' (not in /etc/passwd; the runtime must resolve it)' : ` (uid ${uid})`;
  return result('non-root', 'pass', `runs as ${user}${note}`, evidence);
}

function checkAllowedBases(policy: Policy, facts: ImageFacts): RuleResult {
  const allowed = policy.allowedBases;
  if (!allowed) return notInPolicy('allowed-bases');
  const base = facts.base.name ?? SCRATCH;
  const matched = allowed.find((entry) => baseAllowed(entry, base, facts.base.digest));
  const evidence: Record<string, unknown> = {
    base,
    baseDigest: facts.base.digest ?? null,
    source: facts.base.source,
    allowed,
    matched: matched ?? null,
  };
  const what = facts.base.name ? `base ${base}` : `no ${LABEL_BASE_NAME} recorded: a scratch image`;
  return matched
    ? result('allowed-bases', 'pass', `${what}, allowed by ${matched}`, evidence)
    : result('allowed-bases', 'fail', `${what}, not in allowed-bases`, evidence);
}

function checkHealthcheck(policy: Policy, facts: ImageFacts): RuleResult {
  if (!policy.healthcheck) return notInPolicy('healthcheck');
  const h = facts.config.healthcheck;
  const test = h?.test ?? [];
  const evidence = { ...h, test: test.map((t) => clip(t)) };
  if (test.length === 0) return result('healthcheck', 'fail', 'no HEALTHCHECK declared', evidence);
  if (test[0] === 'NONE')
    return result('healthcheck', 'fail', 'HEALTHCHECK NONE disables it', evidence);
  return result('healthcheck', 'pass', `declared: ${clip(test.slice(1).join(' '), 80)}`, evidence);
}
