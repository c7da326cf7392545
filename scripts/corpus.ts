/**
 * Reading a labelled corpus folder (layout of ../shared/corpus/README.md):
 *   pages.jsonl                  one page per line, sorted by id
 *   dumps/<renderer>/<id>.txt    plain-text dump of the page
 *   labels/<renderer>/<id>.tsv   per-line labels of that dump (some datasets only)
 * Shared by the eval and the training script.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const RENDERERS = ['lynx', 'w3m', 'blocks'] as const;
export type Renderer = (typeof RENDERERS)[number];

/** Gold fields of a page; `null` means the source does not label that field. */
export interface Gold {
  title: string | null;
  /** Paragraphs separated by `\n`. */
  body: string | null;
  /** `""` means labelled and free of reader comments. */
  comments: string | null;
  /** Snippets that must appear in the extracted body. */
  with: string[] | null;
  /** Snippets that must not appear in the output. */
  without: string[] | null;
  /** Snippets that must appear in the extracted comments. */
  comments_with: string[] | null;
}

export interface Page {
  id: string;
  dataset: string;
  site: string;
  url: string;
  /** ISO 639-1 guess of the corpus builder; `""` if unsure. */
  lang: string;
  page_type: string;
  gold: Gold;
  license: string;
}

export const LINE_LABELS = ['title', 'body', 'supplemental', 'related', 'comment', 'junk', 'blank'] as const;
export type LineLabelName = (typeof LINE_LABELS)[number];

export interface LineLabel {
  /** 1-based line number in the dump. */
  line: number;
  label: LineLabelName;
  /** How the line was matched to the gold: exact, substr, fuzzy, none; `""` on blank lines. */
  match: string;
}

export function isRenderer(name: string): name is Renderer {
  return (RENDERERS as readonly string[]).includes(name);
}

/** All pages of the corpus, in file order (sorted by id). */
export function readPages(corpusDir: string): Page[] {
  const text = readFileSync(join(corpusDir, 'pages.jsonl'), 'utf8');
  const pages: Page[] = [];
  for (const row of text.split('\n')) {
    if (row.trim() !== '') pages.push(JSON.parse(row) as Page);
  }
  return pages;
}

export function dumpPath(corpusDir: string, renderer: Renderer, id: string): string {
  return join(corpusDir, 'dumps', renderer, `${id}.txt`);
}

export function readDump(corpusDir: string, renderer: Renderer, id: string): string {
  return readFileSync(dumpPath(corpusDir, renderer, id), 'utf8');
}

/** Per-line labels of one dump, or null where the dataset has none. Row i describes dump line i + 1. */
export function readLabels(corpusDir: string, renderer: Renderer, id: string): LineLabel[] | null {
  const path = join(corpusDir, 'labels', renderer, `${id}.tsv`);
  if (!existsSync(path)) return null;
  return parseLabels(readFileSync(path, 'utf8'), path);
}

export function parseLabels(tsv: string, where = 'labels'): LineLabel[] {
  const rows = tsv.split('\n').filter((row) => row !== '');
  const labels: LineLabel[] = [];
  // Row 0 is the header `line	label	match`.
  for (const row of rows.slice(1)) {
    const [line, label, match = ''] = row.split('\t');
    if (!(LINE_LABELS as readonly string[]).includes(label)) {
      throw new Error(`${where}: unknown label ${JSON.stringify(label)} on line ${line}`);
    }
    labels.push({ line: Number(line), label: label as LineLabelName, match });
  }
  return labels;
}
