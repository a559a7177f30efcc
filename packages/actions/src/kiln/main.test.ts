import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { suiteEnv } from '../../../../test/support/suite-inputs.js';

// @actions/core is ESM-only: mock it, and both actions, before the entry is imported.
const warning = jest.fn<(message: string) => void>();
const setFailed = jest.fn<(message: string) => void>();
const bakeImageAction = jest.fn(async () => undefined);
const validateImageAction = jest.fn(async () => undefined);
jest.unstable_mockModule('@actions/core', () => ({
  getInput: (name: string) => (process.env[`INPUT_${name.toUpperCase()}`] ?? '').trim(),
  warning,
  setFailed,
  debug: jest.fn(),
  info: jest.fn(),
  setSecret: jest.fn(),
  setOutput: jest.fn(),
}));
jest.unstable_mockModule('../bake-image/action.js', () => ({ bakeImageAction }));
jest.unstable_mockModule('../validate-image/action.js', () => ({ validateImageAction }));

describe('the suite entry', () => {
  const saved = { ...process.env };
  afterAll(() => {
    process.env = saved;
    process.exitCode = undefined;
  });

  it('warns about inputs the chosen command does not read, then runs it', async () => {
    // On a runner, as the entry always runs: the logger gives warnings to @actions/core there.
    Object.assign(process.env, {
      GITHUB_ACTIONS: 'true',
      ...suiteEnv({ command: 'bake', policy: 'kiln-policy.yml' }),
    });
    await import('./main.js');
    expect(warning.mock.calls).toEqual([
      ['Input "policy" does not apply to command "bake" and is ignored (it is for validate-image)'],
    ]);
    expect(setFailed).not.toHaveBeenCalled();
    expect(bakeImageAction).toHaveBeenCalledTimes(1);
    expect(validateImageAction).not.toHaveBeenCalled();
  });
});
