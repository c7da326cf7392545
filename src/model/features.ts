import type { Line } from '../doc.js';
import { memoByTextIn } from '../line-memo.js';
import { LETTER_RE, stopwordShare, tokens, wordCount } from '../text-stats.js';
import { BULLET_RE, EMAIL_RE, endsLikeSentence, HANDLE_RE, hasDate, hasUrl, NUMBERED_RE, SEPARATOR_RE, TIME_RE } from './shapes.js';

/** What a reader sees in one line on its own. */
export interface LineStats {
  words: number;
  chars: number;
  stopwords: number;
  terminal: boolean;
  capitalised: number;
  /** A line that is clearly running text: long, with function words. */
  strong: boolean;
  /** The line holds a calendar date. */
  date: boolean;
  /** Lower-cased word tokens (see text-stats `tokens`). */
  tokens: readonly string[];
  /** Length of the tokens joined by spaces: lines with different lengths cannot repeat each other. */
  keyLength: number;
  counts: CharCounts;
  /** Menu and table separators, counted up to MAX_SEPARATORS. */
  separators: number;
  url: boolean;
}

// jusText's "good" paragraph: over 200 characters with a stopword density of 0.3 or more
// (jusText core.py, MAX_LINK_DENSITY aside). Measured on our tokens, 15 words ≈ 90–100 characters
// of English; a stopword share of 0.25 keeps lists of noun phrases out.
const STRONG_WORDS = 15;
const STRONG_STOPWORDS = 0.25;
/** Lines farther than this from running text count as far (distance feature saturates). */
const MAX_DISTANCE = 30;
/** The separators feature saturates at five (a menu is a menu). */
const MAX_SEPARATORS = 5;

/**
 * What a reader sees in the line on its own, in the page's language. Shared between lines of the
 * same text (see line-memo.ts): callers must not change it. Of the benchmark's lines, three in four
 * are short lines seen before (menus, share bars, dates), a third of this function's time.
 */
export function lineStats(line: Line, lang: string | null): LineStats {
  return statsOf(line.text, lang);
}

const statsOf = memoByTextIn(textStats);

function textStats(text: string, lang: string | null): LineStats {
  const toks = tokens(text);
  const stop = stopwordShare(toks, lang);
  const chars = charCounts(text);
  // Words, not tokens: in spaceless scripts a token is one character (text-stats wordCount).
  const words = wordCount(toks);
  let keyLength = toks.length - 1;
  for (const t of toks) keyLength += t.length;
  return {
    words,
    chars: text.length,
    stopwords: stop,
    terminal: endsLikeSentence(text),
    capitalised: chars.capitalised / (chars.spaces + 1),
    strong: words >= STRONG_WORDS && stop >= STRONG_STOPWORDS,
    date: chars.digitPair && hasDate(text),
    tokens: toks,
    keyLength: Math.max(0, keyLength),
    counts: chars,
    separators: countSeparators(text),
    url: hasUrl(text),
  };
}

const SEPARATORS = new RegExp(SEPARATOR_RE);

function countSeparators(text: string): number {
  SEPARATORS.lastIndex = 0;
  let found = 0;
  while (found < MAX_SEPARATORS && SEPARATORS.exec(text)) found++;
  return found;
}

/**
 * Per line, how many lines of the page have the same tokens, itself included (lines without
 * tokens count as one group). Only lines whose tokens join to the same length can be equal, so
 * only those are joined and compared.
 */
export function sameTokenCounts(stats: LineStats[]): number[] {
  const lengths = new Map<number, number>();
  for (const s of stats) lengths.set(s.keyLength, (lengths.get(s.keyLength) ?? 0) + 1);
  const keys = stats.map((s) => ((lengths.get(s.keyLength) as number) > 1 ? s.tokens.join(' ') : null));
  const counts = new Map<string, number>();
  for (const key of keys) if (key !== null) counts.set(key, (counts.get(key) ?? 0) + 1);
  return keys.map((key) => (key === null ? 1 : (counts.get(key) as number)));
}

