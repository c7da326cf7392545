import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { viterbi } from '../src/model/viterbi.js';

// Small scores with ties, and -Infinity for forbidden emissions, starts and moves.
const score = fc.oneof({ arbitrary: fc.integer({ min: -2, max: 2 }), weight: 4 }, { arbitrary: fc.constant(-Infinity), weight: 1 });

const problem = fc.integer({ min: 1, max: 5 }).chain((k) =>
  fc.record({
    k: fc.constant(k),
    start: fc.array(score, { minLength: k, maxLength: k }),
    moves: fc.array(fc.array(score, { minLength: k, maxLength: k }), { minLength: k, maxLength: k }),
    emissions: fc.array(fc.array(score, { minLength: k, maxLength: k }), { maxLength: 30, size: 'max' }),
    /** A per-item extra cost, so that transitions depend on the item as in the zone decoder. */
    itemCost: fc.array(fc.integer({ min: -2, max: 2 }), { minLength: 30, maxLength: 30 }),
  }),
);

describe('viterbi', () => {
  it('gives the same path when told the predecessors of each state', () => {
    fc.assert(
      fc.property(problem, ({ k, start, moves, emissions, itemCost }) => {
        const model = {
          states: k,
          start: (s: number) => start[s],
          emit: (i: number, s: number) => emissions[i][s],
          transition: (i: number, from: number, to: number) => moves[from][to] + (from === to ? 0 : itemCost[i]),
        };
        const predecessors = Array.from({ length: k }, (_, to) =>
          Array.from({ length: k }, (_, from) => from).filter((from) => moves[from][to] !== -Infinity),
        );
        expect(viterbi(emissions.length, { ...model, predecessors })).toEqual(viterbi(emissions.length, model));
      }),
      { numRuns: 3000 },
    );
  });

  it('finds the best path', () => {
    // Two states; staying costs nothing, switching costs 2: one item that prefers state 1 by 1 is not worth it.
    const emissions = [
      [0, -5],
      [0, 1],
      [0, -5],
    ];
    const path = viterbi(3, {
      states: 2,
      start: () => 0,
      emit: (i, s) => emissions[i][s],
      transition: (_, from, to) => (from === to ? 0 : -2),
    });
    expect(path).toEqual([0, 0, 0]);
  });

  it('keeps the lowest state on a tie', () => {
    const flat = { states: 3, start: () => 0, emit: () => 0, transition: () => 0 };
    expect(viterbi(3, flat)).toEqual([0, 0, 0]);
    expect(viterbi(3, { ...flat, predecessors: [[0, 1, 2], [0, 1, 2], [0, 1, 2]] })).toEqual([0, 0, 0]);
  });
});
