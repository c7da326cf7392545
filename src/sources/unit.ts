/**
 * One document's raw input on its way to a worker. Units are plain data so
 * they cross the worker boundary by structured clone; byte arrays are exact
 * copies, never views into a larger buffer (a view would clone the whole buffer).
 */
export type Unit =
  /** Raw bytes of one dump (a text file, a WARC conversion record); decoded in the worker. */
  | { kind: 'bytes'; source: string; bytes: Uint8Array; meta?: Record<string, unknown> }
  /** One JSONL line, parsed in the worker; `source` is `file:line` until the record names itself. */
  | { kind: 'json'; source: string; line: string }
  /** Input that could not be read; becomes an error record. */
  | { kind: 'failed'; source: string; reason: string; message: string };

/** Counters a source reports besides its units. */
export interface SourceStats {
  /** Bytes read from disk or stdin, before decompression. */
  bytesRead: number;
  /** Records passed over on purpose (non-conversion WARC records). */
  skipped: number;
}
