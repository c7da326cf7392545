import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LONG_LINE_CHARS } from '../../src/cleaners/split-glued.js';
import { defaultOptions } from '../../src/options.js';
import { pagesift, tempDir } from '../cli-helpers.js';

/**
 * A single huge line with no newline, through the real bin at the default options: split-glued cuts it
 * into parts of at most LONG_LINE_CHARS at sentence ends, every cleaner then works on parts of normal
 * size, and the whole pipeline runs inside the default time budget (no cheap path, no budget warning).
 */

const SENTENCES = [
  'The ferry timetable changed again this spring, and the island school adjusted its hours to match.',
  'Parents said the earlier boat was hard on the youngest children, who now leave home before dawn.',
  'The council promised to review the schedule in the autumn once the new pier is finished.',
];

/** One line of prose of `chars` characters, no newline. */
function proseLine(chars: number): string {
  const unit = `${SENTENCES.join(' ')} `;
  return unit.repeat(Math.ceil(chars / unit.length)).slice(0, chars).trim();
}

let work: { dir: string; remove: () => void };
beforeAll(() => {
  work = tempDir('long-lines');
});
afterAll(() => work.remove());

interface Output {
  body: string[];
  junk?: { text: string }[];
  warnings: string[];
}

async function cleanFile(name: string, text: string, args: string[] = []): Promise<{ input: string; result: Output }> {
  const input = path.join(work.dir, name);
  writeFileSync(input, text);
  const ran = await pagesift([input, '-q', ...args]);
  expect(ran.code).toBe(0);
  return { input, result: JSON.parse(ran.stdout) as Output };
}

const budgetWarnings = (result: Output) => result.warnings.filter((w) => w.includes('time budget'));

describe('a single huge line', () => {
  it('of 5 MB is cut into parts at sentence ends and cleaned in full inside the default budget', async () => {
    const text = proseLine(5_000_000);
    const { result } = await cleanFile('five-mb.txt', text);
    expect(budgetWarnings(result)).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.body.length).toBeGreaterThanOrEqual(text.length / LONG_LINE_CHARS);
    expect(Math.max(...result.body.map((part) => part.length))).toBeLessThanOrEqual(LONG_LINE_CHARS);
    // Every part but the last ends a sentence, and together they are the line.
    expect(result.body.slice(0, -1).every((part) => part.endsWith('.'))).toBe(true);
    expect(result.body.join(' ')).toBe(text);
  }, 60_000);

  it('of 20 MB is cut at --max-bytes with a warning, and the rest is cleaned inside the default budget', async () => {
    const text = proseLine(20_000_000);
    const { input, result } = await cleanFile('twenty-mb.txt', text);
    const limit = defaultOptions.maxBytes;
    expect(result.warnings).toEqual([`${input}: input is longer than --max-bytes ${limit}; cut at ${limit} bytes.`]);
    expect(Math.max(...result.body.map((part) => part.length))).toBeLessThanOrEqual(LONG_LINE_CHARS);
    // The text is ASCII, so the first `limit` bytes are its first `limit` characters.
    expect(result.body.join(' ')).toBe(text.slice(0, limit).trim());
  }, 60_000);

  it('of 5 MB without a space is cut every LONG_LINE_CHARS characters, inside the default budget', async () => {
    const text = 'x'.repeat(5_000_000);
    const { result } = await cleanFile('no-space.txt', text, ['--keep-junk']);
    expect(budgetWarnings(result)).toEqual([]);
    const parts = [...result.body, ...(result.junk ?? []).map((j) => j.text)];
    expect(parts.length).toBe(text.length / LONG_LINE_CHARS);
    expect(parts.every((part) => part.length === LONG_LINE_CHARS)).toBe(true);
  }, 60_000);
});
