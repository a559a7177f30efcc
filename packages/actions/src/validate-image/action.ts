import * as core from '@actions/core';
import { readRunContext } from '@kiln/core/github/context';
import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import * as log from '@kiln/core/log';
import { parseValidateRequest } from '@kiln/core/validate/request';
import { setOutputs } from '../run-action.js';

export async function validateImageAction(): Promise<void> {
  const ctx = readRunContext();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // Inputs are checked before the policy engine, the smoke run and the registry client load.
  const request = parseValidateRequest(actionInputs, workspace, ctx.commit);
  const target = request.location.kind === 'registry' ? request.location.ref.registry : undefined;
  const options = registryOptionsFrom(actionInputs, target);
  const [{ validateImage, validationAnnotations, validationSummary }, { Registries }, github] =
    await Promise.all([
      import('@kiln/core/validate'),
      import('@kiln/core/oci'),
      import('@kiln/core/github'),
    ]);
  const result = await validateImage(request, new Registries(options));
  setOutputs({ result: result.result, report: result.reportPath, evidence: result.evidence });

  const summary = validationSummary(result);
  const annotations = validationAnnotations(result, workspace);
  for (const a of annotations)
    log.error(a.message, { title: a.title, file: a.path, line: a.start_line });
  await github.summary.writeSummary(summary);

  const token = core.getInput('github-token');
  if (token && ctx.repo && ctx.commit) {
    const published = await github.publishCheckRun(await github.githubClient(token, ctx), ctx, {
      name: request.checkName,
      headSha: ctx.commit,
      conclusion: result.result === 'pass' ? 'success' : 'failure',
      title: `${result.report.summary.fail} failed, ${result.report.summary.pass} passed${result.report.smoke ? `, smoke ${result.report.smoke.status}` : ''}`,
      summary,
      annotations,
    });
    if (published) log.info(`check run: ${published.url}`);
  }
  if (result.result === 'fail') {
    log.fail(
      `validate-image: ${request.reference} failed validation (evidence ${result.evidence})`,
    );
  }
}
