import { describe, expect, it } from 'vitest';
import type { Gold } from '../scripts/corpus.js';
import { parseLabels } from '../scripts/corpus.js';
import {
  addConfusion,
  aggregate,
  bagOverlap,
  bagPRF,
  COMMENT_FP_MIN_TOKENS,
  compareFloors,
  gatedFigures,
  keepallOutput,
  lineConfusion,
  mean,
  normSnippet,
  normTitle,
  outputOfResult,
  score,
  snippetShare,
  titleExact,
  titleTokenF1,
  tokens,
  zoneGroup,
} from '../scripts/metrics.js';
import type { Result } from '../src/index.js';

const noGold: Gold = { title: null, body: null, comments: null, with: null, without: null, comments_with: null };

function result(parts: Partial<Result>): Result {
  return { source: 't', title: null, byline: null, date: null, captions: [], body: [], comments: [], lang: null, warnings: [], ...parts };
}

describe('tokens', () => {
  it('lowercases runs of letters and digits and splits on everything else', () => {
    expect(tokens("Hello, World! It's 2024_v2")).toEqual(['hello', 'world', 'it', 's', '2024', 'v2']);
  });
  it('keeps non-Latin letters and combining marks inside a word', () => {
    expect(tokens('Ärger über Straße')).toEqual(['ärger', 'über', 'straße']);
    expect(tokens('नमस्ते दुनिया')).toEqual(['नमस्ते', 'दुनिया']);
    expect(tokens('你好，世界')).toEqual(['你好', '世界']);
  });
  it('gives nothing for text without letters or digits', () => {
    expect(tokens(' * — | ')).toEqual([]);
  });
});

describe('bag of words', () => {
  it('counts a repeated token only as often as the other side has it', () => {
    expect(bagOverlap(['a', 'a', 'b'], ['a', 'b', 'b'])).toBe(2);
    expect(bagOverlap(['a', 'a', 'a'], ['a'])).toBe(1);
  });
  it('computes precision, recall and F1 of the multiset overlap', () => {
    const { p, r, f1 } = bagPRF(['a', 'b', 'c', 'd'], ['a', 'b']);
    expect(p).toBe(0.5);
    expect(r).toBe(1);
    expect(f1).toBeCloseTo(2 / 3, 10);
  });
  it('scores two empty sides as perfect and one empty side as zero', () => {
    expect(bagPRF([], [])).toEqual({ p: 1, r: 1, f1: 1 });
    expect(bagPRF([], ['a'])).toEqual({ p: 0, r: 0, f1: 0 });
    expect(bagPRF(['a'], [])).toEqual({ p: 0, r: 0, f1: 0 });
  });
  it('ignores order', () => {
    expect(bagPRF(['b', 'a'], ['a', 'b']).f1).toBe(1);
  });
});

describe('title', () => {
  it('normalises NFKC, case and whitespace', () => {
    expect(normTitle('  The\u00a0ﬁrst   ＴＩＴＬＥ\n')).toBe('the first title');
  });
  it('matches exactly only after normalisation', () => {
    expect(titleExact('A  Day in Rome', 'a day in rome')).toBe(true);
    expect(titleExact('A Day in Rome.', 'a day in rome')).toBe(false);
    expect(titleExact(null, 'a day in rome')).toBe(false);
  });
  it('gives partial credit by tokens', () => {
    expect(titleTokenF1('A Day in Rome | Travel', 'A Day in Rome')).toBeCloseTo((2 * 0.8 * 1) / 1.8, 10);
    expect(titleTokenF1(null, 'Rome')).toBe(0);
  });
});

describe('snippets', () => {
  it('folds case, NFKC and punctuation runs to single spaces', () => {
    expect(normSnippet('“Don’t” — STOP…now!')).toBe('don t stop now');
  });
  it('finds snippets that start or end inside a word', () => {
    const text = 'The quick brown fox, jumps.';
    expect(snippetShare(['uick brown fo', 'FOX jumps', 'lazy dog'], text)).toBeCloseTo(2 / 3, 10);
  });
  it('is undefined without snippets', () => {
    expect(snippetShare(null, 'x')).toBeNull();
    expect(snippetShare([], 'x')).toBeNull();
  });
});

describe('outputs', () => {
  it('joins body paragraphs and each comment with its author and date', () => {
    const out = outputOfResult(
      result({
        title: 'T',
        captions: ['cap'],
        body: ['one', 'two'],
        comments: [
          { author: 'Ann', date: 'May 1', text: 'hi' },
          { author: null, date: null, text: 'yo' },
        ],
      }),
    );
    expect(out.body).toBe('one\ntwo');
    expect(out.comments).toBe('Ann\nMay 1\nhi\nyo');
    expect(out.all).toBe('T\ncap\none\ntwo\nAnn\nMay 1\nhi\nyo');
  });
  it('keeps everything as body and the first non-blank line as title for the baseline', () => {
    const out = keepallOutput('\n   Menu  \nStory text\n');
    expect(out.title).toBe('Menu');
    expect(out.body).toContain('Story text');
    expect(out.comments).toBe('');
    expect(keepallOutput('\n\n').title).toBeNull();
  });
});

