// `npm run demo` / `npm run demo -- --down`: a thin CLI around the demo of @kiln/local
// (packages/local/src/demo).
import { formatSummary, runDemo, stopDemo } from '@kiln/local';

const USAGE = `usage: npm run demo [-- --down [--keep-env]]

  (no flags)   start (or reuse) the local registry, single-node swarm and haproxy, then run
               .github/workflows/release.yml and rollback.yml through the local runner on
               examples/shop: v1 to production; v2 rolled back in staging and quarantined
               by replace-fleet; v3 to production; rollback.yml back to v1. Prints the story,
               kiln status and the URLs
  --down       stop the demo's services and balancers, and the registries and engine
  --keep-env   with --down: leave the registries and the engine running
`;

const args = process.argv.slice(2);
const known = new Set(['--down', '--keep-env', '--help', '-h']);
const unknown = args.filter((a) => !known.has(a));
const progress = (line: string): void => {
  process.stderr.write(`${line}\n`);
};

if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(USAGE);
} else if (unknown.length > 0 || (args.includes('--keep-env') && !args.includes('--down'))) {
  process.stderr.write(
    `unknown or misplaced argument: ${unknown.join(' ') || '--keep-env'}\n${USAGE}`,
  );
  process.exitCode = 2;
} else {
  try {
    if (args.includes('--down')) {
      await stopDemo({ log: progress, keepEnvironment: args.includes('--keep-env') });
      process.stdout.write('demo stopped\n');
    } else {
      process.stdout.write(formatSummary(await runDemo({ log: progress })));
    }
  } catch (err) {
    const e = err as Error;
    // A DemoError explains itself; anything else also gets its stack with KILN_DEBUG=1.
    const detail = e.name !== 'DemoError' && process.env.KILN_DEBUG ? e.stack : e.message;
    process.stderr.write(`\ndemo failed: ${detail ?? String(err)}\n`);
    process.exitCode = 1;
  }
}
