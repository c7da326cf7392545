/**
 * Second stage of the text model (stacking): a line's first-stage score next to the scores
 * around it. Running text comes in runs, chrome in blocks; a CRF would learn the same from
 * neighbouring labels, at the cost of a slower decoder.
 */
export const CONTEXT_FEATURE_NAMES = [
  'bias',
  'own',
  'prev',
  'next',
  'mean_1',
  'mean_3',
  'mean_10',
  'share_text_5',
  'max_2',
  'min_2',
  'dist_confident',
] as const;

/** A first-stage score this high is confident running text. */
const CONFIDENT = 2;
const MAX_DISTANCE = 30;

export function contextRows(scores: number[]): Float64Array[] {
  const n = scores.length;
  const prefix = new Float64Array(n + 1);
  const textPrefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) {
    prefix[i + 1] = prefix[i] + scores[i];
    textPrefix[i + 1] = textPrefix[i] + (scores[i] > 0 ? 1 : 0);
  }
  /** Mean of the window around i, without i itself. */
  const mean = (sums: Float64Array, i: number, radius: number): number => {
    const from = Math.max(0, i - radius);
    const to = Math.min(n - 1, i + radius);
    const count = to - from;
    return count > 0 ? (sums[to + 1] - sums[from] - (sums[i + 1] - sums[i])) / count : 0;
  };
  const distance = new Array<number>(n).fill(MAX_DISTANCE);
  let last = -Infinity;
  for (let i = 0; i < n; i++) {
    if (scores[i] >= CONFIDENT) last = i;
    distance[i] = Math.min(MAX_DISTANCE, i - last);
  }
  last = Infinity;
  for (let i = n - 1; i >= 0; i--) {
    if (scores[i] >= CONFIDENT) last = i;
    distance[i] = Math.min(distance[i], last - i);
  }
  return scores.map((own, i) => {
    let max = -Infinity;
    let min = Infinity;
    for (let j = Math.max(0, i - 2); j <= Math.min(n - 1, i + 2); j++) {
      if (j === i) continue;
      max = Math.max(max, scores[j]);
      min = Math.min(min, scores[j]);
    }
    return Float64Array.of(
      1,
      own,
      i > 0 ? scores[i - 1] : 0,
      i + 1 < n ? scores[i + 1] : 0,
      mean(prefix, i, 1),
      mean(prefix, i, 3),
      mean(prefix, i, 10),
      mean(textPrefix, i, 5),
      max === -Infinity ? 0 : max,
      min === Infinity ? 0 : min,
      Math.log1p(distance[i]) / Math.log1p(MAX_DISTANCE),
    );
  });
}
