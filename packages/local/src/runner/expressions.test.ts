import { describe, expect, it } from '@jest/globals';
import {
  NoOperationTraceWriter,
  parseWorkflow,
  convertWorkflowTemplate,
} from '@actions/workflow-parser';
import type { RunStep } from '@actions/workflow-parser/model/workflow-template';
import {
  condition,
  evaluate,
  evaluateMap,
  evaluateString,
  fromData,
  type Scope,
} from './expressions.js';

const scope = (contexts: Record<string, unknown>, status?: Scope['status']): Scope => ({
  file: 'wf.yml',
  contexts,
  ...(status ? { status } : {}),
});

async function runToken(yaml: string) {
  const r = parseWorkflow({ name: 'wf.yml', content: yaml }, new NoOperationTraceWriter());
  const t = await convertWorkflowTemplate(r.context, r.value!);
  const job = t.jobs[0] as { steps: RunStep[] };
  return job.steps[0]!.run;
}

describe('expressions', () => {
  it('evaluates with GitHub semantics over the given contexts', () => {
    const s = scope({ github: { event_name: 'push', event: { n: 3 } }, env: { A: 'x' } });
    expect(fromData(evaluate("format('{0}-{1}', github.event_name, env.A)", s))).toBe('push-x');
    expect(fromData(evaluate('github.event.n > 2', s))).toBe(true);
    // Property names are case-insensitive, missing ones null.
    expect(fromData(evaluate('GITHUB.EVENT_NAME', s))).toBe('push');
    expect(fromData(evaluate('github.nothing', s))).toBeNull();
  });

  it("unescapes every '' of a string literal (the lexer alone unescapes the first)", () => {
    expect(fromData(evaluate("'a''b''c'", scope({})))).toBe("a'b'c");
  });

  it('answers the status functions from the status given', () => {
    expect(
      condition('success()', scope({}, { success: true, failure: false, cancelled: false })),
    ).toBe(true);
    expect(
      condition('failure()', scope({}, { success: false, failure: true, cancelled: false })),
    ).toBe(true);
    expect(
      condition('success()', scope({}, { success: false, failure: true, cancelled: false })),
    ).toBe(false);
    expect(
      condition('always()', scope({}, { success: false, failure: true, cancelled: false })),
    ).toBe(true);
    expect(condition('cancelled()', scope({}))).toBe(false);
  });

  it('names the file and the expression when evaluation fails', () => {
    expect(() => evaluate('nope.x', scope({ github: {} }))).toThrow(
      "wf.yml: cannot evaluate ${{ nope.x }}: Unrecognized named-value: 'nope'",
    );
    expect(() => evaluate('hashFiles(1)', scope({}))).toThrow(/wf\.yml: cannot evaluate/);
  });

  it('turns scalars into strings as a runner does and refuses an object where a string goes', async () => {
    const s = scope({ github: { obj: { a: 1 }, t: true, n: 1.5, z: null } });
    const yaml = (expr: string) =>
      `on: push\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: \${{ ${expr} }}\n`;
    expect(evaluateString(await runToken(yaml('github.t')), s)).toBe('true');
    expect(evaluateString(await runToken(yaml('github.n')), s)).toBe('1.5');
    expect(evaluateString(await runToken(yaml('github.z')), s)).toBe('');
    await expect(runToken(yaml('github.obj')).then((t) => evaluateString(t, s))).rejects.toThrow(
      'wf.yml:6:14: ${{ github.obj }} is an object or array where a string is expected (use toJSON(…))',
    );
  });

  it('keeps a multi-line script as YAML reads it: no indentation, every quote, heredocs intact', async () => {
    const token = await runToken(
      [
        'on: push',
        'jobs:',
        '  j:',
        '    runs-on: x',
        '    steps:',
        '      - run: |',
        "          echo 'a' 'b' \"${{ github.sha }}\"",
        '          cat <<EOF',
        "          ${{ format('{0}''s', github.sha) }} }}",
        '          EOF',
        '',
      ].join('\n'),
    );
    expect(evaluateString(token, scope({ github: { sha: 'abc' } }))).toBe(
      "echo 'a' 'b' \"abc\"\ncat <<EOF\nabc's }}\nEOF\n",
    );
  });

  it('evaluates a mapping, or a whole mapping from one expression', async () => {
    const parse = async (env: string) => {
      const content = `on: push\nenv: ${env}\njobs:\n  j:\n    runs-on: x\n    steps:\n      - run: x\n`;
      const r = parseWorkflow({ name: 'wf.yml', content }, new NoOperationTraceWriter());
      return (await convertWorkflowTemplate(r.context, r.value!)).env;
    };
    const s = scope({ github: { sha: 'abc' }, vars: { ENV: '{"X":"1","Y":true}' } });
    expect(evaluateMap(await parse('{ A: "${{ github.sha }}-x", B: 3, C: true }'), s)).toEqual({
      A: 'abc-x',
      B: '3',
      C: 'true',
    });
    expect(evaluateMap(await parse('${{ fromJSON(vars.ENV) }}'), s)).toEqual({ X: '1', Y: 'true' });
    expect(evaluateMap(undefined, s)).toEqual({});
  });
});
