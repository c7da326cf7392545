import { describe, expect, it } from 'vitest';
import { language, sampleLanguage, scriptLanguage } from '../src/cleaners/language.js';
import { unwrapLines } from '../src/cleaners/unwrap-lines.js';
import { newLine } from '../src/doc.js';
import { lineStats } from '../src/model/features.js';
import { endsLikeSentence } from '../src/model/shapes.js';
import { label } from '../src/index.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';
import { lineWords, stopwordShare, tokens, wordCount } from '../src/text-stats.js';

// Invented sentences; none comes from a real page.
const ZH = '春天到了，我们整理了房子后面的旧菜园，并为番茄和黄瓜准备了第一批菜畦。';
const JA = '春になったので、家の裏にある古い畑を片付けて、トマトときゅうりのための最初の畝を作りました。';
const KO = '봄이 와서 우리는 집 뒤의 오래된 텃밭을 정리하고 토마토와 오이를 위한 첫 번째 이랑을 만들었습니다.';
const DE = 'Im Frühjahr haben wir den alten Gemüsegarten hinter dem Haus wieder hergerichtet und die ersten Beete angelegt.';
const EN = 'In the spring we cleared the old vegetable garden behind the house and laid out the first beds.';

describe('word counts in every script', () => {
  it('are token counts in spaced scripts', () => {
    expect(wordCount(tokens(EN))).toBe(tokens(EN).length);
    expect(wordCount(tokens(DE))).toBe(tokens(DE).length);
  });

  it('count Chinese and Japanese words at about two characters each', () => {
    // 31 Han characters: a sentence of some 17 words, not 31.
    expect(wordCount(tokens(ZH))).toBeGreaterThan(12);
    expect(wordCount(tokens(ZH))).toBeLessThan(22);
    // A menu item of two characters is one word, as "News" is.
    expect(wordCount(tokens('新闻'))).toBe(1);
    expect(wordCount(tokens('ニュース'))).toBe(2);
  });

  it('lineWords splits spaced lines at spaces and counts spaceless ones by characters', () => {
    expect(lineWords('one two three')).toBe(3);
    expect(lineWords(JA)).toBeGreaterThan(15);
    expect(lineWords('首页 > 科技')).toBe(3);
  });
});

describe('stopwords of spaceless scripts', () => {
  it('match whole stopwords over the characters and read on the scale of spaced text', () => {
    const zh = stopwordShare(tokens(ZH), 'zh');
    const ja = stopwordShare(tokens(JA), 'ja');
    const en = stopwordShare(tokens(EN), 'en');
    // Running text has function words in every language: comparable shares, not near zero.
    for (const share of [zh, ja]) {
      expect(share).toBeGreaterThan(en / 2);
      expect(share).toBeLessThanOrEqual(1);
    }
    // A menu of nouns has fewer.
    expect(stopwordShare(tokens('科技 教育 经济 军事 体育'), 'zh')).toBeLessThan(zh / 2);
  });

  it('a Chinese paragraph is strong running text, a Chinese menu item is not', () => {
    const paragraph = newLine(1, `${ZH}${ZH}`);
    expect(lineStats(paragraph, 'zh').strong).toBe(true);
    expect(lineStats(newLine(2, '光明图片'), 'zh').words).toBeLessThan(4);
  });
});

describe('sentence ends of other scripts', () => {
  it('are sentence ends, also inside closing brackets', () => {
    for (const line of [ZH, JA, '「もう帰ろう。」', '他说：“走吧！”', 'آیا این درست است؟', 'यह सही है।', 'Ist das richtig?']) {
      expect(endsLikeSentence(line), line).toBe(true);
    }
    expect(endsLikeSentence('首页 > 科技频道')).toBe(false);
  });
});

