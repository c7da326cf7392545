import type { Cleaner } from '../cleaner.js';
import { type Doc, type Line, newLine } from '../doc.js';
import { looksLikeCode } from '../model/shapes.js';

/**
 * Dumps sometimes run two paragraphs together with no space: `...stand back.lebanon is far away`,
 * `a hard time.I wonder`, `With best regards,Jane Doe`. This cleaner splits those lines again.
 *
 * It works on one whitespace-free token at a time and errs towards leaving a token alone:
 * a wrong split inside body text costs more than a missed one. A token is left whole when it
 * - is longer than two glued words can be (MAX_GLUED_TOKEN),
 * - looks like a URL, e-mail, path or identifier (`/ @ = & \ _ #`, `www.`, a camel-cased word
 *   by a dot as in `options.IgnoreCase` or `LogLevel.Debug`), or is on a line of program text,
 * - has more than one sentence mark (`e.g.`, `U.S.`, `a.b.c`, ellipses, version numbers),
 * - ends its left word in an abbreviation (`etc.`, `Mrs.`) or a capital (`R.`, `St.`),
 * - continues in lower case with a domain or file suffix (`example.com`, `notes.html`) or a short word
 *   other than a few common sentence starters.
 * Digits never qualify either side, so decimals (`4.5`) and numbered items (`2.Next`) stay whole.
 */

