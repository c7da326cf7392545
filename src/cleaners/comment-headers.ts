import type { Cleaner } from '../cleaner.js';
import { addHint, type Line, SOFTWARE_WEIGHT } from '../doc.js';
import { dateMatch, hasDate, NUMBERED_RE, TERMINAL_RE, withoutWeekdays, yearlessDate } from '../model/shapes.js';
import { DATE_TIME_JOINERS, matchCommentHeader } from '../patterns/index.js';
import { memoByText } from '../line-memo.js';
import { LETTER_RE, lineWords, spacedParts } from '../text-stats.js';

const ID = 'comment-headers';

/** A name is at most this many words ("Katie (My Mother ...)" and longer go unnamed). */
const MAX_NAME_WORDS = 5;
const MAX_NAME_CHARS = 60;
/** A header line carries a name and a date and little else. */
const MAX_HEADER_WORDS = 14;
/** Numbered comments are long; short numbered lines are lists. */
const MIN_NUMBERED_WORDS = 12;

/**
 * Log-odds of each header shape. The software's own header strings and "NAME says:" are near
 * certain; a name with a date is likely; a bare date line is weak (dated link lists have them
 * too). A long numbered item only nudges, since listicles number their paragraphs too.
 */
const SOFTWARE_HEADER = 4;
const GLUED_CAPS_NAME = 4;
const NAME_AND_DATE = 3;
const NAME_ABOVE_DATE = 2.5;
/** A clock time alone is weaker than a date: video lists print "TITLE 5:53" too. */
const NAME_AND_TIME = 2.5;
const DATE_ONLY = 1;
/** A separator after the date, then at most PROFILE_WORDS words. */
const PROFILE_AFTER_RE = /^\s?(?:\/\/|[|·•])\s/u;
const PROFILE_WORDS = 4;
/**
 * A date with the comment's own links and no name ("Dec 30, 2007 7:06 PM | Link to this", "DATE
 * Reply 0 Flag this comment"): a comment's header.
 */
const DATE_AND_LINKS = 3;
/** The words of the links a comment's date line carries; at least one of LINK_HEADS among them. */
const LINK_WORDS = new Set(['permalink', 'link', 'to', 'this', 'it', 'comment', 'reply', 'flag', 'report', 'abuse', 'quote', 'like', 'likes']);
const LINK_HEADS = new Set(['permalink', 'link', 'reply', 'flag', 'report', 'quote']);

function onlyLinks(text: string): boolean {
  const words = text.toLowerCase().split(' ').filter((word) => word !== '');
  return words.some((word) => LINK_HEADS.has(word)) && words.every((word) => LINK_WORDS.has(word) || /^\d{1,6}$/u.test(word));
}
const NUMBERED_ITEM = 2;
/** A comment's number as its permalink prints it ("#12", "#1.3" for a reply): no name, and a comment's mark. */
const COMMENT_NUMBER_RE = /^#\d{1,5}(?:\.\d{1,3}){0,3}$/u;

const SAYS_RE = /^(.{1,60}?)\s(?:says|said|wrote|writes|commented)(?:\s(?:on|at)\s.{1,60})?\s?(?::|,|\.\.\.|…)$/iu;
/** The verb ending a header whose date follows it ("NAME says: DATE"), or a dangling "on"/"at". */
const SAYS_TAIL_RE = /\s(?:says|said|wrote|writes|on|at|@):?$/iu;
const WEBSITE_RE = /\s?(?:https?:\/\/|www\.)\S{1,100}/giu;
/** User ids and comment numbers in brackets: "by NAME (1036002) on DATE (#40751303)". */
const USER_ID_RE = /\s?\([^()]{0,40}\)/gu;
const BY_PREFIX_RE = /^(?:(?:posted|written|submitted|comment(?:ed)?|reply|response)\s)?by:?\s/iu;
const NAME_RE = /^[\p{Lu}\p{Lo}@][\p{L}\p{M}\p{N}'’._-]{0,30}(?:\s[\p{L}\p{M}\p{N}'’._-]{1,30}){0,4}$/u;
const IMAGE_ALT_RE = /\[[^\]]{0,80}\]/gu;
const HANDLE_RE = /^[\p{L}\p{N}_.-]{2,30}$/u;
/** An all-caps name glued to the comment text: `FROM JANE DOESometimes, ...`. */
const GLUED_CAPS_RE = /^(?:(?:FROM|BY)\s)?((?:[\p{Lu}'’.-]{2,20}\s){0,3}[\p{Lu}'’.-]{1,20})(\p{Lu}\p{Ll})/u;

/**
 * Finds the lines that open a reader comment: `NAME says:`, `NAME on DATE`, `NAME | DATE at TIME`,
 * a date line after a name line, localised headers from the software's own strings, numbered
 * long items, and an all-caps name glued to the text. Sets `line.head` and a `comment-header` hint.
 */
export const commentHeaders: Cleaner = {
  id: ID,
  description: 'finds comment headers: author and date lines, "NAME says:", numbered comments, glued all-caps names',
  run(doc) {
    const out: Line[] = [];
    const lines = doc.lines;
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      const glued = splitGluedName(line);
      if (glued) {
        out.push(...glued);
        continue;
      }
      const head = headerOf(line.text, lines[i + 1]?.text);
      if (head) {
        // Shapes of repeated lines are shared: each line gets its own head.
        line.head = { ...head.head };
        addHint(line, 'comment-header', head.weight, ID, head.reason);
      } else if (NUMBERED_RE.test(line.text) && spacedParts(line.text, MIN_NUMBERED_WORDS) >= MIN_NUMBERED_WORDS) {
        line.head = { author: null, date: null };
        addHint(line, 'comment', NUMBERED_ITEM, ID, 'long numbered item (numbered comment list)');
      }
      out.push(line);
    }
    promoteRecurring(out);
    doc.lines = out;
  },
};

