import * as core from '@actions/core';
import { configFromInputs } from '@kiln/core/config';
import { parseReplaceFleetRequest } from '@kiln/core/deploy/request';
import { readRunContext } from '@kiln/core/github/context';
import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import * as log from '@kiln/core/log';
import { setOutputs } from '../run-action.js';

export async function replaceFleetAction(): Promise<void> {
  const ctx = readRunContext();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // kiln.yml and the inputs are checked before the registry client and the engine load: a tag,
  // an unknown environment or a bad value fails before any request.
  const config = await configFromInputs(actionInputs, workspace, {
    log: log.info,
  });
  const request = parseReplaceFleetRequest(actionInputs, config);
  const options = registryOptionsFrom(actionInputs, request.image.registry);
  const [deploy, { Registries }, github] = await Promise.all([
    import('@kiln/core/deploy'),
    import('@kiln/core/oci'),
    import('@kiln/core/github'),
  ]);
  const result = await deploy.replaceFleet(request, {
    registries: new Registries(options),
    log: log.info,
    run: ctx,
    github: github.githubDeploymentRecorder(core.getInput('github-token'), ctx),
    witness: github.ledgerWitnessFor(core.getInput('github-token'), ctx, workspace),
  });
  setOutputs({
    'deployed-image': result.deployedImage,
    'previous-image': result.previousImage ?? '',
    outcome: result.outcome,
    'duration-ms': result.durationMs,
    'ledger-entry': result.ledgerEntry,
    ...(result.previewUrl ? { 'preview-url': result.previewUrl } : {}),
  });
  await github.summary.writeSummary(deploy.replaceFleetSummary(result));
  // Never reported as deployed: the outputs and the entry say rolled-back, and the step fails.
  if (result.outcome === 'rolled-back') throw new deploy.RolledBackError(result);
}
