import type { Doc } from './doc.js';
import type { Options } from './options.js';

/** One stage of the pipeline: labels or rewrites the lines of a Doc, never prints or reads I/O. */
export interface Cleaner {
  id: string;
  description: string;
  run(doc: Doc, options: Options): void;
}
