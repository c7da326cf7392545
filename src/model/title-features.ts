import type { Line } from '../doc.js';
import { isSpaceless, lineWords, tokens } from '../text-stats.js';
import { allCaps, type LineStats, sameTokenCounts } from './features.js';
import { BULLET_RE, endsLikeSentence, navigationLink, NUMBERED_RE } from './shapes.js';

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
  'deck_under_heading',
  'heading_over_deck',
  'caption_hint',
  'covers_line_below',
  'covers_line_above',
  'outdented',
] as const;

/** Headlines run 3 to 25 words in WCXB and L3S-GN1 gold titles (95 % of them). */
const HEADLINE_MIN_WORDS = 3;
const HEADLINE_MAX_WORDS = 25;
const MAX_DISTANCE = 20;
/** Headline candidates: lines this close above the first line of text, short, not known chrome. */
const TITLE_WINDOW = 40;
const TITLE_MAX_WORDS = 30;

const NOT_IN_TEXT = 0;
const IN_TEXT = 1;
const IN_FIRST_TEXT = 2;

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
  // `text.split(' ')` has one part more than the line has spaces: count before splitting.
  const parts = s.counts.spaces + 1;
  if (parts < NAME_MIN_WORDS || parts > NAME_MAX_WORDS) return false;
  return line.text.split(' ').every((w) => NAME_WORD.test(w));
}

/** A deck is a sentence of this many words or more. */
const DECK_MIN_WORDS = 8;

function deckShaped(s: LineStats): boolean {
  return s.terminal && s.words >= DECK_MIN_WORDS;
}

/** Headline-long, not a sentence, not a byline or a date. */
function headingShaped(s: LineStats, meta: number): boolean {
  return !s.terminal && meta === 0 && s.words >= HEADLINE_MIN_WORDS && s.words <= HEADLINE_MAX_WORDS;
}

/**
 * A page's headline and a heading near it often share words: a shorter heading under it ("Top 10
 * Shoe Companies in the World" under "Top 10 Shoe Companies in the World You Should Know About"),
 * or a section's label above it ("Cleaning Industry Trends"). Lines this close are compared.
 */
const ECHO_WINDOW = 12;

/**
 * Per short line, the largest share of the tokens of a short line within ECHO_WINDOW lines below it
 * that it has (`below`: a headline over a shorter heading), and the same for the lines above it
 * (`above`: a headline under its section's label). Lines with the same tokens are left to the
 * `repeated` feature.
 */
function echoes(stats: LineStats[], short: Uint8Array): { below: Float64Array; above: Float64Array } {
  const n = stats.length;
  const below = new Float64Array(n);
  const above = new Float64Array(n);
  const sets: (Set<string> | null)[] = stats.map((s, i) => (short[i] && s.tokens.length > 1 ? new Set(s.tokens) : null));
  for (let i = 0; i < n; i++) {
    const mine = sets[i];
    if (mine === null) continue;
    for (let j = i + 1; j < n && j <= i + ECHO_WINDOW; j++) {
      const theirs = sets[j];
      if (theirs === null) continue;
      let shared = 0;
      for (const t of theirs) if (mine.has(t)) shared++;
      if (shared === mine.size && shared === theirs.size) continue;
      below[i] = Math.max(below[i], shared / theirs.size);
      above[j] = Math.max(above[j], shared / mine.size);
    }
  }
  return { below, above };
}

/** A page's margin is a few columns (lynx's is three); a wider indent is a layout column's (w3m), where a line left of it is a menu's. */
const MAX_MARGIN = 4;

/**
 * The indent most lines of running text have (split cells aside). lynx sets its text in its
 * margin and its headings at the line's start: a line left of the text's margin is a heading there.
 */
function textMargin(lines: Line[], stats: LineStats[]): number {
  const counts = new Map<number, number>();
  lines.forEach((line, i) => {
    if (stats[i].strong && !line.cell) counts.set(line.indent, (counts.get(line.indent) ?? 0) + 1);
  });
  let margin = 0;
  let most = 0;
  for (const [indent, count] of counts) if (count > most || (count === most && indent < margin)) [margin, most] = [indent, count];
  return margin;
}

/** Only lines this short are headline candidates, so only they get headline features. */
function shortEnough(line: Line): boolean {
  return lineWords(line.text, TITLE_MAX_WORDS) <= TITLE_MAX_WORDS;
}

/**
 * shortEnough from the line's stats: `spaces` counts the ' ' that spacedParts splits at, and `words`
 * is the wordCount that lineWords also takes in a spaceless line.
 */
function shortStats(line: Line, s: LineStats): boolean {
  return s.counts.spaces + 1 <= TITLE_MAX_WORDS && (s.words <= TITLE_MAX_WORDS || !isSpaceless(line.text));
}

/**
 * The last parts of the page's breadcrumbs, as token strings (a breadcrumb ends in the page's title),
 * and their lengths, which a line's keyLength must match before its tokens are joined.
 */
