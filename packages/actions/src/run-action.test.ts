import { afterEach, describe, expect, it, jest } from '@jest/globals';

// @actions/core is ESM-only: mock it before the module under test is imported.
const setFailed = jest.fn<(message: string) => void>();
const debug = jest.fn<(message: string) => void>();
const setOutput = jest.fn<(name: string, value: string) => void>();
jest.unstable_mockModule('@actions/core', () => ({
  setFailed,
  debug,
  setOutput,
  setSecret: jest.fn(),
  info: jest.fn(),
  warning: jest.fn(),
  group: jest.fn(),
  getInput: jest.fn(() => ''),
}));

const { runAction, setOutputs } = await import('./run-action.js');
const { ConfigurationError } = await import('@kiln/core/errors');

describe('runAction', () => {
  afterEach(() => {
    jest.clearAllMocks();
    process.exitCode = undefined;
  });

  it('reports a configuration error in one line with exit code 1', async () => {
    await runAction('bake-image', async () => {
      throw new ConfigurationError('Input "copy" has value "x": must be src:dest');
    });
    expect(setFailed).toHaveBeenCalledWith('Input "copy" has value "x": must be src:dest');
    expect(debug).not.toHaveBeenCalled();
    expect(process.exitCode).toBe(1);
  });

  it('reports an operational failure with the action name, the stack in debug, exit code 2', async () => {
    await runAction('bake-image', async () => {
      throw new Error('registry answered 503');
    });
    expect(setFailed).toHaveBeenCalledWith('bake-image failed: registry answered 503');
    expect(debug.mock.calls[0]?.[0]).toMatch(/Error: registry answered 503\n\s+at /);
    expect(process.exitCode).toBe(2);
  });

  it('sets every output as a string', () => {
    setOutputs({ digest: 'sha256:x', size: 42 });
    expect(setOutput.mock.calls).toEqual([
      ['digest', 'sha256:x'],
      ['size', '42'],
    ]);
  });
});
