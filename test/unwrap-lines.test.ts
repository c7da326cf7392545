import { describe, expect, it } from 'vitest';
import { unwrapLines } from '../src/cleaners/unwrap-lines.js';
import { toDoc } from '../src/split-lines.js';
import { defaultOptions } from '../src/options.js';

function unwrap(dump: string): string[] {
  const doc = toDoc(dump, 't');
  unwrapLines.run(doc, defaultOptions);
  return doc.lines.map((l) => l.text);
}

/** Words wrapped greedily at `width` columns, the first line indented like w3m's paragraphs. */
function wrap(text: string, width: number, firstIndent = 0): string[] {
  const out: string[] = [];
  let line = ' '.repeat(firstIndent);
  for (const word of text.split(' ')) {
    if (line.trim() && line.length + 1 + word.length > width) {
      out.push(line);
      line = word;
    } else line = line.trim() ? `${line} ${word}` : `${line}${word}`;
  }
  out.push(line);
  return out;
}

const PARAGRAPH_A =
  'The council met on Tuesday evening to discuss the new harbour plan, which would move the ferry ' +
  'terminal to the north side of the bay and free the old quay for a public park, a market and a ' +
  'small museum of the town’s fishing history.';
const PARAGRAPH_B =
  'Residents who spoke at the meeting were divided: some welcomed the park, while others feared ' +
  'the longer walk to the ferry.';

describe('unwrapLines joins paragraphs a renderer wrapped', () => {
  it('joins w3m-style paragraphs wrapped at a cell width, including a two-line one', () => {
    const dump = [...wrap(PARAGRAPH_A, 80, 4), '', ...wrap(PARAGRAPH_B, 80, 4), ''].join('\n');
    expect(wrap(PARAGRAPH_B, 80, 4)).toHaveLength(2);
    expect(unwrap(dump)).toEqual([PARAGRAPH_A, PARAGRAPH_B]);
  });

  it('joins a hyphenated word cut at the line end without a space', () => {
    const dump = [
      'Relief supplies of food, water and medicine were moved to the coast and pre-',
      'positioned in the villages most at risk, so that nobody would have to wait for the',
      'roads to open again before help could reach them after the storm had passed over.',
    ].join('\n');
    expect(unwrap(dump)[0]).toContain('pre-positioned in the villages');
    expect(unwrap(dump)).toHaveLength(1);
  });

  it('joins a wrapped paragraph in a dump without blank lines, where the menu runs into the text', () => {
    const menu = ['Home', 'About Us', 'Opening Hours', 'Contact', 'Our History and Our Long Story Told in Full Over the Years'];
    const dump = [...menu, ...wrap(PARAGRAPH_A, 80), ...wrap(PARAGRAPH_B, 80)].join('\n');
    expect(unwrap(dump)).toEqual([...menu, PARAGRAPH_A, PARAGRAPH_B]);
  });

  it('glues a digit to a spaceless character in Chinese text, but keeps the space a Latin line broke at', () => {
    const han = '港口在暴风雨过后于星期一重新开放渔民们中午之前就回到了海上渡轮公司说时刻表从今年的春天起恢复夏季的时间市长还承诺在秋天之前完成对旧码头的维修工作居民们对此表示欢迎';
    const chinese = [`${han.slice(0, 38)}2015`, `年${han.slice(38, 77)}`, '支持。'];
    expect(unwrap(chinese.join('\n'))).toEqual([chinese.join('')]);
    const latin = ['the the the storm the https://x.test/?q=1 e.g. Monday привет.', 'would storm v1.2.3 データ über ... 東京 said $3.2 naïve storm $3.2', '東京 the the the.'];
    expect(unwrap(latin.join('\n'))).toEqual([latin.join(' ')]);
    const ending = ['back.lebanon the “quoted” the (aside) the would مرحبا привет.', 'שלום été harbour Mr. データ #tag e.g. and שלום 👨‍👩‍👧 東京', 'データ the the the.'];
    expect(unwrap(ending.join('\n')).at(-1)).toBe(ending.slice(1).join(' '));
  });

  it('joins a line wrapped at about a thousand characters (lynx)', () => {
    const long = `${'word '.repeat(199)}wraps`;
    expect(unwrap(`${long}\nhere at last.`)).toEqual([`${long} here at last.`]);
  });
});

