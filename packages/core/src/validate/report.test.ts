import { describe, expect, it } from '@jest/globals';
import { setSecret } from '../log.js';
import { parsePolicy } from './policy-file.js';
import { buildReport, encodeReport, LOG_TAIL_MAX_LINES } from './report.js';
import type { RuleResult } from './rules.js';

const digest = `sha256:${'1'.repeat(64)}` as const;
const manifestDigest = `sha256:${'2'.repeat(64)}` as const;
const facts = { digest, manifestDigest, platform: 'linux/amd64' };
const rules: RuleResult[] = [
  {
    rule: 'max-layers',
    status: 'pass',
    message: '1 layers, within 5',
    evidence: { layers: 1, max: 5 },
  },
  { rule: 'healthcheck', status: 'skip', message: 'not in the policy', evidence: {} },
];
const base = {
  reference: `ghcr.io/acme/shop@${digest}`,
  facts,
  rules,
  toolVersion: '0.1.0',
  createdAt: new Date('2025-01-02T03:04:05Z'),
};

describe('buildReport', () => {
  it('is plain JSON with the image, rules, tool and provenance', () => {
    const policy = parsePolicy('max-layers: 5\n', '.github/kiln-policy.yml');
    const report = buildReport({
      ...base,
      policy,
      commit: 'a'.repeat(40),
      runUrl: 'https://github.com/acme/shop/actions/runs/1',
      smoke: { status: 'pass', durationMs: 1200, attempts: 3 },
    });
    expect(report).toEqual({
      version: 1,
      result: 'pass',
      image: { reference: base.reference, digest, manifestDigest, platform: 'linux/amd64' },
      policy: { file: '.github/kiln-policy.yml', sha256: policy.source?.sha256 },
      summary: { pass: 1, fail: 0, skip: 1 },
      rules,
      smoke: { status: 'pass', durationMs: 1200, attempts: 3 },
      tool: { name: 'kiln', version: '0.1.0' },
      commit: 'a'.repeat(40),
      runUrl: 'https://github.com/acme/shop/actions/runs/1',
      createdAt: '2025-01-02T03:04:05.000Z',
    });
    expect(JSON.parse(encodeReport(report).toString('utf8'))).toEqual(report);
  });

  it('fails when a rule or the smoke run fails', () => {
    const failing: RuleResult = { ...(rules[0] as RuleResult), status: 'fail' };
    expect(buildReport({ ...base, rules: [failing] }).result).toBe('fail');
    const smoke = { status: 'fail' as const, durationMs: 5, attempts: 1 };
    expect(buildReport({ ...base, smoke }).result).toBe('fail');
  });

  it('bounds and masks the smoke log tail', () => {
    setSecret('s3cr3t-token');
    const logTail = Array.from({ length: 150 }, (_, i) => `line ${i} s3cr3t-token`);
    const smoke = {
      status: 'fail' as const,
      durationMs: 5,
      attempts: 1,
      reason: 'exited with s3cr3t-token',
      logTail,
      containerId: 'abc', // a richer smoke result: extra fields stay out of the report
    };
    const out = buildReport({ ...base, smoke }).smoke;
    expect(out?.reason).toBe('exited with ***');
    expect(out?.logTail).toHaveLength(LOG_TAIL_MAX_LINES);
    expect(out?.logTail?.[LOG_TAIL_MAX_LINES - 1]).toBe('line 149 ***');
    expect(out).not.toHaveProperty('containerId');
  });
});
