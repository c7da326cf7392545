import type { Cleaner } from '../cleaner.js';
import { detectLanguage } from '../lang.js';
import { isSpaceless } from '../text-stats.js';

// Enough text for a reliable guess and cheap on huge pages: eld is sure of a language from a few
// hundred characters; 3 kB of the longest lines keeps menus and short junk out of the sample.
const SAMPLE_CHARS = 3000;
// Lines shorter than this are mostly menus, buttons and dates, whose words mislead the detector.
const MIN_SENTENCE_CHARS = 40;
const MIN_SPACELESS_SENTENCE_CHARS = 15;

function sentenceLike(text: string): boolean {
  // The script only matters between the two lengths; most lines are outside and skip the scan.
  if (text.length >= MIN_SENTENCE_CHARS) return true;
  if (text.length < MIN_SPACELESS_SENTENCE_CHARS) return false;
  return isSpaceless(text);
}

/** Sets `doc.lang` from a bounded sample of the page's longest lines. */
export const language: Cleaner = {
  id: 'language',
  description: "Detect the document's language (ISO 639-1) from its longest sentence-like lines.",
  run(doc) {
    const candidates = doc.lines.filter((line) => sentenceLike(line.text));
    const pool = candidates.length > 0 ? candidates : doc.lines;
    const longest = [...pool].sort((a, b) => b.text.length - a.text.length || a.n - b.n);
    let sample = '';
    for (const line of longest) {
      if (sample.length >= SAMPLE_CHARS) break;
      sample += `${line.text.slice(0, SAMPLE_CHARS)}\n`;
    }
    doc.lang = detectLanguage(sample);
  },
};
