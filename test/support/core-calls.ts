import type { KilnConfig } from '@kiln/core/config';
import { parseReplaceFleetRequest, replaceFleet, type ReplaceFleetResult } from '@kiln/core/deploy';
import { fromRecord } from '@kiln/core/inputs';
import type { Registries } from '@kiln/core/oci';

/** The run the ledger entries name, as an action passes it from the workflow's context. */
export const RUN_CONTEXT = {
  actor: 'octocat',
  commit: 'c0ffee',
  runUrl: 'https://ci.example/run/1',
};
/** The ledger's tuning in tests: the local registry needs no long settle. */
export const TEST_LEDGER = { settleMs: 20 };

/** What a deploy or rollback core takes beside its request, as the actions pass it; lines go to `logs`. */
export function coreDeps(registries: Registries, logs: string[]) {
  return { registries, run: RUN_CONTEXT, log: (l: string) => logs.push(l), ledger: TEST_LEDGER };
}

/** A deploy as replace-fleet's action makes it: `inputs` over kiln.yml, then the deploy core. */
export function deployAsAction(
  inputs: Record<string, string>,
  config: KilnConfig,
  registries: Registries,
  logs: string[],
): Promise<ReplaceFleetResult> {
  return replaceFleet(
    parseReplaceFleetRequest(fromRecord(inputs), config),
    coreDeps(registries, logs),
  );
}
