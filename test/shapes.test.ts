import { describe, expect, it } from 'vitest';
import { BULLET_RE, dateMatch, embedded, endsInEmoticon, hasDate, hasRelativeTime, looksLikeCode, menuRow, yearlessDate } from '../src/model/shapes.js';

describe('dates and relative times', () => {
  it.each([
    ['Posted on July 20, 2012 at 5pm', 'July 20, 2012'],
    ['Sept. 3, 2011', 'Sept. 3, 2011'],
    ['3rd of May 2021', '3rd of May 2021'],
    ['12.03.2024', '12.03.2024'],
    // Month names of other languages, as CLDR has them, in the form a date prints them.
    ['12 Mart 2024', '12 Mart 2024'],
    ['Δημοσιεύτηκε 12 Μαρτίου 2024', '12 Μαρτίου 2024'],
    ['Publikováno 12. března 2024', '12. března 2024'],
    ['maanantai 12. maaliskuuta 2024', '12. maaliskuuta 2024'],
    ['12 Maret 2024', '12 Maret 2024'],
    ['12 مارس 2024', '12 مارس 2024'],
    // The joiners of Spanish and Portuguese dates, and the year first (Hungarian, Korean).
    ['Publicado el 12 de marzo de 2024', '12 de marzo de 2024'],
    ['12 de março de 2024', '12 de março de 2024'],
    ['2024. március 12.', '2024. március 12'],
    ['2024년 3월 12일', '2024년 3월 12일'],
    ['12 tháng 3, 2024', '12 tháng 3, 2024'],
    // A word that is no month before a date does not hide it.
    ['Room 12 May 2024 offer', '12 May 2024'],
  ])('finds the date in %s', (line, date) => {
    expect(hasDate(line)).toBe(true);
    expect(dateMatch(line)?.[0]).toBe(date);
  });

  it.each(['Version 1.2.3', 'Marathon 2024', 'Best of 2024', 'In 2024 the market grew', 'Top 10 2024'])('finds none in %s', (line) => {
    expect(hasDate(line)).toBe(false);
  });

  it.each([
    ['2 hours ago', '2 hours ago'],
    ['an hour ago', 'an hour ago'],
    // Past relative times of other languages from CLDR, in every plural form.
    ['Hans Müller vor 2 Stunden', 'vor 2 Stunden'],
    ['il y a 3 heures', 'il y a 3 heures'],
    ['Anna pisze 22 godziny temu', '22 godziny temu'],
    ['21 день назад', '21 день назад'],
    ['李明 2小时前', '2小时前'],
  ])('finds the relative time in %s', (line, time) => {
    expect(hasRelativeTime(line)).toBe(true);
    expect(dateMatch(line)?.[0]).toBe(time);
  });

  it.each(['vor 2 Stundenplänen', 'Page 2 of 5', 'Top 10 days'])('finds no relative time in %s', (line) => {
    expect(hasRelativeTime(line)).toBe(false);
  });

  it('stays linear on a long line of words and years', () => {
    // Each "ab 2024" is a month-and-year shape whose word is no month: the search goes on past it.
    const line = 'ab 2024 '.repeat(20_000);
    expect(hasDate(line)).toBe(false);
    expect(hasDate(`${line}12 March 2024`)).toBe(true);
  });
});

describe('embedded content as lynx prints it', () => {
  it.each([
    ['IFRAME: https://ads.example/slot?id=7&size=300x250', true],
    ['IFRAME: inline_ads', true],
    ['[block-diagram.png]', true],
    ['[1*3vIhkoHIzcxvUdijoCVx6w.jpeg]', true],
    ['[dims?thumbnail=980%2C653&quality=80]', true],
    ['[USEMAP:navbar.gif]', true],
    ['RUU_1694.JPG', true],
    ['wires-and-trees-down-front-yard.jpg', true],
    // A MathML formula as lynx shows its markup, on one line or wrapped over two.
    ['[MATH: <mi> a </mi> <mo> ≠ </mo> <mn> 0 </mn> :MATH]', true],
    ['[MATH: <mfrac> <mn> 1 </mn> <mrow> <mo stretchy="false"> ( </mo>', true],
    ['</mrow> </mfrac> :MATH]', true],
    // Alt text, an editor's note, a bracketed word and a sentence about a frame are text.
    ['[A fishing boat in the harbour at dawn]', false],
    ['[Photos via AP]', false],
    ['[build]', false],
    ['IFRAME: the word and then more words', false],
    ['The file was saved as harbour.png', false],
    ['example.com', false],
    ['[MATH] tag in the forum software', false],
  ])('%s: %s', (line, expected) => {
    expect(embedded(line)).toBe(expected);
  });
});

