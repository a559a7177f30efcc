// "current" and "last known-good" of an environment with 10, 100 and 1,000 ledger entries:
// registry requests (counted at a loopback proxy) and time, plus verify over the whole chain.
// Run: npm run bench:ledger  (starts the local registries if needed)
import { Readable } from 'node:stream';
import { current, lastKnownGood, Ledger } from '@kiln/core/ledger';
import {
  type Descriptor,
  descriptorOf,
  encodeManifest,
  MediaType,
  parseManifest,
  type RegistryRepository,
  Registries,
  sha256,
} from '@kiln/core/oci';
import { startFaultProxy, up } from '@kiln/local';

const SIZES = (process.env.BENCH_SIZES ?? '10,100,1000').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
/** A new image every this many entries, as a release cadence would give. */
const ENTRIES_PER_IMAGE = 5;

const median = (xs: number[]): number =>
  [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const ms = (t0: bigint): number => Number(process.hrtime.bigint() - t0) / 1e6;

async function tinyImage(repo: RegistryRepository, name: string): Promise<Descriptor> {
  const put = async (data: Buffer, mediaType: string): Promise<Descriptor> => {
    const desc = { mediaType, digest: sha256(data), size: data.length };
    await repo.putBlob(desc, async () => Readable.from([data]));
    return desc;
  };
  const config = await put(Buffer.from(JSON.stringify({ os: 'linux', name })), MediaType.OciConfig);
  const layer = await put(Buffer.from(`layer ${name}`), MediaType.OciLayer);
  const m = parseManifest(
    encodeManifest({ schemaVersion: 2, mediaType: MediaType.OciManifest, config, layers: [layer] }),
  );
  await repo.putManifest(m);
  return descriptorOf(m);
}

/**
 * Seeds `n` entries through Ledger.append itself, one after another (no settle wait: there is
 * no other writer); every 7th deploy fails, so known-good is not simply the previous entry.
 */
async function seed(repo: RegistryRepository, env: string, n: number): Promise<number> {
  const ledger = new Ledger(repo, env, { settleMs: 0 });
  const t0 = process.hrtime.bigint();
  let image: Descriptor | undefined;
  for (let seq = 1; seq <= n; seq++) {
    if ((seq - 1) % ENTRIES_PER_IMAGE === 0) image = await tinyImage(repo, `${env}-${seq}`);
    const img = image as Descriptor;
    await ledger.append(
      {
        action: 'deploy',
        outcome:
          seq % 7 === 0 ? 'failed' : seq % ENTRIES_PER_IMAGE === 1 ? 'deployed' : 'unchanged',
        digest: img.digest,
        duration_ms: 1000,
        actor: 'bench',
        commit: String(seq),
        run_url: 'https://ci.example/run',
        evidence: [],
      },
      { subject: img },
    );
  }
  return ms(t0);
}

async function main(): Promise<void> {
  const { env } = await up();
  const proxy = await startFaultProxy(env.registry.host);
  const name = `bench/ledger-${Date.now()}`;
  const direct = new Registries().repository(env.registry.host, name);
  const counted = new Registries().repository(proxy.host, name);
  const rows: string[] = [];
  let verifyRow = '';
  try {
    for (const n of SIZES) {
      const envName = `bench-${n}`;
      const seedMs = await seed(direct, envName, n);
      console.error(`seeded ${n} entries in ${(seedMs / 1000).toFixed(1)} s`);
      const ledger = new Ledger(counted, envName);
      const measure = async (fn: () => Promise<unknown>) => {
        const times: number[] = [];
        let requests = 0;
        for (let i = 0; i < RUNS; i++) {
          proxy.resetStats();
          const t0 = process.hrtime.bigint();
          await fn();
          times.push(ms(t0));
          requests = proxy.stats().requests.length;
        }
        return { ms: median(times), requests };
      };
      const cur = await measure(() => current(ledger));
      const lkg = await measure(() => lastKnownGood(ledger));
      rows.push(
        `| ${n} | ${cur.requests} | ${cur.ms.toFixed(1)} ms | ${lkg.requests} | ${lkg.ms.toFixed(1)} ms |`,
      );
      if (n === Math.max(...SIZES)) {
        proxy.resetStats();
        const t0 = process.hrtime.bigint();
        const result = await ledger.verify();
        const took = ms(t0);
        if (!result.ok) throw new Error(`verify failed: ${result.reason}`);
        verifyRow = `| ${result.entries} | ${proxy.stats().requests.length} | ${(took / 1000).toFixed(2)} s |`;
      }
    }
  } finally {
    await proxy.stop();
  }
  console.log(
    '| entries | current: requests | current: time | last known-good: requests | last known-good: time |',
  );
  console.log('|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('');
  console.log('| verify: entries | requests | time |');
  console.log('|---|---|---|');
  console.log(verifyRow);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
