import * as core from '@actions/core';
import { configFromInputs } from '@kiln/core/config';
import { readRunContext } from '@kiln/core/github/context';
import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import * as log from '@kiln/core/log';
import { parseRollbackRequest } from '@kiln/core/rollback/request';
import { setOutputs } from '../run-action.js';

export async function rollbackAction(): Promise<void> {
  const ctx = readRunContext();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // kiln.yml and the inputs (a bad `to`, no reason, an unknown environment, a bad fleet input)
  // are checked before the registry client and the engine load.
  const config = await configFromInputs(actionInputs, workspace, {
    log: log.info,
  });
  const request = parseRollbackRequest(actionInputs, config);
  const options = registryOptionsFrom(actionInputs, request.repository.registry);
  const [{ rollback, rollbackFailure, rollbackSummary }, { Registries }, github] =
    await Promise.all([
      import('@kiln/core/rollback'),
      import('@kiln/core/oci'),
      import('@kiln/core/github'),
    ]);
  const result = await rollback(request, {
    registries: new Registries(options),
    log: log.info,
    run: ctx,
    github: github.githubDeploymentRecorder(core.getInput('github-token'), ctx),
    witness: github.ledgerWitnessFor(core.getInput('github-token'), ctx, workspace),
  });
  setOutputs({
    'rolled-back-to': result.to,
    'rolled-back-from': result.from,
    'duration-ms': result.durationMs,
    'ledger-entry': result.deploy.ledgerEntry,
  });
  await github.summary.writeSummary(rollbackSummary(result));
  // The target did not come up (the fleet is back on the release rolled back from, the entry
  // says rolled-back), or the quarantine could not be written: the step fails.
  const failure = rollbackFailure(result);
  if (failure) throw failure;
}