/** Two glued words, each at most ~25 letters, plus quotes and punctuation. */
const MAX_GLUED_TOKEN = 60;
const NOT_PROSE = /[/@=&\\_#]|www\./i;
/** A camel-cased word on either side of a dot: a member of an object in code, not two sentences (bounded as a token is: linear). */
const MEMBER = /\p{Ll}\p{Lu}[^.]{0,60}\.|\.[^.]{0,60}\p{Ll}\p{Lu}/u;
/** The lookbehind starts a match only at the start of a run, which keeps `…+$` linear. */
const TRAILING_PUNCT = /(?<![.,;:!?"'”’)\]])[.,;:!?"'”’)\]]+$/;
const SENTENCE_MARKS = /[.!?]/g;
/**
 * Left: letters ending in two lower-case ones, a sentence mark, maybe a closing quote or bracket.
 * Right: a capitalised word, the pronoun `I`, or a lower-case word of 3+ letters (checked further below).
 * Fixed structure with one unbounded class on a bounded token: linear.
 */
const SENTENCE_GLUE = /^([("“‘']?\p{L}*\p{Ll}{2}[.!?][)"”’']?)(?=\p{Lu}\p{Ll}|I$|I['’]\p{Ll}|\p{Ll}{3})/u;
const LOWER_WORD = /^\p{Ll}{4,}$/u;
/**
 * Three-letter words that start sentences often enough to split on (`see.the harbour`); other
 * three-letter endings are too often a domain or file suffix (`.com`, `.pdf`, `.php`).
 */
const SHORT_STARTERS = new Set('the and but she his her its our you yet why who not'.split(' '));
/** Sign-offs that letters and comments end with before the writer's name. */
const SIGN_OFF = /^((?:best|kind|warm)?(?:regards|wishes|thanks|cheers|sincerely|yours|respectfully|cordially),)(?=\p{Lu})/iu;

/** Words that end in a dot without ending a sentence (English, German, French, Spanish). */
const ABBREVIATIONS = new Set(
  (
    'etc vs mrs mr ms dr prof gen sen rep gov capt sgt col lt fig figs vol vols no nos pp ed eds cf viz al ' +
    'approx est dept univ inc ltd corp bros ave blvd rd mt ft jr sr jan feb mar apr jun jul aug sep sept oct nov dec ' +
    'usw bzw vgl evtl ggf nr ca str env sra srta dra uds ud pág ibid op cit min max resp'
  ).split(' '),
);
/** Lower-case endings that make `word.ending` a domain or a file name rather than two sentences. */
const DOMAIN_OR_FILE_SUFFIX = new Set(
  (
    'info name mobi blog shop site online store tech news life live world today club space media website email ' +
    'host page wiki link digital network cloud design agency social guru ninja rocks travel museum aero coop jobs ' +
    'html shtml xhtml htm aspx json yaml toml docx xlsx pptx jpeg webp tiff java bash conf lock scss less sass ' +
    'epub woff mpeg flac aiff midi wasm orig temp gzip data text list markdown config local properties xml ' +
    'exe dmg apk deb rpm iso torrent'
  ).split(' '),
);

/** Offset inside `token` where a glued second sentence starts, or -1 when the token should stay whole. */
export function gluePoint(token: string): number {
  if (token.length > MAX_GLUED_TOKEN || NOT_PROSE.test(token) || MEMBER.test(token)) return -1;
  const core = token.replace(TRAILING_PUNCT, '');

  const signOff = SIGN_OFF.exec(core);
  if (signOff) return signOff[1].length;

  if ((core.match(SENTENCE_MARKS) ?? []).length !== 1) return -1;
  const glue = SENTENCE_GLUE.exec(core);
  if (!glue) return -1;
  const left = glue[1];
  const right = core.slice(left.length);
  const leftWord = left.replace(/[^\p{L}]/gu, '');
  if (left.includes('.') && ABBREVIATIONS.has(leftWord.toLowerCase())) return -1;
  if (/^\p{Ll}/u.test(right)) {
    const prose = (LOWER_WORD.test(right) || SHORT_STARTERS.has(right)) && /^\p{Ll}{3,}$/u.test(leftWord);
    if (!prose || DOMAIN_OR_FILE_SUFFIX.has(right)) return -1;
  }
  return left.length;
}

/** A sentence mark or comma with a letter right after it: the only places a glue can be. */
const CANDIDATE = /[.!?,]["'”’)]?\p{L}/gu;
const SPACE = /\s/;

/** A line of program text is this long at most; a longer one with a `;` at its end may be paragraphs glued. */
const MAX_CODE_CHARS = 200;

/** Offsets in `text` where a new line should start. Only tokens around a candidate are examined. */
function splitPoints(text: string): number[] {
  const points: number[] = [];
  let tokenEnd = -1;
  let code: boolean | undefined;
  for (const candidate of text.matchAll(CANDIDATE)) {
    // A line of code (`log.info(request.url, response.status);`) has dots inside its words; asked
    // only of lines with a candidate, which most lines have none of.
    code ??= text.length <= MAX_CODE_CHARS && looksLikeCode(text);
    if (code) return points;
    if (candidate.index < tokenEnd) continue;
    let start = candidate.index;
    while (start > 0 && !SPACE.test(text[start - 1]) && candidate.index - start <= MAX_GLUED_TOKEN) start--;
    tokenEnd = candidate.index;
    while (tokenEnd < text.length && !SPACE.test(text[tokenEnd]) && tokenEnd - start <= MAX_GLUED_TOKEN) tokenEnd++;
    const at = gluePoint(text.slice(start, tokenEnd));
    if (at > 0) points.push(start + at);
  }
  return points;
}

/**
 * A line longer than this is cut into parts. No real dump line is this long: the longest of the
 * 2.2 million lines in the dev corpus's lynx, w3m and blocks dumps run to 1,005, 4,098 and 50,618
 * characters. Every later cleaner works line by line, and on a 5 MB line with no newline they spend
 * about three times as long as on the same text in parts of this size (big token arrays, garbage
 * collection). Parts of 2,000 characters are only a little cheaper still, but cutting the long blobs
 * of real pages (JSON menus, lists of names) into many lines that each read as text moved the body of
 * four blocks dumps to them. The regex tests prove every pattern linear on lines of this length.
 */
export const LONG_LINE_CHARS = 100_000;
/** A cut goes at the last sentence end, else space, in the second half of the part: parts stay long. */
const MIN_PART_CHARS = LONG_LINE_CHARS / 2;
const SENTENCE_END_CHARS = '.!?…。！？';
const CLOSERS = '"\'”’)]»';

/** Whether a sentence ends right before the space at `space` (`word.`, `word?”`). */
function endsSentence(text: string, space: number): boolean {
  let k = space - 1;
  if (k >= 0 && CLOSERS.includes(text[k])) k--;
  return k >= 0 && SENTENCE_END_CHARS.includes(text[k]);
}

/** Where the part of `text` starting at `from` ends: a sentence end, else a space, else the limit. */
function cutPoint(text: string, from: number): number {
  const limit = from + LONG_LINE_CHARS;
  let lastSpace = -1;
  for (let i = limit; i >= from + MIN_PART_CHARS; i--) {
    if (text[i] !== ' ') continue;
    if (endsSentence(text, i)) return i;
    if (lastSpace < 0) lastSpace = i;
  }
  if (lastSpace >= 0) return lastSpace;
  // No space: cut at the limit, but not between the halves of a surrogate pair.
  const code = text.charCodeAt(limit);
  return code >= 0xdc00 && code <= 0xdfff ? limit - 1 : limit;
}

/** `text` in parts of at most LONG_LINE_CHARS (tidied text: no space at either end, single spaces). */
export function cutLongLine(text: string): string[] {
  const parts: string[] = [];
  let from = 0;
  while (text.length - from > LONG_LINE_CHARS) {
    const to = cutPoint(text, from);
    parts.push(text.slice(from, to).trim());
    from = to;
  }
  parts.push(text.slice(from).trim());
  return parts;
}

/** The texts one line becomes: its glued paragraphs split apart, and each cut to LONG_LINE_CHARS. */
function pieces(text: string, points: number[]): string[] {
  const bounds = [0, ...points, text.length];
  const out: string[] = [];
  for (let k = 0; k + 1 < bounds.length; k++) {
    const piece = text.slice(bounds[k], bounds[k + 1]).trim();
    if (piece.length <= LONG_LINE_CHARS) out.push(piece);
    else for (const part of cutLongLine(piece)) out.push(part);
  }
  return out;
}

export const splitGlued: Cleaner = {
  id: 'split-glued',
  description:
    'Restores paragraph breaks a dump lost (`back.lebanon`, `time.I wonder`, `regards,Jane`) and cuts lines over 100,000 characters at sentence ends.',
  run(doc: Doc): void {
    const lines: Line[] = [];
    for (const line of doc.lines) {
      const points = splitPoints(line.text);
      if (points.length === 0 && line.text.length <= LONG_LINE_CHARS) {
        lines.push(line);
        continue;
      }
      const [first, ...rest] = pieces(line.text, points);
      line.text = first;
      lines.push(line);
      for (const text of rest) lines.push(newLine(line.n, text, line.indent, 0));
    }
    doc.lines = lines;
  },
};
