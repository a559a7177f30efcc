import { describe, expect, it } from '@jest/globals';
import { splitTemplate } from './template-string.js';

describe('splitTemplate', () => {
  it('splits literal text and expressions, an expression ending at }} outside quotes', () => {
    expect(splitTemplate("a ${{ x }} b ${{ format('}}', y) }}c")).toEqual([
      { text: 'a ' },
      { expression: 'x' },
      { text: ' b ' },
      { expression: "format('}}', y)" },
      { text: 'c' },
    ]);
  });

  it('leaves an unterminated ${{ as text', () => {
    expect(splitTemplate('a ${{ x')).toEqual([{ text: 'a ${{ x' }]);
    expect(splitTemplate('')).toEqual([]);
  });
});
