/**
 * Line shapes a reader recognises at a glance: dates, times, links, list markers.
 * Every pattern is linear: no nested quantifiers, bounded repeats only.
 */

import { isSpacelessChar, LETTER_RE, lineWords } from '../text-stats.js';

/**
 * The languages whose dates, weekdays and relative times are read: those of the stoplists
 * (src/stoplists.ts). Their names and forms come from CLDR through Intl (Node ships full ICU):
 * months long and short, in the form a date prints them ("12. března", "12 Μαρτίου") and standing
 * alone ("březen").
 */
const CLDR_LANGUAGES = [
  'af', 'ar', 'bg', 'bn', 'ca', 'cs', 'da', 'de', 'el', 'en', 'es', 'et', 'eu', 'fa', 'fi', 'fr', 'ga', 'gl', 'gu', 'ha',
  'he', 'hi', 'hr', 'hu', 'hy', 'id', 'it', 'ja', 'ko', 'lt', 'lv', 'mr', 'ms', 'nb', 'nl', 'pa', 'pl', 'pt', 'ro', 'ru',
  'sk', 'sl', 'so', 'sr', 'sv', 'sw', 'th', 'tr', 'uk', 'ur', 'vi', 'zh', 'zu',
];
/** "Sept", the English abbreviation CLDR does not give (it has "Sep"). */
const EXTRA_MONTHS = ['sept'];

function monthNames(): Set<string> {
  const names = new Set(EXTRA_MONTHS);
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(CLDR_LANGUAGES)) {
    for (const month of ['long', 'short'] as const) {
      const alone = new Intl.DateTimeFormat(locale, { month, timeZone: 'UTC' });
      const inDate = new Intl.DateTimeFormat(locale, { day: 'numeric', month, timeZone: 'UTC' });
      for (let m = 0; m < 12; m++) {
        const day = new Date(Date.UTC(2024, m, 12));
        const printed = inDate.formatToParts(day).find((part) => part.type === 'month')?.value;
        for (const name of [alone.format(day), printed]) {
          const clean = name?.toLocaleLowerCase(locale).replace(/\.$/u, '').trim();
          // Numeric months ("3", "3月") are no names: the numeric shapes below read them.
          if (clean && /\p{L}{2}/u.test(clean)) names.add(clean);
        }
      }
    }
  }
  return names;
}

const MONTHS = monthNames();
/**
 * A word where a date has its month, checked against MONTHS: one alternation of the 824 names of
 * all languages, case-insensitive, would cost a hundred times more per line. Vietnamese months are
 * "tháng" and their number.
 */
const MONTH_SLOT = '([Tt]háng\\s\\d{1,2}|\\p{L}[\\p{L}\\p{M}]{1,15})\\.?';
/** Where a month name may start: not inside a word (`\b` knows ASCII letters only). */
const NAME_START = '(?<![\\p{L}\\p{M}\\p{N}])';

/**
 * 12/03/2024, 2024-03-12, 12.3.2024, March 12, 2024, 12 March 2024, 12 de marzo de 2024, 2024. március 12.,
 * Jul 20 2012, 2024年3月12日, 2024년 3월 12일; a numeric date may follow a name with no space (Blogger),
 * but a version number (1.2.3) is none. The month slots (groups 1 to 4) must hold a month's name.
 */
const DATE_SHAPES = new RegExp(
  `(?<![\\d.])(?:\\d{1,2}[-/.]\\d{1,2}[-/.](?:\\d{4}|\\d{2})|\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2})(?![\\d.]\\d)` +
    `|${NAME_START}${MONTH_SLOT}\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?,?\\s{1,3}\\d{4}` +
    `|\\b\\d{1,2}(?:st|nd|rd|th)?\\.?\\s{1,3}(?:(?:of|de|di)\\s)?${MONTH_SLOT},?\\s{1,3}(?:de\\s)?\\d{4}` +
    `|\\b\\d{4}\\.?\\s{1,3}${MONTH_SLOT}\\s{1,3}\\d{1,2}(?!\\d)` +
    `|${NAME_START}${MONTH_SLOT}\\s{1,3}\\d{4}` +
    `|\\d{4}年\\d{1,2}月\\d{1,2}日|\\d{4}년\\s?\\d{1,2}월\\s?\\d{1,2}일`,
  'gu',
);
/** What every date shape holds: a year of four digits, or digits around a separator. */
const DATE_CUE = /\d{4}|\d[-/.]\d/u;

