// `npm run env up|down|status`: the embedded default by hand, e.g. to keep it up between runs.
import { runningPid } from './balancer.js';
import { BALANCER_DIR, down, type KilnEnvironment, readEnvironment, up } from './environment.js';
import {
  describeNodes,
  nodesDown,
  nodesUp,
  parseNodeCount,
  readNodes,
  type SwarmNodesEnvironment,
} from './nodes.js';
import { STATE } from './services.js';

const USAGE = `usage: npm run env [-- up|down|status] [--nodes [N]] [--json]

  up       start (or reuse) the registries, the Docker engine in swarm mode and haproxy
  down     stop everything the environment started
  status   what runs and where (the default)

  --nodes [N]  the multi-node swarm instead (N from 2 to 9, default 3: one manager, the
               rest workers): N engines in network namespaces of their own on a host bridge,
               with a registry on the bridge. Apart from the single-node environment.
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

const COMMANDS = ['up', 'down', 'status'];
const args = process.argv.slice(2);
const json = args.includes('--json');
// `--nodes`, `--nodes 3` or `--nodes=3`; its number is not the command.
const nodesAt = args.findIndex((a) => a === '--nodes' || a.startsWith('--nodes='));
const nodesArg = args[nodesAt] ?? '';
const nodesValue = nodesArg.startsWith('--nodes=')
  ? nodesArg.slice('--nodes='.length)
  : !COMMANDS.includes(args[nodesAt + 1] ?? '-') && !(args[nodesAt + 1] ?? '-').startsWith('-')
    ? args[nodesAt + 1]
    : undefined;
const cmd =
  args.find((a, i) => !a.startsWith('-') && !(i === nodesAt + 1 && a === nodesValue)) ?? 'status';
const print = (env: KilnEnvironment, head: string): void => {
  const balancerUp = env.balancer !== undefined && runningPid(BALANCER_DIR) === env.balancer.pid;
  process.stdout.write(
    json
      ? `${JSON.stringify(env, null, 2)}\n`
      : `${head}\n${describeEnvironment(env, balancerUp)}\n`,
  );
};
const printNodes = (env: SwarmNodesEnvironment, head: string): void => {
  process.stdout.write(
    json ? `${JSON.stringify(env, null, 2)}\n` : `${head}\n${describeNodes(env)}\n`,
  );
};
const log = (l: string): void => {
  process.stderr.write(`${l}\n`);
};

if (nodesAt >= 0) {
  let count = 0;
  try {
    count = parseNodeCount(nodesValue);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n${USAGE}`);
    process.exit(2);
  }
  if (cmd === 'up') {
    // One line, not a stack: what cannot start and why (a machine that cannot, a swarm of
    // another size running) is for the user to act on.
    const result = await nodesUp(count, log).catch((err: unknown) => {
      process.stderr.write(`npm run env up -- --nodes: ${(err as Error).message}\n`);
      process.exit(1);
    });
    printNodes(result.env, result.started ? `started a ${count}-node swarm` : 'already running');
  } else if (cmd === 'down') {
    await nodesDown(log);
    process.stdout.write('stopped the multi-node swarm\n');
  } else if (cmd === 'status') {
    const env = readNodes();
    if (env) printNodes(env, `running: a ${env.nodes.length}-node swarm`);
    else
      process.stdout.write(
        json ? 'null\n' : 'not running (start it with: npm run env up -- --nodes 3)\n',
      );
  } else {
    process.stderr.write(`unknown command: ${cmd}\n${USAGE}`);
    process.exitCode = 2;
  }
} else if (cmd === 'up') {
  const { env, started } = await up(log);
  print(env, started ? 'started' : 'already running');
} else if (cmd === 'down') {
  await down();
  process.stdout.write('stopped\n');
} else if (cmd === 'status') {
  const env = readEnvironment();
  if (env) print(env, 'running');
  else process.stdout.write(json ? 'null\n' : 'not running (start it with: npm run env up)\n');
  const nodes = readNodes();
  if (nodes && !json)
    process.stdout.write(
      `also running: a ${nodes.nodes.length}-node swarm, manager DOCKER_HOST=${nodes.manager} (npm run env status -- --nodes)\n`,
    );
} else {
  process.stderr.write(`unknown command: ${cmd}\n${USAGE}`);
  process.exitCode = 2;
}
