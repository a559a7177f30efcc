import { describe, expect, it } from '@jest/globals';
import * as yaml from 'yaml';
import { closest, didYouMean, editDistance, problemsError, YamlSource } from './yaml-source.js';

describe('YamlSource', () => {
  it('finds keys and values by path, and the nearest existing node for a missing one', () => {
    const r = YamlSource.parse(yaml, 'a:\n  b: [x, { c: 1 }]\n  d: 2\n', 'f.yml');
    if (!('source' in r)) throw new Error('expected a document');
    const { source } = r;
    expect(source.position(['a', 'd'], true)).toEqual({ line: 3, col: 3 });
    expect(source.position(['a', 'd'])).toEqual({ line: 3, col: 6 });
    expect(source.position(['a', 'b', 1, 'c'])).toEqual({ line: 2, col: 15 });
    expect(source.position(['a', 'zz'])).toEqual({ line: 2, col: 3 });
    expect(source.position([])).toEqual({ line: 1, col: 1 });
  });

  it('reports YAML errors at their position', () => {
    expect(YamlSource.parse(yaml, 'a: 1\na: 2\n', 'f.yml')).toEqual({
      problems: [{ line: 2, col: 1, message: expect.stringMatching(/^Map keys must be unique/) }],
    });
  });
});

describe('problemsError', () => {
  it('one file:line:col line per problem, in file order', () => {
    const err = problemsError('f.yml', [
      { line: 3, col: 1, message: 'c' },
      { line: 1, col: 9, message: 'b' },
      { line: 1, col: 2, message: 'a' },
    ]);
    expect(err.name).toBe('ConfigurationError');
    expect(err.message).toBe('f.yml:1:2: a\nf.yml:1:9: b\nf.yml:3:1: c');
  });
});

describe('suggestions', () => {
  it('offers the closest candidate within two edits, or the one a short word begins', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(closest('swarn', ['swarm', 'kubernetes'])).toBe('swarm');
    expect(closest('Swarm', ['swarm'])).toBe('swarm');
    expect(closest('repo', ['repository'])).toBe('repository');
    expect(closest('re', ['repository'])).toBeUndefined();
    expect(closest('heal', ['health-timeout', 'healthy'])).toBeUndefined();
    expect(closest('zzz', ['swarm'])).toBeUndefined();
    expect(didYouMean('swarm', ['swarm'])).toBe('');
    expect(didYouMean('targt', ['target'])).toBe(' (did you mean "target"?)');
  });
});
