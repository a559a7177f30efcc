import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { runnerCommands } from '../../../test/support/runner-commands.js';
import * as log from './log.js';

/** Text an image or a registry could put in a label, USER, a file name or an error body. */
const HOSTILE = [
  '::set-output name=image::evil',
  'ok\n::error::injected',
  'ok\r::error::injected by a lone CR',
  'ok\r\n::add-mask::x',
  '   ::warning::indented',
  '\u2028::error::after a line separator',
  '\u0085::error::after NEL',
  '\u00a0\u3000::error::after unicode spaces',
  'label ##[set-output name=image]evil',
  '##[group]fake group',
  '::0123456789abcdef0123456789abcdef::\n::error::after a guessed fence token',
];

/** Captures what is written to process.stdout and process.stderr. */
function capture(): { out: () => string; err: () => string } {
  let out = '';
  let err = '';
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: unknown) => {
    out += String(chunk);
    return true;
  });
  jest.spyOn(process.stderr, 'write').mockImplementation((chunk: unknown) => {
    err += String(chunk);
    return true;
  });
  return { out: () => out, err: () => err };
}

describe('printable', () => {
  it('shows hidden characters as escapes and keeps tabs and newlines', () => {
    expect(log.printable('a\tb\nc')).toBe('a\tb\nc');
    expect(log.printable('red \u001b[31mX\u001b[0m')).toBe('red \\u001b[31mX\\u001b[0m');
    expect(log.printable('a\rb')).toBe('a\\u000db');
    expect(log.printable('a\r\nb')).toBe('a\nb');
    expect(log.printable('a\u2028b\u2029c\u0085d\u007f')).toBe('a\\u2028b\\u2029c\\u0085d\\u007f');
    expect(log.printable('sha256:\u202edcba')).toBe('sha256:\\u202edcba');
    expect(log.printable('caf\u00e9 \u{1f525}')).toBe('caf\u00e9 \u{1f525}');
  });
});