/** The first date in the text: a match of DATE_SHAPES whose month slot, if any, holds a month. */
function findDate(text: string): RegExpExecArray | null {
  if (!DATE_CUE.test(text)) return null;
  DATE_SHAPES.lastIndex = 0;
  for (let m = DATE_SHAPES.exec(text); m !== null; m = DATE_SHAPES.exec(text)) {
    const slot = m[1] ?? m[2] ?? m[3] ?? m[4];
    if (slot === undefined || MONTHS.has(slot.toLowerCase())) return m;
    // Another shape may start inside this one ("Room 12 May 2024": "Room 12" is no month, "12 May 2024" a date).
    DATE_SHAPES.lastIndex = m.index + 1;
  }
  return null;
}

/**
 * English weekday abbreviations. Other languages' short forms are words and names elsewhere ("so",
 * "do", "Sam", "Dom", "man"): only their long names are taken.
 */
const SHORT_WEEKDAYS = ['mon', 'tue', 'tues', 'wed', 'wednes', 'thu', 'thur', 'thurs', 'fri', 'sat', 'satur', 'sun'];

/** Weekday names of the same languages from CLDR ("monday", "montag", "pazartesi", "δευτέρα"). */
function weekdayNames(): Set<string> {
  const names = new Set(SHORT_WEEKDAYS);
  for (const locale of Intl.DateTimeFormat.supportedLocalesOf(CLDR_LANGUAGES)) {
    const long = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
    // 2024-03-11 is a Monday.
    for (let d = 11; d < 18; d++) names.add(long.format(new Date(Date.UTC(2024, 2, d))).toLocaleLowerCase(locale));
  }
  return names;
}

const WEEKDAYS = weekdayNames();
const WORD_RE = /[\p{L}\p{M}]+\.?/gu;

/** The text without its weekday names, which a dated header prints before its date ("The Briefing, Monday, May 7, 2012"). */
export function withoutWeekdays(text: string): string {
  return text.replace(WORD_RE, (word) => (WEEKDAYS.has(word.toLowerCase().replace(/\.$/u, '')) ? '' : word));
}

/** 3:56 pm, 14:05, 9.30am. */
export const TIME_RE = /\b\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s?(?:[ap]\.?m\.?)?(?![\d])/iu;

/** "2 hours ago", "an hour ago", "yesterday"; other languages' counted forms are RELATIVE_TEMPLATES. */
export const RELATIVE_TIME_RE = /\b(?:\d{1,3}|an?|one)\s(?:second|minute|hour|day|week|month|year)s?\sago\b|\byesterday\b/iu;

/** What a relative time prints around its count: "vor # Stunden", "il y a # heures", "# часа назад", "#小时前". */
interface RelativeTemplate {
  before: string;
  after: string;
}

const RELATIVE_UNITS = ['second', 'minute', 'hour', 'day', 'week', 'month', 'year'] as const;
/** Counts that reach every plural form (one, few, many, other) of the languages' rules. */
const PLURAL_SAMPLES = [1, 2, 3, 5, 11, 21, 22, 25, 100];

/**
 * Past relative times of the same languages from CLDR (Intl.RelativeTimeFormat), keyed by the first
 * letter after the count: a line's counts are looked up, not matched against hundreds of patterns.
 */
