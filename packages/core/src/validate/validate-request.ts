import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { invalidInput } from '../errors.js';
import { parseBoolean, parseDuration } from '../inputs/parse.js';
import { type InputReader, required } from '../inputs/source.js';
import { formatLocation, type ImageLocation, parseLocation } from '../oci/location.js';
import { requireDigest } from '../oci/reference.js';
import type { Digest } from '../oci/digest.js';

export const DEFAULT_POLICY_FILE = '.github/kiln-policy.yml';
export const DEFAULT_CHECK_NAME = 'kiln / validate-image';

export interface ValidateRequest {
  location: ImageLocation;
  digest: Digest;
  /** As given, for the report. */
  reference: string;
  /** Absolute path; undefined when no policy file is used. */
  policyFile?: string;
  expectRevision?: string;
  smoke: boolean;
  healthCmd?: string;
  healthUrl?: string;
  smokeTimeoutMs: number;
  checkName: string;
  platform?: string;
}

/** Parses validate-image's inputs; nothing here touches the network. */
export function parseValidateRequest(
  read: InputReader,
  workspace = process.cwd(),
  commit?: string,
): ValidateRequest {
  const raw = required(read, 'image');
  const location = parseLocation(raw, 'image');
  let digest: Digest;
  if (location.kind === 'registry') digest = requireDigest(location.ref, 'image').digest;
  else if (location.digest) digest = location.digest;
  else
    throw invalidInput(
      'image',
      raw,
      'an OCI layout must be pinned by digest too: oci-layout:DIR@sha256:…',
    );

  const policyInput = read('policy').trim();
  let policyFile: string | undefined;
  if (policyInput) {
    policyFile = resolve(workspace, policyInput);
    if (!existsSync(policyFile)) throw invalidInput('policy', policyInput, 'file does not exist');
  } else if (existsSync(resolve(workspace, DEFAULT_POLICY_FILE))) {
    policyFile = resolve(workspace, DEFAULT_POLICY_FILE);
  }

  const healthCmd = read('health-cmd').trim();
  const healthUrl = read('health-url').trim();
  if (healthCmd && healthUrl) {
    throw invalidInput('health-url', healthUrl, 'give health-cmd or health-url, not both');
  }
  if (healthUrl && !healthUrl.startsWith('/') && !/^https?:\/\/[^\s]+$/.test(healthUrl)) {
    throw invalidInput(
      'health-url',
      healthUrl,
      'must be a path (/healthz) or an http(s) URL as seen from inside the container',
    );
  }
  const expectRevision = read('expect-revision').trim() || commit;
  const req: ValidateRequest = {
    location,
    digest,
    reference: formatLocation(location),
    smoke: parseBoolean('smoke', read('smoke'), true),
    smokeTimeoutMs: parseDuration('smoke-timeout', read('smoke-timeout'), 60_000),
    checkName: read('check-name').trim() || DEFAULT_CHECK_NAME,
  };
  if (req.smokeTimeoutMs <= 0)
    throw invalidInput('smoke-timeout', read('smoke-timeout'), 'must be longer than 0s');
  if (policyFile) req.policyFile = policyFile;
  if (expectRevision) req.expectRevision = expectRevision;
  if (healthCmd) req.healthCmd = healthCmd;
  if (healthUrl) req.healthUrl = healthUrl;
  const platform = read('platform').trim();
  if (platform) req.platform = platform;
  return req;
}
