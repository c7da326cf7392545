/** Most likely state path through a sequence, given log-scores of emissions and transitions. */
export interface ViterbiModel {
  states: number;
  /** Log-score of starting in a state (-Infinity: not allowed). */
  start(state: number): number;
  /** Log-score of item i being emitted by a state. */
  emit(i: number, state: number): number;
  /** Log-score of moving from one state to another on entering item i. */
  transition(i: number, from: number, to: number): number;
  /**
   * For each state, the states that may ever move into it, in ascending order; moves outside these
   * lists are never scored (as if transition() were -Infinity). Default: every state.
   */
  predecessors?: readonly (readonly number[])[];
}

export function viterbi(length: number, model: ViterbiModel): number[] {
  if (length === 0) return [];
  const k = model.states;
  // Two score rows used in turn and one flat table of back-pointers: no allocation per item.
  let score = new Float64Array(k);
  let next = new Float64Array(k);
  const back = new Int32Array(length * k);
  const every = Array.from({ length: k }, (_, s) => s);
  const predecessors = model.predecessors ?? Array.from({ length: k }, () => every);
  for (let s = 0; s < k; s++) score[s] = model.start(s) + model.emit(0, s);
  for (let i = 1; i < length; i++) {
    next.fill(-Infinity);
    const from = i * k;
    for (let to = 0; to < k; to++) {
      const e = model.emit(i, to);
      if (e === -Infinity) continue;
      const froms = predecessors[to];
      for (let f = 0; f < froms.length; f++) {
        const s = froms[f];
        if (score[s] === -Infinity) continue;
        const candidate = score[s] + model.transition(i, s, to);
        if (candidate > next[to]) {
          next[to] = candidate;
          back[from + to] = s;
        }
      }
      next[to] += e;
    }
    const done = score;
    score = next;
    next = done;
  }
  let best = 0;
  for (let s = 1; s < k; s++) if (score[s] > score[best]) best = s;
  const path = new Array<number>(length);
  path[length - 1] = best;
  for (let i = length - 1; i > 0; i--) path[i - 1] = back[i * k + path[i]];
  return path;
}
