import { describe, expect, it, afterAll } from '@jest/globals';
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { createHash } from 'node:crypto';
import { buildBusyboxLayout, pushLayout, skopeoInspectRaw } from '../support/busybox-image.js';
import { testEnvironment, docker, freePort, waitFor } from '@kiln/local';

// The environment is real: an image built with umoci, pushed with skopeo into the local
// registry, runs as a swarm service that answers an HTTP health probe.
describe('test environment', () => {
  const env = testEnvironment();
  const service = `kiln-envcheck-${process.pid}`;
  let layoutDir = '';

  afterAll(() => {
    try {
      docker(env.engine.dockerHost, ['service', 'rm', service]);
    } catch {
      /* not created */
    }
    if (layoutDir) rmSync(dirname(layoutDir), { recursive: true, force: true });
  });

  it('runs a busybox image from the local registry as a healthy swarm service', async () => {
    const { layout, tag } = buildBusyboxLayout({ page: `hello from ${service}\n` });
    layoutDir = layout;
    const target = `${env.registry.host}/envcheck/busybox:${tag}`;
    const digest = pushLayout(layout, tag, target);
    expect(digest).toMatch(/^sha256:[a-f0-9]{64}$/);

    const raw = skopeoInspectRaw(target);
    expect('sha256:' + createHash('sha256').update(raw).digest('hex')).toBe(digest);

    const port = await freePort();
    docker(env.engine.dockerHost, [
      'service',
      'create',
      '--detach',
      '--name',
      service,
      '--replicas',
      '1',
      '--publish',
      `mode=host,published=${port},target=8080`,
      '--health-cmd',
      'wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1',
      '--health-interval',
      '1s',
      '--health-start-period',
      '1s',
      `${env.registry.host}/envcheck/busybox@${digest}`,
    ]);

    await waitFor(
      'the service task to be running and healthy',
      async () => {
        const states = docker(env.engine.dockerHost, [
          'ps',
          '--filter',
          `name=${service}`,
          '--format',
          '{{.Status}}',
        ]);
        return states.includes('(healthy)');
      },
      60_000,
    );
    const res = await fetch(`http://127.0.0.1:${port}/`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(`hello from ${service}\n`);
  }, 90_000);
});
