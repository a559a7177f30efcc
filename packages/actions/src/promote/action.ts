import * as core from '@actions/core';
import { configFromInputs } from '@kiln/core/config';
import { readRunContext } from '@kiln/core/github/context';
import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import * as log from '@kiln/core/log';
import { parsePromoteRequest } from '@kiln/core/promote/request';
import { setOutputs } from '../run-action.js';

export async function promoteAction(): Promise<void> {
  const ctx = readRunContext();
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  // kiln.yml and every input are checked before the registry client and the ledger load.
  const config = await configFromInputs(actionInputs, workspace, {
    log: log.info,
  });
  const request = parsePromoteRequest(actionInputs, config);
  // The explicit credentials go to the registry written to; others use docker's config.json.
  const options = registryOptionsFrom(actionInputs, request.target.registry);
  const [{ promote, promoteRefusedSummary, promoteSummary }, { GateRefusedError }, oci, github] =
    await Promise.all([
      import('@kiln/core/promote'),
      import('@kiln/core/gates'),
      import('@kiln/core/oci'),
      import('@kiln/core/github'),
    ]);
  let result;
  try {
    result = await promote(request, {
      registries: new oci.Registries(options),
      context: { actor: ctx.actor ?? '', commit: ctx.commit ?? '', run_url: ctx.runUrl ?? '' },
      witness: github.ledgerWitnessFor(core.getInput('github-token'), ctx, workspace),
    });
  } catch (err) {
    // A refusal still shows every gate's verdict in the job summary.
    if (err instanceof GateRefusedError)
      await github.summary.writeSummary(promoteRefusedSummary(err.what, err.results));
    throw err;
  }
  setOutputs({
    image: result.image,
    digest: result.digest,
    'copied-bytes': result.copy.copiedBytes,
    'mounted-blobs': result.copy.mountedBlobs,
    'ledger-entry': result.ledger.entry.digest,
  });
  await github.summary.writeSummary(promoteSummary(result));
}
