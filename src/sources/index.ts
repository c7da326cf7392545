import type { Readable } from 'node:stream';
import type { Input } from './inputs.js';
import { jsonlUnits } from './jsonl.js';
import { gunzipIfNeeded, rawChunks } from './stream.js';
import { textUnits } from './text.js';
import type { SourceStats, Unit } from './unit.js';

export type { Input, InputFormat } from './inputs.js';
export type { SourceStats, Unit } from './unit.js';

/** Why reading failed, in words for an error record (`ENOENT` means nothing to most users). */
export function readFailure(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    case 'Z_BUF_ERROR':
      return 'truncated gzip';
    case 'Z_DATA_ERROR':
      return 'corrupt gzip data';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}

/**
 * The documents of one input, streamed: gzip is undone on the fly and nothing
 * is read ahead of what the caller asks for. A read error ends the input with
 * a `failed` unit; the units before it stand.
 */
export async function* readUnits(input: Input, stdin: Readable, maxBytes: number, stats: SourceStats): AsyncGenerator<Unit> {
  const chunks = gunzipIfNeeded(rawChunks(input.path, stdin, stats));
  const bytesBefore = stats.bytesRead;
  try {
    switch (input.format) {
      case 'jsonl':
        yield* jsonlUnits(chunks, input.path, maxBytes);
        break;
      case 'warc': {
        // Loaded on demand: warcio's modules cost about 0.15 s of CPU at every start.
        const { warcUnits } = await import('./warc.js');
        yield* warcUnits(chunks, input.path, maxBytes, stats);
        break;
      }
      default:
        yield* textUnits(chunks, input.path, maxBytes);
    }
  } catch (error) {
    const reason = readFailure(error);
    // A damaged gzip stream is located by how far into the (compressed) input it broke.
    const at = (error as NodeJS.ErrnoException)?.code?.startsWith('Z_') ? ` at byte ${stats.bytesRead - bytesBefore}` : '';
    const detail = error instanceof Error && error.message !== reason ? ` (${error.message}${at})` : '';
    yield { kind: 'failed', source: input.path, reason, message: `${input.path}: ${reason}${detail}` };
  }
}
