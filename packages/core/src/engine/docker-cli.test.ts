import { afterAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DockerCli, DockerCommandError, reasonLine, unreachableReason } from './docker-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'kiln-docker-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A socket file nobody listens on: its server was killed, so nothing removed the file. */
async function deadSocket(): Promise<string> {
  const path = join(dir, 'dead.sock');
  const child = spawn(process.execPath, [
    '-e',
    `require('node:net').createServer().listen(${JSON.stringify(path)}, () => process.kill(process.pid, 'SIGKILL'))`,
  ]);
  await new Promise((resolve) => child.on('exit', resolve));
  if (!existsSync(path)) throw new Error('the dead socket was not left behind');
  return path;
}

/** A stand-in for the docker CLI that fails as the real one does when it cannot connect. */
function fakeDocker(host: string): string {
  const path = join(dir, 'docker');
  writeFileSync(
    path,
    `#!/bin/sh\necho 'Cannot connect to the Docker daemon at ${host}. Is the docker daemon running?' >&2\nexit 1\n`,
  );
  chmodSync(path, 0o755);
  return path;
}

describe('reasonLine', () => {
  it.each([
    ['one line', 'Error: No such service: shop', 'Error: No such service: shop'],
    [
      'docker run, ending with a usage hint',
      "Unable to find image 'x' locally\ndocker: Error response from daemon: pull access denied for x.\n\nRun 'docker run --help' for more information\n",
      'Error response from daemon: pull access denied for x.',
    ],
    ['no error named: the last line', 'first\nsecond\n', 'second'],
    ['nothing', '', ''],
  ])('%s', (_what, stderr, line) => {
    expect(reasonLine(stderr)).toBe(line);
  });
});

describe('unreachableReason: why the engine cannot be reached, found by connecting', () => {
  it('a socket file nobody listens on: connection refused', async () => {
    expect(await unreachableReason(`unix://${await deadSocket()}`)).toBe('connection refused');
  });

  it('no socket: no such file or directory', async () => {
    expect(await unreachableReason(`unix://${join(dir, 'none.sock')}`)).toBe(
      'no such file or directory',
    );
  });

  it('an engine that answers now, or a host it cannot probe: nothing to add', async () => {
    const path = join(dir, 'live.sock');
    const server = createServer((s) => s.destroy());
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      expect(await unreachableReason(`unix://${path}`)).toBeUndefined();
    } finally {
      server.close();
    }
    expect(await unreachableReason('ssh://user@host')).toBeUndefined();
    expect(await unreachableReason('tcp://host')).toBeUndefined();
  });
});

describe('DockerCli: a failed command is one line with the reason; stderr is kept', () => {
  it('an unreachable engine', async () => {
    const host = `unix://${await deadSocket()}`;
    const cli = new DockerCli({ binary: fakeDocker(host), dockerHost: host });
    const err = await cli.run(['service', 'ls']).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DockerCommandError);
    const e = err as DockerCommandError;
    expect(e.reason).toBe(`cannot reach the docker engine at ${host}: connection refused`);
    expect(e.message).toMatch(/^docker command failed with exit code 1: \S+docker service ls/);
    expect(e.message).toContain(`: cannot reach the docker engine at ${host}: connection refused`);
    expect(e.message).not.toContain('\n');
    expect(e.stderr).toContain('Is the docker daemon running?');
  });
});