/**
 * Comment software prints every header alike (`November 8, 2012, | Permalink` under each name):
 * a dated header shape that recurs with text between is the comment list's, and sure.
 */
const RECURRING = 3;
const RECURRING_HEADER = NAME_AND_DATE;
/** Lines between two headers of one list: a comment of a few paragraphs. */
const RECURRING_REACH = 30;

function promoteRecurring(lines: Line[]): void {
  const byShape = new Map<string, number[]>();
  // Below the section's starter ("22 Comments"): above it, dated lists of links and teasers have
  // the same regular shapes.
  const start = lines.findIndex(isSureStart);
  if (start < 0) return;
  lines.forEach((line, i) => {
    if (i <= start || !line.head?.date || !hasHeader(line)) return;
    // A named header: a bare date recurs in every dated list.
    if (line.head.author === null && !isNameAbove(lines[i - 1])) return;
    const key = skeleton(line.head.author === null ? line.text : line.text.replace(line.head.author, '\0'));
    const group = byShape.get(key);
    if (group) group.push(i);
    else byShape.set(key, [i]);
  });
  for (const group of byShape.values()) {
    let run: number[] = [];
    const flush = () => {
      if (run.length >= RECURRING) for (const i of run) promote(lines, i);
      run = [];
    };
    for (const i of group) {
      const last = run[run.length - 1];
      if (last !== undefined && (i - last > RECURRING_REACH || !textBetween(lines, last, i))) flush();
      run.push(i);
    }
    flush();
  }
}

/** Letters and digits as runs: one shape for every date and name the software fills in. */
function skeleton(text: string): string {
  return text.replace(/\p{L}[\p{L}\p{M}]*/gu, 'a').replace(/\p{N}+/gu, '9');
}

/**
 * A comment's text between two headers: a line of two words or a sentence ("Gorgeous!"), not an
 * avatar's initial. Another section starter between them makes a listing of posts with their
 * comment counts ("0 comments"), not a comment list.
 */
function textBetween(lines: Line[], from: number, to: number): boolean {
  let text = false;
  for (let j = from + 1; j < to; j++) {
    const line = lines[j];
    if (isSureStart(line)) return false;
    if (hasHeader(line)) continue;
    if (lineWords(line.text, 2) >= 2 || TERMINAL_RE.test(line.text)) text = true;
  }
  return text;
}

function promote(lines: Line[], i: number): void {
  const reason = 'header shape that recurs with text between (a comment list)';
  addHint(lines[i], 'comment-header', RECURRING_HEADER, ID, reason);
  // A name line above its date line is the same header.
  if (isNameAbove(lines[i - 1])) addHint(lines[i - 1], 'comment-header', RECURRING_HEADER, ID, reason);
}

function isNameAbove(line: Line | undefined): boolean {
  return line !== undefined && Boolean(line.head?.author) && line.head?.date === null && hasHeader(line);
}

function hasHeader(line: Line): boolean {
  return line.hints.some((h) => h.kind === 'comment-header');
}

function isSureStart(line: Line): boolean {
  return line.hints.some((h) => h.kind === 'comments-start' && h.weight >= SOFTWARE_WEIGHT);
}

