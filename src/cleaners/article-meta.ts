import type { Cleaner } from '../cleaner.js';
import { addHint } from '../doc.js';
import { endsLikeSentence, hasDate, hasRelativeTime } from '../model/shapes.js';
import { memoByText } from '../line-memo.js';
import { lineWords } from '../text-stats.js';

const ID = 'article-meta';

/** Bylines and dateline rows are short; longer lines are text that mentions a date. */
const MAX_META_WORDS = 12;
const MAX_CAPTION_WORDS = 80;
/** Log-odds: "By NAME" and a photo cue are rarely anything else; a short line with a date often is. */
const BYLINE = 3;
const CAPTION = 3;
const DATE_LINE = 2.5;

/** "by" before a writer's name, in the languages bylines are read in. */
const BY = 'by|von|par|por|di|door|av|przez';
const BYLINE_RE = new RegExp(`^(?:(?:posted|written|published|reported|words|text|story)\\s)?(?:${BY}|автор:?)\\s\\p{L}`, 'iu');
const AUTHOR_LABEL_RE = /^(?:author|autor|auteur|autore|автор)\s?:\s?\p{L}/iu;
const DATE_LABEL_RE = /^(?:published|posted|updated|last updated|date|datum|publié|publicado|опубликовано)\s?(?:on|:)?\s/iu;

/**
 * Photo cues in captions of news sites: position markers ("(L)", "ABOVE:"), photo credits, a
 * courtesy line, and wire agencies' credits ("(AP)", "(AAP)", "(dpa)").
 */
const CAPTION_RES = [
  /\((?:l|r|c|left|right|center|centre|top|bottom|front|back|pictured|file)\)/iu,
  /\((?:ap|afp|reuters|getty|epa|aap|dpa|efe|ansa|xinhua|upi)\s?(?:photo|images)?[^)]{0,40}\)\s?$/iu,
  /^(?:above|below|pictured|inset|courtesy)\s?:\s?\p{L}/iu,
  /^(?:photo|image|picture|foto|bild|illustration|credit)s?\s?(?::|by\b)/iu,
  /\((?:photo|image|picture|foto|bild|illustration|credit)s?\s?(?::|by\b)[^()]{0,60}\)\s?$/iu,
  /\b(?:photo|photograph|image|picture)\s(?:by|credit|courtesy)\b/iu,
  /\b(?:getty images|ap photo|afp photo|reuters\/|file photo|pictured)\b/iu,
];

/**
 * What every caption cue contains (with the same flags, so the same case folding): one scan
 * instead of five on the lines that have none, which is nearly all of them.
 */
const CAPTION_CUE = /\(|photo|image|picture|foto|bild|illustration|credit|getty|reuters|^(?:above|below|pictured|inset|courtesy)/iu;

/** A writer's name after "by" inside a line ("Posted on March 3, 2026 by Ines Okafor"). */
const NAMED_RE = new RegExp(`(?:^|\\s)(?:${BY})\\s\\p{Lu}`, 'u');

/**
 * "By NAME" at the line's start. A line that opens on "by" and a lower-case word and ends like a
 * sentence is a sentence ("By then the boats were back."); a handle ends none ("by admin"), and a
 * verb before "by" says it is a byline ("Posted by admin in News.").
 */
function byline(text: string): boolean {
  const lead = BYLINE_RE.exec(text);
  if (lead === null) return false;
  const bare = !/\s/u.test(lead[0].slice(0, -2));
  return !(bare && LOWER_RE.test(lead[0].slice(-1)) && endsLikeSentence(text));
}
const LOWER_RE = /\p{Ll}/u;

/** The line names its writer, as a byline does, anywhere in it. */
export function namesWriter(text: string): boolean {
  return NAMED_RE.test(text);
}

interface MetaHint {
  kind: 'byline' | 'date' | 'caption';
  weight: number;
  reason: string;
}

const BYLINE_HINT: MetaHint = { kind: 'byline', weight: BYLINE, reason: 'byline ("By NAME")' };
const DATE_HINT: MetaHint = { kind: 'date', weight: DATE_LINE, reason: 'date line' };
const CAPTION_HINT: MetaHint = { kind: 'caption', weight: CAPTION, reason: 'photo caption cue' };

function metaHintOf(text: string): MetaHint | null {
  const words = lineWords(text, MAX_CAPTION_WORDS);
  if (words <= MAX_META_WORDS) {
    if (byline(text) || AUTHOR_LABEL_RE.test(text)) return BYLINE_HINT;
    if (hasDate(text) || hasRelativeTime(text) || DATE_LABEL_RE.test(text)) return DATE_HINT;
  }
  if (words <= MAX_CAPTION_WORDS && CAPTION_CUE.test(text) && CAPTION_RES.some((re) => re.test(text))) return CAPTION_HINT;
  return null;
}

/** Bylines and date lines repeat (an author's name, comment dates): looked up once per text. */
const metaHint = memoByText(metaHintOf);

/** Bylines, datelines and photo captions: the article's supplemental lines. */
export const articleMeta: Cleaner = {
  id: ID,
  description: 'marks bylines ("By NAME"), date lines and photo captions ("(R)", "Photo:", agency credits)',
  run(doc) {
    for (const line of doc.lines) {
      const hint = metaHint(line.text);
      if (hint) addHint(line, hint.kind, hint.weight, ID, hint.reason);
    }
  },
};
