import type { Cleaner } from '../cleaner.js';
import type { Doc, Line } from '../doc.js';
import { looksLikeCode } from '../model/shapes.js';
import { isSpaceless, isSpacelessChar, LETTER_OR_DIGIT_RE, LETTER_RE } from '../text-stats.js';

/**
 * Renderers wrap long paragraphs: w3m at the width of a table cell (often ~80 columns), lynx at
 * about 1,000 characters, `fmt`-style dumps at 72. Each wrapped line on its own reads like a
 * fragment (no end punctuation, a dozen words), so the paragraph is joined back before any cleaner
 * looks at it. A line was wrapped when the next line follows it directly and the next line's first
 * word would not have fitted after it (the classic unwrap test), against the width the page wraps at.
 *
 * A run of adjacent lines has the width of its longest line, so in a run of two the first line is
 * always "full": the test needs a width it can trust. Widths are learned from the page: a run of three
 * or more lines, each full but the last, shows a wrap width; a shorter run is unwrapped only at a width
 * the page has shown, or at a line longer than anything but wrapping produces. A run of other lines
 * may hold a wrapped paragraph too (dumps without blank lines are one run): three prose-wide lines in
 * a row, each full but the last, show the width for that run. A headline
 * over a byline, a menu, or a renderer that never wraps (one block per line) passes neither test.
 * Text-wise continuity is required as well: the line does not end a sentence, or the next one starts
 * in lower case.
 */

