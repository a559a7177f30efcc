import * as core from '@actions/core';
import { errorMessage, isConfigurationError } from '@kiln/core/errors';
import * as log from '@kiln/core/log';

/**
 * Every action's outer shell: a configuration error is the user's to fix and gets one line;
 * anything else is an operational failure with its detail in the debug log.
 */
export async function runAction(name: string, body: () => Promise<void>): Promise<void> {
  failUncaught(name);
  try {
    await body();
  } catch (err) {
    fail(name, err);
  }
}

/** Messages may quote a registry or an image: they go out through the logger's safe sinks. */
function fail(name: string, err: unknown): void {
  if (isConfigurationError(err)) {
    log.fail(errorMessage(err));
    process.exitCode = 1;
    return;
  }
  core.debug(log.commandSafe(log.redact((err as Error).stack ?? String(err))));
  log.fail(`${name} failed: ${errorMessage(err)}`);
  process.exitCode = 2;
}

let guarded = false;

/**
 * An error thrown outside the body's promises (an 'error' event nobody listens to, a rejection
 * nobody awaits) would otherwise be printed by node itself, message lines as they are: it fails
 * the step through the same sinks instead.
 */
function failUncaught(name: string): void {
  if (guarded) return;
  guarded = true;
  process.on('uncaughtException', (err) => {
    fail(name, err);
    process.exit();
  });
}

export function setOutputs(outputs: Record<string, string | number>): void {
  for (const [k, v] of Object.entries(outputs)) core.setOutput(k, String(v));
}