function crumbTails(lines: Line[], short: Uint8Array): { tails: Set<string>; lengths: Set<number> } {
  const tails = new Set<string>();
  const lengths = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i].text;
    if (!short[i] || !CRUMB_SEPARATOR.test(text)) continue;
    // "by NAME | DATE | Section" is the article's meta line: its last part is a section, not the title.
    if (hasMetaHint(lines[i])) continue;
    const parts = text.split(CRUMB_SEPARATOR);
    const tail = tokens(parts[parts.length - 1]).join(' ');
    tails.add(tail);
    lengths.add(tail.length);
  }
  return { tails, lengths };
}

/**
 * Per token of a headline candidate (a short line): NOT_IN_TEXT, IN_TEXT when a line of the running
 * text (a strong line) has it, or IN_FIRST_TEXT when the first of them does, so that one lookup per
 * token gives both overlaps. Keyed by the candidates' few tokens, not by every word of the running
 * text (most of the page's words): the text's tokens are only looked up.
 */
function textWordsOf(stats: LineStats[], short: Uint8Array, firstStrong: number): Map<string, number> {
  const words = new Map<string, number>();
  for (let i = 0; i < stats.length; i++) if (short[i]) for (const t of stats[i].tokens) words.set(t, NOT_IN_TEXT);
  for (const s of stats) {
    if (!s.strong) continue;
    for (const t of s.tokens) if (words.get(t) === NOT_IN_TEXT) words.set(t, IN_TEXT);
  }
  if (firstStrong >= 0) for (const t of stats[firstStrong].tokens) if (words.get(t) === IN_TEXT) words.set(t, IN_FIRST_TEXT);
  return words;
}

function hasJunkHint(line: Line): boolean {
  for (const h of line.hints) if (h.kind.startsWith('junk:')) return true;
  return false;
}

function hasMetaHint(line: Line): boolean {
  for (const h of line.hints) if (h.kind === 'byline' || h.kind === 'date') return true;
  return false;
}

/** A photo caption (a credit, a position marker) can sit right above the text, where a headline does. */
function hasCaptionHint(line: Line): boolean {
  return line.hints.some((h) => h.kind === 'caption');
}

/** Rows of the lines that can be headline candidates (short ones); null for the others. */
export function titleRows(lines: Line[], stats: LineStats[]): (Float64Array | null)[] {
  const rows: (Float64Array | null)[] = new Array(lines.length).fill(null);
  eachTitleRow(lines, stats, sameTokenCounts(stats), (row, i) => {
    rows[i] = row.slice();
  });
  return rows;
}

/**
 * The rows of titleRows one by one, in one buffer that the next row overwrites (as eachFeatureRow).
 * `same` is sameTokenCounts(stats), which the body rows need too.
 */
export function eachTitleRow(lines: Line[], stats: LineStats[], same: readonly number[], visit: (row: Float64Array, i: number) => void): void {
  const n = lines.length;
  const nextStrong = new Array<number>(n).fill(MAX_DISTANCE);
  let next = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    nextStrong[i] = Math.min(MAX_DISTANCE, next - i);
    if (stats[i].strong) next = i;
  }
  const firstStrong = stats.findIndex((s) => s.strong);
  const short = new Uint8Array(n);
  for (let i = 0; i < n; i++) short[i] = shortStats(lines[i], stats[i]) ? 1 : 0;
  const textWords = textWordsOf(stats, short, firstStrong);
  // Per line, whether it has a byline or date hint (two zeros past the end for the lines below the last).
  const hasMeta = new Uint8Array(n + 2);
  for (let i = 0; i < n; i++) hasMeta[i] = hasMetaHint(lines[i]) ? 1 : 0;
  const { tails, lengths } = crumbTails(lines, short);
  const echo = echoes(stats, short);
  const margin = textMargin(lines, stats);
  const row = new Float64Array(TITLE_FEATURE_NAMES.length);
  for (let i = 0; i < n; i++) {
    if (!short[i]) continue;
    const s = stats[i];
    const line = lines[i];
    const text = line.text;
    const toks = s.tokens;
    let overlap = 0;
    let overlapFirst = 0;
    for (const t of toks) {
      const where = textWords.get(t);
      if (where === NOT_IN_TEXT) continue;
      overlap++;
      if (where === IN_FIRST_TEXT) overlapFirst++;
    }
    const metaBelow = hasMeta[i + 1] === 1 || hasMeta[i + 2] === 1;
    let f = 0;
    row[f++] = 1;
    row[f++] = Math.log1p(s.words);
    row[f++] = s.words >= HEADLINE_MIN_WORDS && s.words <= HEADLINE_MAX_WORDS ? 1 : 0;
    row[f++] = s.terminal ? 1 : 0;
    row[f++] = text.endsWith(':') ? 1 : 0;
    row[f++] = s.capitalised;
    row[f++] = s.counts.letters > 0 && allCaps(s.counts, text) ? 1 : 0;
    row[f++] = n > 1 ? i / (n - 1) : 0;
    row[f++] = s.date ? 1 : 0;
    row[f++] = s.separators > 0 ? 1 : 0;
    row[f++] = s.url ? 1 : 0;
    row[f++] = BULLET_RE.test(text) || NUMBERED_RE.test(text) ? 1 : 0;
    row[f++] = Math.log1p(nextStrong[i]) / Math.log1p(MAX_DISTANCE);
    row[f++] = firstStrong < 0 || i < firstStrong ? 1 : 0;
    row[f++] = toks.length ? overlap / toks.length : 0;
    row[f++] = same[i] > 1 ? 1 : 0;
    row[f++] = line.blankBefore > 0 ? 1 : 0;
    row[f++] = i === 0 ? 1 : 0;
    row[f++] = s.stopwords;
    row[f++] = text.startsWith('[') && text.endsWith(']') ? 1 : 0;
    row[f++] = hasJunkHint(line) ? 1 : 0;
    row[f++] = hasMeta[i] ? 1 : 0;
    row[f++] = metaBelow ? 1 : 0;
    row[f++] = toks.length ? overlapFirst / toks.length : 0;
    row[f++] = firstStrong < 0 ? 1 : Math.max(-1, Math.min(1, (firstStrong - i) / MAX_DISTANCE));
    row[f++] = metaBelow && nameLike(line, s) ? 1 : 0;
    // The crumb itself ends in its own last part; only another line can be the page's title.
    const crumbTail = toks.length > 0 && lengths.has(s.keyLength) && tails.has(toks.join(' ')) && !CRUMB_SEPARATOR.test(text);
    row[f++] = crumbTail ? 1 : 0;
    // A headline and its deck (a summary sentence under it): the deck reads as text, the headline does not.
    row[f++] = i > 0 && deckShaped(stats[i]) && headingShaped(stats[i - 1], hasMeta[i - 1]) ? 1 : 0;
    row[f++] = i + 1 < n && headingShaped(s, hasMeta[i]) && deckShaped(stats[i + 1]) ? 1 : 0;
    row[f++] = hasCaptionHint(line) ? 1 : 0;
    row[f++] = echo.below[i];
    row[f++] = echo.above[i];
    row[f++] = margin <= MAX_MARGIN && line.indent < margin && !line.cell ? 1 : 0;
    visit(row, i);
  }
}

