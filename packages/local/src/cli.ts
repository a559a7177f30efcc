// `npm run env up|down|status`: the embedded default by hand, e.g. to keep it up between runs.
import { runningPid } from './balancer.js';
import { BALANCER_DIR, down, type KilnEnvironment, readEnvironment, up } from './environment.js';
import { STATE } from './services.js';

const USAGE = `usage: npm run env [-- up|down|status] [--json]

  up       start (or reuse) the registries, the Docker engine in swarm mode and haproxy
  down     stop everything the environment started
  status   what runs and where (the default)
`;

/** One line per part: what it is, where it answers, and whether it runs. */
export function describeEnvironment(env: KilnEnvironment, balancerUp: boolean): string {
  const rows: Array<[string, string, string]> = [
    ['registry', `http://${env.registry.host}`, 'plain'],
    ['registry2', `http://${env.registry2.host}`, 'plain, for cross-registry copies'],
    [
      'authRegistry',
      `http://${env.authRegistry.host}`,
      `htpasswd Basic auth, user ${env.authRegistry.username ?? '?'}`,
    ],
    [
      'engine',
      env.engine.dockerHost,
      env.engine.external ? "the machine's engine" : 'dockerd, single-node swarm',
    ],
    [
      'balancer',
      env.balancer ? env.balancer.url : '-',
      env.balancer
        ? `haproxy pid ${env.balancer.pid}${balancerUp ? '' : ' (not running)'}, runtime API ${env.balancer.socket}`
        : 'not started',
    ],
  ];
  const width = Math.max(...rows.map((r) => r[0].length));
  return [
    `state ${STATE}, started ${env.startedAt}`,
    ...rows.map(([name, where, what]) => `  ${name.padEnd(width)}  ${where}  (${what})`),
  ].join('\n');
}

const args = process.argv.slice(2);
const json = args.includes('--json');
const cmd = args.find((a) => !a.startsWith('-')) ?? 'status';
const print = (env: KilnEnvironment, head: string): void => {
  const balancerUp = env.balancer !== undefined && runningPid(BALANCER_DIR) === env.balancer.pid;
  process.stdout.write(
    json
      ? `${JSON.stringify(env, null, 2)}\n`
      : `${head}\n${describeEnvironment(env, balancerUp)}\n`,
  );
};

if (cmd === 'up') {
  const { env, started } = await up((l) => process.stderr.write(`${l}\n`));
  print(env, started ? 'started' : 'already running');
} else if (cmd === 'down') {
  await down();
  process.stdout.write('stopped\n');
} else if (cmd === 'status') {
  const env = readEnvironment();
  if (env) print(env, 'running');
  else process.stdout.write(json ? 'null\n' : 'not running (start it with: npm run env up)\n');
} else {
  process.stderr.write(`unknown command: ${cmd}\n${USAGE}`);
  process.exitCode = 2;
}
