import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRunContext } from './context.js';

const dir = mkdtempSync(join(tmpdir(), 'kiln-context-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function eventFile(name: string, payload: string): string {
  const file = join(dir, name);
  writeFileSync(file, payload);
  return file;
}

const SHA = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const actions = {
  GITHUB_REPOSITORY: 'octo/kiln',
  GITHUB_SHA: SHA,
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_RUN_ID: '42',
  GITHUB_RUN_ATTEMPT: '2',
  GITHUB_ACTOR: 'octocat',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_EVENT_NAME: 'push',
};

describe('readRunContext', () => {
  it('outside Actions every field is undefined', () => {
    const ctx = readRunContext({});
    expect(Object.values(ctx).filter((v) => v !== undefined)).toEqual([]);
  });

  it('reads a push run: repo, commit = GITHUB_SHA, run URL with the attempt', () => {
    const ctx = readRunContext({ ...actions, GITHUB_EVENT_PATH: eventFile('push.json', '{}') });
    expect(ctx.repo).toEqual({ owner: 'octo', repo: 'kiln' });
    expect(ctx.commit).toBe(SHA);
    expect(ctx.runUrl).toBe('https://github.com/octo/kiln/actions/runs/42/attempts/2');
    expect(ctx.apiUrl).toBe('https://api.github.com');
    expect(ctx.actor).toBe('octocat');
    expect(ctx.ref).toBe('refs/heads/main');
  });

  it('uses the PR head, not the merge commit, for pull_request events', () => {
    const payload = JSON.stringify({ pull_request: { number: 7, head: { sha: HEAD } } });
    const ctx = readRunContext({
      ...actions,
      GITHUB_EVENT_NAME: 'pull_request',
      GITHUB_EVENT_PATH: eventFile('pr.json', payload),
    });
    expect(ctx.commit).toBe(HEAD);
    expect(ctx.sha).toBe(SHA);
  });

  it('falls back to GITHUB_SHA when the event file is missing or malformed', () => {
    expect(readRunContext({ ...actions, GITHUB_EVENT_PATH: join(dir, 'nope') }).commit).toBe(SHA);
    const bad = eventFile('bad.json', '{ not json');
    expect(readRunContext({ ...actions, GITHUB_EVENT_PATH: bad }).commit).toBe(SHA);
  });

  it('has no run URL without the attempt-independent parts, and trims trailing slashes', () => {
    const noRun = readRunContext({ ...actions, GITHUB_RUN_ID: '' });
    expect(noRun.runUrl).toBeUndefined();
    const ghes = readRunContext({
      ...actions,
      GITHUB_RUN_ATTEMPT: undefined,
      GITHUB_SERVER_URL: 'https://ghe.example/',
      GITHUB_API_URL: 'https://ghe.example/api/v3/',
    });
    expect(ghes.runUrl).toBe('https://ghe.example/octo/kiln/actions/runs/42');
    expect(ghes.apiUrl).toBe('https://ghe.example/api/v3');
  });

  it('ignores a GITHUB_REPOSITORY that is not owner/repo', () => {
    expect(readRunContext({ GITHUB_REPOSITORY: 'just-a-name' }).repo).toBeUndefined();
    expect(readRunContext({ GITHUB_REPOSITORY: 'a/b/c' }).repo).toBeUndefined();
  });
});