/**
 * Indexes of the lines that may be the headline of text starting at line `first`. The window counts
 * the dump's lines above the text: split-cells may read a side column's rows after the main column's,
 * and parts of one row are one line.
 */
export function titleCandidates(lines: Line[], first: number): number[] {
  const out: number[] = [];
  if (first >= lines.length) return out;
  const above = new Set<number>();
  for (let i = 0; i < first; i++) if (lines[i].n < lines[first].n) above.add(lines[i].n);
  const lowest = [...above].sort((a, b) => b - a)[TITLE_WINDOW - 1] ?? 0;
  for (let i = 0; i <= first; i++) {
    if (lines[i].n < lowest || lines[i].n > lines[first].n) continue;
    if (!shortEnough(lines[i])) continue;
    // The first line of the text itself is a candidate only if it does not end like a sentence.
    if (i === first && endsLikeSentence(lines[i].text)) continue;
    if (hasJunkHint(lines[i])) continue;
    if (navigationLink(lines[i].text) !== null) continue;
    out.push(i);
  }
  return out;
}

/**
 * What renderers and page software put around a headline and no reader counts as part of it: a
 * list bullet, an image shown as its file name (`[header.png]`, lynx), a documentation generator's
 * permalink sign (`¶`), a forum reply's `Re:` and a drawn rule after it.
 */
// The line is tidied (single spaces, trimmed), so one optional space is enough, and the bracket
// classes exclude `[`: each start position is tried in constant or bounded time (linear).
const TITLE_DECORATION = [
  /^[*•·▪◦‣□☆○■●] /u,
  // An image before the headline, shown as its file name without spaces: lower case, or with a digit,
  // `_` or `-` ("[1pix_spacer]", "[claud]"); a tag in brackets ("[Grammar]") is part of the headline.
  /^\[(?=\p{Ll}|[^[\]\s]{0,60}[\d_-])[^[\]\s]{1,60}\] ?/u,
  // A text field drawn before it.
  /^_+ /u,
  / ?\[[^[\]\s]+\.(?:png|jpe?g|gif|svg|webp|bmp)\]$/iu,
  / ?¶$/u,
  /^re: /iu,
  // A rule drawn after it on its line (box-drawing characters, a cell of the same row).
  / ?(?<![\u2500-\u257f])[\u2500-\u257f]{3,}$/u,
];

/** The headline without its decoration (see TITLE_DECORATION); the line itself when nothing would be left. */
export function tidyTitle(text: string): string {
  let out = text;
  for (let changed = true; changed; ) {
    changed = false;
    for (const decoration of TITLE_DECORATION) {
      const next = out.replace(decoration, '');
      if (next !== out && next !== '') {
        out = next;
        changed = true;
      }
    }
  }
  return out;
}