interface Header {
  head: { author: string | null; date: string | null };
  weight: number;
  reason: string;
}

/** Lines repeat (menus, dates, "Reply"): what a line is on its own is looked up once per text. */
const localisedHeader = memoByText(matchCommentHeader);
const ownShape = memoByText(shapeOf);
/** A name on a line of its own: a header if a short date line follows. */
const NAME_LINE = 'name line';

function headerOf(text: string, next: string | undefined): Header | null {
  const localised = localisedHeader(text);
  if (localised) {
    const author = localised.author === null ? null : clean(localised.author) || null;
    // A localised date template ("%1$s at %2$s") may hold the name too: the shapes below find it.
    const shaped = author === null ? shapedHeader(text, next) : null;
    // The template ends with the time: what the shapes take for a name after it is the clock's ("08:15 Uhr").
    const shapedAuthor = shaped?.head.author && nameAfterDate(text, shaped.head.author) ? null : (shaped?.head.author ?? null);
    // The template's date capture is the whole line when the name is inside it; the shapes' is tighter.
    const head = { author: author ?? shapedAuthor, date: shaped?.head.date ?? localised.date };
    // A template as loose as "%s on %s" filled with a clock time alone is a video list's "TITLE 2:17" as often.
    if (localised.date !== null && !hasDate(text)) return { head, weight: NAME_AND_TIME, reason: 'comment header template with a time alone' };
    return { head, weight: SOFTWARE_HEADER, reason: 'comment header in the software’s own words' };
  }
  return shapedHeader(text, next);
}

/** The name was read after the line's date and time, not before them ("Jane on 3 March 2024 at 10:15"). */
function nameAfterDate(text: string, name: string): boolean {
  const date = dateSpan(text);
  return date !== null && text.slice(date.end).includes(name.split(' ')[0]);
}

function shapedHeader(text: string, next: string | undefined): Header | null {
  const own = ownShape(text);
  if (own !== NAME_LINE) return own;
  if (next !== undefined) {
    const nextDate = dateSpan(next) !== null || yearlessDate(next);
    if (nextDate && lineWords(next, 8) <= 8) {
      return { head: { author: lineName(text), date: null }, weight: NAME_ABOVE_DATE, reason: 'name line above a date line' };
    }
  }
  return null;
}

/** What follows the name from "on", "at" or "@": the header's date, which dateSpan may not find whole. */
const DATE_AFTER_NAME_RE = /\s(?:on|at|@)\s.*$/iu;

/** The header shape of a line without its neighbours. */
function shapeOf(line: string): Header | typeof NAME_LINE | null {
  // Text browsers show an image as its alt text or file name in brackets: no name or date the reader sees.
  const text = line.replace(IMAGE_ALT_RE, ' ').trim();
  if (text === '') return null;
  const words = lineWords(text, MAX_HEADER_WORDS);
  if (words > MAX_HEADER_WORDS) return null;

  const says = SAYS_RE.exec(text);
  if (says) {
    // Forums print "by NAME (12345) writes:"; themes number their comments ("1. NAME wrote:").
    // "Doug on Aug 9, 10:14 AM said:": the date between the name and the verb is no part of the name.
    const name = clean(says[1].replace(USER_ID_RE, '').replace(BY_PREFIX_RE, '').replace(DATE_AFTER_NAME_RE, ''));
    if (isName(name)) return { head: { author: name, date: dateIn(text) }, weight: SOFTWARE_HEADER, reason: '"NAME says:" header' };
  }

  // This year's date, the line's only words ("November 12th", "3 March at 10:15 am").
  if (yearlessDate(text)) return { head: { author: null, date: text }, weight: DATE_ONLY, reason: 'date line' };
  const date = dateSpan(text);
  if (date) {
    // What a header prints after a separator past its date is the commenter's profile or links
    // ("| #1", "// Twitter: @handle"), no part of the name.
    // Only where the name came first: "DATE | NAME" prints the name there.
    const after = text.slice(date.end);
    const before = withoutWeekdays(text.slice(0, date.start)).replace(/\s(?:on|at)\s?$/iu, '');
    const profile = PROFILE_AFTER_RE.test(after) && lineWords(after, PROFILE_WORDS + 1) <= PROFILE_WORDS && /\p{L}{2}/u.test(before);
    const rest = (text.slice(0, date.start) + ' ' + (profile ? '' : after))
      .replace(USER_ID_RE, '')
      // The commenter's website, printed next to the name.
      .replace(WEBSITE_RE, '')
      .trim()
      .replace(JOINER_AT_END_RE, '')
      .replace(/[|,–—-]/gu, ' ')
      .replace(/\s{2,}/gu, ' ')
      .trim()
      .replace(NAME_PREFIX_RE, '');
    const named = BY_PREFIX_RE.test(rest);
    // "NAME on Tuesday July 24, @03:22AM": a date without a year is not found, so cut it at "on".
    // "NAME says: DATE": the theme prints the date after the colon.
    const name = withoutLastWeekday(rest.replace(BY_PREFIX_RE, '').replace(DATE_AFTER_NAME_RE, '').replace(SAYS_TAIL_RE, '').trim());
    if (onlyLinks(name)) {
      return { head: { author: null, date: date.text }, weight: DATE_AND_LINKS, reason: 'date line with the comment’s links' };
    }
    // A weekday before the date is the date's ("Tuesday, May 1, 2012", "#1.1 - Tue Jul 24, 2012").
    const bare = withoutWeekdays(name).trim();
    if (COMMENT_NUMBER_RE.test(bare)) {
      return { head: { author: null, date: date.text }, weight: DATE_AND_LINKS, reason: 'date line with the comment’s number' };
    }
    if (bare === '' || /^(?:at|on|posted|published|updated|tracked|reply)$/iu.test(name)) {
      return { head: { author: null, date: date.text }, weight: DATE_ONLY, reason: 'date line' };
    }
    // After "by", any short name will do ("by k", "by dress11").
    if (isName(name) || (named && name.length <= MAX_NAME_CHARS && spacedParts(name, MAX_NAME_WORDS) <= MAX_NAME_WORDS)) {
      if (BARE_TIME_RE.test(date.text)) return { head: { author: clean(name), date: date.text }, weight: NAME_AND_TIME, reason: 'name and time line' };
      return { head: { author: clean(name), date: date.text }, weight: NAME_AND_DATE, reason: 'name and date line' };
    }
    return null;
  }
  return isName(lineName(text)) && words <= MAX_NAME_WORDS ? NAME_LINE : null;
}

