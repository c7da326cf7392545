/** Logistic regression: the whole model is a weight vector over named features. */

export function logit(weights: ArrayLike<number>, row: ArrayLike<number>): number {
  let z = 0;
  for (let i = 0; i < weights.length; i++) z += weights[i] * row[i];
  return z;
}

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

export interface FitOptions {
  /** L2 penalty on every weight but the bias (index 0). */
  l2: number;
  epochs: number;
  learningRate: number;
  /** Weight of positive examples relative to negatives. */
  positiveWeight: number;
  /**
   * Rows that compete for one choice (the headline candidates of a page): the group of each row,
   * rows of a group contiguous. With `listwise` > 0 the softmax loss of each group's labelled
   * rows is added, scaled by `listwise` per group against 1 per row for the pointwise loss.
   */
  groups?: Uint32Array;
  listwise?: number;
}

/**
 * Full-batch gradient descent with Adam steps; deterministic for the same rows. The pointwise
 * loss keeps the scores log-odds (a threshold on them means something); the listwise term, when
 * asked for, fits the choice of one row per group that the caller makes with them.
 */
export function fitLogistic(rows: Float64Array[], labels: Uint8Array, options: FitOptions): number[] {
  const dims = rows[0]?.length ?? 0;
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let totalWeight = 0;
  for (const y of labels) totalWeight += y ? options.positiveWeight : 1;
  const errors = new Float64Array(rows.length);
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    for (let r = 0; r < rows.length; r++) {
      const y = labels[r];
      errors[r] = ((sigmoid(logit(w, rows[r])) - y) * (y ? options.positiveWeight : 1)) / totalWeight;
    }
    if (options.groups && options.listwise) addListwiseErrors(w, rows, labels, options.groups, options.listwise, errors);
    const grad = new Float64Array(dims);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      for (let d = 0; d < dims; d++) grad[d] += errors[r] * row[d];
    }
    for (let d = 0; d < dims; d++) {
      const g = grad[d] + (d === 0 ? 0 : options.l2 * w[d]);
      m[d] = beta1 * m[d] + (1 - beta1) * g;
      v[d] = beta2 * v[d] + (1 - beta2) * g * g;
      const mHat = m[d] / (1 - beta1 ** epoch);
      const vHat = v[d] / (1 - beta2 ** epoch);
      w[d] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return Array.from(w, (x) => Math.round(x * 1e6) / 1e6);
}

/**
 * The gradient of each group's softmax loss with respect to its rows' scores: the softmax share
 * minus the row's share of the group's labels. Groups without a labelled row are left out.
 */
function addListwiseErrors(w: Float64Array, rows: Float64Array[], labels: Uint8Array, groups: Uint32Array, weight: number, errors: Float64Array): void {
  const spans: { start: number; end: number; positives: number }[] = [];
  for (let start = 0; start < rows.length; ) {
    let end = start;
    let positives = 0;
    for (; end < rows.length && groups[end] === groups[start]; end++) positives += labels[end];
    if (positives > 0) spans.push({ start, end, positives });
    start = end;
  }
  for (const { start, end, positives } of spans) {
    const z = rows.slice(start, end).map((row) => logit(w, row));
    const top = Math.max(...z);
    const exp = z.map((x) => Math.exp(x - top));
    const total = exp.reduce((a, b) => a + b, 0);
    for (let r = start; r < end; r++) errors[r] += (weight * (exp[r - start] / total - labels[r] / positives)) / spans.length;
  }
}
