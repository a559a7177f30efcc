import { describe, expect, it } from '@jest/globals';
import type { Digest } from '../oci/digest.js';
import { DEFAULT_POLICY } from './policy-file.js';
import { buildReport } from './report.js';
import type { ValidateResult } from './validate-image.js';
import { validationAnnotations, validationSummary } from './validate-summary.js';

const D = `sha256:${'a'.repeat(64)}` as Digest;
const LABEL = '[x](https://evil) ![i](https://evil/p.png) <img src=x onerror=alert(1)> | a | b |';

function hostileResult(): ValidateResult {
  const report = buildReport({
    reference: `reg.example/shop@${D}`,
    facts: { digest: D, manifestDigest: D, platform: 'linux/amd64' },
    rules: [
      {
        rule: 'required-labels',
        status: 'fail',
        message: `label org.example.team is "${LABEL}"\n## injected heading`,
        evidence: {},
      },
    ],
    smoke: {
      status: 'fail',
      durationMs: 5,
      attempts: 1,
      reason: 'exited: `::error::x`',
      logTail: ['```', '</details><img src=x>'],
    },
    toolVersion: '0.0.0',
    createdAt: '2024-01-01T00:00:00.000Z',
  });
  return {
    result: 'fail',
    report,
    reportPath: '/tmp/r.json',
    evidence: D,
    policy: {
      ...DEFAULT_POLICY,
      source: { file: '/w/policy.yml', sha256: 'x', lines: { 'required-labels': 3 } },
    },
  };
}

describe('validationSummary', () => {
  it('shows rule messages and smoke output from the image as text', () => {
    const md = validationSummary(hostileResult());
    expect(md.split('\n')).toEqual([
      '### validate-image: ❌ fail',
      '|  |  |',
      '| --- | --- |',
      `| image | \`reg.example/shop@${D}\` |`,
      '| platform | linux/amd64 |',
      '| policy | built-in defaults |',
      `| evidence | \`${D}\` |`,
      '',
      '| rule | result | detail |',
      '| --- | --- | --- |',
      '| required-labels | ❌ fail | label org.example.team is "\\[x\\](https\\://evil) !\\[i\\](https\\://evil/p.png) &lt;img src=x onerror=alert(1)&gt; \\| a \\| b \\|"<br>\\#\\# injected heading |',
      '| smoke | ❌ fail | exited: \\`::error::x\\` |',
      '',
      'Container log (last lines):',
      '````',
      '```',
      '</details><img src=x>',
      '````',
      '',
    ]);
  });

  it('annotations carry the message as plain text, on the rule line', () => {
    expect(validationAnnotations(hostileResult(), '/w')).toEqual([
      {
        path: 'policy.yml',
        start_line: 3,
        end_line: 3,
        annotation_level: 'failure',
        title: 'policy: required-labels',
        message: `label org.example.team is "${LABEL}"\n## injected heading`,
      },
    ]);
  });
});