describe('unwrapLines leaves separate lines alone', () => {
  it('a headline over its byline and date', () => {
    const dump = '   Harbour plan divides the town council\n   By Jane Example, Staff Reporter\n   Posted on March 3, 2024';
    expect(unwrap(dump)).toHaveLength(3);
  });

  it('a headline over its date in a column whose paragraphs wrap wider', () => {
    const column = ' '.repeat(28);
    const head = [`${column}Harbour plan divides the town council`, `${column}20:20, Mar 3 2024`];
    const dump = [...head, '', ...wrap(PARAGRAPH_A, 80, 28), ''].join('\n');
    expect(unwrap(dump).slice(0, 2)).toEqual(['Harbour plan divides the town council', '20:20, Mar 3 2024']);
  });

  it('a menu and a list of links', () => {
    const dump = ['Home', 'News', 'Sport', 'Weather', '* Council backs harbour plan after long debate on Tuesday night', '* Ferry timetable changes from next week for the winter months'].join('\n');
    expect(unwrap(dump)).toHaveLength(6);
  });

  it('one block per line, as in WET-like dumps, when sentences end', () => {
    const dump = [PARAGRAPH_A, PARAGRAPH_B, 'Share this:', 'Like this:'].join('\n');
    expect(unwrap(dump)).toEqual([PARAGRAPH_A, PARAGRAPH_B, 'Share this:', 'Like this:']);
  });

  it('a menu indented into a right-hand column, whose items fill its width', () => {
    const items = ['Harbour Boards', 'Ferry Timetables', 'Council Minutes', 'Festival Photos', 'Blog', 'Sailing Results'];
    const column = ' '.repeat(60);
    const dump = items.map((item) => `${column}${item}`).join('\n');
    expect(unwrap(dump)).toEqual(items);
  });

  it('a long line that ends in a rule of underscores', () => {
    const rule = `Posted by: Example at March 3, 2024 4:45 PM ${'_'.repeat(900)}`;
    expect(unwrap(`${rule}\nThe next comment starts here and goes on.`)).toHaveLength(2);
  });

  it('lines at a width no other run on the page shows', () => {
    // Two lines only, at a width nothing else repeats: a long teaser over a short line is not a wrap.
    const dump = 'An unusually long teaser for another story that runs on past the width of the column\nRead more';
    expect(unwrap(dump)).toHaveLength(2);
  });

  it('two lines of program text under a wrapped paragraph, though the first is as wide as the page wraps', () => {
    const code = ['    log.info(request.method, request.url, response.status, request.headers);', '    log.debug(Date.now() - started);'];
    const lines = unwrap([...wrap(PARAGRAPH_A, 76, 3), ...code].join('\n'));
    expect(lines.slice(-2)).toEqual(code.map((line) => line.trim()));
  });

  it('parts of one input line that an earlier cleaner split', () => {
    const doc = toDoc(wrap(PARAGRAPH_A, 80).join('\n'), 't');
    const [first] = doc.lines;
    doc.lines.splice(1, 0, { ...first, text: 'Glued second part of the first line' });
    unwrapLines.run(doc, defaultOptions);
    expect(doc.lines[0].text).not.toContain('Glued second part');
  });
});

describe('unwrapLines on a huge page', () => {
  it('joins a paragraph of 50,000 wrapped lines into one, in one pass', () => {
    const words = Array.from({ length: 1_000_000 }, (_, i) => (i % 7 === 0 ? 'harbour' : 'the')).join(' ');
    const dump = wrap(words, 80).join('\n');
    expect(dump.split('\n').length).toBeGreaterThan(50_000);
    expect(unwrap(dump)).toEqual([words]);
  });
});
