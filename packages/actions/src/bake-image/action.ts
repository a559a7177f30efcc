import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import { bakeImage, bakeSummary, parseBakeRequest } from '@kiln/core/bake';
import * as github from '@kiln/core/github';
import { Registries } from '@kiln/core/oci';
import { setOutputs } from '../run-action.js';

export async function bakeImageAction(): Promise<void> {
  const request = parseBakeRequest(actionInputs, process.env.GITHUB_WORKSPACE);
  const registries = new Registries(
    registryOptionsFrom(actionInputs, request.repository?.registry),
  );
  const result = await bakeImage(request, registries);
  setOutputs({
    digest: result.digest,
    image: result.image,
    tags: result.tags.join(','),
    size: result.size,
    reproducible: result.reproducible,
  });
  await github.summary.writeSummary(bakeSummary(result));
}
