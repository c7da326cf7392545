/**
 * Quality metrics of `npm run eval`, as defined in issue 6 and in the "Anchor figures" of the
 * corpus README: bag-of-words token P/R/F1 macro-averaged over pages, title exact match, snippet
 * shares, and the floors that CI holds them to. Pure functions: no I/O.
 */
import type { Line, Result, Zone } from '../src/index.js';
import type { Gold, LineLabel } from './corpus.js';

/**
 * Lowercase runs of Unicode letters and digits. Combining marks stay inside a run: without them a
 * Devanagari or Thai word would split at every vowel sign, while NFKC-composable Latin marks are
 * unaffected either way.
 */
const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
/** What snippet normalisation turns into one space (the corpus labels use the same rule). */
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/gu;

/** A prediction needs this many comment tokens to count as a comment false positive (issue 6). */
export const COMMENT_FP_MIN_TOKENS = 5;

export function tokens(text: string): string[] {
  return text.toLowerCase().match(TOKEN) ?? [];
}

export interface PRF {
  p: number;
  r: number;
  f1: number;
}

/** Size of the multiset intersection of two token lists. */
export function bagOverlap(predicted: readonly string[], gold: readonly string[]): number {
  const left = new Map<string, number>();
  for (const token of gold) left.set(token, (left.get(token) ?? 0) + 1);
  let hits = 0;
  for (const token of predicted) {
    const count = left.get(token) ?? 0;
    if (count > 0) {
      hits++;
      left.set(token, count - 1);
    }
  }
  return hits;
}

/** Bag-of-words precision, recall and F1. Both sides empty is a perfect score; one side empty scores 0. */
export function bagPRF(predicted: readonly string[], gold: readonly string[]): PRF {
  if (predicted.length === 0 && gold.length === 0) return { p: 1, r: 1, f1: 1 };
  const hits = bagOverlap(predicted, gold);
  const p = predicted.length === 0 ? 0 : hits / predicted.length;
  const r = gold.length === 0 ? 0 : hits / gold.length;
  return { p, r, f1: p + r === 0 ? 0 : (2 * p * r) / (p + r) };
}

export function normTitle(title: string): string {
  return title.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

export function titleExact(predicted: string | null, gold: string): boolean {
  return predicted !== null && normTitle(predicted) === normTitle(gold);
}

export function titleTokenF1(predicted: string | null, gold: string): number {
  return bagPRF(tokens(predicted ?? ''), tokens(gold)).f1;
}

/** Case, Unicode (NFKC) and punctuation folded; word boundaries become single spaces. */
export function normSnippet(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NON_WORD, ' ').trim();
}

/**
 * Share of snippets found in a text, or null without snippets. Plain substring search after
 * normalising both, because some snippets start or end in the middle of a word.
 */
export function snippetShare(snippets: readonly string[] | null, text: string): number | null {
  if (snippets === null || snippets.length === 0) return null;
  // Only normalised when there are snippets: it costs as much as tokenising the page.
  const normalisedText = normSnippet(text);
  let found = 0;
  for (const snippet of snippets) if (normalisedText.includes(normSnippet(snippet))) found++;
  return found / snippets.length;
}

/** The parts of an extraction that the metrics look at. */
export interface Output {
  title: string | null;
  body: string;
  /** Each comment's author, date and text, joined. */
  comments: string;
  /** Every text field of the output: what `without` snippets must not be in. */
  all: string;
}

export function outputOfResult(result: Result): Output {
  const body = result.body.join('\n');
  const comments = result.comments
    .map((comment) => [comment.author, comment.date, comment.text].filter((part) => part).join('\n'))
    .join('\n');
  const all = [result.title, result.byline, result.date, ...result.captions, body, comments]
    .filter((part) => part)
    .join('\n');
  return { title: result.title, body, comments, all };
}

