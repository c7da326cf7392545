import { readUpTo } from './stream.js';
import type { Unit } from './unit.js';

/**
 * A plain dump is one document. Reading stops one byte past `maxBytes`, so a
 * huge file never sits in memory and the decoder still sees that it was cut.
 */
export async function* textUnits(chunks: AsyncIterable<Buffer>, source: string, maxBytes: number): AsyncGenerator<Unit> {
  yield { kind: 'bytes', source, bytes: await readUpTo(chunks, maxBytes + 1) };
}
