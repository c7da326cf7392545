import type { Line } from '../doc.js';
import { spacedParts, stopwordRatio, tokens } from '../text-stats.js';
import { BULLET_RE, EMAIL_RE, HANDLE_RE, hasDate, hasTime, NUMBERED_RE, SEPARATOR_RE, TERMINAL_RE, URL_RE } from './shapes.js';

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
  key: string;
}

// jusText's "good" paragraph: over 200 characters with a stopword density of 0.3 or more
// (jusText core.py, MAX_LINK_DENSITY aside). Measured on our tokens, 15 words ≈ 90–100 characters
// of English; a stopword share of 0.25 keeps lists of noun phrases out.
const STRONG_WORDS = 15;
const STRONG_STOPWORDS = 0.25;
/** Lines farther than this from running text count as far (distance feature saturates). */
const MAX_DISTANCE = 30;

export function lineStats(line: Line, lang: string | null): LineStats {
  const toks = tokens(line.text);
  const stop = stopwordRatio(line.text, lang);
  const spaced = spacedParts(line.text);
  return {
    words: toks.length,
    chars: line.text.length,
    stopwords: stop,
    terminal: TERMINAL_RE.test(line.text),
    capitalised: (line.text.match(CAPITALISED_RE)?.length ?? 0) / spaced,
    strong: toks.length >= STRONG_WORDS && stop >= STRONG_STOPWORDS,
    date: hasDate(line.text),
    key: toks.join(' '),
  };
}

const CAPITALISED_RE = /(?:^|\s)\p{Lu}/gu;

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
  'bracketed',
  'copyright',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

const LOWER_RE = /\p{Ll}/u;
const PUNCT_ONE = /[\p{P}\p{S}]/u;
const DIGIT_ONE = /\p{N}/u;
const LETTER_ONE = /\p{L}/u;

interface CharCounts {
  letters: number;
  digits: number;
  punctuation: number;
}

/** Letters, digits and punctuation or symbols of a line, in one pass (ASCII without regexes). */
function charCounts(text: string): CharCounts {
  const counts = { letters: 0, digits: 0, punctuation: 0 };
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code < 128) {
      if ((code >= 65 && code <= 90) || (code >= 97 && code <= 122)) counts.letters++;
      else if (code >= 48 && code <= 57) counts.digits++;
      else if (code > 32 && code < 127) counts.punctuation++;
    } else if (LETTER_ONE.test(ch)) counts.letters++;
    else if (DIGIT_ONE.test(ch)) counts.digits++;
    else if (PUNCT_ONE.test(ch)) counts.punctuation++;
  }
  return counts;
}

/** What every URL_RE match contains: a scheme, `www.` or one of its top-level domains. */
const URL_CUE = /https?:\/\/|www\.|\.(?:com|org|net|edu|gov|io|co|uk|de|fr)\b/iu;
const COPYRIGHT_RE = /©|\(c\)\s?\d{4}|\ball rights reserved\b/iu;

/** URL, e-mail or handle; each regex runs only where its cue is in the line. */
function hasLinkShape(text: string): boolean {
  if (URL_CUE.test(text) && URL_RE.test(text)) return true;
  if (text.includes('@') && EMAIL_RE.test(text)) return true;
  return (text.includes('@') || text.includes('#')) && HANDLE_RE.test(text);
}

function hasCopyright(text: string): boolean {
  return (text.includes('©') || text.includes('(') || /ights/iu.test(text)) && COPYRIGHT_RE.test(text);
}

function count(text: string, re: RegExp): number {
  return text.match(re)?.length ?? 0;
}

/** Features of every line, own and from its neighbourhood, as rows in FEATURE_NAMES order. */
export function featureRows(lines: Line[], stats: LineStats[]): Float64Array[] {
  const n = lines.length;
  const logWords = stats.map((s) => Math.log1p(s.words));
  const terminal = stats.map((s) => (s.terminal ? 1 : 0));
  const repeats = new Map<string, number>();
  for (const s of stats) if (s.key) repeats.set(s.key, (repeats.get(s.key) ?? 0) + 1);

  const distance = distanceToStrong(stats);
  const strongPrefix: number[] = [];
  let seen = 0;
  for (const s of stats) {
    strongPrefix.push(seen);
    if (s.strong) seen++;
  }
  const densest = densestBlock(stats);

  const rows: Float64Array[] = [];
  for (let i = 0; i < n; i++) {
    const text = lines[i].text;
    const s = stats[i];
    const row = new Float64Array(FEATURE_NAMES.length);
    const chars = charCounts(text);
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
    row[f++] = letters >= 4 && !LOWER_RE.test(text) ? 1 : 0;
    row[f++] = chars.digits / Math.max(1, s.chars);
    row[f++] = s.date ? 1 : 0;
    row[f++] = hasTime(text) ? 1 : 0;
    row[f++] = hasLinkShape(text) ? 1 : 0;
    row[f++] = Math.min(5, count(text, SEPARATOR_RE)) / 5;
    row[f++] = chars.punctuation / Math.max(1, s.chars);
    row[f++] = n > 1 ? i / (n - 1) : 0;
    row[f++] = (repeats.get(s.key) ?? 0) > 1 ? 1 : 0;
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
    row[f++] = /^\[[^\]]{0,200}\]$/u.test(text) ? 1 : 0;
    row[f++] = hasCopyright(text) ? 1 : 0;
    rows.push(row);
  }
  return rows;
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

/**
 * The run of lines holding the most running text, where short lines between strong
 * lines do not break the run unless a long stretch of short lines does (boilerpipe's
 * "largest block" idea, on text density instead of the DOM).
 */
function densestBlock(stats: LineStats[]): { start: number; end: number } {
  // Score each line by words (strong lines) minus a small cost for short lines; best subarray.
  let best = { start: 0, end: -1, score: 0 };
  let start = 0;
  let score = 0;
  for (let i = 0; i < stats.length; i++) {
    const s = stats[i];
    const gain = s.strong ? s.words : s.words >= 8 && s.terminal ? s.words / 2 : -3;
    if (score + gain <= 0) {
      score = 0;
      start = i + 1;
      continue;
    }
    score += gain;
    if (score > best.score) best = { start, end: i, score };
  }
  return { start: best.start, end: best.end };
}
