/**
 * Junk phrases as data: the strings a visitor sees on a page, taken from the software's own
 * translations (see scripts/gen-patterns.ts) plus hand-written English sets, and a linear-time matcher.
 */
import { hasDate, hasTime } from '../model/shapes.js';
import { isSpacelessChar, lineWords, NON_ASCII, SPACELESS_CLASS } from '../text-stats.js';
import handWritten from './handwritten.json' with { type: 'json' };
import wordpress from './wordpress.json' with { type: 'json' };

export type PhraseKind =
  | 'comment-form'
  | 'comment-meta'
  | 'comments-start'
  | 'comments-closed'
  | 'article-end'
  | 'nav'
  | 'share'
  | 'subscribe'
  | 'related'
  | 'footer'
  | 'cookie'
  | 'meta';

/** Data kinds: a junk phrase, or a comment-header template whose placeholder is the author or whose whole line is the date. */
export type EntryKind = PhraseKind | 'header-author' | 'header-date';

/** One phrase as shown on the page; `%s` is any short text, `%d` a number. */
export interface PhraseEntry {
  kind: EntryKind;
  /** English source string (the msgid for generated sets). */
  msgid: string;
  text: string;
}

export interface PhraseSet {
  origin: string;
  locale: string;
  phrases: PhraseEntry[];
}

/** Shape of every committed data file under src/patterns/. */
export interface PatternFile {
  source: string;
  handWritten: boolean;
  sets: PhraseSet[];
}

export interface PhraseMatch {
  kind: PhraseKind;
  origin: string;
  locale: string;
  phrase: string;
  /**
   * The line is the phrase, is made of phrases only ("one comment – permalink"), or is a section
   * starter with a theme's few words after it ("One Comment leave one →"): as sure as the phrase
   * alone. Else the line starts with it.
   */
  whole: boolean;
  /** A section starter that announces one comment ("1 Comment", "Un commentaire", "One Response to %s"). */
  single: boolean;
}

export const patternFiles: PatternFile[] = [wordpress as PatternFile, handWritten as PatternFile];

// A junk phrase is a short UI string; the longest translated one we ship is about 150 characters.
const MAX_LINE_CHARS = 200;
// A wildcard stands for a name, a post title or a date: bounded so that matching stays linear and
// a long body sentence is never taken for "%s says:".
const MAX_WILDCARD_CHARS = 60;
// Templates with less literal text than this (e.g. "%1$s on %2$s") would match ordinary sentences.
const MIN_TEMPLATE_LITERAL_CHARS = 5;
// A spaceless-script phrase of this many characters is as specific as a two-word phrase.
const MIN_SPACELESS_LEAD_CHARS = 4;

const WILD = '\uE000';
const WILD_DIGITS = '%d';
const LINE_NON_WORD = /[^\p{L}\p{N}\p{M}]+/gu;
const PHRASE_NON_WORD = /[^\p{L}\p{N}\p{M}\uE000]+/gu;
const PLACEHOLDER = /%[sd]/g;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

// Lower-cased ASCII (most lines): the word characters are [a-z0-9], there is no sigma, and a
// non-Unicode class is cheaper than the property escapes.
const ASCII_NON_WORD = /[^a-z0-9]+/g;

/** Lower case, every run of non-letters one space; final sigma folded so per-character mapping agrees. */
export function normalizeLine(text: string): string {
  return normalized(text).norm;
}

/** The normalised line, and whether the line is ASCII (then so is its normal form, with no spaceless script). */
function normalized(text: string): { norm: string; ascii: boolean } {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return { norm: lower.replace(ASCII_NON_WORD, ' ').trim(), ascii: true };
  return { norm: lower.replace(LINE_NON_WORD, ' ').trim().replaceAll('ς', 'σ'), ascii: false };
}

export interface Compiled {
  entry: PhraseEntry;
  origin: string;
  locale: string;
  key: string;
  /** Template parts around the wildcards; a plain phrase has one part. */
  parts: string[];
  /** Per wildcard: digits only. */
  digits: boolean[];
  multiToken: boolean;
  /** Index key: a whole token or a spaceless character of the literal text that any matching line contains. */
  anchor: string;
}

