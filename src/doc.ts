/** The one data type that flows through the pipeline: a Doc of Lines, each labelled with a zone. */

export type JunkKind =
  | 'nav'
  | 'share'
  | 'subscribe'
  | 'comment-form'
  | 'comment-meta'
  | 'cookie'
  | 'related'
  | 'meta'
  | 'footer'
  | 'ad'
  | 'boilerplate';

export type Zone =
  | 'title'
  | 'byline'
  | 'date'
  | 'caption'
  | 'body'
  | 'comment-header'
  | 'comment'
  | `junk:${JunkKind}`;

/**
 * Evidence a cleaner attaches to a line. Cleaners label, they never delete:
 * the zone decoder weighs every hint and decides.
 * - `zone` hints say "this line looks like that zone" with a log-odds weight;
 * - `comments-start` marks a section starter ("3 Comments", "Leave a Reply");
 * - `article-end` marks end-of-article chrome ("Share this:", "Related posts").
 */
export type HintKind = Zone | 'comments-start' | 'article-end';

/**
 * The weight of sure evidence from the generating software: a whole line that is one of its UI
 * strings ("Leave a Reply", "13 comments:"). Cleaners that weigh other cleaners' hints test for it.
 */
export const SOFTWARE_WEIGHT = 4;

export interface Hint {
  kind: HintKind;
  /** Log-odds strength; 1 is a nudge, 5 is near-certain. */
  weight: number;
  /** Id of the cleaner that attached it. */
  by: string;
  /** Short human reason, shown by `explain`. */
  reason: string;
  /** On a `comments-start` hint: the starter announces one comment ("1 Comment"). */
  single?: true;
  /** The line is the renderer's, not the site's (lynx's list of the page's links): no sign of site chrome. */
  renderer?: true;
}

export interface CommentHead {
  author: string | null;
  date: string | null;
}

export interface Line {
  /** 1-based line number in the decoded input; split parts of one input line share it. */
  n: number;
  /** Tidied text of the line (NFC, no control characters, whitespace collapsed). */
  text: string;
  /** Leading spaces of the line in the dump (lynx and w3m indent paragraphs and lists). */
  indent: number;
  /** Number of blank input lines right before this line. */
  blankBefore: number;
  hints: Hint[];
  /** Decided zone. Set by the decoder; `body` until then. */
  zone: Zone;
  /** Confidence of the decided zone, 0..1. */
  score: number;
  /** Id of the cleaner whose evidence decided the zone. */
  by: string;
  reason: string;
  /** Set on comment-header lines (and lines that open a comment): who wrote it and when. */
  head?: CommentHead;
  /**
   * Set on the cells of a side-by-side layout row that split-cells gave lines of their own: they
   * share the row's `n` but each may be of another zone (a headline beside a menu label).
   */
  cell?: true;
  /**
   * The line's parts where the dump padded adjacent cells with two spaces only (w3m: "Sport  Harbour
   * reopens after the storms"), as split-cells read them before tidy-text collapsed the spaces.
   */
  padded?: string[];
}

export interface Doc {
  /** Path, `-`, or the record's id/url. */
  source: string;
  lines: Line[];
  lang: string | null;
  warnings: string[];
}

export interface CommentItem {
  author: string | null;
  date: string | null;
  text: string;
}

export interface JunkItem {
  kind: JunkKind;
  text: string;
}

/** The output contract: one Result per document (see schema/result.schema.json). */
export interface Result {
  source: string;
  title: string | null;
  byline: string | null;
  date: string | null;
  captions: string[];
  body: string[];
  comments: CommentItem[];
  lang: string | null;
  warnings: string[];
  junk?: JunkItem[];
  /** Fields carried through from the input record (JSONL fields, WARC headers). */
  meta?: Record<string, unknown>;
}

export function newLine(n: number, text: string, indent = 0, blankBefore = 0): Line {
  return { n, text, indent, blankBefore, hints: [], zone: 'body', score: 0, by: '', reason: '' };
}

export function addHint(line: Line, kind: HintKind, weight: number, by: string, reason: string): Hint {
  const hint = { kind, weight, by, reason };
  line.hints.push(hint);
  return hint;
}

export function isJunk(zone: Zone): zone is `junk:${JunkKind}` {
  return zone.startsWith('junk:');
}