/** The keep-everything baseline: the whole dump as body, its first non-blank line as title. */
export function keepallOutput(dump: string): Output {
  const first = dump.split('\n').find((line) => line.trim() !== '');
  return { title: first === undefined ? null : first.trim(), body: dump, comments: '', all: dump };
}

/** Scores of one output against one page's gold; null where the gold does not define the figure. */
export interface Scores {
  body: PRF | null;
  comments: PRF | null;
  /** Tokens in the predicted comments (what the false-positive rate counts). */
  commentTokens: number;
  /** Gold has no comments but the prediction has COMMENT_FP_MIN_TOKENS or more comment tokens. */
  commentFp: boolean | null;
  titleExact: boolean | null;
  titleF1: number | null;
  /** Share of `with` snippets found in the body. */
  with: number | null;
  /** Share of `without` snippets found anywhere in the output (lower is better). */
  without: number | null;
  /** Share of `comments_with` snippets found in the comments. */
  commentsWith: number | null;
}

export function score(gold: Gold, output: Output): Scores {
  const commentTokens = tokens(output.comments);
  const hasComments = gold.comments !== null && gold.comments.trim() !== '';
  const hasTitle = gold.title !== null && gold.title.trim() !== '';
  return {
    body: gold.body === null ? null : bagPRF(tokens(output.body), tokens(gold.body)),
    comments: hasComments ? bagPRF(commentTokens, tokens(gold.comments ?? '')) : null,
    commentTokens: commentTokens.length,
    commentFp: gold.comments !== null && !hasComments ? commentTokens.length >= COMMENT_FP_MIN_TOKENS : null,
    titleExact: hasTitle ? titleExact(output.title, gold.title ?? '') : null,
    titleF1: hasTitle ? titleTokenF1(output.title, gold.title ?? '') : null,
    with: snippetShare(gold.with, output.body),
    without: snippetShare(gold.without, output.all),
    commentsWith: snippetShare(gold.comments_with, output.comments),
  };
}

/** A mean over the pages where a figure is defined; value is null when n is 0. */
export interface Mean {
  n: number;
  value: number | null;
}

export interface Figures {
  pages: number;
  bodyP: Mean;
  bodyR: Mean;
  bodyF1: Mean;
  commentsP: Mean;
  commentsR: Mean;
  commentsF1: Mean;
  commentFp: Mean;
  titleExact: Mean;
  titleF1: Mean;
  with: Mean;
  without: Mean;
  commentsWith: Mean;
}

export function mean(values: readonly (number | boolean | null)[]): Mean {
  let n = 0;
  let sum = 0;
  for (const value of values) {
    if (value === null) continue;
    n++;
    sum += Number(value);
  }
  return { n, value: n === 0 ? null : sum / n };
}

/** Macro averages over pages. */
export function aggregate(pages: readonly Scores[]): Figures {
  const of = (pick: (s: Scores) => number | boolean | null) => mean(pages.map(pick));
  return {
    pages: pages.length,
    bodyP: of((s) => s.body?.p ?? null),
    bodyR: of((s) => s.body?.r ?? null),
    bodyF1: of((s) => s.body?.f1 ?? null),
    commentsP: of((s) => s.comments?.p ?? null),
    commentsR: of((s) => s.comments?.r ?? null),
    commentsF1: of((s) => s.comments?.f1 ?? null),
    commentFp: of((s) => s.commentFp),
    titleExact: of((s) => s.titleExact),
    titleF1: of((s) => s.titleF1),
    with: of((s) => s.with),
    without: of((s) => s.without),
    commentsWith: of((s) => s.commentsWith),
  };
}

/** The gated figures of one dataset × renderer. comment_fp is a ceiling, the others are floors. */
export interface GatedFigures {
  body_f1?: number;
  comments_f1?: number;
  comment_fp?: number;
  title_exact?: number;
}
export type GatedMetric = keyof GatedFigures;
/** dataset → renderer → figures. */
export type Floors = Record<string, Record<string, GatedFigures>>;

