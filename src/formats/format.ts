import type { Result } from '../doc.js';

export type FormatId = 'json' | 'jsonl' | 'md' | 'text';

/**
 * One output format. Every format has the same shape so the writer never
 * needs to know which one it holds: render one document, render a failed
 * input (or nothing, for formats with no place for errors), and frame several
 * documents that share one stream.
 */
export interface Format {
  id: FormatId;
  /** Extension of one output file written with `--out-dir`. */
  ext: string;
  /** One document, ending in a newline. */
  render(result: Result): string;
  /** The error record of a failed input, or null when the format has none. */
  renderError(source: string, reason: string): string | null;
  /** Written before the first, between and after the documents of one stream. */
  open: string;
  separator: string;
  close: string;
}
