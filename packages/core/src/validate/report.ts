import type { Digest } from '../oci/digest.js';
import { KilnArtifactType } from '../oci/referrers.js';
import { redact } from '../log.js';
import { writePrivateFile } from '../util/temp-dir.js';
import type { ImageFacts } from './image-facts.js';
import type { Policy } from './policy-file.js';
import type { RuleResult } from './rule-result.js';

/** The evidence artifact's type; its subject is the validated image. */
export const VALIDATION_ARTIFACT_TYPE = KilnArtifactType.Validation;

/** The smoke run's part of the report; smoke.ts's SmokeResult can be passed as it is. */
export interface SmokeSummary {
  status: 'pass' | 'fail' | 'skip';
  durationMs: number;
  /** Of that, getting the container running. */
  startMs?: number;
  attempts: number;
  /** How health was probed, e.g. `cmd` or `url`. */
  probe?: string;
  reason?: string;
  /** The container's last log lines, on failure. */
  logTail?: string[];
}

/**
 * What validate-image proves about one image, as plain JSON: pushed as an OCI artifact next to
 * the image and shown in the job summary. Readers rely on `version` to know the shape.
 */
export interface ValidationReport {
  version: 1;
  result: 'pass' | 'fail';
  image: {
    /** As the user gave it, e.g. `ghcr.io/acme/shop@sha256:…` or `oci-layout:out@sha256:…`. */
    reference: string;
    /** The digest validated: the index for a multi-platform image. */
    digest: Digest;
    /** The image manifest the rules and the smoke run looked at. */
    manifestDigest: Digest;
    platform: string;
  };
  policy?: { file: string; sha256: string };
  summary: { pass: number; fail: number; skip: number };
  rules: RuleResult[];
  smoke?: SmokeSummary;
  tool: { name: 'kiln'; version: string };
  commit?: string;
  runUrl?: string;
  createdAt: string;
}

export interface ReportInput {
  reference: string;
  facts: Pick<ImageFacts, 'digest' | 'manifestDigest' | 'platform'>;
  policy?: Policy;
  rules: RuleResult[];
  smoke?: SmokeSummary;
  toolVersion: string;
  commit?: string;
  runUrl?: string;
  /** From the caller, so a report is a pure function of its inputs (and testable). */
  createdAt: Date | string;
}

/** Enough log to see why a container died, bounded so the artifact stays small. */
export const LOG_TAIL_MAX_LINES = 100;

export function buildReport(input: ReportInput): ValidationReport {
  const { facts, rules, smoke } = input;
  const count = (s: RuleResult['status']): number => rules.filter((r) => r.status === s).length;
  const failed = count('fail') > 0 || smoke?.status === 'fail';
  const report: ValidationReport = {
    version: 1,
    result: failed ? 'fail' : 'pass',
    image: {
      reference: input.reference,
      digest: facts.digest,
      manifestDigest: facts.manifestDigest,
      platform: facts.platform,
    },
    summary: { pass: count('pass'), fail: count('fail'), skip: count('skip') },
    // A JSON round trip guarantees plain data: evidence is typed `unknown` on purpose.
    rules: JSON.parse(JSON.stringify(rules)) as RuleResult[],
    tool: { name: 'kiln', version: input.toolVersion },
    createdAt:
      typeof input.createdAt === 'string' ? input.createdAt : input.createdAt.toISOString(),
  };
  if (input.policy?.source) {
    report.policy = { file: input.policy.source.file, sha256: input.policy.source.sha256 };
  }
  if (smoke) report.smoke = smokeOf(smoke);
  if (input.commit) report.commit = input.commit;
  if (input.runUrl) report.runUrl = input.runUrl;
  return report;
}

/**
 * Only the summary fields are copied (a caller's richer result may carry more). The log tail
 * leaves the runner inside a registry artifact, so registered secrets are masked.
 */
function smokeOf(smoke: SmokeSummary): SmokeSummary {
  const out: SmokeSummary = {
    status: smoke.status,
    durationMs: smoke.durationMs,
    attempts: smoke.attempts,
  };
  if (smoke.startMs !== undefined) out.startMs = smoke.startMs;
  if (smoke.probe !== undefined) out.probe = smoke.probe;
  if (smoke.reason !== undefined) out.reason = redact(smoke.reason);
  if (smoke.logTail) out.logTail = smoke.logTail.slice(-LOG_TAIL_MAX_LINES).map(redact);
  return out;
}

/** The artifact's bytes: stable key order as built, two-space indent, final newline. */
export function encodeReport(report: ValidationReport): Buffer {
  return Buffer.from(`${JSON.stringify(report, null, 2)}\n`);
}

/**
 * Writes the report for later steps (the `report` output) into a fresh private folder under
 * `parent` (default RUNNER_TEMP, else the system temp folder), never at a predictable name.
 */
export function writeReportFile(
  bytes: Buffer,
  digest: Digest,
  parent: string | undefined = process.env.RUNNER_TEMP || undefined,
): Promise<string> {
  return writePrivateFile(
    'kiln-report-',
    `kiln-validation-${digest.slice(7, 19)}.json`,
    bytes,
    parent,
  );
}