/** Compile one phrase, or null when it is too vague to match safely (only placeholders, or a template with under 5 letters of text). */
export function compile(entry: PhraseEntry, origin: string, locale: string): Compiled | null {
  const digits: boolean[] = [];
  const marked = entry.text.replace(PLACEHOLDER, (p) => {
    digits.push(p === WILD_DIGITS);
    return WILD;
  });
  const key = marked.toLowerCase().replace(PHRASE_NON_WORD, ' ').trim().replaceAll('ς', 'σ');
  const literal = key.replaceAll(WILD, '').replaceAll(' ', '');
  if (literal === '') return null;
  // Templates are matched on the line padded with one space on each side, so that a placeholder
  // at either end may also be empty ("Required fields are marked *" loses its "*" to normalisation).
  const parts = digits.length > 0 ? ` ${key} `.split(WILD) : [key];
  const isHeader = entry.kind === 'header-author' || entry.kind === 'header-date';
  // Header templates are short ("%s says:") but only tried as whole short lines, dates only with a digit.
  if (parts.length > 1 && !isHeader && !isSpacelessChar(literal) && literal.length < MIN_TEMPLATE_LITERAL_CHARS) {
    return null;
  }
  const multiToken = key.includes(' ') || (isSpacelessChar(key) && [...key].length >= MIN_SPACELESS_LEAD_CHARS);
  const anchor = parts.length > 1 ? anchorOf(parts) : keyAt(key, 0);
  if (anchor === null) return null;
  return { entry, origin, locale, key, parts, digits, multiToken, anchor };
}

/**
 * The longest token of a template's literal parts that a matching line must contain as a token of
 * its own: a token glued to a placeholder ("%s님으로") is not one, a spaceless character always is.
 */
function anchorOf(parts: string[]): string | null {
  let best: string | null = null;
  for (const part of parts) {
    const words = part.split(' ');
    words.forEach((word, i) => {
      const spaceless = [...word].find(isSpacelessChar);
      const glued = (i === 0 && word !== '') || (i === words.length - 1 && word !== '');
      const key = spaceless ?? (glued ? null : word);
      if (key && (best === null || key.length > best.length)) best = key;
    });
  }
  return best;
}

const LATIN_RUN = new RegExp(`[^ ${SPACELESS_CLASS}]+`, 'uy');

/** Token key of a position: the character itself in a spaceless script, else the word up to the next space or spaceless character. */
function keyAt(text: string, pos: number): string {
  const ch = String.fromCodePoint(text.codePointAt(pos) ?? 0);
  if (isSpacelessChar(ch)) return ch;
  LATIN_RUN.lastIndex = pos;
  return LATIN_RUN.exec(text)?.[0] ?? ch;
}

interface Index {
  exact: Filtered<Compiled>;
  /** Plain phrases by the key of their first token, longest first. */
  starts: Filtered<Compiled[]>;
  /** Phrase templates by the first token key of their longest literal part. */
  templates: Filtered<Compiled[]>;
  headerTemplates: Filtered<Compiled[]>;
}

/**
 * A map with a bitset over a cheap hash (length, first, middle and last character) of each key.
 * Most words of a line are no key: their bit is clear, so they are neither cut out of the line nor
 * looked up in a map of thousands of keys, where each lookup costs a string hash and a cache miss.
 */
interface Filtered<T> {
  map: Map<string, T>;
  bits: Uint8Array;
}

/** 64 k bits (8 kB) keep the share of set bits under a tenth for the ~5,000 keys of the largest map. */
const FILTER_BITS = 1 << 16;

function spanHash(text: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0) return 0;
  let h = Math.imul(length, 0x9e3779b1);
  h ^= Math.imul(text.charCodeAt(start), 0x85ebca6b);
  h ^= Math.imul(text.charCodeAt(start + (length >> 1)), 0xc2b2ae35);
  h ^= Math.imul(text.charCodeAt(end - 1), 0x27d4eb2f);
  h ^= h >>> 15;
  return h & (FILTER_BITS - 1);
}

function filtered<T>(map: Map<string, T>): Filtered<T> {
  const bits = new Uint8Array(FILTER_BITS / 8);
  for (const key of map.keys()) {
    const h = spanHash(key, 0, key.length);
    bits[h >> 3] |= 1 << (h & 7);
  }
  return { map, bits };
}