export const FEATURE_NAMES = [
  'bias',
  'log_words',
  'log_chars',
  'words_1',
  'words_2_3',
  'words_4_7',
  'words_8_15',
  'words_16_plus',
  'stopword_ratio',
  'terminal_punct',
  'ends_colon',
  'bullet',
  'numbered',
  'capitalised',
  'all_caps',
  'digit_ratio',
  'date',
  'time',
  'url_email_handle',
  'separators',
  'punct_ratio',
  'position',
  'repeated',
  'indented',
  'blank_before',
  'prev_log_words',
  'prev_stopwords',
  'next_log_words',
  'next_stopwords',
  'window_log_words',
  'window_terminal',
  'dist_strong',
  'strong_before',
  'strong_after',
  'in_densest_block',
  'block_share',
  'bracketed',
  'copyright',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const LOWER_ONE = /\p{Ll}/u;
const UPPER_ONE = /\p{Lu}/u;
const PUNCT_ONE = /[\p{P}\p{S}]/u;
const DIGIT_ONE = /\p{N}/u;
const SPACE_ONE = /\s/u;

/** What one pass over a line's characters finds. */
export interface CharCounts {
  letters: number;
  digits: number;
  punctuation: number;
  /** Plain spaces. */
  spaces: number;
  /** Capital letters that start the line or follow whitespace (`(?:^|\s)\p{Lu}`). */
  capitalised: number;
  /** A lower-case letter (`\p{Ll}`). */
  lower: boolean;
  /** Two ASCII digits in a row (`\d\d`), which every date, match of TIME_RE and copyright year holds. */
  digitPair: boolean;
}

// Classes of ASCII characters, looked up in a table: one load instead of a chain of range tests.
const OTHER = 0;
const LOWER = 1;
const UPPER = 2;
const DIGIT = 3;
const PUNCT = 4;
const SPACE = 5;
/** Whitespace other than the plain space (tab, line feed...). From SPACE on, a class counts as whitespace. */
const BLANK = 6;
const ASCII_CLASS = new Uint8Array(128);
for (let code = 0; code < 128; code++) {
  if (code >= 97 && code <= 122) ASCII_CLASS[code] = LOWER;
  else if (code >= 65 && code <= 90) ASCII_CLASS[code] = UPPER;
  else if (code >= 48 && code <= 57) ASCII_CLASS[code] = DIGIT;
  else if (code > 32 && code < 127) ASCII_CLASS[code] = PUNCT;
  else if (code === 32) ASCII_CLASS[code] = SPACE;
  else if (code >= 9 && code <= 13) ASCII_CLASS[code] = BLANK;
}

/**
 * Letters, digits, punctuation or symbols, spaces and capitals of a line in one pass over its code
 * points: ASCII by a table, other characters by their Unicode property.
 */
function charCounts(text: string): CharCounts {
  // Locals, not fields of the result: this loop runs over every character of every line.
  let letters = 0;
  let digits = 0;
  let punctuation = 0;
  let spaces = 0;
  let capitalised = 0;
  let lower = false;
  let digitPair = false;
  // The class of the previous character; the line starts as if after a space.
  let prev = SPACE;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 128) {
      const cls = ASCII_CLASS[code];
      if (cls === LOWER) {
        letters++;
        lower = true;
      } else if (cls === UPPER) {
        letters++;
        if (prev >= SPACE) capitalised++;
      } else if (cls === DIGIT) {
        digits++;
        if (prev === DIGIT) digitPair = true;
      } else if (cls === PUNCT) punctuation++;
      else if (cls === SPACE) spaces++;
      prev = cls;
      continue;
    }
    // A surrogate pair is one code point; a lone surrogate is a character of its own, as in `for…of`.
    const pair = code >= 0xd800 && code <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    const ch = pair ? text.slice(i, i + 2) : text[i];
    if (pair) i++;
    if (LETTER_RE.test(ch)) {
      letters++;
      if (!lower && LOWER_ONE.test(ch)) lower = true;
      if (prev >= SPACE && UPPER_ONE.test(ch)) capitalised++;
    } else if (DIGIT_ONE.test(ch)) digits++;
    else if (PUNCT_ONE.test(ch)) punctuation++;
    prev = SPACE_ONE.test(ch) ? BLANK : OTHER;
  }
  return { letters, digits, punctuation, spaces, capitalised, lower, digitPair };
}

