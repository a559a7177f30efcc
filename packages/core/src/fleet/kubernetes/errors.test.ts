import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../../errors.js';
import type { FleetTask } from '../provider.js';
import { isConflict, kubeCall, kubeError, KubernetesError, pullFailure } from './errors.js';

/** What client-node throws for a non-2xx answer: ApiException's code and body. */
const apiError = (code: number, body?: object | string) =>
  Object.assign(new Error(`HTTP-Code: ${code}`), {
    code,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
const patch = { verb: 'patch', resource: 'deployments.apps', namespace: 'prod', name: 'shop' };

describe('kubeError', () => {
  it('401: the credentials, as a configuration error', () => {
    const err = kubeError(apiError(401, { message: 'Unauthorized' }), patch);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      "Kubernetes refused the credentials to patch deployments/shop in namespace prod (401 Unauthorized): the kubeconfig's user has no valid token or certificate (expired?): Unauthorized",
    );
  });

  it('403: the verb and resource to grant', () => {
    const err = kubeError(apiError(403, { message: 'forbidden by RBAC' }), patch);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      'Kubernetes forbids patch on deployments.apps in namespace prod (403 Forbidden): grant the deploying identity the verb "patch" on "deployments.apps" there (a Role and RoleBinding): forbidden by RBAC',
    );
  });

  it('404 of a named Deployment: target and namespace to check', () => {
    const err = kubeError(apiError(404, { message: 'deployments.apps "shop" not found' }), patch);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      'Deployment shop not found in namespace prod: check target and namespace (and the kubeconfig context): deployments.apps "shop" not found',
    );
  });

  it('422: the spec the server refused', () => {
    const err = kubeError(apiError(422, { message: 'spec.template: Invalid value' }), patch);
    expect(err).toBeInstanceOf(ConfigurationError);
    expect(err.message).toBe(
      'Kubernetes refused to patch deployments/shop in namespace prod (422): spec.template: Invalid value',
    );
  });

  it('anything else is operational, with the cause kept', () => {
    const cause = apiError(500, 'etcdserver: request timed out\nmore');
    const err = kubeError(cause, { verb: 'list', resource: 'pods', namespace: 'prod' });
    expect(err).toBeInstanceOf(KubernetesError);
    expect(err.message).toBe(
      'Could not list pods in namespace prod: 500: etcdserver: request timed out',
    );
    expect(err.cause).toBe(cause);
    const refused = kubeError(new Error('connect ECONNREFUSED 127.0.0.1:6443'), patch);
    expect(refused.message).toBe(
      'Could not patch deployments/shop in namespace prod: connect ECONNREFUSED 127.0.0.1:6443',
    );
  });

  it('409 AlreadyExists is not a conflict to retry', () => {
    expect(isConflict(apiError(409, { reason: 'Conflict' }))).toBe(true);
    expect(isConflict(apiError(409, { reason: 'AlreadyExists' }))).toBe(false);
  });
});

describe('kubeCall', () => {
  const noWait = async () => {};

  it('retries 409 Conflict and 429, then answers', async () => {
    const answers = [apiError(409, { reason: 'Conflict' }), apiError(429, {}), 'ok'];
    const seen: number[] = [];
    const out = await kubeCall(
      patch,
      async () => {
        const a = answers.shift();
        if (a instanceof Error) throw a;
        return a;
      },
      { sleep: noWait, onConflict: (n) => seen.push(n) },
    );
    expect(out).toBe('ok');
    expect(seen).toEqual([1, 2]);
  });

  it('gives up after CONFLICT_ATTEMPTS and maps the last error once', async () => {
    let calls = 0;
    const err = await kubeCall(
      patch,
      async () => {
        calls++;
        throw apiError(409, { reason: 'Conflict', message: 'the object has been modified' });
      },
      { sleep: noWait },
    ).catch((e: unknown) => e);
    expect(calls).toBe(5);
    expect(err).toBeInstanceOf(KubernetesError);
    expect((err as Error).message).toBe(
      'Could not patch deployments/shop in namespace prod: 409: the object has been modified',
    );
  });

  it('does not retry what the user must fix', async () => {
    let calls = 0;
    await expect(
      kubeCall(patch, async () => {
        calls++;
        throw apiError(403, {});
      }),
    ).rejects.toBeInstanceOf(ConfigurationError);
    expect(calls).toBe(1);
  });
});

describe('pullFailure: a rollout undone because no pod could get the image', () => {
  const IMAGE = `reg.test/shop@sha256:${'b'.repeat(64)}`;
  const OLD = `reg.test/shop@sha256:${'a'.repeat(64)}`;
  const pod = (over: Partial<FleetTask>): FleetTask => ({
    id: 'shop-1',
    node: 'n1',
    state: 'starting',
    health: 'starting',
    image: IMAGE,
    imageId: '',
    ...over,
  });
  const backOff = `ImagePullBackOff: Back-off pulling image "${IMAGE}"`;

  it.each([
    ['ErrImagePull', `ErrImagePull: failed to pull and unpack image "${IMAGE}": blob unknown`],
    ['ImagePullBackOff', backOff],
  ])('%s is a pull failure, with the kubelet reason', (_reason, error) => {
    expect(pullFailure([pod({ error }), pod({ id: 'shop-2' })], IMAGE)).toBe(error);
  });

  it('a pod that ran and failed, or is not ready, means the release was tried', () => {
    expect(
      pullFailure(
        [pod({ error: backOff }), pod({ error: 'CrashLoopBackOff: back-off 10s' })],
        IMAGE,
      ),
    ).toBeUndefined();
    expect(
      pullFailure([pod({ error: backOff }), pod({ state: 'running', health: 'unhealthy' })], IMAGE),
    ).toBeUndefined();
  });

  it("only the requested digest's pods count", () => {
    expect(pullFailure([pod({ image: OLD, error: backOff })], IMAGE)).toBeUndefined();
    expect(pullFailure([pod({ state: 'running', health: 'healthy' })], IMAGE)).toBeUndefined();
  });
});