/** A figure may move this far the wrong way before the gate fails (issue 6). */
export const GATE_TOLERANCE = 0.01;
/** Figures are stored and compared at 3 decimals, as printed. */
const FLOOR_DECIMALS = 3;

const CEILINGS: ReadonlySet<GatedMetric> = new Set(['comment_fp']);

export function gatedFigures(figures: Figures): GatedFigures {
  const gated: GatedFigures = {};
  const put = (metric: GatedMetric, m: Mean) => {
    if (m.value !== null) gated[metric] = round(m.value);
  };
  put('body_f1', figures.bodyF1);
  put('comments_f1', figures.commentsF1);
  put('comment_fp', figures.commentFp);
  put('title_exact', figures.titleExact);
  return gated;
}

export function round(value: number): number {
  const scale = 10 ** FLOOR_DECIMALS;
  return Math.round(value * scale) / scale;
}

export interface GateFinding {
  dataset: string;
  renderer: string;
  metric: GatedMetric;
  floor: number;
  measured: number | null;
  /** fail: beyond tolerance or not measured; better: moved the right way by more than the tolerance. */
  verdict: 'fail' | 'ok' | 'better';
}

/** Compare measured figures with committed floors (and the comment-FP ceiling). */
export function compareFloors(floors: Floors, measured: Floors): GateFinding[] {
  const findings: GateFinding[] = [];
  for (const [dataset, byRenderer] of Object.entries(floors)) {
    for (const [renderer, figures] of Object.entries(byRenderer)) {
      for (const [metric, floor] of Object.entries(figures) as [GatedMetric, number][]) {
        const value = measured[dataset]?.[renderer]?.[metric] ?? null;
        // Positive drop = got worse, whichever direction "worse" is for the metric.
        const drop = value === null ? Number.POSITIVE_INFINITY : CEILINGS.has(metric) ? value - floor : floor - value;
        // Compared at stored precision so that 0.01 exactly is still within tolerance.
        const verdict = round(drop) > GATE_TOLERANCE ? 'fail' : round(-drop) > GATE_TOLERANCE ? 'better' : 'ok';
        findings.push({ dataset, renderer, metric, floor, measured: value, verdict });
      }
    }
  }
  return findings;
}

/** Output zones, coarsened to what the corpus line labels can tell apart. */
export const ZONE_GROUPS = ['title', 'meta', 'caption', 'body', 'comment', 'junk'] as const;
export type ZoneGroup = (typeof ZONE_GROUPS)[number];

export function zoneGroup(zone: Zone): ZoneGroup {
  if (zone === 'title' || zone === 'body' || zone === 'caption') return zone;
  if (zone === 'byline' || zone === 'date') return 'meta';
  if (zone === 'comment' || zone === 'comment-header') return 'comment';
  return 'junk';
}

/** Gold line label → predicted zone group → words. Counted in words so that a long line weighs more. */
export type LineConfusion = Record<string, Record<ZoneGroup, number>>;

function emptyRow(): Record<ZoneGroup, number> {
  return { title: 0, meta: 0, caption: 0, body: 0, comment: 0, junk: 0 };
}

/** Where the words of each gold line label went. Parts of one split input line all take its label. */
export function lineConfusion(lines: readonly Pick<Line, 'n' | 'text' | 'zone'>[], labels: readonly LineLabel[]): LineConfusion {
  const confusion: LineConfusion = {};
  for (const line of lines) {
    const gold = labels[line.n - 1]?.label;
    if (gold === undefined || gold === 'blank') continue;
    const row = (confusion[gold] ??= emptyRow());
    row[zoneGroup(line.zone)] += tokens(line.text).length;
  }
  return confusion;
}

export function addConfusion(into: LineConfusion, from: LineConfusion): void {
  for (const [gold, row] of Object.entries(from)) {
    const target = (into[gold] ??= emptyRow());
    for (const group of ZONE_GROUPS) target[group] += row[group];
  }
}