/** Narrower than this, runs are menus, headlines over bylines and table cells, not wrapped prose. */
const MIN_WRAP_WIDTH = 60;
/** Text this long (indentation aside) stops at a line end only because the renderer wrapped it. */
const LONG_WRAP_TEXT = 500;
/** How far below the width a line may stop and still show it: the longest word that wraps. */
const WORD_SLACK = 20;
/** Lines of a run that show its width on their own. */
const EVIDENT_RUN = 3;
/** A sentence mark of any script, maybe inside closing quotes or brackets (`it,"` ends no sentence). */
const SENTENCE_END = /[.!?:;。！？：；．｡؟۔।]["”’)\]」』）】》]{0,3}$/u;
const LOWER_START = /^\p{Ll}/u;
/** List items start a line of their own even inside a run. */
const ITEM_START = /^(?:[*•·+\-–—]\s|\d{1,3}[.)]\s|#\s)/u;

/**
 * East Asian wide and full-width characters (Han, kana, Hangul, full-width forms) take two columns
 * in lynx and w3m, so a line of Chinese wraps at half as many characters as a line of English.
 */
const WIDE = /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/gu;
/** Below the first wide character (U+1100) every character takes one column and one UTF-16 unit. */
const MAYBE_WIDE = /[\u1100-\uffff]/u;

/** Columns the text takes on the renderer's screen. */
function columns(text: string): number {
  if (!MAYBE_WIDE.test(text)) return text.length;
  return text.length + (text.match(WIDE)?.length ?? 0);
}

function width(line: Line): number {
  return line.indent + columns(line.text);
}

/**
 * Lines of spaceless scripts (Chinese, Japanese, Thai) break between any two characters, with no
 * space. Beside a letter of a spaced script ("東京" + "back."), the break may have been a space: a
 * space keeps both words as they were. Digits and punctuation glue to a spaceless character
 * ("2015" + "年", "。" + "春"), in a line of the spaceless script: a line mostly of a spaced script
 * that ends in a spaceless word or a number ("... 東京" + "データ", "costs $3.2" + "東京") broke at a space.
 */
function spacelessJoin(text: string, next: string): boolean {
  const last = Array.from(text.slice(-2)).at(-1) ?? '';
  const first = String.fromCodePoint(next.codePointAt(0) ?? 0);
  if (spacedLetter(last) || spacedLetter(first)) return false;
  return (isSpacelessChar(last) || isSpacelessChar(first)) && isSpaceless(text);
}

function spacedLetter(ch: string): boolean {
  return LETTER_RE.test(ch) && !isSpacelessChar(ch);
}

/** Columns the next line's first word (one character in a spaceless script) takes, with its space. */
function firstWordColumns(text: string, next: string): number {
  if (spacelessJoin(text, next)) return columns(String.fromCodePoint(next.codePointAt(0) ?? 0));
  const space = next.indexOf(' ');
  return 1 + columns(space < 0 ? next : next.slice(0, space));
}

/** Lines i and i+1 are adjacent input lines with nothing between them. */
function adjacent(lines: Line[], i: number): boolean {
  const next = lines[i + 1];
  return next !== undefined && next.n === lines[i].n + 1 && next.blankBefore === 0;
}

interface Run {
  start: number;
  /** Last line, inclusive. */
  end: number;
  width: number;
}

/** Maximal runs of adjacent lines, each with the width of its longest line. */
function runs(lines: Line[]): Run[] {
  const found: Run[] = [];
  let start = 0;
  let max = 0;
  for (let i = 0; i < lines.length; i++) {
    max = Math.max(max, width(lines[i]));
    if (adjacent(lines, i)) continue;
    found.push({ start, end: i, width: max });
    start = i + 1;
    max = 0;
  }
  return found;
}

/** The next line's first word would not have fitted after line i. */
function full(lines: Line[], i: number, wrapAt: number): boolean {
  return width(lines[i]) + firstWordColumns(lines[i].text, lines[i + 1].text) > wrapAt;
}

/**
 * Line i reads on into line i+1: it ends in a word (not a rule of underscores), no list item
 * starts, and no sentence ends before a capital (in a spaceless script, no sentence ends).
 */
function continues(lines: Line[], i: number): boolean {
  const text = lines[i].text;
  const next = lines[i + 1].text;
  if (ITEM_START.test(next)) return false;
  // Two lines of program text are two statements ("log.info(url);" over "log.debug(time);").
  if (looksLikeCode(text) && looksLikeCode(next)) return false;
  // Spaceless scripts wrap between any two characters, a comma included, and have no lower case.
  if (spacelessJoin(text, next)) return LETTER_OR_DIGIT_RE.test(text.slice(-WORD_SLACK)) && !SENTENCE_END.test(text);
  const lastWord = text.slice(text.lastIndexOf(' ') + 1);
  if (lastWord.length > WORD_SLACK || !LETTER_OR_DIGIT_RE.test(lastWord)) return false;
  return !SENTENCE_END.test(text) || LOWER_START.test(next);
}

function evident(lines: Line[], run: Run): boolean {
  if (run.end - run.start + 1 < EVIDENT_RUN || run.width < MIN_WRAP_WIDTH) return false;
  for (let i = run.start; i < run.end; i++) if (!full(lines, i, run.width)) return false;
  return true;
}

/**
 * EVIDENT_RUN lines of the run in a row read on, each full but the last and each a line of prose
 * width (not an indented menu item): a paragraph wrapped at the run's width inside a run of other
 * lines (a dump without blank lines runs its menu into its text).
 * That shows the width for this run only; the page's widths come from runs that are wholly wrapped.
 */
function wrapsInside(lines: Line[], run: Run): boolean {
  if (run.width < MIN_WRAP_WIDTH) return false;
  let wrapped = 0;
  for (let i = run.start; i < run.end; i++) {
    const prose = columns(lines[i].text) >= MIN_WRAP_WIDTH - WORD_SLACK;
    wrapped = prose && full(lines, i, run.width) && continues(lines, i) ? wrapped + 1 : 0;
    if (wrapped === EVIDENT_RUN - 1) return true;
  }
  return false;
}

export const unwrapLines: Cleaner = {
  id: 'unwrap-lines',
  description: 'Joins the lines of a paragraph that the renderer wrapped at a fixed width back into one line.',
  run(doc: Doc): void {
    const lines = doc.lines;
    const all = runs(lines);
    const shown = new Set(all.filter((run) => evident(lines, run)).map((run) => run.width));
    const kept: Line[] = [];
    for (const run of all) {
      const shownAt = wrapWidth(run.width, shown);
      const shownWidth = shownAt > 0 || wrapsInside(lines, run);
      const at = shownAt || run.width;
      let line = lines[run.start];
      let parts = [line.text];
      for (let i = run.start; i < run.end; i++) {
        const wrapped = shownWidth || lines[i].text.length >= LONG_WRAP_TEXT;
        if (wrapped && full(lines, i, at) && continues(lines, i)) {
          // A word cut at a hyphen joins without a space (`pre-` + `positioned`), and so do spaceless scripts.
          const glued = HYPHEN_END.test(lines[i].text) || spacelessJoin(lines[i].text, lines[i + 1].text);
          parts.push(glued ? '' : ' ', lines[i + 1].text);
          continue;
        }
        line.text = parts.join('');
        kept.push(line);
        line = lines[i + 1];
        parts = [line.text];
      }
      line.text = parts.join('');
      kept.push(line);
    }
    doc.lines = kept;
  },
};

const HYPHEN_END = /\p{L}-$/u;

/**
 * The width a run of this width was wrapped at, when the page has shown one close to it; 0 when
 * not. Runs wrapped at one width end within a word's length of it, so their widths lie that close,
 * and the wrap width is at least the run's own: with only wider widths shown, the narrowest of them
 * (a headline over a date line in a column wrapped at 80 is no wrapped paragraph). A set of the
 * shown widths keeps this a constant number of lookups per run.
 */
function wrapWidth(width: number, shown: Set<number>): number {
  if (width < MIN_WRAP_WIDTH) return 0;
  for (let w = width - WORD_SLACK; w <= width + WORD_SLACK; w++) if (shown.has(w)) return Math.max(w, width);
  return 0;
}