function relativeTemplates(): Map<string, RelativeTemplate[]> {
  const byKey = new Map<string, RelativeTemplate[]>();
  const seen = new Set<string>();
  for (const locale of Intl.RelativeTimeFormat.supportedLocalesOf(CLDR_LANGUAGES)) {
    const format = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
    for (const unit of RELATIVE_UNITS) {
      for (const count of PLURAL_SAMPLES) {
        const parts = format.formatToParts(-count, unit);
        const at = parts.findIndex((part) => part.type === 'integer');
        // Forms without a count ("قبل ساعتين", two hours in the dual) are not looked up.
        if (at < 0) continue;
        const text = (k: number) => (parts[k]?.type === 'literal' ? parts[k].value.replace(/\s/gu, ' ').toLocaleLowerCase(locale) : '');
        const template = { before: text(at - 1), after: text(at + 1) };
        const key = template.after.trim().charAt(0);
        if (key === '' || seen.has(`${template.before}#${template.after}`)) continue;
        seen.add(`${template.before}#${template.after}`);
        const list = byKey.get(key);
        if (list) list.push(template);
        else byKey.set(key, [template]);
      }
    }
  }
  return byKey;
}

const RELATIVE_TEMPLATES = relativeTemplates();
const COUNT_RE = /(?<!\d)\d{1,3}(?!\d)/gu;

/** The first relative time of RELATIVE_TEMPLATES in the text, as a match ("vor 2 Stunden"). */
function relativeTemplateTime(text: string): RegExpExecArray | null {
  for (const count of text.matchAll(COUNT_RE)) {
    const start = count.index as number;
    const end = start + count[0].length;
    const next = text.slice(end, end + 40).toLowerCase();
    for (const t of RELATIVE_TEMPLATES.get(next.trim().charAt(0)) ?? []) {
      const from = start - t.before.length;
      if (from < 0 || !next.startsWith(t.after) || text.slice(from, start).toLowerCase() !== t.before) continue;
      const to = end + t.after.length;
      // A word goes on after the unit ("vor 2 Stundenplänen"): no relative time. In a spaceless
      // script one ends without a word boundary ("2小时前今天").
      if (!isSpacelessChar(Array.from(t.after).at(-1) ?? '') && LETTER_RE.test(text.charAt(to))) continue;
      return Object.assign([text.slice(from, to)], { index: from, input: text, groups: undefined }) as RegExpExecArray;
    }
  }
  return null;
}

