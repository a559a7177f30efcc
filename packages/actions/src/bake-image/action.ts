import {
  actionInputs,
  bakeImage,
  bakeSummary,
  github,
  parseBakeRequest,
  Registries,
  registryOptionsFrom,
} from '@kiln/core';
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
