import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';

export default async function globalTeardown() {
  const { down } = await tsImport('../../packages/local/src/environment.ts', import.meta.url);
  const { STATE } = await tsImport('../../packages/local/src/services.ts', import.meta.url);
  const owner = join(STATE, 'owner');
  const ownedByThisRun = existsSync(owner) && readFileSync(owner, 'utf8') === String(process.pid);
  rmSync(owner, { force: true });
  if (ownedByThisRun) await down();
}