/**
 * Capitals and no lower case. Caseless scripts (Han, Arabic, Thai...) have neither: no shouting.
 * The regex runs only on the few lines without a lower-case letter.
 */
export function allCaps(chars: CharCounts, text: string): boolean {
  return !chars.lower && UPPER_ONE.test(text);
}

const COPYRIGHT_RE = /©|\(c\)\s?\d{4}|\ball rights reserved\b/iu;
const RIGHTS_CUE = /ights/iu;
const BRACKETED_RE = /^\[[^\]]{0,200}\]$/u;

/** URL, e-mail or handle; each regex runs only where its cue is in the line. */
function hasLinkShape(text: string, url: boolean): boolean {
  if (url) return true;
  if (text.includes('@') && EMAIL_RE.test(text)) return true;
  return (text.includes('@') || text.includes('#')) && HANDLE_RE.test(text);
}

/** Each alternative of COPYRIGHT_RE only where its cue is in the line: ©, a year after "(", "ights". */
function hasCopyright(text: string, digitPair: boolean): boolean {
  return (text.includes('©') || (digitPair && text.includes('(')) || RIGHTS_CUE.test(text)) && COPYRIGHT_RE.test(text);
}

/** Features of every line, own and from its neighbourhood, as rows in FEATURE_NAMES order. */
export function featureRows(lines: Line[], stats: LineStats[]): Float64Array[] {
  const rows: Float64Array[] = [];
  eachFeatureRow(lines, stats, sameTokenCounts(stats), (row) => rows.push(row.slice()));
  return rows;
}

/**
 * The rows of featureRows one by one, in a single buffer that the next row overwrites: scoring
 * needs no matrix, and a page of a million lines would need hundreds of MB for one. `same` is
 * sameTokenCounts(stats), which the headline rows need too.
 */
export function eachFeatureRow(lines: Line[], stats: LineStats[], same: readonly number[], visit: (row: Float64Array, i: number) => void): void {
  const n = lines.length;
  const logWords = stats.map((s) => Math.log1p(s.words));
  const terminal = stats.map((s) => (s.terminal ? 1 : 0));

  const distance = distanceToStrong(stats);
  const strongPrefix: number[] = [];
  let seen = 0;
  for (const s of stats) {
    strongPrefix.push(seen);
    if (s.strong) seen++;
  }
  const blocks = textBlocks(stats);
  const densest = densestBlock(blocks);
  const shares = blockShares(blocks, n);

  const row = new Float64Array(FEATURE_NAMES.length);
  for (let i = 0; i < n; i++) {
    const text = lines[i].text;
    const s = stats[i];
    const chars = s.counts;
    const letters = chars.letters;
    const w = s.words;
    let f = 0;
    row[f++] = 1;
    row[f++] = logWords[i];
    row[f++] = Math.log1p(s.chars);
    row[f++] = w <= 1 ? 1 : 0;
    row[f++] = w >= 2 && w <= 3 ? 1 : 0;
    row[f++] = w >= 4 && w <= 7 ? 1 : 0;
    row[f++] = w >= 8 && w <= 15 ? 1 : 0;
    row[f++] = w >= 16 ? 1 : 0;
    row[f++] = s.stopwords;
    row[f++] = s.terminal ? 1 : 0;
    row[f++] = text.endsWith(':') ? 1 : 0;
    row[f++] = BULLET_RE.test(text) ? 1 : 0;
    row[f++] = NUMBERED_RE.test(text) ? 1 : 0;
    row[f++] = s.capitalised;
    row[f++] = letters >= 4 && allCaps(chars, text) ? 1 : 0;
    row[f++] = chars.digits / Math.max(1, s.chars);
    row[f++] = s.date ? 1 : 0;
    row[f++] = chars.digitPair && TIME_RE.test(text) ? 1 : 0;
    row[f++] = hasLinkShape(text, s.url) ? 1 : 0;
    row[f++] = s.separators / MAX_SEPARATORS;
    row[f++] = chars.punctuation / Math.max(1, s.chars);
    row[f++] = n > 1 ? i / (n - 1) : 0;
    row[f++] = s.words > 0 && same[i] > 1 ? 1 : 0;
    row[f++] = lines[i].indent > 0 ? 1 : 0;
    row[f++] = lines[i].blankBefore > 0 ? 1 : 0;
    row[f++] = i > 0 ? logWords[i - 1] : 0;
    row[f++] = i > 0 ? stats[i - 1].stopwords : 0;
    row[f++] = i + 1 < n ? logWords[i + 1] : 0;
    row[f++] = i + 1 < n ? stats[i + 1].stopwords : 0;
    row[f++] = windowMean(logWords, i, 3);
    row[f++] = windowMean(terminal, i, 3);
    row[f++] = Math.log1p(distance[i]) / Math.log1p(MAX_DISTANCE);
    row[f++] = strongPrefix[i] > 0 ? 1 : 0;
    row[f++] = seen - strongPrefix[i] - (s.strong ? 1 : 0) > 0 ? 1 : 0;
    row[f++] = i >= densest.start && i <= densest.end ? 1 : 0;
    row[f++] = shares[i];
    row[f++] = text.startsWith('[') && BRACKETED_RE.test(text) ? 1 : 0;
    row[f++] = hasCopyright(text, chars.digitPair) ? 1 : 0;
    visit(row, i);
  }
}