describe('language of a page', () => {
  it('names the language by its script when the detector cannot', () => {
    expect(scriptLanguage(JA)).toBe('ja');
    expect(scriptLanguage(ZH)).toBe('zh');
    expect(scriptLanguage(KO)).toBe('ko');
    expect(scriptLanguage('สวัสดีครับ วันนี้อากาศดีมาก')).toBe('th');
    expect(scriptLanguage(DE)).toBeNull();
  });

  it('a Chinese sample with Latin names stays Chinese', () => {
    expect(sampleLanguage(`NASA 和 ESA (Space Agency) 的 John Smith 说：${ZH}`)).toBe('zh');
  });

  it('skips URL and rule lines, which are the longest of many pages', () => {
    const ad = `IFRAME: https://ads.example.com/serve?slot=${'a1b2c3d4e5'.repeat(30)}&ref=http%3A%2F%2Fexample.com`;
    const rule = '_'.repeat(300);
    const lines = [ad, rule, '首页', ZH, '科技', ZH.replace('春天', '夏天')].map((t, i) => newLine(i + 1, t));
    const doc = { source: '-', lines, lang: null as string | null, warnings: [] };
    language.run(doc, defaultOptions);
    expect(doc.lang).toBe('zh');
  });

  it('skips language menus, which list many scripts', () => {
    const menu = `English Deutsch Español Français 日本語 한국어 العربية Русский Ελληνικά ${'Italiano Nederlands Polski '.repeat(8)}`;
    const lines = [menu, EN, EN.replace('spring', 'autumn')].map((t, i) => newLine(i + 1, t));
    const doc = { source: '-', lines, lang: null as string | null, warnings: [] };
    language.run(doc, defaultOptions);
    expect(doc.lang).toBe('en');
  });

  it('English pages behind long URL lines are English', () => {
    const ad = `IFRAME: https://ads.example.com/serve?slot=${'x9y8z7'.repeat(60)}`;
    const lines = [ad, ad, EN, EN.replace('spring', 'autumn')].map((t, i) => newLine(i + 1, t));
    const doc = { source: '-', lines, lang: null as string | null, warnings: [] };
    language.run(doc, defaultOptions);
    expect(doc.lang).toBe('en');
  });
});

describe('unwrapping wide characters', () => {
  /** Characters wrapped at `columns` screen columns, two per Han or kana character, as lynx and w3m do. */
  function wrapWide(text: string, columns: number): string[] {
    const out: string[] = [];
    let line = '';
    for (const ch of text) {
      if ((line.length + 1) * 2 > columns) {
        out.push(line);
        line = '';
      }
      line += ch;
    }
    out.push(line);
    return out;
  }

  it('joins a Chinese paragraph wrapped at a width without adding spaces', () => {
    const paragraph = ZH.repeat(6);
    const wrapped = wrapWide(paragraph, 80);
    expect(wrapped.length).toBeGreaterThan(3);
    const doc = toDoc(`${wrapped.join('\n')}\n`, 't');
    unwrapLines.run(doc, defaultOptions);
    expect(doc.lines.map((l) => l.text)).toEqual([paragraph]);
  });

  it('joins a line that ends in Han or kana to one that opens on a Latin word with a space', () => {
    // A paragraph wrapped where the page had a space or none: "東京back." would be a word of neither line.
    // (A counterexample of the fuzz test's property that no text is invented.)
    const dump =
      '\nthe the the.\n\ndirt?I storm 👨‍👩‍👧 https://x.test/?q=1 مرحبا データ said U.S. 東京 東京\nback.lebanon the the the jane@example.org the.\n' +
      'https://x.test/?q=1 the مرحبا привет مرحبا. the the the the.\nthe the the.\n\n';
    const body = label(dump, { timeoutMs: Infinity }).lines.map((l) => l.text).join('\n');
    expect(body).toContain('東京 東京 back.');
  });

  it('keeps a short Chinese menu over a headline apart', () => {
    const doc = toDoc('首页\n科技\n春天到了，我们整理了菜园\n', 't');
    unwrapLines.run(doc, defaultOptions);
    expect(doc.lines).toHaveLength(3);
  });
});

describe('a Chinese article', () => {
  const page = [
    '首页',
    '新闻',
    '城市规划会议在北京召开',
    '2015年3月1日 作者：王明',
    '2015年3月1日，我们在北京召开了一次关于城市规划的会议，很多专家参加了讨论并提出了建议。会议持续了一整天，大家的讨论非常热烈。',
    '与会者认为，城市的发展需要更多的绿地和公共空间，也需要更方便的公共交通。这些建议将在下个月提交给市政府。',
    '另外，2015年3月2日上午，专家们又参观了几个新的社区，并和居民进行了交流，听取了他们对社区建设的意见。',
    '相关文章',
    '分享到微信',
  ].join('\n');

  it('keeps paragraphs that mention a date in the body, and takes the date line as meta', () => {
    const zones = label(page, { timeoutMs: Infinity }).lines.map((l) => l.zone);
    expect(zones).toEqual(['junk:nav', 'junk:nav', 'title', 'date', 'body', 'body', 'body', 'junk:related', 'junk:share']);
  });
});
