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

  it('a failure carrying a registry body is one ::error:: command and nothing else', async () => {
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
    // Hidden characters are shown (CRLF becomes LF); the text itself arrives whole, as data.
    expect(commands[1]?.data).toBe(
      `bake-image failed: GET https://reg.example/v2/x/manifests/y failed: 500: ${BODY.replace('\r\n', '\n')}`,
    );
    expect(process.exitCode).toBe(2);
  });
});
