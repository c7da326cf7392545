import type { Line } from '../doc.js';
import { lineWords, tokens } from '../text-stats.js';
import { type LineStats, sameTokenCounts } from './features.js';
import { BULLET_RE, endsLikeSentence, NUMBERED_RE } from './shapes.js';

/** Features of a line as a headline candidate: its shape, and where it sits relative to the running text. */
export const TITLE_FEATURE_NAMES = [
  'bias',
  'log_words',
  'headline_length',
  'terminal_punct',
  'ends_colon',
  'capitalised',
  'all_caps',
  'position',
  'date',
  'separators',
  'url',
  'bullet_or_number',
  'dist_next_strong',
  'before_first_strong',
  'overlap_with_text',
  'repeated',
  'blank_before',
  'first_line',
  'stopword_ratio',
  'bracketed',
  'junk_hint',
  'meta_hint',
  'meta_below',
  'overlap_with_first_text',
  'lines_to_first_strong',
  'name_over_meta',
  'crumb_tail',
] as const;

/** Headlines run 3 to 25 words in WCXB and L3S-GN1 gold titles (95 % of them). */
// Caseless scripts (Han, Arabic, Thai...) have no lower case and no capitals either: no all-caps line.
const UPPER = /\p{Lu}/u;
const HEADLINE_MIN_WORDS = 3;
const HEADLINE_MAX_WORDS = 25;
const MAX_DISTANCE = 20;
/** Headline candidates: lines this close above the first line of text, short, not known chrome. */
const TITLE_WINDOW = 40;
const TITLE_MAX_WORDS = 30;

