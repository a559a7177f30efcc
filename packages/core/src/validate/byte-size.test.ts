import { describe, expect, it } from '@jest/globals';
import { formatByteSize, parseByteSize } from './byte-size.js';

describe('parseByteSize', () => {
  it.each([
    ['0', 0],
    ['123', 123],
    ['123B', 123],
    ['50MB', 50_000_000],
    ['50mb', 50_000_000],
    ['50M', 50_000_000],
    ['1.5GiB', 1_610_612_736],
    ['2 KiB', 2048],
    ['1TB', 1e12],
  ])('%s = %d', (text, bytes) => expect(parseByteSize(text)).toBe(bytes));

  it.each(['', 'MB', '-1MB', '1.2.3', '5 potatoes', '1e3', '10PB'])('rejects %j', (text) =>
    expect(parseByteSize(text)).toBeUndefined(),
  );
});

describe('formatByteSize', () => {
  it('shows both bases', () => {
    expect(formatByteSize(999)).toBe('999 B');
    expect(formatByteSize(52_428_800)).toBe('52.4 MB (50.0 MiB)');
  });
});
