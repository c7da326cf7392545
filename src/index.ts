import { assemble } from './assemble.js';
import type { Doc, Result } from './doc.js';
import { defaultOptions, type Options } from './options.js';
import { pipeline } from './pipeline.js';
import { toDoc } from './split-lines.js';
import { runWithinBudget } from './time-budget.js';

export type { CommentItem, Doc, JunkItem, Line, Result, Zone } from './doc.js';
export type { Options } from './options.js';

export interface CleanInput {
  source?: string;
  warnings?: string[];
}

/** Run every cleaner over a dump and return the labelled Doc (what `explain` shows). */
export function label(text: string, options: Partial<Options> = {}, input: CleanInput = {}): Doc {
  const opts = { ...defaultOptions, ...options };
  const doc = toDoc(text, input.source ?? '-');
  doc.warnings.push(...(input.warnings ?? []));
  runWithinBudget(doc, pipeline, opts);
  return doc;
}

/** Clean one dump: headline, body, captions, comments and (optionally) junk. */
export function clean(text: string, options: Partial<Options> = {}, input: CleanInput = {}): Result {
  const opts = { ...defaultOptions, ...options };
  return assemble(label(text, opts, input), opts);
}
