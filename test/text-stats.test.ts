import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSpaceless, letterCounts, stopwordRatio, tokens } from '../src/text-stats.js';

describe('tokens', () => {
  it("reads ASCII text as the matches of [a-z0-9]+(?:'[a-z0-9]+)* in the lower-cased line", () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'Z', '0', '9', "'", ' ', '.', '-', '_'), maxLength: 40 });
    fc.assert(
      fc.property(ascii, (text) => {
        expect(tokens(text)).toEqual(text.toLowerCase().match(/[a-z0-9]+(?:'[a-z0-9]+)*/g) ?? []);
      }),
      { numRuns: 2000 },
    );
  });

  it('lower-cases words and keeps inner apostrophes', () => {
    expect(tokens("Don't panic, l’homme ARRIVE!")).toEqual(["don't", 'panic', 'l’homme', 'arrive']);
  });

  it('counts each character of a spaceless script as a token', () => {
    expect(tokens('我们今天去公园')).toHaveLength(7);
    expect(tokens('東京で会いましょう')).toHaveLength(9);
    expect(tokens('สวัสดีครับ').length).toBeGreaterThan(5);
    expect(tokens('WordPress中文版')).toEqual(['wordpress', '中', '文', '版']);
  });

  it('keeps right-to-left words whole', () => {
    expect(tokens('שלום עולם')).toEqual(['שלום', 'עולם']);
    expect(tokens('مرحبا بالعالم')).toEqual(['مرحبا', 'بالعالم']);
  });
});

describe('isSpaceless', () => {
  it('is true when most letters are Han, kana or Thai', () => {
    expect(isSpaceless('今日は良い天気ですね')).toBe(true);
    expect(isSpaceless('The weather is nice today')).toBe(false);
    expect(isSpaceless('')).toBe(false);
  });

  it('at exactly half the letters it is not spaceless (threshold is "over half")', () => {
    expect(isSpaceless('ab中文')).toBe(false);
    expect(isSpaceless('a中文')).toBe(true);
  });
});

describe('stopwordRatio', () => {
  const german = 'Wir haben im März die Tomaten in den Garten gepflanzt und auf den Regen gewartet.';

  it('counts the stopwords of the given language', () => {
    const ratio = stopwordRatio(german, 'de');
    expect(ratio).toBeGreaterThan(0.3);
    expect(stopwordRatio(german, 'de')).toBeGreaterThan(stopwordRatio('Tomaten Garten März Regen', 'de'));
  });

  it('counts function words, not the words of menus', () => {
    expect(stopwordRatio('Home Next Page Top Back Help', 'en')).toBe(0);
    expect(stopwordRatio('It was the end of the week and they had not yet heard from him', 'en')).toBeGreaterThan(0.5);
  });

  it('falls back to short stopwords of any language when the language is unknown or has no list', () => {
    expect(stopwordRatio(german, null)).toBeGreaterThan(0.2);
    expect(stopwordRatio(german, 'xx')).toBe(stopwordRatio(german, null));
    expect(stopwordRatio('Kubernetes Docker Terraform', null)).toBe(0);
  });

  it('works for spaceless scripts through single-character stopwords', () => {
    expect(stopwordRatio('我们的花园在城市的北边', 'zh')).toBeGreaterThan(0.1);
  });

  it('is 0 for text without words', () => {
    expect(stopwordRatio('— * —', 'en')).toBe(0);
  });
});

describe('letterCounts', () => {
  // The regex matches they replace, counted by code point.
  const matches = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

  it('count code points, not UTF-16 units', () => {
    expect(letterCounts('a𝒜b 1')).toEqual({ letters: 3, nonSpace: 4 });
    expect(letterCounts('\ud800x \udc00')).toEqual({ letters: 1, nonSpace: 3 });
    expect(letterCounts('a\u00a0b\u3000c\t\x1c')).toEqual({ letters: 3, nonSpace: 4 });
  });

  it('agree with a unicode regex match on any text', () => {
    const pieces = ['a', 'Z', ' ', '\t', '\u00a0', 'é', 'ß', '中', '𝒜', '😀', '\ud800', '\udc00', '1', '.', 'ー', 'ا', '\u3000', '\x0b', '\x1c', '\ufeff'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(letterCounts(text)).toEqual({ letters: matches(text, /\p{L}/gu), nonSpace: matches(text, /\S/gu) });
      }),
    );
  });
});
