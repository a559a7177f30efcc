import { parseBakeRequest } from '@kiln/core/bake/request';
import { actionInputs, registryOptionsFrom } from '@kiln/core/inputs';
import { setOutputs } from '../run-action.js';

export async function bakeImageAction(): Promise<void> {
  // Inputs are checked before the bakers (tar, gzip, registry client) load: a bad input
  // fails in the time it takes to start node and @actions/core.
  const request = parseBakeRequest(actionInputs, process.env.GITHUB_WORKSPACE);
  const options = registryOptionsFrom(actionInputs, request.repository?.registry);
  const [{ bakeImage, bakeSummary }, { Registries }, github] = await Promise.all([
    import('@kiln/core/bake'),
    import('@kiln/core/oci'),
    import('@kiln/core/github'),
  ]);
  const result = await bakeImage(request, new Registries(options));
  setOutputs({
    digest: result.digest,
    image: result.image,
    tags: result.tags.join(','),
    size: result.size,
    reproducible: result.reproducible,
  });
  await github.summary.writeSummary(bakeSummary(result));
}
