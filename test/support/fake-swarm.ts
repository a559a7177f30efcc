import { DockerCommandError } from '@kiln/core/engine';
import type { Colour, TrafficRouter } from '@kiln/core/fleet';

interface FakeSpec {
  image: string;
  replicas: number;
  labels: Record<string, string>;
}

interface FakeTask {
  id: string;
  image: string;
  state: string;
  health: string;
  /** The node it was placed on (`node1` unless a test moves it). */
  node: string;
}

interface FakeService {
  spec: FakeSpec;
  previous?: FakeSpec;
  update?: { State: string; Message?: string };
  version: number;
  tasks: FakeTask[];
  /** Tasks the engine replaced, as `docker service ps` still lists them (newest first). */
  history?: Array<{ Name: string; Image: string; CurrentState: string; Error: string }>;
}

const flag = (args: readonly string[], name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const flags = (args: readonly string[], name: string): string[] =>
  args.flatMap((a, i) => (a === name && args[i + 1] !== undefined ? [args[i + 1] as string] : []));

/**
 * A swarm manager behind the docker CLI's argv, enough for the swarm provider: services with
 * a spec and a previous spec, tasks that are healthy unless their image is in `failing`, and
 * the engine's own rollback of an update whose tasks fail. Every command is recorded.
 */
export class FakeSwarm {
  readonly services = new Map<string, FakeService>();
  readonly calls: string[][] = [];
  /** Images whose health check fails: an update to one is rolled back by the "engine". */
  readonly failing = new Set<string>();
  /** Images no node can pull: their tasks are rejected and the update is rolled back. */
  readonly unpullable = new Set<string>();
  /** The swarm's nodes as `docker node ls` shows them; a test takes one down or drains it. */
  readonly nodes = new Map<string, { status: string; availability: string }>([
    ['node1', { status: 'Ready', availability: 'Active' }],
  ]);
  private seq = 0;

  private tasksFor(image: string, n: number): FakeTask[] {
    return Array.from({ length: n }, () => ({
      id: `task${++this.seq}`,
      image,
      state: this.failing.has(image) ? 'starting' : 'running',
      health: this.failing.has(image) ? 'starting' : 'healthy',
      node: 'node1',
    }));
  }

  /** A service that already runs `image` N/N, as a previous run left it. */
  seed(name: string, image: string, replicas: number, labels: Record<string, string> = {}): void {
    this.services.set(name, {
      spec: { image, replicas, labels },
      version: 1,
      tasks: this.tasksFor(image, replicas),
    });
  }

  commands(verb: string): string[][] {
    return this.calls.filter((c) => `${c[0]} ${c[1]}` === verb);
  }

  async run(args: readonly string[]): Promise<{ stdout: string; stderr: string }> {
    return { stdout: await this.output(args), stderr: '' };
  }

  async output(args: readonly string[]): Promise<string> {
    this.calls.push([...args]);
    const [a, b] = args;
    const last = args[args.length - 1] as string;
    const missing = (what: string, name: string): never => {
      throw new DockerCommandError(
        `docker command failed with exit code 1: docker ${args.join(' ')}`,
        `docker ${args.join(' ')}`,
        1,
        `Error: No such ${what}: ${name}`,
      );
    };
    const svc = (name: string): FakeService => this.services.get(name) ?? missing('service', name);
    if (a === 'service' && b === 'inspect') {
      // As the CLI does: the services that exist on stdout, a failure for the rest.
      const names = args.slice(2);
      const found = names.flatMap((name) => {
        const s = this.services.get(name);
        return s
          ? [
              {
                ID: `id-${name}`,
                Version: { Index: s.version },
                Spec: specJson(name, s.spec),
                ...(s.previous ? { PreviousSpec: specJson(name, s.previous) } : {}),
                ...(s.update ? { UpdateStatus: s.update } : {}),
              },
            ]
          : [];
      });
      const gone = names.filter((n) => !this.services.has(n));
      if (gone.length) missingSome(args, 'service', gone, found);
      return JSON.stringify(found);
    }
    if (a === 'service' && b === 'create') {
      const name = flag(args, '--name') as string;
      const labels = Object.fromEntries(flags(args, '--label').map((l) => l.split('=', 2)));
      const replicas = Number(flag(args, '--replicas'));
      this.services.set(name, {
        spec: { image: last === name ? '' : last, replicas, labels },
        version: 1,
        tasks: this.tasksFor(last, replicas),
      });
      return `id-${name}`;
    }
    if (a === 'service' && b === 'update') {
      const s = svc(last);
      const next: FakeSpec = {
        image: flag(args, '--image') ?? s.spec.image,
        replicas: Number(flag(args, '--replicas') ?? s.spec.replicas),
        labels: { ...s.spec.labels },
      };
      for (const l of flags(args, '--label-add')) {
        const [k, v] = l.split('=', 2) as [string, string];
        next.labels[k] = v;
      }
      for (const k of flags(args, '--label-rm')) delete next.labels[k];
      s.previous = s.spec;
      s.spec = next;
      s.version++;
      const unpullable = this.unpullable.has(next.image);
      if (next.image !== s.previous.image && (this.failing.has(next.image) || unpullable)) {
        // The engine saw the new tasks fail inside the monitor window and went back; as the
        // engine does, `service ps` keeps the failed task with its error.
        (s.history ??= []).unshift({
          Name: `${last}.1`,
          Image: next.image,
          CurrentState: unpullable ? 'Rejected 2 seconds ago' : 'Failed 2 seconds ago',
          // The CLI quotes the error when it does not truncate it.
          Error: unpullable
            ? `"No such image: ${next.image}"`
            : '"task: non-zero exit (137): dockerexec: unhealthy container"',
        });
        s.spec = s.previous;
        delete s.previous;
        s.update = { State: 'rollback_completed', Message: 'rollback completed' };
        s.tasks = s.tasks.length ? s.tasks : this.tasksFor(s.spec.image, s.spec.replicas);
      } else if (next.image !== s.previous.image || next.replicas !== s.previous.replicas) {
        s.tasks = this.tasksFor(next.image, next.replicas);
        s.update = { State: 'completed' };
      }
      return last;
    }
    if (a === 'service' && b === 'rollback') {
      const s = svc(last);
      if (!s.previous) throw new Error(`fake: ${last} has no previous spec`);
      [s.spec, s.previous] = [s.previous, undefined];
      delete s.previous;
      s.version++;
      s.update = { State: 'rollback_completed' };
      s.tasks = this.tasksFor(s.spec.image, s.spec.replicas);
      return last;
    }
    if (a === 'service' && b === 'ps') {
      const s = svc(args[2] as string);
      if (flag(args, '--format') === '{{.ID}}') return s.tasks.map((t) => t.id).join('\n');
      if (flag(args, '--format') === '{{json .}}')
        return [
          ...s.tasks.map((t, i) => ({
            Name: `${args[2]}.${i + 1}`,
            Image: t.image,
            CurrentState: `${t.state === 'running' ? 'Running' : 'Starting'} 1 second ago`,
            Error: '',
          })),
          ...(s.history ?? []),
        ]
          .map((t) => JSON.stringify(t))
          .join('\n');
      return s.tasks.map((t) => `${t.id} ${t.image} ${t.state}`).join('\n');
    }
    if (a === 'service' && b === 'rm') {
      svc(last);
      this.services.delete(last);
      return last;
    }
    if (a === 'inspect' && b === '--type' && args[2] === 'task') {
      const all = [...this.services.values()].flatMap((s) => s.tasks);
      return JSON.stringify(
        args.slice(3).map((id) => {
          const t = all.find((x) => x.id === id) ?? missing('task', id);
          return {
            ID: t.id,
            NodeID: t.node,
            Spec: { ContainerSpec: { Image: t.image } },
            Status: { State: t.state, ContainerStatus: { ContainerID: `c-${t.id}` } },
          };
        }),
      );
    }
    if (a === 'ps' && args.includes('--no-trunc')) {
      // One service's containers (label=KEY=name), or every service's (label=KEY).
      const only = /^label=com\.docker\.swarm\.service\.name=(.+)$/.exec(
        flag(args, '--filter') ?? '',
      );
      return [...this.services]
        .filter(([name]) => !only || only[1] === name)
        .flatMap(([name, svc]) => svc.tasks.map((t) => `c-${t.id} ${name}`))
        .join('\n');
    }
    if (a === 'ps') return '';
    if (a === 'inspect' && b === '--type' && args[2] === 'container') {
      const all = [...this.services.values()].flatMap((s) => s.tasks);
      const ids = args.slice(3);
      const found = ids.flatMap((id) => {
        const t = all.find((x) => `c-${x.id}` === id);
        if (!t) return [];
        const n = Number(t.id.replace('task', ''));
        return [
          {
            Id: id,
            State: { Health: { Status: t.health } },
            NetworkSettings: { Networks: { net: { IPAddress: `10.0.0.${n}` } } },
          },
        ];
      });
      const gone = ids.filter((id) => !all.some((x) => `c-${x.id}` === id));
      if (gone.length) missingSome(args, 'container', gone, found);
      return JSON.stringify(found);
    }
    if (a === 'node' && b === 'ls')
      return [...this.nodes].map(([id, n]) => `${id} ${n.status} ${n.availability}`).join('\n');
    if (a === 'network' && b === 'inspect') return missing('network', args[2] as string);
    if (a === 'network') return 'ok';
    throw new Error(`fake swarm: unexpected command docker ${args.join(' ')}`);
  }
}

/** The CLI's answer to an inspect of several objects when some do not exist. */
function missingSome(
  args: readonly string[],
  what: string,
  gone: string[],
  found: unknown[],
): never {
  throw new DockerCommandError(
    `docker command failed with exit code 1: docker ${args.join(' ')}`,
    `docker ${args.join(' ')}`,
    1,
    gone.map((n) => `Error: No such ${what}: ${n}`).join('\n'),
    false,
    JSON.stringify(found),
  );
}

function specJson(name: string, s: FakeSpec): unknown {
  return {
    Name: name,
    Labels: s.labels,
    Mode: { Replicated: { Replicas: s.replicas } },
    TaskTemplate: { ContainerSpec: { Image: s.image } },
  };
}

/** A router that remembers its pools and the live colour, and every call. */
export class FakeRouter implements TrafficRouter {
  readonly url = 'http://router.test/';
  readonly previewUrl = 'http://preview.router.test/';
  readonly pools: Record<Colour, string[]> = { blue: [], green: [] };
  readonly calls: string[] = [];
  liveColour: Colour | undefined;

  async live(): Promise<Colour | undefined> {
    return this.liveColour;
  }
  async setEndpoints(colour: Colour, addresses: readonly string[]): Promise<void> {
    this.calls.push(`set ${colour} ${addresses.join(',')}`);
    this.pools[colour] = [...addresses];
  }
  async waitReady(colour: Colour, count: number): Promise<void> {
    this.calls.push(`wait ${colour} ${count}`);
    if (this.pools[colour].length < count) throw new Error(`fake router: ${colour} has too few`);
  }
  async switchTo(colour: Colour): Promise<void> {
    this.calls.push(`switch ${colour}`);
    this.liveColour = colour;
  }
}
