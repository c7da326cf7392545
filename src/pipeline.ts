import type { Cleaner } from './cleaner.js';

/** The algorithm, in order. Each cleaner labels lines; the decoder decides zones. */
export const pipeline: Cleaner[] = [];