/** The value of the key `text.slice(start, end)`. */
function lookup<T>(keyed: Filtered<T>, text: string, start = 0, end = text.length): T | undefined {
  const h = spanHash(text, start, end);
  if ((keyed.bits[h >> 3] & (1 << (h & 7))) === 0) return undefined;
  return keyed.map.get(start === 0 && end === text.length ? text : text.slice(start, end));
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Every phrase of the files, with the set it belongs to, in file order. */
function* phrasesOf(files: PatternFile[]): Generator<[PhraseEntry, PhraseSet]> {
  for (const file of files) for (const set of file.sets) for (const entry of set.phrases) yield [entry, set];
}

function buildIndex(files: PatternFile[]): Index {
  const exact = new Map<string, Compiled>();
  const starts = new Map<string, Compiled[]>();
  const templates = new Map<string, Compiled[]>();
  const headerTemplates = new Map<string, Compiled[]>();
  for (const [entry, set] of phrasesOf(files)) {
    const c = compile(entry, set.origin, set.locale);
    if (c === null) continue;
    const isHeader = entry.kind === 'header-author' || entry.kind === 'header-date';
    if (isHeader) {
      if (c.parts.length > 1) push(headerTemplates, c.anchor, c);
      continue;
    }
    if (c.parts.length > 1) {
      push(templates, c.anchor, c);
    } else if (!exact.has(c.key)) {
      // First set wins: English first, then by origin and locale (the data files are sorted).
      exact.set(c.key, c);
      push(starts, c.anchor, c);
    }
  }
  for (const list of starts.values()) list.sort((a, b) => b.key.length - a.key.length);
  return { exact: filtered(exact), starts: filtered(starts), templates: filtered(templates), headerTemplates: filtered(headerTemplates) };
}

const index = buildIndex(patternFiles);

const DIGITS_ONLY = /^[\p{N} ]+$/u;

/**
 * Whether the normalised `text` is the template `c` as a whole: the wildcard captures (positions in
 * the padded text) or null. Captures are bounded; inner ones must be non-empty.
 */
function templateCaptures(c: Compiled, text: string, maxWildcard = MAX_WILDCARD_CHARS): Array<[number, number]> | null {
  const padded = ` ${text} `;
  const { parts } = c;
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!padded.startsWith(first) || !padded.endsWith(last)) return null;
  const end = padded.length - last.length;
  let pos = first.length;
  const caps: Array<[number, number]> = [];
  for (let i = 1; i < parts.length - 1; i++) {
    const at = padded.indexOf(parts[i], pos);
    if (at <= pos || at + parts[i].length > end) return null;
    caps.push([pos, at]);
    pos = at + parts[i].length;
  }
  caps.push([pos, Math.max(pos, end)]);
  for (let i = 0; i < caps.length; i++) {
    const [from, to] = caps[i];
    const value = padded.slice(from, to).trim();
    if (to - from > maxWildcard) return null;
    // An unrendered template shows its placeholder: "%d bloggers like this:" normalises to "d ...".
    if (value === '' ? i > 0 && i < caps.length - 1 : c.digits[i] && !DIGITS_ONLY.test(value) && value !== 'd') return null;
  }
  return caps;
}

const SPACELESS_IN = new RegExp(`[${SPACELESS_CLASS}]`, 'u');

/** Candidate templates for a normalised text: one lookup per token (or per spaceless character). */
function candidates(keyed: Filtered<Compiled[]>, text: string, ascii: boolean): Compiled[] {
  const found: Compiled[] = [];
  const add = (list: Compiled[] | undefined) => {
    if (list) for (const c of list) if (!found.includes(c)) found.push(c);
  };
  // Most lines have no spaceless script: their tokens are the space-separated words.
  if (ascii || !SPACELESS_IN.test(text)) {
    for (let start = 0; start <= text.length; ) {
      const space = text.indexOf(' ', start);
      const end = space < 0 ? text.length : space;
      add(lookup(keyed, text, start, end));
      start = end + 1;
    }
    return found;
  }
  let pos = 0;
  while (pos < text.length) {
    const key = keyAt(text, pos);
    add(lookup(keyed, key));
    pos += key.length;
    if (text[pos] === ' ') pos++;
  }
  return found;
}

function wholeTemplate(text: string, ascii: boolean, maxWildcard = MAX_WILDCARD_CHARS): Compiled | null {
  for (const c of candidates(index.templates, text, ascii)) if (templateCaptures(c, text, maxWildcard)) return c;
  return null;
}

/** Plain phrases that start at `pos` of a normalised text, longest first. */
function phrasesAt(text: string, pos: number, ascii: boolean): Compiled[] | undefined {
  if (ascii) {
    // keyAt of ASCII text: the word up to the next space.
    const space = text.indexOf(' ', pos);
    const end = space < 0 ? text.length : space;
    if (end > pos) return lookup(index.starts, text, pos, end);
  }
  return lookup(index.starts, keyAt(text, pos));
}

