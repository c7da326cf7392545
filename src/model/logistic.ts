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
}

/** Full-batch gradient descent with Adam steps; deterministic for the same rows. */
export function fitLogistic(rows: Float64Array[], labels: Uint8Array, options: FitOptions): number[] {
  const dims = rows[0]?.length ?? 0;
  const w = new Float64Array(dims);
  const m = new Float64Array(dims);
  const v = new Float64Array(dims);
  const beta1 = 0.9;
  const beta2 = 0.999;
  let totalWeight = 0;
  for (const y of labels) totalWeight += y ? options.positiveWeight : 1;
  for (let epoch = 1; epoch <= options.epochs; epoch++) {
    const grad = new Float64Array(dims);
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      const y = labels[r];
      const error = (sigmoid(logit(w, row)) - y) * (y ? options.positiveWeight : 1);
      for (let d = 0; d < dims; d++) grad[d] += error * row[d];
    }
    for (let d = 0; d < dims; d++) {
      const g = grad[d] / totalWeight + (d === 0 ? 0 : options.l2 * w[d]);
      m[d] = beta1 * m[d] + (1 - beta1) * g;
      v[d] = beta2 * v[d] + (1 - beta2) * g * g;
      const mHat = m[d] / (1 - beta1 ** epoch);
      const vHat = v[d] / (1 - beta2 ** epoch);
      w[d] -= (options.learningRate * mHat) / (Math.sqrt(vHat) + 1e-8);
    }
  }
  return Array.from(w, (x) => Math.round(x * 1e6) / 1e6);
}
