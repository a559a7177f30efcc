import type { ImageFacts } from './image-facts.js';
import type { FileFact } from './layer-walk.js';
import { globToRegExp } from './glob.js';
import type { Policy } from './policy-file.js';
import { capped, notInPolicy, result, type RuleResult } from './rule-result.js';
import { SNIFF_BYTES, SNIFF_MAX_FILE_SIZE } from './secret-signals.js';

/**
 * `forbidden-paths` against the merged filesystem. A match on a directory covers what is below
 * it, so the evidence names `root/.ssh` once rather than every file in it; the directory need
 * not have its own tar entry.
 */
export function checkForbiddenPaths(policy: Policy, facts: ImageFacts): RuleResult {
  const patterns = policy.forbiddenPaths;
  if (!patterns) return notInPolicy('forbidden-paths');
  const globs = patterns.map((p) => ({ pattern: p, re: globToRegExp(p) }));
  const byPath = new Map(facts.files.map((f) => [f.path, f]));
  const paths = new Set<string>();
  for (const f of facts.files) {
    paths.add(f.path);
    for (const a of ancestors(f.path)) paths.add(a);
  }
  const hit = new Map<string, string | undefined>();
  const matchOf = (path: string): string | undefined => {
    if (!hit.has(path)) hit.set(path, globs.find((g) => g.re.test(path))?.pattern);
    return hit.get(path);
  };
  const matches: Array<{ path: string; pattern: string; layer?: number }> = [];
  for (const path of [...paths].sort()) {
    const pattern = matchOf(path);
    if (!pattern || ancestors(path).some((a) => matchOf(a) !== undefined)) continue;
    const layer = byPath.get(path)?.layer;
    matches.push(layer === undefined ? { path, pattern } : { path, pattern, layer });
  }
  const { items, total } = capped(matches);
  const evidence = { patterns, matches: items, total, checked: paths.size };
  if (total === 0) {
    return result('forbidden-paths', 'pass', `none of ${paths.size} paths is forbidden`, evidence);
  }
  return result('forbidden-paths', 'fail', `${total} forbidden: ${preview(matches)}`, evidence);
}

function ancestors(path: string): string[] {
  const out: string[] = [];
  for (let cut = path.indexOf('/'); cut > 0; cut = path.indexOf('/', cut + 1)) {
    out.push(path.slice(0, cut));
  }
  return out;
}

interface Finding {
  path: string;
  reason: string;
  detail: string;
  layer: number;
  /** Hidden by a later layer, yet its bytes ship in this layer's blob. */
  removedLater?: true;
}

/**
 * `secrets`: private keys (by their PEM header), `.env` files, SSH key files and git
 * repositories, in the merged filesystem and in files a later layer deleted — deleting a
 * secret in a later layer does not remove it from the earlier layer anyone can pull.
 */
export function checkSecrets(policy: Policy, facts: ImageFacts): RuleResult {
  if (!policy.secrets) return result('secrets', 'skip', 'turned off in the policy');
  const findings: Finding[] = [];
  const gitFolders = new Set<string>();
  const add = (f: FileFact, removedLater: boolean): void => {
    const s = f.secret;
    if (!s) return;
    if (s.reason === 'git-folder') {
      // One finding per repository, not one per object file.
      const key = `${s.detail}\0${f.layer}\0${removedLater}`;
      if (gitFolders.has(key)) return;
      gitFolders.add(key);
    }
    const path = s.reason === 'git-folder' ? s.detail : f.path;
    const finding: Finding = { path, reason: s.reason, detail: s.detail, layer: f.layer };
    if (removedLater) finding.removedLater = true;
    findings.push(finding);
  };
  for (const f of facts.files) add(f, false);
  for (const f of facts.shadowedSecrets) add(f, true);
  const { items, total } = capped(findings);
  const evidence = {
    findings: items,
    total,
    scanned: {
      paths: facts.files.length,
      headerBytes: SNIFF_BYTES,
      maxFileSize: SNIFF_MAX_FILE_SIZE,
    },
  };
  if (total === 0) {
    return result(
      'secrets',
      'pass',
      `no secret-looking files in ${facts.layerCount} layers`,
      evidence,
    );
  }
  const shown = findings.map((f) => ({
    path: `${f.path} (${f.reason}${f.removedLater ? `, deleted later but still in layer ${f.layer}` : ''})`,
  }));
  return result('secrets', 'fail', `${total} secret-looking: ${preview(shown)}`, evidence);
}

function preview(list: ReadonlyArray<{ path: string }>): string {
  const head = list.slice(0, 3).map((m) => m.path);
  return list.length > 3 ? `${head.join(', ')} and ${list.length - 3} more` : head.join(', ');
}