/** Lines a runner could read as a command: `::` after its trim (and ignorables), or `##[`. */
const commandLike = (text: string): string[] =>
  text.split('\n').filter((l) => /^[\s\p{DI}]*:\p{DI}*:/u.test(l) || /#\p{DI}*#\p{DI}*\[/u.test(l));

/** What a reader sees once the two escapes commandSafe adds are read back. */
const readBack = (text: string): string => text.replace(/\\u003a/g, ':').replace(/\\u005b/g, '[');

describe('commandSafe', () => {
  it('leaves ordinary text as it is', () => {
    const text = 'pass  required-labels: org.opencontainers.image.revision = 1a2b:3c\n  done';
    expect(log.commandSafe(text)).toBe(text);
    expect(log.commandSafe('a :: b\nc ## [d] #[e]')).toBe('a :: b\nc ## [d] #[e]');
  });

  it.each(HOSTILE)('never lets %j run as a workflow command, and shows it', (text) => {
    expect(runnerCommands(text).length).toBeGreaterThan(0); // the hostile text alone would run
    const safe = log.commandSafe(text);
    expect(runnerCommands(safe)).toEqual([]);
    expect(commandLike(safe)).toEqual([]);
    expect(readBack(safe)).toBe(log.printable(text));
  });

  it('escapes the first colon of a command line and the [ of ##[, nothing else', () => {
    expect(log.commandSafe('a\n  ::error::x')).toBe('a\n  \\u003a:error::x');
    expect(log.commandSafe('::a::b\n::c')).toBe('\\u003a:a::b\n\\u003a:c');
    expect(log.commandSafe('x ##[error]y ##[z')).toBe('x ##\\u005berror]y ##\\u005bz');
    // Hidden line breaks are escaped, so what follows them is no longer at a line's start.
    expect(log.commandSafe('ok\r::error::x')).toBe('ok\\u000d::error::x');
    expect(log.commandSafe('\u2028::error::x')).toBe('\\u2028::error::x');
  });

  it("sees through the characters the runner's culture-sensitive comparison ignores", () => {
    expect(log.commandSafe('\u00ad::error::x')).toBe('\u00ad\\u003a:error::x');
    expect(log.commandSafe(':\u200b:error::x')).toBe('\\u003a\u200b:error::x');
    expect(log.commandSafe('#\u00ad#\ufeff[error]x')).toBe('#\u00ad#\ufeff\\u005berror]x');
  });

  it('is stable: applied twice it changes nothing more', () => {
    for (const text of HOSTILE)
      expect(log.commandSafe(log.commandSafe(text))).toBe(log.commandSafe(text));
  });
});

describe('the logger on a runner', () => {
  const saved = process.env.GITHUB_ACTIONS;
  beforeEach(() => {
    process.env.GITHUB_ACTIONS = 'true';
  });
  afterEach(() => {
    jest.restoreAllMocks();
    process.exitCode = undefined;
    if (saved === undefined) delete process.env.GITHUB_ACTIONS;
    else process.env.GITHUB_ACTIONS = saved;
  });

  it('info: hostile text inside a message runs no command and starts no line with ::', () => {
    const io = capture();
    for (const text of HOSTILE) log.info(`label org.example=${text}`);
    log.info('plain line');
    expect(runnerCommands(io.out())).toEqual([]);
    expect(commandLike(io.out())).toEqual([]);
    expect(io.out()).toContain('label org.example=ok\n\\u003a:error::injected\n');
    expect(io.out()).toContain('label org.example=label ##\\u005bset-output name=image]evil\n');
    expect(io.out()).not.toContain('stop-commands');
    expect(io.out().endsWith('\nplain line\n')).toBe(true);
  });

  it('warning and debug: one command each, whose data holds no command line either', () => {
    const io = capture();
    log.warning('base cache: 500 <html>\n::error::x\r%0A::error::y');
    log.debug('body ##[add-mask]z\n::set-output name=a::b');
    expect(runnerCommands(io.out())).toEqual([
      { command: 'warning', data: 'base cache: 500 <html>\n\\u003a:error::x\\u000d%0A::error::y' },
      { command: 'debug', data: 'body ##\\u005badd-mask]z\n\\u003a:set-output name=a::b' },
    ]);
  });

  it('error: an annotation whose message and title are data', () => {
    const io = capture();
    log.error('label a=x\n::warning title=pwned::y', {
      title: 'policy: revision',
      file: 'kiln-policy.yml',
      line: 3,
    });
    expect(io.out()).toBe(
      '::error title=policy%3A revision,file=kiln-policy.yml,line=3::label a=x%0A\\u003a:warning title=pwned::y\n',
    );
  });

  it('fail: one ::error:: command, exit code 1', () => {
    const io = capture();
    log.fail('deploy failed: 500: <html>\n::add-mask::x ##[group]y');
    expect(runnerCommands(io.out())).toEqual([
      {
        command: 'error',
        data: 'deploy failed: 500: <html>\n\\u003a:add-mask::x ##\\u005bgroup]y',
      },
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('group: the title is command data, not a new line', async () => {
    const io = capture();
    await log.group('layer a\n::error::x', async () => undefined);
    expect(runnerCommands(io.out())).toEqual([
      { command: 'group', data: 'layer a\n\\u003a:error::x' },
      { command: 'endgroup', data: '' },
    ]);
  });

  it('write: the CLI streams get the same treatment', () => {
    const io = capture();
    log.write(process.stderr, 'kiln: GET /v2/ failed: 500: \n::error::x');
    expect(runnerCommands(io.err())).toEqual([]);
    expect(io.err()).toBe('kiln: GET /v2/ failed: 500: \n\\u003a:error::x\n');
  });
});

describe('the logger off a runner', () => {
  const saved = process.env.GITHUB_ACTIONS;
  beforeEach(() => {
    delete process.env.GITHUB_ACTIONS;
  });
  afterEach(() => {
    jest.restoreAllMocks();
    if (saved !== undefined) process.env.GITHUB_ACTIONS = saved;
  });

  // Off a runner too: the local workflow runner, or a runner running the CLI, reads the output.
  it('writes plain lines: hidden characters escaped, secrets redacted, commands neutralised', () => {
    const io = capture();
    log.setSecret('s3cr3t-value');
    log.info('::error::x \u001b]52;c;cGF5bG9hZA==\u0007 s3cr3t-value');
    log.warning('w\u202e\n::error::y');
    log.error('e ##[warning]z', { title: 'policy: healthcheck' });
    expect(io.out()).toBe('\\u003a:error::x \\u001b]52;c;cGF5bG9hZA==\\u0007 ***\n');
    expect(io.err()).toBe(
      'warning: w\\u202e\n\\u003a:error::y\nerror: policy: healthcheck: e ##\\u005bwarning]z\n',
    );
  });

  it('write: every hostile text comes out with no command line', () => {
    const io = capture();
    for (const text of HOSTILE) log.write(process.stdout, text);
    expect(runnerCommands(io.out())).toEqual([]);
    expect(commandLike(io.out())).toEqual([]);
  });
});

describe('jsonText', () => {
  it('is the same data to a parser and runs no command in a runner log', () => {
    const value = {
      labels: { a: '::error::x', b: 'y ##[set-output name=image]evil', c: 'l\u2028::error::z' },
      list: ['::add-mask::q', '\u001b[2K'],
    };
    const text = log.jsonText(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(runnerCommands(text)).toEqual([]);
    expect(text).toContain('"y ##\\u005bset-output name=image]evil"');
    expect(log.jsonText(['#\u00ad#[x]'])).toBe('[\n  "#\u00ad#\\u005bx]"\n]');
  });
});
