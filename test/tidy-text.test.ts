import { describe, expect, it } from 'vitest';
import { tidyLine, tidyText } from '../src/cleaners/tidy-text.js';
import { type Doc, newLine } from '../src/doc.js';
import { defaultOptions } from '../src/options.js';

function run(texts: string[]): Doc {
  const doc: Doc = { source: 't', lines: texts.map((t, i) => newLine(i + 1, t, 0, 1)), lang: null, warnings: [] };
  tidyText.run(doc, defaultOptions);
  return doc;
}

describe('tidyLine', () => {
  it.each([
    ['composes to NFC', 'Cafe\u0301 de\u0301ja\u0300', 'Café déjà'],
    ['drops zero-width spaces, word joiners, BOMs and soft hyphens', 'in\u200Bvis\u2060i\uFEFFble hy\u00ADphen', 'invisible hyphen'],
    ['drops control characters', 'bell\u0007 and\u0000 null\u001b', 'bell and null'],
    ['turns tabs and odd spaces into one space', 'a\t\tb\u00A0\u00A0c\u2003d\u3000e', 'a b c d e'],
    ['maps C1 controls to their windows-1252 characters', 'it\u0092s \u0093ok\u0094 \u0080 5', 'it’s “ok” € 5'],
    ['drops the C1 bytes windows-1252 leaves undefined', 'a\u0081b\u008Dc', 'abc'],
    ['trims', '   padded   ', 'padded'],
    ['drops terminal escape sequences whole', 'a\u001b[31;1mred\u001b[0m \u001b]0;title\u0007word', 'ared word'],
    ['keeps the text after an unterminated escape string', 'keep\u001b]this text', 'keep]this text'],
    ['drops bidi controls but keeps the letters', '\u202Bשלום\u202C \u200Fمرحبا\u200E', 'שלום مرحبا'],
    ['drops a stray joiner at a word edge', '\u200Dword\u200C end', 'word end'],
  ])('%s', (_, input, expected) => {
    expect(tidyLine(input)).toBe(expected);
  });

  it('keeps joiners that carry meaning inside Persian words and emoji sequences', () => {
    expect(tidyLine('می\u200Cخواهم')).toBe('می\u200Cخواهم');
    expect(tidyLine('👨\u200D👩\u200D👧')).toBe('👨\u200D👩\u200D👧');
  });

  it('is idempotent', () => {
    const messy = ' a\u200B\u0301\t b\u0092 \u202E c ';
    expect(tidyLine(tidyLine(messy))).toBe(tidyLine(messy));
  });
});

describe('tidyText', () => {
  it('drops lines left empty and counts them as blank lines for the next line', () => {
    const doc = run(['first', '\u200B\u00A0\u200B', 'second']);
    expect(doc.lines.map((l) => [l.n, l.text, l.blankBefore])).toEqual([
      [1, 'first', 1],
      [3, 'second', 3],
    ]);
  });
});
