import { baseAllowed, SCRATCH } from './base-match.js';
import { formatByteSize } from './byte-size.js';
import { type ImageFacts, LABEL_BASE_NAME, LABEL_REVISION } from './image-facts.js';
import type { UserFileFacts } from './image-user.js';
import { checkForbiddenPaths, checkSecrets } from './path-rules.js';
import { type Policy, RULE_NAMES, type RuleName } from './policy-file.js';
import { capped, clip, notInPolicy, own, result, type RuleResult } from './rule-result.js';

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
 * `USER` must make the runtime run the process as a uid other than 0. The uid is decided as
 * Docker decides it, through the image's own /etc/passwd and /etc/group (see runtime-user.ts),
 * so `USER toor` with uid 0, `USER +0` and `USER 4294967296`-style wraps are root. A USER the
 * runtime could not resolve fails too: nothing passes without knowing the uid.
 */
function checkNonRoot(policy: Policy, facts: ImageFacts): RuleResult {
  if (!policy.nonRoot) return notInPolicy('non-root');
  const { user, runtime, passwd, group } = facts.user;
  const shown = `USER ${JSON.stringify(clip(user, 60))}`;
  const evidence: Record<string, unknown> = { user: clip(user) };
  if (runtime.resolved) {
    Object.assign(evidence, { uid: runtime.uid, gid: runtime.gid, source: runtime.source });
    if (runtime.passwdLine !== undefined) {
      evidence.passwdLine = runtime.passwdLine;
      evidence.passwdName = clip(runtime.passwdName ?? '');
    }
  } else Object.assign(evidence, { uid: null, reason: clip(runtime.reason, 300) });
  if (passwd) evidence.passwd = fileEvidence(passwd);
  if (group) evidence.group = fileEvidence(group);
  if (user === '') {
    return result('non-root', 'fail', 'no USER is set, so containers run as root', evidence);
  }
  if (!runtime.resolved) {
    return result(
      'non-root',
      'fail',
      `cannot tell who ${shown} runs as: ${clip(runtime.reason, 200)}`,
      evidence,
    );
  }
  const how =
    runtime.source === 'passwd'
      ? `/etc/passwd line ${runtime.passwdLine}`
      : runtime.source === 'number'
        ? 'a number'
        : 'no user part, so the default';
  if (runtime.uid === 0) {
    return result('non-root', 'fail', `runs as root: ${shown} is uid 0 (${how})`, evidence);
  }
  return result('non-root', 'pass', `runs as uid ${runtime.uid}: ${shown} (${how})`, evidence);
}

function fileEvidence(f: UserFileFacts): Record<string, unknown> {
  const out: Record<string, unknown> = { ...f };
  if (f.symlinks) out.symlinks = capped(f.symlinks.map((l) => clip(l))).items;
  if (f.resolved) out.resolved = clip(f.resolved);
  return out;
}

/**
 * The recorded base must be allowed by name and proven by content: the base manifest, fetched
 * by the recorded reference, must have exactly the image's first layers. A label that names an
 * allowed base is a claim; the layer digests are the proof.
 */
function checkAllowedBases(policy: Policy, facts: ImageFacts): RuleResult {
  const allowed = policy.allowedBases;
  if (!allowed) return notInPolicy('allowed-bases');
  const base = facts.base.name ?? SCRATCH;
  const matched = allowed.find((entry) => baseAllowed(entry, base, facts.base.digest));
  const proof = facts.base.proof;
  const evidence: Record<string, unknown> = {
    base,
    baseDigest: facts.base.digest ?? null,
    source: facts.base.source,
    allowed,
    matched: matched ?? null,
  };
  if (proof) {
    evidence.proof = {
      reference: proof.reference,
      manifestDigest: proof.manifestDigest ?? null,
      proven: proof.proven,
      expectedLayers: capped(proof.expected).items,
      actualLayers: capped(proof.actual).items,
      ...(proof.error ? { error: clip(proof.error, 300) } : {}),
    };
  }
  const what = facts.base.name
    ? `base ${clip(base, 120)}`
    : `no ${LABEL_BASE_NAME} recorded: a scratch image`;
  if (!matched) return result('allowed-bases', 'fail', `${what}, not in allowed-bases`, evidence);
  // Nothing to fetch for scratch: the image claims no base, and scratch allows any content.
  if (!facts.base.name) {
    return result('allowed-bases', 'pass', `${what}, allowed by ${matched}`, evidence);
  }
  const claimed = `${what} (allowed by ${matched})`;
  if (!proof) {
    return result(
      'allowed-bases',
      'fail',
      `${claimed} is only a label: the base was not fetched, so its layers were not compared`,
      evidence,
    );
  }
  if (proof.error) {
    return result(
      'allowed-bases',
      'fail',
      `${claimed} cannot be proven: ${clip(proof.error, 200)}`,
      evidence,
    );
  }
  const n = proof.expected.length;
  if (!proof.proven) {
    const at = proof.expected.findIndex((d, i) => d !== proof.actual[i]);
    const found = proof.actual[at] ?? 'no layer';
    return result(
      'allowed-bases',
      'fail',
      `${claimed} is not proven: the image's layers do not start with the base's ${n} ` +
        `(layer ${at + 1}: expected ${proof.expected[at]}, found ${found})`,
      evidence,
    );
  }
  return result(
    'allowed-bases',
    'pass',
    `${what}, allowed by ${matched}; its ${n} layers are the image's first ${n}`,
    evidence,
  );
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
