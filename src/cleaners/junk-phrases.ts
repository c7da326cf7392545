import type { Cleaner } from '../cleaner.js';
import { addHint, type HintKind, type JunkKind, SOFTWARE_WEIGHT } from '../doc.js';
import { memoByText } from '../line-memo.js';
import { copyrightNotice, LYNX_FRAME_RE, menuRow, navigationLink } from '../model/shapes.js';
import { matchLine, type PhraseKind } from '../patterns/index.js';

// Log-odds weights: a whole line that is a known UI string is near-certain junk; a line that only
// starts with one ("Posted in ..." is a template, but "Leave a comment if ..." is a prefix) less so.
const WHOLE_WEIGHT = SOFTWARE_WEIGHT;
const PREFIX_WEIGHT = 2.5;

/** The junk zone of each phrase kind, and the section hint it also gives. */
const ZONES: Record<PhraseKind, { zone: JunkKind; extra?: HintKind }> = {
  'comment-form': { zone: 'comment-form' },
  'comment-meta': { zone: 'comment-meta' },
  'comments-start': { zone: 'comment-form', extra: 'comments-start' },
  'comments-closed': { zone: 'comment-form', extra: 'article-end' },
  'article-end': { zone: 'meta', extra: 'article-end' },
  nav: { zone: 'nav' },
  share: { zone: 'share' },
  subscribe: { zone: 'subscribe' },
  related: { zone: 'related', extra: 'article-end' },
  footer: { zone: 'footer' },
  cookie: { zone: 'cookie' },
  meta: { zone: 'meta' },
};

/**
 * A frame is weaker evidence than a UI string: ad frames sit between an article's paragraphs, and a
 * stronger hint ends the article there (lynx dumps of the dev corpus: Dragnet body -0.007 at 4, -0.003
 * at 2, +0.001 at 1). The decoder drops the frame's line from the text afterwards (shapes' `embedded`).
 */
const FRAME_WEIGHT = 1;

/**
 * A link onwards is weaker evidence than a link back: "More headlines »" or "Keep reading →" may
 * follow an article's first paragraph, and a hint as strong as a UI string's would end the article
 * there. Below ARTICLE_END_JUNK it only tips the lines around it (dev corpus, over 1, 1.5 and 2.5:
 * 2.5 lost L3S-GN1 body where such a link follows the lead; 1 and 1.5 gained Dragnet and CleanEval).
 */
const ONWARD_WEIGHT = 1.5;

/**
 * A menu row is known by its shape, not its words: as weak as a link onwards (dev corpus: 1.5 and
 * 2.5 gave the same figures, small gains on CleanEval, Dragnet, L3S-GN1 and Readability).
 */
const MENU_WEIGHT = 1.5;

/**
 * A copyright notice is footer chrome, but one may close a wire story's text as well: no stronger
 * than a menu row, so that it does not end an article on its own (dev corpus: 1.5 and 2.5 gained the
 * same on L3S-GN1, Dragnet and CleanEval, body +0.001 to +0.005; 2.5 lost Readability w3m -0.0055).
 */
const COPYRIGHT_WEIGHT = 1.5;

/**
 * What a UI string may follow on its line: a list's number (w3m numbers the items of an ordered
 * list, a breadcrumb's too: "1. Home"), and lynx's mark for a button ("(BUTTON) Reply").
 */
const LIST_OR_BUTTON_RE = /^(?:\(?\d{1,3}[.)]\s|\(BUTTON\)\s)/u;

/** UI strings are the lines that repeat most, on a page and across a site's pages. */
const phraseOf = memoByText(matchLine);

/**
 * lynx opens a dump with the page's `<link>` elements (feeds, next and previous pages) as one line,
 * `#` and their titles, in its margin of three columns: "   #RSS Feed Atom Feed Comments Feed". A
 * Markdown heading has a space after its `#`; a dump without lynx's margin may open with a
 * hashtag or a number ("#3 of our favourite trails").
 */
const LYNX_LINKS_RE = /^#[^\s#]/u;
const LYNX_MARGIN = 3;

/**
 * Labels lines that are the software's own UI strings (WordPress in 60+ locales, Jetpack, Disqus...).
 * Localised comment headers (`matchCommentHeader`) are read by the comment-headers cleaner.
 */
export const junkPhrases: Cleaner = {
  id: 'junk-phrases',
  description: 'Mark known UI strings (comment forms, share bars, navigation, footers, cookie banners), lynx\'s embedded frames and link list, links back and onwards, and menu rows.',
  run(doc) {
    const first = doc.lines[0];
    if (first && first.indent >= LYNX_MARGIN && LYNX_LINKS_RE.test(first.text)) {
      addHint(first, 'junk:nav', WHOLE_WEIGHT, 'junk-phrases', 'lynx: the page\'s links ("#RSS Feed Comments Feed")').renderer = true;
    }
    for (const line of doc.lines) {
      const match = phraseOf(line.text.replace(LIST_OR_BUTTON_RE, ''));
      if (match) {
        const weight = match.whole ? WHOLE_WEIGHT : PREFIX_WEIGHT;
        const reason = `${match.origin}/${match.locale}: "${match.phrase}"`;
        const { zone, extra } = ZONES[match.kind];
        addHint(line, `junk:${zone}`, weight, 'junk-phrases', reason);
        if (extra) {
          const hint = addHint(line, extra, weight, 'junk-phrases', reason);
          if (match.single) hint.single = true;
        }
      } else if (line.text.startsWith('IFRAME: ') && LYNX_FRAME_RE.test(line.text)) {
        addHint(line, 'junk:ad', FRAME_WEIGHT, 'junk-phrases', 'lynx: "IFRAME: %s" (an embedded frame)');
      } else {
        const link = navigationLink(line.text);
        if (link === 'back') {
          addHint(line, 'junk:nav', PREFIX_WEIGHT, 'junk-phrases', 'a link back to the previous post or an index ("« Older post | Main", "« Back to index")');
        } else if (link === 'onward') {
          addHint(line, 'junk:nav', ONWARD_WEIGHT, 'junk-phrases', 'a link onwards, to the next post or more pages ("Next post »", "More headlines »")');
        } else if (menuRow(line.text)) {
          addHint(line, 'junk:nav', MENU_WEIGHT, 'junk-phrases', 'a row of menu items ("Home | News | Sport")');
        } else if (copyrightNotice(line.text)) {
          addHint(line, 'junk:footer', COPYRIGHT_WEIGHT, 'junk-phrases', 'a copyright notice ("© 2026 Example", "All rights reserved.")');
        }
      }
    }
  },
};
