import { StringDecoder } from 'node:string_decoder';
import type { Unit } from './unit.js';

/**
 * Longest JSONL line kept, in UTF-16 code units. JSON escapes can make a text
 * up to six times longer than its bytes (`\u0001`), so eight times `maxBytes`
 * keeps every record whose text fits `maxBytes`, and bounds memory when a file
 * has no line breaks at all.
 */
export const MAX_LINE_FACTOR = 8;

/** Split a JSONL stream into one unit per non-blank line; parsing happens in the worker. */
export async function* jsonlUnits(chunks: AsyncIterable<Buffer>, file: string, maxBytes: number): AsyncGenerator<Unit> {
  const maxLine = maxBytes * MAX_LINE_FACTOR;
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let lineNo = 0;
  /** Inside an over-long line: drop text until its end. */
  let skipping = false;

  function* lines(text: string, final: boolean): Generator<Unit> {
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      lineNo++;
      const line = text.slice(start, end);
      start = end + 1;
      if (skipping) {
        skipping = false;
        continue;
      }
      if (line.trim() !== '') yield { kind: 'json', source: `${file}:${lineNo}`, line };
    }
    pending = text.slice(start);
    if (final && pending.trim() !== '' && !skipping) {
      lineNo++;
      yield { kind: 'json', source: `${file}:${lineNo}`, line: pending };
    }
    if (!skipping && pending.length > maxLine) {
      skipping = true;
      pending = '';
      const source = `${file}:${lineNo + 1}`;
      const reason = 'line too long';
      yield { kind: 'failed', source, reason, message: `${source}: ${reason} (over ${maxLine} characters)` };
    } else if (skipping) {
      pending = '';
    }
  }

  for await (const chunk of chunks) yield* lines(pending + decoder.write(chunk), false);
  yield* lines(pending + decoder.end(), true);
}