function boundaryAt(text: string, pos: number): boolean {
  if (pos >= text.length || text[pos] === ' ') return true;
  const before = String.fromCodePoint(text.codePointAt(pos - 1) ?? 0);
  return isSpacelessChar(before) || isSpacelessChar(text[pos]);
}

/** Source strings of one comment: "1 Comment", "One Response to %s", "{ 1 comment… read it below or add one }". */
const ONE_COMMENT_MSGID = /^(?:1|one)\s|\{ 1 /iu;
/** A count of one in the line itself ("1 Comments", "1 comment:"). */
const ONE_TOKEN = /(?:^| )1(?: |$)/u;

function toMatch(c: Compiled, whole: boolean, norm: string): PhraseMatch {
  const kind = c.entry.kind as PhraseKind;
  // The translation of a one-comment string may be its plural form ("%d Responses to %s"): only a count-free one says one.
  const single = kind === 'comments-start' && ((ONE_COMMENT_MSGID.test(c.entry.msgid) && !c.entry.text.includes('%d')) || ONE_TOKEN.test(norm));
  return { kind, origin: c.origin, locale: c.locale, phrase: c.entry.text, whole, single };
}

/**
 * The junk phrase a line is, or starts with, or consists of, or is after an icon's label. Linear in
 * the line: one normalisation, one Map lookup per token, and template checks by
 * `startsWith`/`indexOf` on a line of at most 200 characters.
 */
export function matchLine(text: string): PhraseMatch | null {
  if (text.length > MAX_LINE_CHARS) return null;
  const { norm, ascii } = normalized(text);
  if (norm === '') return null;
  const exact = lookup(index.exact, norm);
  if (exact) return toMatch(exact, true, norm);
  const template = wholeTemplate(norm, ascii);
  if (template) return toMatch(template, true, norm);

  const segments: Compiled[] = [];
  let pos = 0;
  while (pos < norm.length) {
    const next = (phrasesAt(norm, pos, ascii) ?? []).find(
      (c) => norm.startsWith(c.key, pos) && boundaryAt(norm, pos + c.key.length),
    );
    if (!next) {
      const rest = segments.length > 0 ? wholeTemplate(norm.slice(pos), ascii) : null;
      if (rest) {
        segments.push(rest);
        pos = norm.length;
      }
      break;
    }
    segments.push(next);
    pos += next.key.length;
    if (norm[pos] === ' ') pos++;
  }
  if (segments.length === 0) return countLead(text, norm, ascii) ?? afterLabel(norm);
  // "Leave a Reply Cancel reply": several phrases make the whole line, as sure as one phrase is.
  if (pos >= norm.length && segments.length >= 2) return toMatch(segments[0], true, norm);
  // A line may start with a specific phrase; a lone short word ("Reply", "Home") never counts as a
  // prefix, but a label does where the line shows its colon ("Tags: news, local").
  const lead = segments[0];
  if (consentButton(lead)) return null;
  if ((lead.multiToken && colonShown(lead, text)) || labels(lead, text)) return toMatch(lead, starterWithTail(lead, norm), norm);
  return null;
}

/** A section starter with no more than a theme's few words after it ("One comment so far | RSS"). */
function starterWithTail(c: Compiled, norm: string): boolean {
  return c.entry.kind === 'comments-start' && lineWords(norm, STARTER_WORDS + 1) <= STARTER_WORDS;
}

/** Words a phrase has at least to be known after an icon's label: a sentence of the software's, not a word of the reader's. */
const LABELLED_PHRASE_WORDS = 4;

/**
 * A long phrase after one word: the label of the icon before it ("Feed You can follow this
 * conversation by subscribing to the comment feed for this post."). Weighs as a prefix does.
 */
function afterLabel(norm: string): PhraseMatch | null {
  const space = norm.indexOf(' ');
  if (space < 0) return null;
  const hit = lookup(index.exact, norm, space + 1);
  if (!hit || lineWords(hit.key, LABELLED_PHRASE_WORDS) < LABELLED_PHRASE_WORDS) return null;
  return toMatch(hit, false, norm);
}

/** Words of a consent banner's button ("I agree", "Got it", "Accept all"); its statements are longer. */
const BUTTON_WORDS = 2;

/**
 * A consent banner's button is a line of its own, or one of the phrases a line is made of ("Accept
 * Reject"); as the start of a longer line it is a reader's words: "I agree with Sam, the pier...".
 */
function consentButton(c: Compiled): boolean {
  return c.entry.kind === 'cookie' && lineWords(c.key, BUTTON_WORDS + 1) <= BUTTON_WORDS;
}

/** Words of a count the software prints before a line's other text ("3 Comments", "12 Responses"). */
const COUNT_LEAD_WORDS = 2;
/** A post title after a count ("12 Responses to “%s”") may be longer than a name or a date. */
const MAX_TITLE_CHARS = 150;
/** Words a theme prints after the count ("leave one", "Comment or Ping"); more make a sentence. */
const COUNT_TAIL_WORDS = 5;
/** A starter's words and the theme's after them, at most. */
const STARTER_WORDS = COUNT_LEAD_WORDS + COUNT_TAIL_WORDS;
/** A count of one or more: "0 comments 0 people listening" announces none. */
const COUNT_START = /^(?!0+ )\p{N}+ /u;

/**
 * A comment count leads a line as a plain phrase does ("One Comment leave one →"): "3 Comments
 * leave one →", "20 Comments Post a comment", where a theme prints its own words after the count;
 * as sure as the count alone.
 * A starter with the post's title after the count ("12 Responses to “%s”") takes a title up to MAX_TITLE_CHARS.
 */
function countLead(text: string, norm: string, ascii: boolean): PhraseMatch | null {
  if (!COUNT_START.test(norm)) return null;
  const titled = wholeTemplate(norm, ascii, MAX_TITLE_CHARS);
  if (titled && titled.entry.kind === 'comments-start') return toMatch(titled, true, norm);
  if (lineWords(norm, STARTER_WORDS + 1) > STARTER_WORDS) return null;
  let end = -1;
  for (let k = 0; k < COUNT_LEAD_WORDS; k++) {
    end = norm.indexOf(' ', end + 1);
    if (end < 0) return null;
  }
  const lead = wholeTemplate(norm.slice(0, end), ascii);
  return lead && lead.entry.kind === 'comments-start' && colonShown(lead, text) ? toMatch(lead, true, norm) : null;
}

const ENDS_IN_COLON = /[:：]$/u;
const COLON_NEXT = /^\s*[:：]/u;

/**
 * A phrase that ends in a colon starts a line only where the line shows that colon: "Like this:
 * Like Loading...", but not "Like this, the soil stays warm" or a comment that opens "Mi piace questo".
 */
function colonShown(c: Compiled, text: string): boolean {
  if (!ENDS_IN_COLON.test(c.entry.text)) return true;
  const { ends } = normalizeWithOffsets(text);
  return COLON_NEXT.test(text.slice(ends[c.key.length - 1]));
}

/** A one-word label the software prints before a list ("Tags:", "Categories:"), as the line starts. */
function labels(c: Compiled, text: string): boolean {
  const label = c.entry.text;
  return label.endsWith(':') && text.length > label.length && text.slice(0, label.length).toLowerCase() === label.toLowerCase();
}

/** Normalised text with, per UTF-16 unit of it, where its character starts and ends in the original text. */
function normalizeWithOffsets(text: string): { norm: string; starts: number[]; ends: number[] } {
  let norm = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let spaced = true;
  let i = 0;
  for (const ch of text) {
    if (WORD_CHAR.test(ch)) {
      const lower = ch.toLowerCase().replaceAll('ς', 'σ');
      for (let k = 0; k < lower.length; k++) {
        starts.push(i);
        ends.push(i + ch.length);
      }
      norm += lower;
      spaced = false;
    } else if (!spaced) {
      norm += ' ';
      starts.push(i);
      ends.push(i);
      spaced = true;
    }
    i += ch.length;
  }
  if (norm.endsWith(' ')) norm = norm.slice(0, -1);
  return { norm, starts, ends };
}

/** A joiner is letters, a dot ("kl.") and spaces, at most three words. */
const JOINER_RE = /^[\p{L}\p{M}. ]{1,30}$/u;
const MAX_JOINER_WORDS = 3;

/**
 * The words the software prints between a comment's date and its time, in every locale it ships
 * ("%1$s at %2$s": "um", "à", "a las", "в", "kl."), longest first.
 */
export const DATE_TIME_JOINERS: readonly string[] = (() => {
  const joiners = new Set<string>();
  for (const [entry] of phrasesOf(patternFiles)) {
    if (entry.kind !== 'header-date' || entry.msgid !== '%s at %s') continue;
    // "%s um %s": the text between the date and the time, and nothing around them.
    const [before, between, after, ...rest] = entry.text.split('%s');
    const joiner = between?.trim() ?? '';
    if (before !== '' || after !== '' || rest.length > 0 || !JOINER_RE.test(joiner)) continue;
    if (joiner.split(' ').length <= MAX_JOINER_WORDS) joiners.add(joiner.toLowerCase());
  }
  return [...joiners].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
})();

/**
 * The word for comments in the software's count of them, in every locale it ships ("%d Comments":
 * "comments", "kommentare", "commentaires", "komentarzy"): the word of each one-word count.
 */
const COMMENT_COUNT_WORDS: ReadonlySet<string> = (() => {
  const words = new Set<string>();
  for (const [entry] of phrasesOf(patternFiles)) {
    if (entry.kind !== 'comments-start' || !entry.text.startsWith(`${WILD_DIGITS} `)) continue;
    const word = normalizeLine(entry.text.slice(WILD_DIGITS.length));
    if (word !== '' && !word.includes(' ')) words.add(word);
  }
  return words;
})();
/** A link to a post's comments is a few words ("Full Story (comments: 12)", "Comments (3 posted)"). */
const MAX_LINK_WORDS = 6;
const NUMBER_RE = /^\p{N}+$/u;

/** A link to a post's comments: its words with the count's and every number as `#`, and whether the count is a number. */
export interface CommentLink {
  shape: string;
  counted: boolean;
}

/**
 * A short line with the software's word for comments, as a link to a post's comments prints it,
 * with their count next to the word ("12 Comments", "Full Story (comments: 12)", "Comments (3
 * posted)"). The count is the number before the word, else the word after it, or before it when
 * it ends the line; a post without comments prints a word in its place ("No Comments", "Full
 * Story (comments: none)"), and the link's shape (its words, numbers as `#`) is the same.
 */
export function commentLink(text: string): CommentLink | null {
  if (text.length > MAX_LINE_CHARS) return null;
  const words = normalizeLine(text).split(' ');
  if (words.length > MAX_LINK_WORDS) return null;
  const k = words.findIndex((w) => COMMENT_COUNT_WORDS.has(w));
  if (k < 0 || words.length === 1) return null;
  const count = k === words.length - 1 || NUMBER_RE.test(words[k - 1] ?? '') ? k - 1 : k + 1;
  const counted = NUMBER_RE.test(words[count]);
  words[count] = '#';
  return { shape: words.map((w) => (NUMBER_RE.test(w) ? '#' : w)).join(' '), counted };
}

// A comment header is a short line: a name, or a date and time.
const MAX_HEADER_CHARS = 120;
/** Text browsers show an image as its alt text or file name in brackets. */
const IMAGE_ALT_RE = /\[[^\]]{0,80}\]/gu;