/** The comment's own link after the name ("Jane Doe permalink"): no part of the name. */
const LINK_AFTER_NAME_RE = /\s(?:permalink|#)\*?$/iu;

/** The name a name line holds, without its list number, avatar or link. */
function lineName(text: string): string {
  return clean(text.replace(LINK_AFTER_NAME_RE, ''));
}

/** The name without the weekday that the header prints before its date ("smarterthanyou Monday, November 5 2012"). */
function withoutLastWeekday(name: string): string {
  const cut = name.lastIndexOf(' ');
  return cut > 0 && withoutWeekdays(name.slice(cut + 1)) === '' ? name.slice(0, cut) : name;
}

/**
 * A time zone printed after the time ("11:45 PM EDT", "5:54pm, EDT") belongs to the date, not to
 * the name. Upper-case abbreviations only, as whole tokens.
 */
const TIME_ZONE_AFTER_RE =
  /^,?\s?(?:UTC|GMT|[ECMP][SD]T|AK[SD]T|HST|AST|ADT|BST|IST|CES?T|EES?T|JST|KST|HKT|SGT|MSK|AE[SD]T|AC[SD]T|AWST|NZ[SD]T)(?:[+-]\d{1,2}(?::?\d{2})?)?(?![\p{L}\p{N}])/u;

/** A name has a letter: "2012" or "#4337" on a line of its own is part of a date or a permalink. */
function isName(text: string): boolean {
  const t = text.trim();
  if (t.length === 0 || t.length > MAX_NAME_CHARS || !LETTER_RE.test(t) || headlineLike(t)) return false;
  return NAME_RE.test(t) || HANDLE_RE.test(t);
}

/** Lower-case words inside a name ("Ana María de la Cruz", "Ludwig van Beethoven"). */
const NAME_PARTICLES = new Set(['de', 'la', 'le', 'du', 'des', 'del', 'della', 'da', 'das', 'dos', 'di', 'van', 'von', 'der', 'den', 'ten', 'ter', 'bin', 'ibn', 'al', 'el', 'and', 'y', 'e', 'from', 'in', 'of']);
/** Lower-case words after a capital that make a headline ("Voters approve same-sex marriage"), not a name. */
const HEADLINE_WORDS = 2;

function headlineLike(text: string): boolean {
  const words = text.split(' ');
  if (words.length <= HEADLINE_WORDS || !/^\p{Lu}/u.test(words[0])) return false;
  let lower = 0;
  for (const word of words.slice(1)) if (/^\p{Ll}[\p{Ll}-]*$/u.test(word) && !NAME_PARTICLES.has(word)) lower++;
  return lower >= HEADLINE_WORDS;
}

/**
 * List numbers, bullets and avatar image alts (`[48.png]`) are not part of a name. Themes that
 * number comments in a span of their own print the number bare: `1 Jane Doe July 3, 2012`, also
 * inside a numbered list (`1. 1 jane July 3, 2012`).
 */
const NAME_PREFIX_RE = /^(?:\(?\d{1,3}[.)]\s(?:\d{1,3}\s(?=\p{L}))?|\d{1,3}\s(?=\p{Lu})|[*+•·#-]\s|o\s)?(?:\[[^\]]{0,80}\]\s?)?/u;

function clean(name: string): string {
  return name.trim().replace(NAME_PREFIX_RE, '').replace(/[:,]$/u, '').trim();
}

/** A time alone with a dot and no am/pm ("4.10"): as often a section's number or a price. */
const DOT_TIME_RE = /^\d{1,2}\.\d{2}\s?$/u;
/** A clock time with no date, am/pm or zone. */
const BARE_TIME_RE = /^\d{1,2}:\d{2}(?::\d{2})?$/u;

/** A day before a date's dash, or a dash and a day after it: dates from one day to another. */
const RANGE_BEFORE_RE = /(?:^|\s)\d{1,2}\s?[-–]\s?$/u;
const RANGE_AFTER_RE = /^\s?[-–]\s?\d{1,2}(?![\d:.])/u;

/**
 * The line's date, with its time. A range of days ("16-19 March 2026", "March 2-5") is an event's
 * dates, never the moment a comment was posted.
 */
function dateSpan(text: string): { start: number; end: number; text: string } | null {
  const m = dateMatch(text);
  if (!m || DOT_TIME_RE.test(m[0])) return null;
  if (RANGE_BEFORE_RE.test(text.slice(Math.max(0, m.index - 6), m.index)) || RANGE_AFTER_RE.test(text.slice(m.index + m[0].length))) return null;
  let end = m.index + m[0].length;
  // "July 3, 2012 at 4:54 pm", "2023年3月15日 下午7:10": take the time too.
  const tail = TIME_AFTER_DATE_RE.exec(text.slice(end));
  if (tail) end += tail[0].length;
  const zone = TIME_ZONE_AFTER_RE.exec(text.slice(end));
  if (zone) end += zone[0].length;
  return { start: m.index, end, text: text.slice(m.index, end).trim() };
}

/** The software's joiners as a regex alternation, longest first. */
const JOINERS = DATE_TIME_JOINERS.map((joiner) => joiner.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('|');
/** The time after a date: "July 3, 2012 at 4:54 pm", "13. März 2024 um 08:15", "2023年3月15日 下午7:10". */
const TIME_AFTER_DATE_RE = new RegExp(
  `^,?\\s?(?:${JOINERS}|@|[|–—-])?\\s?(?:上午|下午|午前|午後|오전|오후)?\\s?\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2})?(?:\\s?[ap]\\.?m\\.?)?`,
  'iu',
);
/** A joiner left at the end of the name before the date ("NAME on DATE", "NAME à DATE"). */
const JOINER_AT_END_RE = new RegExp(`\\s(?:${JOINERS}|on|@)\\s?$`, 'iu');

function dateIn(text: string): string | null {
  return dateSpan(text)?.text ?? null;
}

/** `1. FROM JANE DOESometimes, ...` → a header line `FROM JANE DOE` and the text line. */
function splitGluedName(line: Line): Line[] | null {
  const numbered = NUMBERED_RE.exec(line.text);
  const text = numbered ? line.text.slice(numbered[0].length) : line.text;
  const m = GLUED_CAPS_RE.exec(text);
  if (!m || m[1].replace(/[^\p{Lu}]/gu, '').length < 4) return null;
  const author = titleCase(m[1].trim());
  const rest = text.slice(m[0].length - 2);
  if (spacedParts(rest, MIN_NUMBERED_WORDS) < MIN_NUMBERED_WORDS) return null;
  const header: Line = { ...line, text: text.slice(0, m[0].length - 2).trim(), hints: [], head: { author, date: null } };
  addHint(header, 'comment-header', GLUED_CAPS_NAME, ID, 'all-caps name glued to the comment text');
  const body: Line = { ...line, text: rest, hints: [], blankBefore: 0, head: undefined };
  return [header, body];
}

function titleCase(name: string): string {
  return name.toLowerCase().replace(/(^|[\s'’-])(\p{Ll})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}
