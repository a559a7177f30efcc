#!/usr/bin/env node
import { ConfigurationError, errorMessage } from '@kiln/core/errors';
import * as log from '@kiln/core/log';
import { bake, bakeUsage } from './commands/bake.js';
import { copy, copyUsage } from './commands/copy.js';
import { inspect, inspectUsage } from './commands/inspect.js';
import { validate, validateUsage } from './commands/validate.js';

const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  inspect,
  copy,
  bake,
  validate,
};

const USAGE = `usage: kiln <command> [options]

commands:
  ${bakeUsage}
  ${validateUsage}
  ${inspectUsage}
  ${copyUsage}

registry options: --registry-username U, --insecure-registries H1,H2, --json
  (password from KILN_REGISTRY_PASSWORD, else docker's config.json and credential helpers)
references: host/repository[:tag][@sha256:…] or oci-layout:DIR[:tag][@sha256:…]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const run = COMMANDS[command];
  if (!run) throw new ConfigurationError(`unknown command "${command}"\n${USAGE}`);
  return run(rest);
}

/** Resolves once the stream has handed the OS everything written so far, or cannot (EPIPE). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => {
    stream.once('error', () => resolve());
    stream.write('', () => resolve());
  });
}

/**
 * The one way out: process.exit() drops what a pipe has not taken yet (a 600 KB `inspect
 * --json` arrived cut at 64 KiB, with exit code 0), so wait for stdout and stderr first. The
 * explicit exit still ends the process if a keep-alive socket or a timer is left open.
 */
async function exit(code: number): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

await main(process.argv.slice(2)).then(exit, (err: unknown) => {
  log.write(process.stderr, `kiln: ${errorMessage(err)}`);
  return exit(err instanceof ConfigurationError ? 1 : 2);
});
