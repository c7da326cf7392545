import { describe, expect, it } from 'vitest';
import { fitLogistic, logit } from '../src/model/logistic.js';

/**
 * Headline-like choices with features [bias, a, b]. In 300 small groups the chosen row has b and
 * the other row a; in 20 larger groups the chosen row has both and three others only b. Row by
 * row, `a` marks mostly rejected rows, so the pointwise fit gives it no weight and loses the
 * larger groups; a choice within each group needs `a` to count.
 */
function choices() {
  const rows: number[][] = [];
  const labels: number[] = [];
  const groups: number[] = [];
  let group = 0;
  for (let k = 0; k < 300; k++, group++) {
    rows.push([1, 0, 1], [1, 1, 0]);
    labels.push(1, 0);
    groups.push(group, group);
  }
  for (let k = 0; k < 20; k++, group++) {
    rows.push([1, 1, 1], [1, 0, 1], [1, 0, 1], [1, 0, 1]);
    labels.push(1, 0, 0, 0);
    groups.push(group, group, group, group);
  }
  return { rows: rows.map((r) => Float64Array.from(r)), labels: Uint8Array.from(labels), groups: Uint32Array.from(groups) };
}

/** Share of groups whose best-scoring row is the chosen one. */
function top1(weights: number[], rows: Float64Array[], labels: Uint8Array, groups: Uint32Array): number {
  let hits = 0;
  let count = 0;
  for (let start = 0; start < rows.length; count++) {
    let best = start;
    let end = start;
    for (; end < rows.length && groups[end] === groups[start]; end++) if (logit(weights, rows[end]) > logit(weights, rows[best])) best = end;
    hits += labels[best];
    start = end;
  }
  return hits / count;
}

const OPTIONS = { l2: 1e-4, epochs: 300, learningRate: 0.1, positiveWeight: 1 };

describe('fitLogistic', () => {
  it('separates a threshold and is deterministic', () => {
    const rows = Array.from({ length: 40 }, (_, i) => Float64Array.from([1, i / 10]));
    const labels = Uint8Array.from(rows, (r) => (r[1] > 2 ? 1 : 0));
    const weights = fitLogistic(rows, labels, OPTIONS);
    expect(rows.every((r, i) => logit(weights, r) > 0 === (labels[i] === 1))).toBe(true);
    expect(fitLogistic(rows, labels, OPTIONS)).toEqual(weights);
  });

  it('ignores the groups without a listwise weight', () => {
    const { rows, labels, groups } = choices();
    expect(fitLogistic(rows, labels, { ...OPTIONS, groups })).toEqual(fitLogistic(rows, labels, OPTIONS));
  });

  it('with the listwise term, fits the choice within each group that the pointwise loss misses', () => {
    const { rows, labels, groups } = choices();
    const pointwise = fitLogistic(rows, labels, OPTIONS);
    const listwise = fitLogistic(rows, labels, { ...OPTIONS, groups, listwise: 1 });
    expect(top1(pointwise, rows, labels, groups)).toBeCloseTo(300 / 320, 5);
    expect(top1(listwise, rows, labels, groups)).toBe(1);
    // The pointwise loss still anchors the scores: the chosen rows of the small groups stay likely.
    expect(logit(listwise, rows[0])).toBeGreaterThan(0);
  });
});
