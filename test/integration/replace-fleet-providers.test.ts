import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { StartInstanceRefreshCommand } from '@aws-sdk/client-auto-scaling';
import { parseConfig } from '@kiln/core/config';
import { parseReplaceFleetRequest, replaceFleet } from '@kiln/core/deploy';
import { ConfigurationError } from '@kiln/core/errors';
import { fromRecord } from '@kiln/core/inputs';
import { Ledger } from '@kiln/core/ledger';
import { redact } from '@kiln/core/log';
import {
  type Descriptor,
  type Digest,
  encodeManifest,
  MediaType,
  OciLayout,
  Registries,
  sha256,
} from '@kiln/core/oci';
import { RUN_CONTEXT } from '../support/core-calls.js';
import { FakeAws } from '../support/fake-aws.js';
import { type FakeKubeApi, startFakeKubeApi } from '../support/fake-kube-api.js';

// replace-fleet on Kubernetes and Auto Scaling, from kiln.yml and the inputs through
// parseReplaceFleetRequest and replaceFleet's own provider opening (no provider injected):
// each environment's provider block must reach the engine's fake.
const REPO = '127.0.0.1:5000/fleet/shop';
const dirs: string[] = [];
let kube: FakeKubeApi | undefined;

afterAll(async () => {
  await kube?.close();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** An OCI layout holding one small image named `name`: the image and ledger store of a run. */
async function layoutWith(name: string): Promise<{ store: OciLayout; digest: Digest }> {
  const dir = mkdtempSync(join(tmpdir(), 'kiln-deploy-providers-'));
  dirs.push(dir);
  const store = new OciLayout(dir);
  await store.init();
  const blob = async (text: string, mediaType: string): Promise<Descriptor> => {
    const bytes = Buffer.from(text);
    const desc = { mediaType, digest: sha256(bytes), size: bytes.length };
    await store.putBlob(desc, async () => Readable.from([bytes]));
    return desc;
  };
  const bytes = encodeManifest({
    schemaVersion: 2,
    mediaType: MediaType.OciManifest,
    config: await blob(`{"name":"${name}"}`, MediaType.OciConfig),
    layers: [await blob(`layer of ${name}`, MediaType.OciLayer)],
  });
  const digest = sha256(bytes);
  await store.putManifest({ bytes, digest, mediaType: MediaType.OciManifest }, { tag: name });
  return { store, digest };
}

describe('replaceFleet opens the provider kiln.yml names', () => {
  it('kubernetes: the kubernetes block (namespace, container) and the kubeconfig input reach the API server', async () => {
    const { store, digest } = await layoutWith('v1');
    const image = `${REPO}@${digest}`;
    kube = await startFakeKubeApi({
      images: { [image]: { page: 'release v1', ready: true } },
      secondMs: 50,
      tickMs: 15,
    });
    const config = await parseConfig(
      `image: ${REPO}
environments:
  staging:
    provider: kubernetes
    target: shop-k8s
    kubernetes: { namespace: shop-ns, container: web }
`,
      '.github/kiln.yml',
    );
    // The kubeconfig's own namespace is another: kiln.yml's must win.
    const kubeconfig = kube.kubeconfig('elsewhere');
    const req = parseReplaceFleetRequest(
      fromRecord({
        image,
        environment: 'staging',
        kubeconfig,
        replicas: '2',
        port: '8080',
        'health-cmd': 'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
        'health-timeout': '10s',
      }),
      config,
    );
    expect(redact(kubeconfig)).toBe('***');
    const log: string[] = [];
    const r = await replaceFleet(req, {
      registries: new Registries(),
      stores: { image: store, ledger: store },
      ledger: { settleMs: 0 },
      run: RUN_CONTEXT,
      log: (l) => log.push(l),
      tuning: { kubernetes: { pollMs: 20, drainMs: 50 } },
    });

    expect(r).toMatchObject({ outcome: 'deployed', deployedImage: image });
    expect(r.proof.summary).toBe(`2/2 healthy on ${digest}`);
    const created = kube.requests.filter(
      (q) => q.method === 'POST' && q.path.endsWith('/deployments'),
    );
    expect(created.map((q) => q.path)).toEqual(['/apis/apps/v1/namespaces/shop-ns/deployments']);
    expect(created[0]?.body).toMatchObject({
      spec: { template: { spec: { containers: [{ name: 'web', image }] } } },
    });
    expect(kube.requests.some((q) => q.path.includes('/namespaces/elsewhere/'))).toBe(false);
    expect(kube.violations).toEqual([]);
    const head = await new Ledger(store, 'staging', { settleMs: 0 }).head();
    expect(head?.entry).toMatchObject({ action: 'deploy', outcome: 'deployed', digest });
  });

  it('aws-asg: the aws-asg block (min-healthy-percentage) reaches the instance refresh', async () => {
    const { store, digest } = await layoutWith('v2');
    const image = `${REPO}@${digest}`;
    const aws = new FakeAws({ group: 'shop-asg', healthy: () => true, desired: 2 });
    const config = await parseConfig(
      `image: ${REPO}
environments:
  edge:
    provider: aws-asg
    target: shop-asg
    aws-asg: { region: eu-west-1, min-healthy-percentage: 50 }
`,
      '.github/kiln.yml',
    );
    const req = parseReplaceFleetRequest(fromRecord({ image, environment: 'edge' }), config);
    const r = await replaceFleet(req, {
      registries: new Registries(),
      stores: { image: store, ledger: store },
      ledger: { settleMs: 0 },
      run: RUN_CONTEXT,
      tuning: {
        'aws-asg': aws.tuning(),
      },
    });

    expect(r).toMatchObject({ outcome: 'deployed', deployedImage: image });
    expect(r.proof.summary).toBe(`2/2 healthy on ${digest}`);
    const refreshes = aws.asg.commandCalls(StartInstanceRefreshCommand).map((c) => c.args[0].input);
    expect(refreshes).toHaveLength(1);
    expect(refreshes[0]).toMatchObject({
      AutoScalingGroupName: 'shop-asg',
      Preferences: { MinHealthyPercentage: 50, AutoRollback: true },
    });
    expect(aws.imageOf(2)).toBe(image);
  });

  it('aws-asg: blue-green is the provider’s own refusal, before any AWS write', async () => {
    const { store, digest } = await layoutWith('v3');
    const aws = new FakeAws({ group: 'shop-asg', healthy: () => true, desired: 2 });
    const req = parseReplaceFleetRequest(
      fromRecord({
        image: `${REPO}@${digest}`,
        environment: 'edge',
        provider: 'aws-asg',
        target: 'shop-asg',
        strategy: 'blue-green',
      }),
    );
    const err = await replaceFleet(req, {
      registries: new Registries(),
      stores: { image: store, ledger: store },
      ledger: { settleMs: 0 },
      run: RUN_CONTEXT,
      tuning: { 'aws-asg': { clients: aws.clients, region: 'eu-west-1' } },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect((err as Error).message).toMatch(
      /^provider aws-asg deploys group shop-asg with strategy rolling only .*; set strategy: rolling$/,
    );
    expect(aws.asg.commandCalls(StartInstanceRefreshCommand)).toHaveLength(0);
  });
});
