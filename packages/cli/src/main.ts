#!/usr/bin/env node
import { ConfigurationError, errorMessage, formatReference, parseReference } from '@kiln/core';

const USAGE = `usage: kiln <command> [options]

commands:
  ref REF          parse an image reference and print its parts`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'ref': {
      const ref = parseReference(rest[0] ?? '');
      process.stdout.write(
        JSON.stringify({ ...ref, canonical: formatReference(ref) }, null, 2) + '\n',
      );
      return 0;
    }
    case undefined:
    case 'help':
    case '--help':
      process.stdout.write(USAGE + '\n');
      return 0;
    default:
      throw new ConfigurationError(`unknown command "${command}"\n${USAGE}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`kiln: ${errorMessage(err)}\n`);
    process.exit(err instanceof ConfigurationError ? 1 : 2);
  },
);
