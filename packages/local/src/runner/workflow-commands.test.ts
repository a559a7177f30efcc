import { describe, expect, it } from '@jest/globals';
import { Masker } from './masker.js';
import { CommandReader } from './workflow-commands.js';

describe('workflow commands', () => {
  it('masks after ::add-mask::, longest value first, multi-line values line by line', () => {
    const m = new Masker();
    const r = new CommandReader(m, 'j/s');
    expect(r.line('::add-mask::abc')).toBeUndefined();
    m.add('abcdef');
    m.add('one\ntwo');
    expect(m.mask('abcdef abc two one')).toBe('*** *** *** ***');
    expect(m.reveals('xx two')).toBe(true);
  });

  it('collects annotations with their properties, unescaped', () => {
    const r = new CommandReader(new Masker(), 'j/s');
    expect(r.line('::error file=a%2Cb.ts,line=4,endLine=5,title=T%3A1::bad%0Athing %25')).toBe(
      'error: bad\nthing %',
    );
    expect(r.effects.annotations).toEqual([
      {
        level: 'error',
        message: 'bad\nthing %',
        title: 'T:1',
        file: 'a,b.ts',
        line: 4,
        endLine: 5,
        source: 'j/s',
      },
    ]);
  });

  it('ignores commands between ::stop-commands:: and the token', () => {
    const r = new CommandReader(new Masker(), 'j/s');
    expect(r.line('::stop-commands::tok')).toBeUndefined();
    expect(r.line('::set-output name=a::1')).toBe('::set-output name=a::1');
    expect(r.line('::tok::')).toBeUndefined();
    expect(r.line('  ::set-output name=b::2')).toBeUndefined();
    expect(r.effects.outputs).toEqual({ b: '2' });
  });

  it('fails the step on the disabled set-env and add-path, shows debug only when asked', () => {
    const r = new CommandReader(new Masker(), 'j/s');
    r.line('::set-env name=A::1');
    r.line('::add-path::/x');
    expect(r.effects.failures).toEqual([
      "Unable to process command '::set-env' successfully. The `set-env` command is disabled.",
      "Unable to process command '::add-path' successfully. The `add-path` command is disabled.",
    ]);
    expect(r.line('::debug::d')).toBeUndefined();
    expect(new CommandReader(new Masker(), 'j/s', true).line('::debug::d')).toBe('debug: d');
    expect(r.line('plain ::text')).toBe('plain ::text');
  });
});
