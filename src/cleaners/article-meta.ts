import type { Cleaner } from '../cleaner.js';
import { addHint } from '../doc.js';
import { hasDate, hasRelativeTime } from '../model/shapes.js';
import { spacedParts } from '../text-stats.js';

const ID = 'article-meta';

/** Bylines and dateline rows are short; longer lines are text that mentions a date. */
const MAX_META_WORDS = 12;
const MAX_CAPTION_WORDS = 80;
/** Log-odds: "By NAME" and a photo cue are rarely anything else; a short line with a date often is. */
const BYLINE = 3;
const CAPTION = 3;
const DATE_LINE = 2.5;

const BYLINE_RE =
  /^(?:(?:posted|written|published|reported|words|text|story)\s)?(?:by|von|par|por|di|door|av|przez|автор:?)\s\p{L}/iu;
const AUTHOR_LABEL_RE = /^(?:author|autor|auteur|autore|автор)\s?:\s?\p{L}/iu;
const DATE_LABEL_RE = /^(?:published|posted|updated|last updated|date|datum|publié|publicado|опубликовано)\s?(?:on|:)?\s/iu;

/** Photo cues in captions of news sites: position markers, photo credits, agency credits. */
const CAPTION_RES = [
  /\((?:l|r|c|left|right|center|centre|top|bottom|front|back|pictured|file)\)/iu,
  /\((?:ap|afp|reuters|getty|epa)\s?(?:photo|images)?[^)]{0,40}\)\s?$/iu,
  /^(?:photo|image|picture|foto|bild|illustration|credit)s?\s?(?::|by\b)/iu,
  /\b(?:photo|photograph|image|picture)\s(?:by|credit|courtesy)\b/iu,
  /\b(?:getty images|ap photo|afp photo|reuters\/|file photo|pictured)\b/iu,
];

/** Bylines, datelines and photo captions: the article's supplemental lines. */
export const articleMeta: Cleaner = {
  id: ID,
  description: 'marks bylines ("By NAME"), date lines and photo captions ("(R)", "Photo:", agency credits)',
  run(doc) {
    for (const line of doc.lines) {
      const words = spacedParts(line.text, MAX_CAPTION_WORDS);
      if (words <= MAX_META_WORDS) {
        if (BYLINE_RE.test(line.text) || AUTHOR_LABEL_RE.test(line.text)) {
          addHint(line, 'byline', BYLINE, ID, 'byline ("By NAME")');
          continue;
        }
        if (hasDate(line.text) || hasRelativeTime(line.text) || DATE_LABEL_RE.test(line.text)) {
          addHint(line, 'date', DATE_LINE, ID, 'date line');
          continue;
        }
      }
      if (words <= MAX_CAPTION_WORDS && CAPTION_RES.some((re) => re.test(line.text))) {
        addHint(line, 'caption', CAPTION, ID, 'photo caption cue');
      }
    }
  },
};
