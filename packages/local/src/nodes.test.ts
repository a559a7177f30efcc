import { describe, expect, it } from '@jest/globals';
import { ConfigurationError } from '@kiln/core/errors';
import { DEFAULT_NODES, parseNodeCount } from './nodes.js';

describe('parseNodeCount', () => {
  it('gives the default for a bare --nodes and takes 2 to 9', () => {
    expect(parseNodeCount(undefined)).toBe(DEFAULT_NODES);
    expect(parseNodeCount('')).toBe(3);
    expect(parseNodeCount('2')).toBe(2);
    expect(parseNodeCount('9')).toBe(9);
  });

  it.each(['1', '10', 'x', '3.5', '-3', ' 3'])(
    'refuses %j, naming the flag, the value and the rule',
    (v) => {
      expect(() => parseNodeCount(v)).toThrow(ConfigurationError);
      expect(() => parseNodeCount(v)).toThrow(
        `Input "--nodes" has value ${JSON.stringify(v)}: it must be a whole number of nodes from 2 to 9`,
      );
    },
  );
});