describe('a row of menu items', () => {
  it.each(['Home | News | Sport | Contact', '* Tech · Science · Health · Arts & Culture', 'World » Europe » Politics', 'About | Careers | Press | Help'])('is "%s"', (line) => {
    expect(menuRow(line)).toBe(true);
  });

  it.each([
    'Jimmy M. | November 6, 2012 | 0 Comments',
    'Home | News',
    'The council met on Tuesday | and the plan moved the ferry terminal to the north | side of the bay',
    '2020 | 2021 | 2022',
  ])('is not "%s"', (line) => {
    expect(menuRow(line)).toBe(false);
  });
});

describe('endsInEmoticon', () => {
  it('reads an emoticon or an emoji after a space or a sentence mark as the end of a reader\'s sentence', () => {
    for (const text of ['thanks for the tip :)', 'great :-)', 'Nice!;)', 'love it <3', 'lol xD', 'Great photos 😍', 'Wow ❤️', 'Done :D']) {
      expect(endsInEmoticon(text), text).toBe(true);
    }
  });

  it('leaves clock times, scores, list numbers and glued signs alone', () => {
    for (const text of ['at 10:30', 'Score 3:2', 'Re: (Score:2)', '(see item 8)', 'ratio 1:3', 'a:)', 'Stars ★']) {
      expect(endsInEmoticon(text), text).toBe(false);
    }
  });
});

describe('yearlessDate', () => {
  it('reads a whole line of a month and a day, in either order and in other languages, maybe with a time', () => {
    for (const text of ['November 12th', 'Nov 12', '3 March', '12. März', '5 de mayo', 'Nov. 12 at 10:30 am', '3rd of June, 14:05']) {
      expect(yearlessDate(text), text).toBe(true);
    }
  });

  it('needs a month in the slot and the whole line', () => {
    for (const text of ['Room 12', 'Chapter 12th', 'See you on November 12th', 'November', '12', 'November 12th was fun']) {
      expect(yearlessDate(text), text).toBe(false);
    }
  });
});

describe('BULLET_RE', () => {
  it("knows lynx's bullets and w3m's at every list depth", () => {
    for (const text of ['* Home', '+ News', 'o Sport', '• Home', '□ Marketing Jobs', '☆ Fixtures & Results', '○ Services', '■ Small Business', '- item']) {
      expect(BULLET_RE.test(text), text).toBe(true);
    }
  });

  it('leaves ratings, words and numbers alone', () => {
    for (const text of ['★★★★☆ 4.5 out of 5', '☆☆ two stars', 'on the pier', '3 boats']) expect(BULLET_RE.test(text), text).toBe(false);
  });
});

describe('looksLikeCode', () => {
  it.each([
    'const response = await handler(request);',
    'if (a == b) {',
    '}',
    '// Log level',
    'print(x)',
    'items.map((item) => item.id)',
    'std::vector<int> v',
    'options.Level = LogLevel.Debug',
  ])('reads %s as program text', (text) => {
    expect(looksLikeCode(text)).toBe(true);
  });

  it.each([
    'The harbour reopened on Monday after a week of storms.',
    '= = = = = = = =',
    '==========',
    'Home || About || Contact',
    '[dims?thumbnail=980&quality=80]',
    'IFRAME: https://ads.example/slot?id=7&size=300x250',
    'Read more at https://example.com/a?b=c;d',
    // A count after a listing's label.
    '+ Garden tools(1,204)',
    'Ferries(12)',
  ])('reads %s as no program text', (text) => {
    expect(looksLikeCode(text)).toBe(false);
  });
});
