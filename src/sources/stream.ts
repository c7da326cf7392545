import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { createGunzip } from 'node:zlib';
import type { SourceStats } from './unit.js';

const GZIP_MAGIC = [0x1f, 0x8b];

/** The bytes of a file or stdin (`-`), counted as they are read. */
export async function* rawChunks(path: string, stdin: Readable, stats: SourceStats): AsyncGenerator<Buffer> {
  const stream = path === '-' ? stdin : createReadStream(path);
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    stats.bytesRead += chunk.length;
    yield chunk;
  }
}

/** Decompress gzip input, recognised by its magic bytes rather than by a file name (stdin has none). */
export async function* gunzipIfNeeded(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  const iterator = chunks[Symbol.asyncIterator]();
  let head = Buffer.alloc(0);
  while (head.length < GZIP_MAGIC.length) {
    const next = await iterator.next();
    if (next.done) break;
    head = Buffer.concat([head, next.value]);
  }
  if (head.length === 0) return;
  async function* all(): AsyncGenerator<Buffer> {
    yield head;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  if (head[0] !== GZIP_MAGIC[0] || head[1] !== GZIP_MAGIC[1]) {
    yield* all();
    return;
  }
  const source = Readable.from(all(), { objectMode: false });
  const gunzip = createGunzip();
  source.on('error', (error) => gunzip.destroy(error));
  source.pipe(gunzip);
  try {
    yield* gunzip as AsyncIterable<Buffer>;
  } finally {
    source.destroy();
  }
}

/** At most `limit` bytes of a stream, as one exact-size array; stops reading past the limit. */
export async function readUpTo(chunks: AsyncIterable<Uint8Array>, limit: number): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of chunks) {
    const room = limit - length;
    parts.push(chunk.length > room ? chunk.subarray(0, room) : chunk);
    length += Math.min(chunk.length, room);
    if (length >= limit) break;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return bytes;
}
