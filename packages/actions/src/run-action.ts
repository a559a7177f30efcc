import * as core from '@actions/core';
import { errorMessage, isConfigurationError } from '@kiln/core/errors';
import * as log from '@kiln/core/log';

/**
 * Every action's outer shell: a configuration error is the user's to fix and gets one line;
 * anything else is an operational failure with its detail in the debug log.
 */
export async function runAction(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (err) {
    // Messages may quote a registry or an image: hidden characters are shown, never emitted.
    if (isConfigurationError(err)) {
      core.setFailed(log.printable(log.redact(errorMessage(err))));
      process.exitCode = 1;
      return;
    }
    core.debug(log.redact((err as Error).stack ?? String(err)));
    core.setFailed(log.printable(log.redact(`${name} failed: ${errorMessage(err)}`)));
    process.exitCode = 2;
  }
}

export function setOutputs(outputs: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, String(v));
}