/**
 * The author or date of a comment-header line written with the software's own templates
 * ("%s says:", German "%s sagt:", "%1$s at %2$s", German "%1$s um %2$s").
 */
export function matchCommentHeader(text: string): { author: string | null; date: string | null } | null {
  if (text.length > MAX_HEADER_CHARS) return null;
  const { norm: plain, ascii } = normalized(text);
  const found = candidates(index.headerTemplates, plain, ascii);
  if (found.length === 0) return null;
  const { norm, starts, ends } = normalizeWithOffsets(text);
  // The most specific template wins: "%s a dit…" over "%s dit :" for "Marie a dit…".
  found.sort((a, b) => literalLength(b) - literalLength(a));
  for (const c of found) {
    const caps = templateCaptures(c, norm);
    if (caps === null) continue;
    if (c.entry.kind === 'header-date') {
      // The templates are as loose as "%s at %s" and "%s (%s)": the line must hold a date or a time.
      // An image's file name (`[Screen-Shot-2012-10-17-at-11]`) is no date shown to the reader.
      const shown = text.replace(IMAGE_ALT_RE, ' ');
      if (hasDate(shown) || hasTime(shown)) return { author: null, date: text.trim() };
      continue;
    }
    // Captures are positions in the line padded with one space.
    const [from, to] = caps[0];
    if (to <= from) continue;
    const author = text.slice(starts[from - 1], ends[to - 2]).trim();
    if (author !== '') return { author, date: null };
  }
  return null;
}

/** The literal text of a template, without its wildcards. */
function literalLength(c: Compiled): number {
  let length = 0;
  for (const part of c.parts) length += part.length;
  return length;
}
