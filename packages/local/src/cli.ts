// `npm run env up|down|status`: the test environment by hand, e.g. to keep it up between runs.
import { down, readEnvironment, up } from './environment.js';

const cmd = process.argv[2] ?? 'status';
if (cmd === 'up') {
  const { env, started } = await up((l) => process.stderr.write(`${l}\n`));
  process.stdout.write(
    `${started ? 'started' : 'already running'}\n${JSON.stringify(env, null, 2)}\n`,
  );
} else if (cmd === 'down') {
  await down();
  process.stdout.write('stopped\n');
} else {
  const env = readEnvironment();
  process.stdout.write(env ? JSON.stringify(env, null, 2) + '\n' : 'not running\n');
}
