import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { publishCheckRun } from './check-run.js';
import type { Octokit } from './client.js';

/** The create request's output, from an Octokit that only records. */
async function sentOutput(title: string, message: string): Promise<Record<string, unknown>> {
  const calls: Array<{ output: Record<string, unknown> }> = [];
  const octokit = {
    rest: {
      checks: {
        create: async (params: { output: Record<string, unknown> }) => {
          calls.push(params);
          return { data: { id: 7, html_url: 'https://github.com/o/r/runs/7' } };
        },
        update: async () => ({ data: {} }),
      },
    },
  } as unknown as Octokit;
  await publishCheckRun(
    octokit,
    { repo: { owner: 'o', repo: 'r' } },
    {
      name: 'kiln / validate-image',
      headSha: 'c'.repeat(40),
      conclusion: 'failure',
      title,
      summary: '### ok',
      annotations: [
        {
          path: 'p.yml',
          start_line: 1,
          end_line: 1,
          annotation_level: 'failure',
          title: 'policy: non-root',
          message,
        },
      ],
    },
  );
  return calls[0]?.output as Record<string, unknown>;
}

describe('publishCheckRun', () => {
  afterEach(() => {
    jest.restoreAllMocks();
  });

  it('sends titles and annotations as plain text with hidden characters made visible', async () => {
    jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const output = await sentOutput(
      '1 failed \u202e',
      'USER "[x](https://evil)\u001b[2K" is not numeric',
    );
    expect(output).toEqual({
      title: '1 failed \\u202e',
      summary: '### ok',
      annotations: [
        {
          path: 'p.yml',
          start_line: 1,
          end_line: 1,
          annotation_level: 'failure',
          title: 'policy: non-root',
          message: 'USER "[x](https://evil)\\u001b[2K" is not numeric',
        },
      ],
    });
  });
});
