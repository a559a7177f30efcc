import { describe, expect, it } from '@jest/globals';
import { htmlText, markdownText } from './escape.js';
import { details, heading, inlineCode, Markdown, table } from './summary.js';

/**
 * Labels an image could carry, each with the markdown that shows it as text. The expected
 * forms were checked with cmark-gfm (GitHub's renderer: tables, autolinks, raw HTML allowed):
 * each renders as the label's own characters, with no <a>, <img>, extra cell or heading.
 */
const CASES: Array<[string, string]> = [
  ['[x](https://evil)', '\\[x\\](https\\://evil)'],
  ['![i](https://evil/p.png)', '!\\[i\\](https\\://evil/p.png)'],
  ['| a | b |', '\\| a \\| b \\|'],
  ['<img src=x onerror=alert(1)>', '&lt;img src=x onerror=alert(1)&gt;'],
  ['`', '\\`'],
  ['\n::set-output name=x::y', '<br>::set-output name=x::y'],
  ['%0A::error::x', '%0A::error::x'],
  ['# heading', '\\# heading'],
  ['see https://evil.example, www.evil.example', 'see https\\://evil.example, www\\.evil.example'],
  ['ops@evil.example', 'ops@<!-- -->evil.example'],
  ['**b** _e_ ~~s~~ $x$', '\\*\\*b\\*\\* \\_e\\_ \\~\\~s\\~\\~ \\$x\\$'],
  ['1. item', '1\\. item'],
  ['- item', '\\- item'],
  ['a\\|b', 'a\\\\\\|b'],
  ['&#91;x&#93;', '&amp;\\#91;x&amp;\\#93;'],
  ['\u001b[31mred', '\\\\u001b\\[31mred'],
];

describe('markdownText', () => {
  it.each(CASES)('shows %j as text', (label, escaped) => {
    expect(markdownText(label)).toBe(escaped);
  });

  it('leaves ordinary text readable', () => {
    expect(markdownText('org.opencontainers.image.revision = 1a2b3c (sha256:ab12)')).toBe(
      'org.opencontainers.image.revision = 1a2b3c (sha256:ab12)',
    );
  });
});

describe('htmlText', () => {
  it('escapes HTML and keeps a blank line from ending the HTML block', () => {
    expect(htmlText('<img src=x> "q" \'s\' & [x](https://evil)\n\n# h')).toBe(
      '&lt;img src=x&gt; &quot;q&quot; &#39;s&#39; &amp; [x](https://evil)<br><br># h',
    );
  });
});

describe('builders escape the text they are given', () => {
  it('table: a hostile cell stays one cell of text; Markdown cells keep their markup', () => {
    const rows = CASES.map(([label]) => ['label', label]);
    const lines = table(['name', 'value'], rows).split('\n');
    expect(lines.slice(2)).toEqual(CASES.map(([, escaped]) => `| label | ${escaped} |`));
    expect(table(['k'], [[inlineCode('a|b\\|c')], [new Markdown('**x**')]])).toBe(
      '| k |\n| --- |\n| `a\\|b\\|c` |\n| **x** |',
    );
  });

  it('heading and details', () => {
    expect(heading('[x](https://evil)', 2)).toBe('## \\[x\\](https\\://evil)');
    expect(details('<b>x</b>', 'body')).toBe(
      '<details><summary>&lt;b&gt;x&lt;/b&gt;</summary>\n\nbody\n\n</details>',
    );
  });
});
