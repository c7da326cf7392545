import type { Cleaner } from './cleaner.js';
import { tidyText } from './cleaners/tidy-text.js';
import type { Doc, Line } from './doc.js';
import type { Options } from './options.js';

/**
 * The cheap path, taken when a document runs out of its time budget (`timeoutMs`), in the spirit of
 * trafilatura's extraction timeout, or has more lines than the full pipeline takes (MAX_LINES): every tidied line that reads like prose becomes body, everything
 * else junk, and there are no title, byline or comments. It is one linear pass.
 */
const CHEAP_PATH_ID = 'time-budget';
/** A line of this many words is prose even without a full stop (lynx wraps long paragraphs). */
const PROSE_MIN_WORDS = 10;
/** A shorter line counts as prose when it ends like a sentence and has at least this many words. */
const SENTENCE_MIN_WORDS = 4;
const SENTENCE_END = /[.!?…]["'”’)]?$/;

export function isProseLine(text: string): boolean {
  const words = text.split(' ').filter((w) => /\p{L}/u.test(w)).length;
  return words >= PROSE_MIN_WORDS || (words >= SENTENCE_MIN_WORDS && SENTENCE_END.test(text));
}

function cheapPath(doc: Doc): void {
  for (const line of doc.lines) {
    const prose = isProseLine(line.text);
    setZone(line, prose ? 'body' : 'junk:boilerplate', prose ? 'reads like prose' : 'not prose');
  }
}

function setZone(line: Line, zone: Line['zone'], why: string): void {
  line.zone = zone;
  line.score = 0.5;
  line.by = CHEAP_PATH_ID;
  line.reason = `time budget ran out; ${why}`;
  delete line.head;
}

/**
 * Lines of a document the full pipeline takes on. It keeps features for every line: a 5 MB dump
 * of 134,503 list items needed 160 MB of heap (128 was too little), against under 96 MB on the
 * cheap path. The longest dumps of real pages we have seen are under 5,000 lines. Past this the
 * cheap path runs at once.
 */
export const MAX_LINES = 20_000;

/** Label every line with the cheap path and say why in a warning. */
function takeCheapPath(doc: Doc, options: Options, tidied: boolean, why: string): void {
  // The cheap path reads tidied lines; tidying is one linear pass.
  if (!tidied) tidyText.run(doc, options);
  cheapPath(doc);
  doc.warnings.push(`${doc.source}: ${why}; kept prose-like lines as body, without title or comments.`);
}

/**
 * Runs the cleaners in order while the document is inside its budget. The budget is checked between
 * cleaners (JavaScript cannot stop one mid-run; the regex tests keep each one linear). On overrun the
 * remaining cleaners are skipped, the cheap path labels the lines, and a warning says so.
 */
export function runWithinBudget(doc: Doc, cleaners: Cleaner[], options: Options): void {
  if (doc.lines.length > MAX_LINES) {
    takeCheapPath(doc, options, false, `${doc.lines.length} lines, over the ${MAX_LINES} the full pipeline takes`);
    return;
  }
  const started = performance.now();
  let tidied = false;
  for (const cleaner of cleaners) {
    const elapsed = performance.now() - started;
    if (elapsed > options.timeoutMs) {
      const why = `time budget of ${options.timeoutMs} ms ran out after ${Math.round(elapsed)} ms, before "${cleaner.id}"`;
      takeCheapPath(doc, options, tidied, why);
      return;
    }
    cleaner.run(doc, options);
    if (cleaner === tidyText) tidied = true;
  }
}
