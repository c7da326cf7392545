import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cutLongLine, gluePoint, LONG_LINE_CHARS, splitGlued } from '../src/cleaners/split-glued.js';
import { type Doc, newLine } from '../src/doc.js';
import { defaultOptions } from '../src/options.js';

function split(text: string): string[] {
  const doc: Doc = { source: 't', lines: [newLine(7, text, 2, 3)], lang: null, warnings: [] };
  splitGlued.run(doc, defaultOptions);
  return doc.lines.map((l) => l.text);
}

describe('splitGlued splits glued paragraphs', () => {
  it.each([
    ['a lower-case start', 'We should wait and see.the harbour is quiet now', ['We should wait and see.', 'the harbour is quiet now']],
    ['a capitalised start', 'The bridge was closed.Traffic moved slowly', ['The bridge was closed.', 'Traffic moved slowly']],
    ['the pronoun I', 'It was a long winter.I remember the snow', ['It was a long winter.', 'I remember the snow']],
    ['I with an apostrophe', 'That settles it.I’m going home', ['That settles it.', 'I’m going home']],
    ['a question', 'Why would they leave?Nobody knows', ['Why would they leave?', 'Nobody knows']],
    ['a closing quote', 'She called it “unfair.”The vote stood', ['She called it “unfair.”', 'The vote stood']],
    ['a sign-off', 'Thanks for reading. Kind regards,Maria K. Lopez', ['Thanks for reading. Kind regards,', 'Maria K. Lopez']],
    ['several glues on one line', 'One thing.Another thing.And a third', ['One thing.', 'Another thing.', 'And a third']],
  ])('%s', (_, input, expected) => {
    expect(split(input)).toEqual(expected);
  });

  it('gives later parts the same line number and indent, and no blank lines before', () => {
    const doc: Doc = { source: 't', lines: [newLine(7, 'First part.Second part', 2, 3)], lang: null, warnings: [] };
    splitGlued.run(doc, defaultOptions);
    expect(doc.lines.map((l) => [l.n, l.indent, l.blankBefore])).toEqual([
      [7, 2, 3],
      [7, 2, 0],
    ]);
  });
});

describe('splitGlued leaves these whole', () => {
  it.each([
    'See example.com/a.b for details',
    'Visit www.example.org today',
    'Mail jane.doe@example.net soon',
    'It grew 4.5 percent to $3.2billion',
    'The U.S. and the U.K.Government agreed',
    'Use e.g.Python or i.e.the rest',
    'Ask Mr.Smith or Mrs.Jones, or Dr.Who',
    'Hu Jintao (R) and R.Cohen met',
    'Open notes.html or report.docx or script.java',
    'Install node.js and run version 1.2.3 or v2.0.1',
    'Wait for it...then go',
    'A bunch of apples, pears etc.Then more',
    'FROM JANE DOEIndeed, I agree',
    'Dear Sam,Thanks for the note',
    'Read more at Amazon.com or news.bbc.co.uk',
    'Call object.toString or console.log',
    'Item 2.Next item',
    'Shop at example.online or example.store',
    'Wow!!Great',
    'options.IgnoreCase = true;',
    'Level = LogLevel.Debug;',
    'client.BaseAddress = new Uri(base);',
    'log.info(request.method, request.url, response.status);',
  ])('%s', (text) => {
    expect(split(text)).toEqual([text]);
  });

  it('ignores tokens too long to be two glued words', () => {
    expect(gluePoint(`${'a'.repeat(40)}.${'Bb'.repeat(20)}`)).toBe(-1);
  });
});

describe('splitGlued finds glue points only around candidates', () => {
  it('splits exactly where checking every token would', () => {
    const piece = fc.constantFrom('word', 'Word', 'I', 'see', 'the', '.', ',', '?', '”', ')', ' ', 'regards', 'example', 'com', 'a', 'é', '4', 'x'.repeat(70));
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }), (pieces) => {
        const text = pieces.join('');
        const expected = [...text.matchAll(/\S+/g)].flatMap((t) => {
          const at = gluePoint(t[0]);
          return at > 0 ? [t[0].slice(0, at), t[0].slice(at)] : [t[0]];
        });
        const doc: Doc = { source: 't', lines: [newLine(1, text)], lang: null, warnings: [] };
        fc.pre(text.trim() !== '');
        splitGlued.run(doc, defaultOptions);
        expect(doc.lines.flatMap((l) => l.text.split(/\s+/)).filter((t) => t !== '')).toEqual(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('splitGlued cuts lines longer than LONG_LINE_CHARS', () => {
  const sentence = 'The pier opened in May. ';
  /** Sentences up to `chars` characters (cut mid-sentence if need be), tidied: no space at the ends. */
  const prose = (chars: number) => sentence.repeat(Math.ceil(chars / sentence.length)).slice(0, chars).trim();

  it('leaves a line of exactly LONG_LINE_CHARS whole and cuts one a character longer', () => {
    const exact = `${prose(LONG_LINE_CHARS - 1)}x`;
    expect(split(exact)).toEqual([exact]);
    expect(split(`${exact}y`)).toHaveLength(2);
  });

  it('cuts at the last sentence end within the limit, and the parts keep line number and indent', () => {
    const text = prose(2.5 * LONG_LINE_CHARS);
    const doc: Doc = { source: 't', lines: [newLine(7, text, 2, 3)], lang: null, warnings: [] };
    splitGlued.run(doc, defaultOptions);
    const parts = doc.lines.map((l) => l.text);
    expect(parts.join(' ')).toBe(text);
    for (const part of parts.slice(0, -1)) {
      expect(part.length).toBeLessThanOrEqual(LONG_LINE_CHARS);
      expect(part.endsWith('May.')).toBe(true);
      // The last sentence end within the limit: one more sentence would not fit.
      expect(part.length + sentence.length).toBeGreaterThan(LONG_LINE_CHARS);
    }
    expect(doc.lines.map((l) => [l.n, l.indent, l.blankBefore])).toEqual(parts.map((_, k) => [7, 2, k === 0 ? 3 : 0]));
  });

  it('cuts after a closing quote or bracket that ends a sentence', () => {
    const text = `${'word '.repeat(LONG_LINE_CHARS / 5 - 20)}it said “no.” ${'word '.repeat(LONG_LINE_CHARS / 10)}end`;
    expect(cutLongLine(text)[0].endsWith('“no.”')).toBe(true);
  });

  it('cuts at the last space when no sentence ends in the second half of the part', () => {
    const text = `${'word '.repeat(LONG_LINE_CHARS / 5)}end`;
    const parts = cutLongLine(text);
    expect(parts.join(' ')).toBe(text);
    expect(parts[0]).toHaveLength(LONG_LINE_CHARS - 1);
  });

  it('cuts a line without spaces every LONG_LINE_CHARS characters, never inside a surrogate pair', () => {
    expect(cutLongLine('x'.repeat(2 * LONG_LINE_CHARS + 5)).map((p) => p.length)).toEqual([LONG_LINE_CHARS, LONG_LINE_CHARS, 5]);
    const emoji = `x${'😀'.repeat(LONG_LINE_CHARS)}`;
    const parts = cutLongLine(emoji);
    expect(parts.join('')).toBe(emoji);
    expect(parts.every((p) => p.isWellFormed())).toBe(true);
  });

  it('splits glued paragraphs first, then cuts only the parts that are still too long', () => {
    const long = prose(LONG_LINE_CHARS + 1000);
    expect(split(`Short one.Then ${long}`)).toEqual(['Short one.', ...cutLongLine(`Then ${long}`)]);
  });
});
