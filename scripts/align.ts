/**
 * Line labels from gold text, the way the corpus labels were made (corpus README, "Labels"):
 * a line is in a class when it equals a gold segment, or has 4+ words and is a word-aligned
 * substring of the gold text, or has 4+ words and 60 % of its word trigrams are in the gold text.
 */

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const MIN_WORDS = 4;
const TRIGRAM_SHARE = 0.6;

export interface GoldIndex {
  segments: Set<string>;
  padded: string;
  trigrams: Set<string>;
}

export function indexGold(gold: string): GoldIndex {
  const segments = new Set(gold.split('\n').map(normalise).filter(Boolean));
  const all = normalise(gold);
  const words = all.split(' ');
  const trigrams = new Set<string>();
  for (let i = 0; i + 2 < words.length; i++) trigrams.add(`${words[i]} ${words[i + 1]} ${words[i + 2]}`);
  return { segments, padded: ` ${all} `, trigrams };
}

export function inGold(line: string, gold: GoldIndex): boolean {
  const norm = normalise(line);
  if (norm === '') return false;
  if (gold.segments.has(norm)) return true;
  const words = norm.split(' ');
  if (words.length < MIN_WORDS) return false;
  if (gold.padded.includes(` ${norm} `)) return true;
  let hits = 0;
  let total = 0;
  for (let i = 0; i + 2 < words.length; i++) {
    total++;
    if (gold.trigrams.has(`${words[i]} ${words[i + 1]} ${words[i + 2]}`)) hits++;
  }
  return total > 0 && hits / total >= TRIGRAM_SHARE;
}

/** A line is the title when it equals the gold title, or is its first part (the title minus a site name). */
export function isTitle(line: string, goldTitle: string): boolean {
  const norm = normalise(line);
  const gold = normalise(goldTitle);
  if (norm === '' || gold === '') return false;
  if (norm === gold) return true;
  return gold.startsWith(`${norm} `) && norm.split(' ').length >= 0.6 * gold.split(' ').length;
}
