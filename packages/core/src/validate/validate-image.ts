import { readRunContext } from '../github/context.js';
import { info } from '../log.js';
import type { Digest } from '../oci/digest.js';
import { openStore } from '../oci/open-store.js';
import { descriptorOf } from '../oci/manifest.js';
import { VALIDATION_RESULT_ANNOTATION } from '../oci/referrers.js';
import { repositoryName } from '../oci/reference.js';
import type { Registries } from '../oci/registries.js';
import { KILN_VERSION } from '../version.js';
import { storeArtifact } from './evidence.js';
import { gatherFacts } from './image-facts.js';
import { DEFAULT_POLICY, loadPolicy, type Policy } from './policy-file.js';
import {
  encodeReport,
  buildReport,
  writeReportFile,
  VALIDATION_ARTIFACT_TYPE,
  type ValidationReport,
  type SmokeSummary,
} from './report.js';
import { evaluatePolicy } from './rules.js';
import { smokeRun } from './smoke.js';
import type { ValidateRequest } from './validate-request.js';
import { activity } from '../util/activity.js';

export interface ValidateResult {
  result: 'pass' | 'fail';
  report: ValidationReport;
  /** Path of the JSON report written for later steps. */
  reportPath: string;
  /** Digest of the evidence artifact stored next to the image. */
  evidence: Digest;
  policy: Policy;
}

export interface ValidateOptions {
  log?: (line: string) => void;
  /** Under which folder the report's private folder goes; default RUNNER_TEMP or the system temp folder. */
  reportDir?: string;
  dockerHost?: string;
  now?: () => Date;
}

/**
 * validate-image: policy rules read from the image itself, a smoke run on the local engine,
 * and a report stored next to the image as an OCI artifact whose subject is the image.
 */
export async function validateImage(
  req: ValidateRequest,
  registries: Registries,
  opts: ValidateOptions = {},
): Promise<ValidateResult> {
  const log = opts.log ?? info;
  const policy = req.policyFile ? await loadPolicy(req.policyFile) : { ...DEFAULT_POLICY };
  const store = openStore(req.location, registries);
  const root = await activity(`reading image ${store.label}@${req.digest}`, () =>
    store.getManifest(req.digest),
  );

  const facts = await activity(`reading the layers of ${store.label}@${req.digest}`, () =>
    gatherFacts(store, req.digest, {
      ...(req.platform ? { platform: req.platform } : {}),
      // allowed-bases proves the recorded base by fetching it; no request when it is not asked.
      ...(policy.allowedBases ? { baseRegistries: registries } : {}),
    }),
  );
  const rules = evaluatePolicy(
    policy,
    facts,
    req.expectRevision ? { expectRevision: req.expectRevision } : {},
  );
  for (const r of rules)
    if (r.status !== 'skip')
      log(`${r.status === 'pass' ? 'pass' : 'FAIL'}  ${r.rule}: ${r.message}`);

  let smoke: SmokeSummary | undefined;
  if (req.smoke) {
    const s = await smokeRun({
      image: {
        store,
        digest: req.digest,
        ...(req.location.kind === 'registry'
          ? { reference: `${repositoryName(req.location.ref)}@${req.digest}` }
          : {}),
      },
      ...(req.healthCmd ? { healthCmd: req.healthCmd } : {}),
      ...(req.healthUrl ? { healthUrl: req.healthUrl } : {}),
      timeoutMs: req.smokeTimeoutMs,
      ...(opts.dockerHost ? { dockerHost: opts.dockerHost } : {}),
      log,
    });
    smoke = s;
    log(
      `${s.status === 'pass' ? 'pass' : 'FAIL'}  smoke (${s.probe}): ${s.reason ?? `healthy after ${s.durationMs} ms`}`,
    );
    for (const line of s.logTail ?? []) log(`  | ${line}`);
  }

  const ctx = readRunContext();
  const report = buildReport({
    reference: req.reference,
    facts,
    policy,
    rules,
    ...(smoke ? { smoke } : {}),
    toolVersion: KILN_VERSION,
    ...(ctx.commit ? { commit: ctx.commit } : {}),
    ...(ctx.runUrl ? { runUrl: ctx.runUrl } : {}),
    createdAt: (opts.now ?? (() => new Date()))(),
  });
  const bytes = encodeReport(report);
  const reportPath = await writeReportFile(bytes, req.digest, opts.reportDir);

  const evidence = await activity(`storing validation evidence with ${store.label}`, () =>
    storeArtifact(store, {
      artifactType: VALIDATION_ARTIFACT_TYPE,
      layers: [{ mediaType: 'application/json', data: bytes }],
      subject: descriptorOf(root),
      annotations: {
        'org.opencontainers.image.created': report.createdAt,
        [VALIDATION_RESULT_ANNOTATION]: report.result,
      },
    }),
  );
  log(`evidence ${evidence.digest} stored with ${store.label}`);
  return { result: report.result, report, reportPath, evidence: evidence.digest, policy };
}
