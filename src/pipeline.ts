import type { Cleaner } from './cleaner.js';
import { articleMeta } from './cleaners/article-meta.js';
import { commentHeaders } from './cleaners/comment-headers.js';
import { junkPhrases } from './cleaners/junk-phrases.js';
import { language } from './cleaners/language.js';
import { lineModel } from './cleaners/line-model.js';
import { splitCells } from './cleaners/split-cells.js';
import { splitGlued } from './cleaners/split-glued.js';
import { tidyText } from './cleaners/tidy-text.js';
import { unwrapLines } from './cleaners/unwrap-lines.js';
import { zoneDecoder } from './cleaners/zone-decoder.js';

/** The algorithm, in order. Each cleaner labels lines; the decoder decides zones. */
export const pipeline: Cleaner[] = [
  splitCells,
  tidyText,
  splitGlued,
  unwrapLines,
  language,
  junkPhrases,
  commentHeaders,
  articleMeta,
  lineModel,
  zoneDecoder,
];
