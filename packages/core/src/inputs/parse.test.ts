import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '../errors.js';
import {
  parseBoolean,
  parseChoice,
  parseDuration,
  parseInteger,
  parseList,
  parseMap,
} from './parse.js';
import { fromRecord, required } from './source.js';

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['TRUE', true],
    ['yes', true],
    ['false', false],
    ['0', false],
  ])('%s -> %s', (raw, v) => expect(parseBoolean('push', raw)).toBe(v));
  it('uses the fallback when empty', () => expect(parseBoolean('push', '', true)).toBe(true));
  it('names input, value and rule', () => {
    expect(() => parseBoolean('push', 'maybe')).toThrow(
      'Input "push" has value "maybe": must be one of true, yes, 1, on, false, no, 0, off',
    );
  });
});

describe('parseDuration', () => {
  it.each([
    ['90s', 90_000],
    ['10m', 600_000],
    ['1h30m', 5_400_000],
    ['500ms', 500],
    ['1.5s', 1500],
    ['30', 30_000],
    ['2d', 172_800_000],
  ])('%s -> %d ms', (raw, ms) => expect(parseDuration('health-timeout', raw)).toBe(ms));
  it.each(['10x', 'm', '-5s', '10 m', '1h 30m', 'abc'])('rejects %j', (raw) => {
    expect(() => parseDuration('health-timeout', raw)).toThrow(
      `Input "health-timeout" has value ${JSON.stringify(raw)}: must be a duration`,
    );
  });
  it('rejects empty without fallback', () => {
    expect(() => parseDuration('min-soak', '')).toThrow(ConfigurationError);
  });
  it('uses the fallback when empty', () => expect(parseDuration('min-soak', ' ', 5)).toBe(5));
});

describe('parseInteger', () => {
  it('parses within range', () =>
    expect(parseInteger('batch-size', '3', undefined, { min: 1 })).toBe(3));
  it('rejects below min', () =>
    expect(() => parseInteger('batch-size', '0', undefined, { min: 1 })).toThrow(
      'Input "batch-size" has value "0": must be an integer >= 1',
    ));
  it('rejects non-integers', () =>
    expect(() => parseInteger('batch-size', '1.5', undefined, { min: 1, max: 10 })).toThrow(
      'must be an integer between 1 and 10',
    ));
});

describe('parseList', () => {
  it('splits lines, trims and skips blanks and comments', () => {
    expect(parseList('a\n  b \n\n# c\r\nd')).toEqual(['a', 'b', 'd']);
  });
  it('splits commas when asked', () => {
    expect(parseList('a, b\nc', { commas: true })).toEqual(['a', 'b', 'c']);
    expect(parseList('src/a,b:/app')).toEqual(['src/a,b:/app']);
  });
});

describe('parseMap', () => {
  it('parses key=value lines, values may hold =', () => {
    expect(parseMap('env', 'A=1\nB = x=y\nC=')).toEqual({ A: '1', B: 'x=y', C: '' });
  });
  it('accepts label-style keys', () => {
    expect(parseMap('labels', 'org.opencontainers.image.title=shop')).toEqual({
      'org.opencontainers.image.title': 'shop',
    });
  });
  it.each(['novalue', '=x', 'bad key=1'])('rejects %j', (line) => {
    expect(() => parseMap('labels', line)).toThrow(
      `Input "labels" has value ${JSON.stringify(line)}`,
    );
  });
  it('rejects duplicate keys', () => {
    expect(() => parseMap('env', 'A=1\nA=2')).toThrow('key "A" is given twice');
  });
});

describe('parseChoice', () => {
  it('accepts a choice and falls back', () => {
    expect(parseChoice('strategy', 'blue-green', ['rolling', 'blue-green'])).toBe('blue-green');
    expect(parseChoice('strategy', '', ['rolling', 'blue-green'], 'rolling')).toBe('rolling');
  });
  it('lists the choices', () => {
    expect(() => parseChoice('strategy', 'canary', ['rolling', 'blue-green'])).toThrow(
      'Input "strategy" has value "canary": must be one of rolling, blue-green',
    );
  });
});

describe('required', () => {
  it('throws a configuration error naming the input', () => {
    expect(() => required(fromRecord({}), 'image')).toThrow('Input "image" is required');
    expect(required(fromRecord({ image: ' x ' }), 'image')).toBe('x');
  });
});