/** A word of a person's name: capitalised, or an initial ("J."), with an apostrophe or hyphen inside. */
const NAME_WORD = /^\p{Lu}[\p{L}'’-]*\.?$/u;
const NAME_MIN_WORDS = 2;
const NAME_MAX_WORDS = 4;
/** Breadcrumb and title-bar separators ("Home > Blog > Headline", "Home - Blog - Headline"). */
const CRUMB_SEPARATOR = /\s[|»›>/]\s|\s[-–—]\s/u;

/**
 * A name as author boxes print it, between the headline and the text: two to four capitalised words,
 * with no function word and no digit.
 */
function nameLike(line: Line, s: LineStats): boolean {
  if (s.stopwords > 0 || s.counts.digits > 0) return false;
  const words = line.text.split(' ');
  return words.length >= NAME_MIN_WORDS && words.length <= NAME_MAX_WORDS && words.every((w) => NAME_WORD.test(w));
}

/** The last parts of the page's breadcrumbs, as token strings: a breadcrumb ends in the page's title. */
function crumbTails(lines: Line[]): Set<string> {
  const tails = new Set<string>();
  for (const line of lines) {
    if (!shortEnough(line) || !CRUMB_SEPARATOR.test(line.text)) continue;
    const parts = line.text.split(CRUMB_SEPARATOR);
    tails.add(tokens(parts[parts.length - 1]).join(' '));
  }
  return tails;
}

/** Only lines this short are headline candidates, so only they get headline features. */
function shortEnough(line: Line): boolean {
  return lineWords(line.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS;
}

/** Rows of the lines that can be headline candidates (short ones); null for the others. */
export function titleRows(lines: Line[], stats: LineStats[]): (Float64Array | null)[] {
  const rows: (Float64Array | null)[] = new Array(lines.length).fill(null);
  eachTitleRow(lines, stats, (row, i) => {
    rows[i] = row.slice();
  });
  return rows;
}

/** The rows of titleRows one by one, in one buffer that the next row overwrites (as eachFeatureRow). */
export function eachTitleRow(lines: Line[], stats: LineStats[], visit: (row: Float64Array, i: number) => void): void {
  const n = lines.length;
  const nextStrong = new Array<number>(n).fill(MAX_DISTANCE);
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    nextStrong[i] = Math.min(MAX_DISTANCE, next - i);
    if (stats[i].strong) next = i;
  }
  const firstStrong = stats.findIndex((s) => s.strong);
  const textWords = new Set<string>();
  for (const s of stats) if (s.strong) for (const t of s.tokens) textWords.add(t);
  const firstText = new Set(firstStrong >= 0 ? stats[firstStrong].tokens : []);
  const hasMeta = lines.map((l) => l.hints.some((h) => h.kind === 'byline' || h.kind === 'date'));
  const same = sameTokenCounts(stats);
  const tails = crumbTails(lines);
  const row = new Float64Array(TITLE_FEATURE_NAMES.length);
  lines.forEach((line, i) => {
    if (!shortEnough(line)) return;
    const s = stats[i];
    const toks = s.tokens;
    let overlap = 0;
    let overlapFirst = 0;
    for (const t of toks) {
      if (textWords.has(t)) overlap++;
      if (firstText.has(t)) overlapFirst++;
    }
    let f = 0;
    row[f++] = 1;
    row[f++] = Math.log1p(s.words);
    row[f++] = s.words >= HEADLINE_MIN_WORDS && s.words <= HEADLINE_MAX_WORDS ? 1 : 0;
    row[f++] = s.terminal ? 1 : 0;
    row[f++] = line.text.endsWith(':') ? 1 : 0;
    row[f++] = s.capitalised;
    row[f++] = s.counts.letters > 0 && !s.counts.lower && UPPER.test(lines[i].text) ? 1 : 0;
    row[f++] = n > 1 ? i / (n - 1) : 0;
    row[f++] = s.date ? 1 : 0;
    row[f++] = s.separators > 0 ? 1 : 0;
    row[f++] = s.url ? 1 : 0;
    row[f++] = BULLET_RE.test(line.text) || NUMBERED_RE.test(line.text) ? 1 : 0;
    row[f++] = Math.log1p(nextStrong[i]) / Math.log1p(MAX_DISTANCE);
    row[f++] = firstStrong < 0 || i < firstStrong ? 1 : 0;
    row[f++] = toks.length ? overlap / toks.length : 0;
    row[f++] = same[i] > 1 ? 1 : 0;
    row[f++] = line.blankBefore > 0 ? 1 : 0;
    row[f++] = i === 0 ? 1 : 0;
    row[f++] = s.stopwords;
    row[f++] = line.text.startsWith('[') && line.text.endsWith(']') ? 1 : 0;
    row[f++] = line.hints.some((h) => h.kind.startsWith('junk:')) ? 1 : 0;
    row[f++] = hasMeta[i] ? 1 : 0;
    row[f++] = hasMeta[i + 1] || hasMeta[i + 2] ? 1 : 0;
    row[f++] = toks.length ? overlapFirst / toks.length : 0;
    row[f++] = firstStrong < 0 ? 1 : Math.max(-1, Math.min(1, (firstStrong - i) / MAX_DISTANCE));
    row[f++] = nameLike(line, s) && (hasMeta[i + 1] || hasMeta[i + 2]) ? 1 : 0;
    // The crumb itself ends in its own last part; only another line can be the page's title.
    row[f++] = toks.length > 0 && tails.has(toks.join(' ')) && !CRUMB_SEPARATOR.test(line.text) ? 1 : 0;
    visit(row, i);
  });
}

/** Indexes of the lines that may be the headline of text starting at line `first`. */
export function titleCandidates(lines: Line[], first: number): number[] {
  const out: number[] = [];
  for (let i = Math.max(0, first - TITLE_WINDOW); i <= first && i < lines.length; i++) {
    if (!shortEnough(lines[i])) continue;
    // The first line of the text itself is a candidate only if it does not end like a sentence.
    if (i === first && endsLikeSentence(lines[i].text)) continue;
    if (lines[i].hints.some((h) => h.kind.startsWith('junk:'))) continue;
    out.push(i);
  }
  return out;
}