function windowMean(values: number[], i: number, radius: number): number {
  let sum = 0;
  let k = 0;
  for (let j = Math.max(0, i - radius); j <= Math.min(values.length - 1, i + radius); j++) {
    if (j === i) continue;
    sum += values[j];
    k++;
  }
  return k ? sum / k : 0;
}

/** Lines from each line to the nearest strong line, capped at MAX_DISTANCE. */
function distanceToStrong(stats: LineStats[]): number[] {
  const n = stats.length;
  const d = new Array<number>(n).fill(MAX_DISTANCE);
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (stats[i].strong) last = i;
    d[i] = Math.min(d[i], i - last);
  }
  last = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (stats[i].strong) last = i;
    d[i] = Math.min(d[i], last - i, MAX_DISTANCE);
  }
  return d;
}

/** A line's gain in a block of running text: its words for a strong line, half for a long sentence, else a cost. */
function blockGain(s: LineStats): number {
  return s.strong ? s.words : s.words >= 8 && s.terminal ? s.words / 2 : -3;
}

interface Block {
  start: number;
  /** Last line, inclusive. */
  end: number;
  score: number;
}

/**
 * The blocks of running text, where short lines between strong lines do not break a block unless
 * a long stretch of short lines does (boilerpipe's "largest block" idea, on text density instead
 * of the DOM): each stretch between the points where the summed blockGain falls to zero, as its
 * best-scoring run of lines.
 */
function textBlocks(stats: LineStats[]): Block[] {
  const blocks: Block[] = [];
  let block: Block = { start: 0, end: -1, score: 0 };
  let start = 0;
  let score = 0;
  for (let i = 0; i <= stats.length; i++) {
    const gain = i < stats.length ? blockGain(stats[i]) : -Infinity;
    if (score + gain <= 0) {
      if (block.end >= block.start) blocks.push(block);
      block = { start: i + 1, end: -1, score: 0 };
      score = 0;
      start = i + 1;
      continue;
    }
    score += gain;
    if (score > block.score) block = { start, end: i, score };
  }
  return blocks;
}

/** The block holding the most running text (the first of equals); none on a page without text. */
function densestBlock(blocks: Block[]): { start: number; end: number } {
  let best: Block = { start: 0, end: -1, score: 0 };
  for (const block of blocks) if (block.score > best.score) best = block;
  return { start: best.start, end: best.end };
}

/**
 * Per line, the score of the block it is in as a share of the densest block's: an article whose
 * sections are parted by long lists has several blocks, the later ones as much text as the first.
 * 0 outside every block.
 */
function blockShares(blocks: Block[], lines: number): Float64Array {
  const shares = new Float64Array(lines);
  let best = 0;
  for (const block of blocks) best = Math.max(best, block.score);
  for (const block of blocks) for (let i = block.start; i <= block.end; i++) shares[i] = block.score / best;
  return shares;
}
