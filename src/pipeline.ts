import type { Cleaner } from './cleaner.js';
import { junkPhrases } from './cleaners/junk-phrases.js';
import { language } from './cleaners/language.js';
import { splitGlued } from './cleaners/split-glued.js';
import { tidyText } from './cleaners/tidy-text.js';

/** The algorithm, in order. Each cleaner labels lines; the decoder decides zones. */
export const pipeline: Cleaner[] = [
  tidyText,
  splitGlued,
  language,
  junkPhrases,
];