export const URL_RE = /(?:https?:\/\/|www\.)\S|\b[\w-]{1,63}\.(?:com|org|net|edu|gov|io|co|uk|de|fr)\b/iu;
// The lookbehind starts a match only where an address can start, so a long run of `-` or `.` stays linear.
export const EMAIL_RE = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}\.[\w.-]{2,63}/u;
export const HANDLE_RE = /(?:^|\s)[@#][\p{L}\p{N}_]{2,30}/u;

/**
 * What renderers print in place of content that is not the page's text: lynx's embedded frame,
 * `IFRAME:` and the frame's address or name (`IFRAME: https://ads.example/slot?id=7`), and an image
 * shown by its file name, in lynx's brackets when it has no alt text (`[block-diagram.png]`,
 * `[dims?thumbnail=980%2C653]`) or bare where the page gave the file name as its alt text
 * (`RUU_1694.JPG`). A bracketed line with a space in it is alt text or an editor's note ("[Photos
 * via AP]"), and a bracketed word without a file's shape ("[build]") may be text: neither is embedded.
 */
export const LYNX_FRAME_RE = /^IFRAME: \S+$/u;
const LYNX_IMAGE_RE = /^\[(?:USEMAP:)?[^[\]\s]{1,300}\]$/u;
const FILE_NAME_RE = /\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)(?:[?#][^\]]{0,300})?\]$|[?=&%]/iu;
const IMAGE_FILE_RE = /^[^\s[\]]{1,300}\.(?:jpe?g|png|gif|webp|svg|bmp|tiff?)$/iu;

/**
 * lynx shows a MathML formula as its markup between `[MATH:` and `:MATH]` ("[MATH: <mi> a </mi> <mo>
 * ≠ </mo> ... :MATH]"), a formula a line or, wrapped, a few: no reader's text.
 */
const LYNX_MATH_START = '[MATH: ';
const LYNX_MATH_END = ' :MATH]';

/** The line stands for embedded content, a frame, a formula's markup or an image shown by its file name (see LYNX_FRAME_RE). */
export function embedded(text: string): boolean {
  if (text.startsWith('IFRAME: ')) return LYNX_FRAME_RE.test(text);
  if (text.startsWith(LYNX_MATH_START) || text.endsWith(LYNX_MATH_END)) return true;
  if (text.startsWith('[')) return LYNX_IMAGE_RE.test(text) && FILE_NAME_RE.test(text);
  return IMAGE_FILE_RE.test(text);
}

/**
 * A link to the previous or next post, or back to an index, as blog and news software prints it:
 * an arrow before the link's title that no closing quote mark answers ("« Back to Football Home",
 * "<<Back to index"), an arrow after one that no opening mark began ("Celery documentation »"), or
 * both around links parted by bars ("« Older post | Main | Newer post »"). Guillemets that quote
 * (« Nous ne céderons pas ») open and close. A line with a back arrow is a link back; else onward.
 */
const BACK_ARROW_RE = /^(?:[«‹←]|<<)/u;
const FORWARD_ARROW_RE = /(?:[»›→]|>>)$/u;
const LINK_BAR_RE = / \| /u;
const CLOSING_MARK_RE = /[»›]/u;
const OPENING_MARK_RE = /[«‹]/u;

export function navigationLink(text: string): 'back' | 'onward' | null {
  const back = BACK_ARROW_RE.test(text);
  const forward = FORWARD_ARROW_RE.test(text);
  if (back && forward) return LINK_BAR_RE.test(text) ? 'back' : null;
  if (back) return CLOSING_MARK_RE.test(text) ? null : 'back';
  if (forward) return OPENING_MARK_RE.test(text) ? null : 'onward';
  return null;
}

/** The separators of a menu's items on one line ("Home | News | Sport", "Tech · Science · Health"). */
const MENU_SEPARATOR_RE = / [|·•»›] /u;
/** Items of a menu row at least, and words of one item at most. */
const MENU_ITEMS = 3;
const MENU_ITEM_WORDS = 3;

/**
 * A row of menu items: three or more short labels (up to three words, each with a letter) parted
 * by bars, dots or arrows, and no date among them ("NAME | DATE | 3 Comments" is a post's header).
 * On the dev corpus's labelled dumps 1,743 such lines were chrome, 3 text and 4 in comments.
 */
export function menuRow(text: string): boolean {
  const cells = text.replace(BULLET_RE, '').split(MENU_SEPARATOR_RE);
  if (cells.length < MENU_ITEMS) return false;
  for (const cell of cells) if (cell.split(' ').length > MENU_ITEM_WORDS || !LETTER_RE.test(cell)) return false;
  return !hasDate(text);
}

/** lynx bullets (`*`, `+`, `o`, `#`), w3m bullets by list depth (`•`, `□`, `☆`, `○`, `■`), others' (`●`), dashes. */
export const BULLET_RE = /^(?:[*+•·▪◦‣#□☆○■●-]|o)\s/u;
export const NUMBERED_RE = /^\(?\d{1,3}[.)]\s/u;

/**
 * A copyright notice: a short line that opens with "©", "Copyright" or "(c) YEAR", or says "All rights
 * reserved" (in one of 24 languages). Site footers print one ("© 2026 Site Name", a theme's
 * "Copyright © %s"); so do wire stories under their last paragraph.
 */
export function copyrightNotice(text: string): boolean {
  // Over COPYRIGHT_CHARS a line has more than COPYRIGHT_WORDS words in any script but the spaceless ones.
  const short = text.length <= COPYRIGHT_CHARS;
  return (COPYRIGHT_LEAD_RE.test(text) || (short && RIGHTS_RESERVED_RE.test(text))) && lineWords(text, COPYRIGHT_WORDS) <= COPYRIGHT_WORDS;
}
/** The notice's lead, after a list bullet (BULLET_RE, without its anchor) or none. */
const COPYRIGHT_LEAD_RE = new RegExp(`^(?:${BULLET_RE.source.slice(1)})?(?:©|copyright\\b|\\(c\\)\\s?\\d{4})`, 'iu');
const COPYRIGHT_CHARS = 400;
/** "All rights reserved" in the languages of the web's larger sites. */
const RIGHTS_RESERVED_RE = new RegExp(
  [
    'all rights reserved',
    'alle rechte vorbehalten',
    'tous droits réservés',
    'todos los derechos reservados',
    'tutti i diritti riservati',
    'todos os direitos reservados',
    'alle rechten voorbehouden',
    'wszelkie prawa zastrzeżone',
    'все права защищены',
    'усі права захищені',
    'alla rättigheter förbehållna',
    'alle rettigheder forbeholdes',
    'alle rettigheter forbeholdt',
    'kaikki oikeudet pidätetään',
    'všechna práva vyhrazena',
    'tüm hakları saklıdır',
    'minden jog fenntartva',
    'toate drepturile rezervate',
    'με επιφύλαξη παντός δικαιώματος',
    'جميع الحقوق محفوظة',
    'כל הזכויות שמורות',
    'hak cipta dilindungi',
    '版权所有',
    '版權所有',
    '모든 권리 보유',
  ].join('|'),
  'iu',
);
/** Longer lines that say so are text about copyright, or a notice glued to text. */
const COPYRIGHT_WORDS = 25;

/**
 * Sentence-final punctuation in any script (full-width and half-width CJK stops, Arabic and Urdu,
 * Devanagari dandas, Armenian, Ethiopic, Myanmar), optionally followed by closing quotes or brackets,
 * CJK corner brackets included (Japanese dialogue ends `。」`).
 */
export const TERMINAL_RE = /[.!?。！？．｡…؟۔।॥։።။][”"'’»)\]」』）】〉》〕］]{0,3}$/u;
/** TERMINAL_RE matches at most this many UTF-16 units, all at the end of the line. */
const TERMINAL_MAX_UNITS = 4;

/**
 * A reader's sentence may end in an emoticon or an emoji instead of a stop ("thanks for the tip
 * :)", "Great photos 😍"), after a space or a sentence mark.
 */
const EMOTICON_END_RE = /(?:^|[\s.!?,])(?:[:;=][-'^o]?[)(\]\[DPpO3/\\|*]|\^_?\^|<3|[xX]D)$|\p{Extended_Pictographic}\uFE0F?$/u;
/** EMOTICON_END_RE matches at most this many UTF-16 units: a space, a three-character emoticon; an emoji's pair and its selector. */
const EMOTICON_MAX_UNITS = 4;

/** TERMINAL_RE on the end of the line only: the regex engine would try every position of a long line. */
export function endsLikeSentence(text: string): boolean {
  return TERMINAL_RE.test(text.length > TERMINAL_MAX_UNITS ? text.slice(-TERMINAL_MAX_UNITS) : text);
}

/** EMOTICON_END_RE on the end of the line only. */
export function endsInEmoticon(text: string): boolean {
  return EMOTICON_END_RE.test(text.length > EMOTICON_MAX_UNITS ? text.slice(-EMOTICON_MAX_UNITS) : text);
}

/**
 * Program text as articles and documentation print it in a code block: a statement's or a block's
 * end (`;`, `{`, a leading `}`), a comment's lead (`//`, `/*`, `#include`), a shell prompt, a call
 * ending the line (`expect(x)`; numbers alone in its brackets are a listing's count, `Ferries(12)`),
 * or an operator prose does not use, between two operands (`==`, `!=`, `=>`, `->`, `::`, `+=`,
 * ` = `; a rule of `=` is none). Addresses and lynx's bracketed file names hold `=` too: a line with
 * an address, in brackets or an embedded frame is no code.
 */
const CODE_RE = /^(?:\/\/|\/\*|#include\b|\$ \S|\})|[;{]$|\w\((?![\d,.\s]{0,80}\))[^()]{0,80}\)[;,]?$|[\w)]\s?(?:[=!]==?|=>|[+*-]=)\s?[\w("'-]|\w->\w|\w::\w|\w\s=\s[\w"'([{-]/u;
/** What every CODE_RE match holds. */
const CODE_CUE = /[;{}()=>:&|/$#]/u;

export function looksLikeCode(text: string): boolean {
  return CODE_CUE.test(text) && !text.startsWith('[') && !text.startsWith('IFRAME: ') && CODE_RE.test(text) && !hasUrl(text);
}

/** Separators of menus, breadcrumbs and w3m table cells. */
export const SEPARATOR_RE = /\s[|»›>·•/]\s|\s{3,}/gu;

const DIGIT = /\d/u;
/** What every URL_RE match contains: a scheme, `www.` or one of its top-level domains. */
const URL_CUE = /https?:\/\/|www\.|\.(?:com|org|net|edu|gov|io|co|uk|de|fr)\b/iu;
const RELATIVE_CUE = /ago|yesterday/iu;

/** Dates and TIME_RE need a digit, RELATIVE_TIME_RE its cue words: a cheap test first, on the hot path. */
export function hasDate(text: string): boolean {
  return DIGIT.test(text) && findDate(text) !== null;
}

export function hasTime(text: string): boolean {
  return DIGIT.test(text) && TIME_RE.test(text);
}

export function hasUrl(text: string): boolean {
  return URL_CUE.test(text) && URL_RE.test(text);
}

export function hasRelativeTime(text: string): boolean {
  return (RELATIVE_CUE.test(text) && RELATIVE_TIME_RE.test(text)) || (DIGIT.test(text) && relativeTemplateTime(text) !== null);
}

/**
 * A line that is a date without its year and nothing else, maybe with a time ("November 12th",
 * "3 March", "Nov 12 at 10:30 am"): comment software prints this year's dates so. Only a whole
 * line is read so: in running text "May 5" is as often a verb and a number.
 */
const YEARLESS_DATE_RE = new RegExp(
  `^(?:${MONTH_SLOT}\\s{1,3}\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\.?\\s{1,3}(?:(?:of|de|di)\\s)?${MONTH_SLOT})` +
    `(?:,?\\s(?:at\\s|@\\s?)?\\d{1,2}[:.]\\d{2}\\s?(?:[ap]\\.?m\\.?)?)?$`,
  'iu',
);

export function yearlessDate(text: string): boolean {
  const m = YEARLESS_DATE_RE.exec(text);
  const slot = m?.[1] ?? m?.[2];
  return slot !== undefined && MONTHS.has(slot.toLowerCase());
}

/**
 * The first date, relative time (RELATIVE_TIME_RE, then RELATIVE_TEMPLATES) or match of TIME_RE, tried in
 * that order, each only where its cue is in the text (a digit, "ago"): the cues cost a tenth of the searches.
 */
export function dateMatch(text: string): RegExpExecArray | null {
  const digit = DIGIT.test(text);
  return (
    (digit ? findDate(text) : null) ??
    (RELATIVE_CUE.test(text) ? RELATIVE_TIME_RE.exec(text) : null) ??
    (digit ? relativeTemplateTime(text) : null) ??
    (digit ? TIME_RE.exec(text) : null)
  );
}
