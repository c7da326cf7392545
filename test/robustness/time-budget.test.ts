import { describe, expect, it } from 'vitest';
import type { Cleaner } from '../../src/cleaner.js';
import { type Doc, newLine } from '../../src/doc.js';
import { clean, label } from '../../src/index.js';
import { defaultOptions } from '../../src/options.js';
import { isProseLine, MAX_LINES, runWithinBudget } from '../../src/time-budget.js';

const PAGE = [
  'Home | News | Sport | Contact',
  '',
  'A headline about the harbour',
  '',
  'The harbour reopened on Monday after a week of storms kept every boat in the bay.',
  '',
  'Fishermen said the damage was smaller than they had feared, and most crews were back at sea by noon.',
  '',
  '2 Comments',
  'Pat says:',
  'Glad to hear it, the town needs the boats out again.',
  'Leave a Reply',
].join('\n');

function busy(ms: number): Cleaner {
  return {
    id: 'slow-cleaner',
    description: 'burns time',
    run() {
      const end = performance.now() + ms;
      while (performance.now() < end) {
        // spin: stands for a cleaner that is slow on some page
      }
    },
  };
}

describe('per-document time budget', () => {
  it('runs the whole pipeline inside the budget without a warning', () => {
    const result = clean(PAGE, { timeoutMs: 5000 }, { source: 'p.txt' });
    expect(result.warnings.filter((w) => w.includes('time budget'))).toEqual([]);
  });

  it('on overrun skips the remaining cleaners, keeps prose as body, drops comments and warns', () => {
    const result = clean(PAGE, { timeoutMs: 0, keepJunk: true }, { source: 'p.txt' });
    expect(result.warnings).toContainEqual(expect.stringMatching(/^p\.txt: time budget of 0 ms ran out after \d+ ms, before "[a-z-]+"; kept prose-like lines as body, without title or comments\.$/));
    expect(result.title).toBeNull();
    expect(result.comments).toEqual([]);
    expect(result.body).toEqual([
      'The harbour reopened on Monday after a week of storms kept every boat in the bay.',
      'Fishermen said the damage was smaller than they had feared, and most crews were back at sea by noon.',
      'Glad to hear it, the town needs the boats out again.',
    ]);
    expect(result.junk?.map((j) => j.text)).toContain('Home | News | Sport | Contact');
  });

  it('says which cleaner it stopped before, and labels lines with the cheap path', () => {
    const doc: Doc = { source: 's', lines: [newLine(1, '  A line\u200B that reads like a real sentence of prose.  ')], lang: null, warnings: [] };
    let ran = false;
    const never: Cleaner = { id: 'never', description: '', run: () => { ran = true; } };
    runWithinBudget(doc, [busy(30), never], { ...defaultOptions, timeoutMs: 10 });
    expect(ran).toBe(false);
    expect(doc.warnings[0]).toMatch(/before "never"/);
    // tidy-text did not run in this list, so the cheap path tidied first.
    expect(doc.lines[0]).toMatchObject({ text: 'A line that reads like a real sentence of prose.', zone: 'body', by: 'time-budget' });
  });

  it('takes the cheap path at once for a dump of more lines than the full pipeline takes', () => {
    const items = Array.from({ length: MAX_LINES }, (_, i) => `- item ${i}`);
    const prose = 'A sentence that reads like prose, in a list far longer than any page.';
    const result = clean([prose, ...items].join('\n'), { keepJunk: true }, { source: 'list.txt' });
    expect(result.warnings).toEqual([
      `list.txt: ${MAX_LINES + 1} lines, over the ${MAX_LINES} the full pipeline takes; kept prose-like lines as body, without title or comments.`,
    ]);
    expect(result.body).toEqual([prose]);
    expect(result.junk).toHaveLength(MAX_LINES);
    // One line fewer and the full pipeline runs.
    const full = clean([prose, ...items.slice(1)].join('\n'), {}, { source: 'list.txt' });
    expect(full.warnings.filter((w) => w.includes('full pipeline takes'))).toEqual([]);
  });

  it('explain shows the cheap path as the deciding cleaner', () => {
    const doc = label(PAGE, { timeoutMs: 0 });
    expect(new Set(doc.lines.map((l) => l.by))).toEqual(new Set(['time-budget']));
  });

  it.each([
    ['ten words without a full stop', 'one two three four five six seven eight nine ten', true],
    ['nine words without a full stop', 'one two three four five six seven eight nine', false],
    ['four words ending a sentence', 'It is over now.', true],
    ['three words ending a sentence', 'It is over.', false],
    ['a menu', 'Home | About | Contact', false],
  ])('isProseLine: %s', (_, text, expected) => {
    expect(isProseLine(text)).toBe(expected);
  });
});