describe('score', () => {
  const gold: Gold = { ...noGold, title: 'Big News', body: 'alpha beta', comments: '' };
  const commentOf = (n: number) => ({ author: null, date: null, text: Array.from({ length: n }, (_, i) => `w${i}`).join(' ') });

  it('counts a comment false positive from exactly COMMENT_FP_MIN_TOKENS comment tokens', () => {
    const below = score(gold, outputOfResult(result({ comments: [commentOf(COMMENT_FP_MIN_TOKENS - 1)] })));
    const at = score(gold, outputOfResult(result({ comments: [commentOf(COMMENT_FP_MIN_TOKENS)] })));
    expect(below.commentFp).toBe(false);
    expect(at.commentFp).toBe(true);
    expect(at.comments).toBeNull();
  });
  it('leaves figures the gold does not define as null', () => {
    const s = score({ ...noGold, body: '' }, outputOfResult(result({ body: ['x'] })));
    expect(s.body).toEqual({ p: 0, r: 0, f1: 0 });
    expect(s.comments).toBeNull();
    expect(s.commentFp).toBeNull();
    expect(s.titleExact).toBeNull();
    expect(s.with).toBeNull();
  });
  it('scores comments on pages with comments and looks for snippets in the right field', () => {
    const s = score(
      { ...gold, comments: 'Ann says hi', with: ['alpha'], without: ['menu'], comments_with: ['says hi'] },
      outputOfResult(result({ title: 'Big  news', body: ['alpha beta'], captions: ['menu'], comments: [{ author: 'Ann', date: null, text: 'says hi' }] })),
    );
    expect(s.comments?.f1).toBe(1);
    expect(s.titleExact).toBe(true);
    expect(s.with).toBe(1);
    expect(s.without).toBe(1);
    expect(s.commentsWith).toBe(1);
  });
});

describe('aggregate', () => {
  it('macro-averages over the pages where a figure is defined', () => {
    expect(mean([1, null, 0, true])).toEqual({ n: 3, value: 2 / 3 });
    expect(mean([null])).toEqual({ n: 0, value: null });
    const gold: Gold = { ...noGold, body: 'a b' };
    const figures = aggregate([score(gold, keepallOutput('a b')), score(gold, keepallOutput('c'))]);
    expect(figures.bodyF1).toEqual({ n: 2, value: 0.5 });
    expect(figures.titleExact.n).toBe(0);
    expect(gatedFigures(figures)).toEqual({ body_f1: 0.5 });
  });
});

describe('gate', () => {
  const floors = { d: { lynx: { body_f1: 0.8, comment_fp: 0.05 } } };
  const verdicts = (body: number, fp: number) =>
    compareFloors(floors, { d: { lynx: { body_f1: body, comment_fp: fp } } }).map((f) => f.verdict);

  it('passes a drop of exactly the tolerance and fails a larger one', () => {
    expect(verdicts(0.79, 0.05)).toEqual(['ok', 'ok']);
    expect(verdicts(0.789, 0.05)).toEqual(['fail', 'ok']);
  });
  it('treats the comment false-positive rate as a ceiling', () => {
    expect(verdicts(0.8, 0.06)).toEqual(['ok', 'ok']);
    expect(verdicts(0.8, 0.061)).toEqual(['ok', 'fail']);
    expect(verdicts(0.85, 0.0)).toEqual(['better', 'better']);
  });
  it('fails a figure that was not measured', () => {
    expect(compareFloors(floors, {}).map((f) => f.verdict)).toEqual(['fail', 'fail']);
  });
});

describe('labels', () => {
  it('reads the per-line labels after the header row', () => {
    expect(parseLabels('line\tlabel\tmatch\n1\tjunk\tnone\n2\tblank\t\n')).toEqual([
      { line: 1, label: 'junk', match: 'none' },
      { line: 2, label: 'blank', match: '' },
    ]);
    expect(() => parseLabels('line\tlabel\tmatch\n1\tnoise\tnone\n')).toThrow(/unknown label/);
  });
});

describe('line confusion', () => {
  const labels = parseLabels('line\tlabel\tmatch\n1\ttitle\texact\n2\tblank\t\n3\tbody\tsubstr\n4\tjunk\tnone\n');

  it('coarsens zones to what the labels tell apart', () => {
    expect(zoneGroup('byline')).toBe('meta');
    expect(zoneGroup('comment-header')).toBe('comment');
    expect(zoneGroup('junk:share')).toBe('junk');
    expect(zoneGroup('body')).toBe('body');
  });
  it('counts the words of each gold label per output zone, split lines under their input line', () => {
    const confusion = lineConfusion(
      [
        { n: 1, text: 'Big News', zone: 'title' },
        { n: 3, text: 'one two three', zone: 'body' },
        { n: 3, text: 'Share this', zone: 'junk:share' },
        { n: 4, text: 'Home', zone: 'body' },
      ],
      labels,
    );
    expect(confusion.title).toMatchObject({ title: 2, body: 0 });
    expect(confusion.body).toMatchObject({ body: 3, junk: 2 });
    expect(confusion.junk).toMatchObject({ body: 1 });
    expect(confusion.blank).toBeUndefined();
    const total = {};
    addConfusion(total, confusion);
    addConfusion(total, confusion);
    expect(total).toMatchObject({ body: { body: 6, junk: 4 } });
  });
});
