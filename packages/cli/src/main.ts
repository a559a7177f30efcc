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

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(log.redact(`kiln: ${errorMessage(err)}`) + '\n');
    process.exit(err instanceof ConfigurationError ? 1 : 2);
  },
);
