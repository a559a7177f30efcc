// Jest loads global setup outside its transform, so the TypeScript environment goes through tsx.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export default async function globalSetup() {
  const { up, down } = await tsImport('../../packages/local/src/environment.ts', import.meta.url);
  const { STATE } = await tsImport('../../packages/local/src/services.ts', import.meta.url);
  try {
    const result = await up((l) => process.stderr.write(`[env] ${l}\n`));
    // Only what this run started is stopped by the teardown.
    writeFileSync(join(STATE, 'owner'), result.started ? String(process.pid) : '');
    process.env.DOCKER_HOST = result.env.engine.dockerHost;
    // Ledger heads that runs of the CLI and the bundles witness live with the registries they name.
    process.env.KILN_WITNESS_FILE ??= join(STATE, 'ledger-witness.json');
  } catch (err) {
    // Jest runs no teardown after a failed setup: stop what was started here, then report.
    await down().catch(() => {});
    throw err;
  }
}
