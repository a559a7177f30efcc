#!/usr/bin/env node
import { ConfigurationError, errorMessage } from '@kiln/core/errors';
import * as log from '@kiln/core/log';
import { type CommandName, USAGE as COMMAND_USAGE } from './usage.js';

type Command = (argv: string[]) => Promise<number>;

/** Each command loads with import() when it runs, so a command pays only for its own domain. */
const COMMANDS: Record<CommandName, () => Promise<Command>> = {
  bake: async () => (await import('./commands/bake.js')).bake,
  validate: async () => (await import('./commands/validate.js')).validate,
  deploy: async () => (await import('./commands/deploy.js')).deploy,
  rollback: async () => (await import('./commands/rollback.js')).rollback,
  promote: async () => (await import('./commands/promote.js')).promoteCommand,
  ledger: async () => (await import('./commands/ledger.js')).ledger,
  inspect: async () => (await import('./commands/inspect.js')).inspect,
  copy: async () => (await import('./commands/copy.js')).copy,
  run: async () => (await import('./commands/run.js')).run,
  status: async () => (await import('./commands/status.js')).status,
};

const USAGE = `usage: kiln <command> [options]

commands:
${Object.values(COMMAND_USAGE)
  .map((u) => `  ${u}`)
  .join('\n')}

registry options: --registry-username U, --insecure-registries H1,H2, --timeout 30m, --json
  (password from KILN_REGISTRY_PASSWORD, else docker's config.json and credential helpers)
references: host/repository[:tag][@sha256:…] or oci-layout:DIR[:tag][@sha256:…]`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (!Object.hasOwn(COMMANDS, command))
    throw new ConfigurationError(`unknown command "${command}"\n${USAGE}`);
  const run = await COMMANDS[command as CommandName]();
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
