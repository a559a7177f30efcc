import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { runnerCommands } from '../../../test/support/runner-commands.js';
import { runAction } from './run-action.js';

/** A registry error body that tries to run commands once it reaches the log. */
const BODY = '<html>\n::set-output name=image::evil\r\n##[add-mask]sha256\n%0A::error::x</html>';

describe('runAction with the real @actions/core', () => {
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
  });

  it('a failure carrying a registry body is one ::error:: command, its lines neutralised', async () => {
    let out = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      out += String(chunk);
      return true;
    });
    await runAction('bake-image', async () => {
      throw new Error(`GET https://reg.example/v2/x/manifests/y failed: 500: ${BODY}`);
    });
    const commands = runnerCommands(out);
    expect(commands.map((c) => c.command)).toEqual(['debug', 'error']);
    // Hidden characters are shown (CRLF becomes LF), and no line of the data (nor of the stack
    // in the debug command) starts with :: or holds ##[; the text is otherwise whole.
    expect(commands[1]?.data).toBe(
      'bake-image failed: GET https://reg.example/v2/x/manifests/y failed: 500: <html>\n' +
        '\\u003a:set-output name=image::evil\n##\\u005badd-mask]sha256\n%0A::error::x</html>',
    );
    for (const c of commands)
      for (const line of c.data.split('\n')) {
        expect(line).not.toMatch(/^\s*::/);
        expect(line).not.toContain('##[');
      }
    expect(process.exitCode).toBe(2);
  });

  it('an error thrown outside the body fails the step the same way, not through node', async () => {
    let out = '';
    jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
      out += String(chunk);
      return true;
    });
    const exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    await runAction('bake-image', async () => undefined);
    // Called directly: emitting the event would reach the test runner's own listeners too.
    const listener = process.listeners('uncaughtException').at(-1);
    listener?.(new Error(`stream failed: 500: ${BODY}`), 'uncaughtException');
    const commands = runnerCommands(out);
    expect(commands.map((c) => c.command)).toEqual(['debug', 'error']);
    expect(commands[1]?.data).toMatch(
      /^bake-image failed: stream failed: 500: <html>\n\\u003a:set-output/,
    );
    expect(exit).toHaveBeenCalledTimes(1);
    expect(process.exitCode).toBe(2);
    if (listener) process.off('uncaughtException', listener);
  });
});
