import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Where output text goes: stdout or one output file. */
export interface Sink {
  /** Resolves when the text is accepted; waits for `drain` when the stream is full (backpressure). */
  write(text: string): Promise<void>;
  /** All written: flush, and for a file, move it into place. */
  finish(): Promise<void>;
  /** Give up: for a file, remove the partial output. */
  abort(): Promise<void>;
}

const quietStreams = new WeakSet<Writable>();

/**
 * A closed pipe (`pagesift … | head -1`) or a full disk shows up as an
 * `error` event, which would crash the process if nobody listened; the next
 * write sees `stream.errored` and stops the run instead.
 */
export function listenForErrors(stream: Writable): void {
  if (quietStreams.has(stream)) return;
  quietStreams.add(stream);
  stream.on('error', () => {});
}

/** Write with backpressure; a stream error (EPIPE, ENOSPC) rejects instead of being thrown later. */
export async function writeTo(stream: Writable, text: string): Promise<void> {
  if (text === '') return;
  if (stream.destroyed || stream.errored) throw stream.errored ?? new Error('output closed');
  if (!stream.write(text)) await once(stream, 'drain');
}

/** A sink over a stream we do not own, such as stdout: finishing flushes it and leaves it open. */
export function streamSink(stream: Writable): Sink {
  return {
    write: (text) => writeTo(stream, text),
    // An empty write calls back once everything before it is out, or with the error that stopped it (EPIPE).
    finish: () =>
      new Promise((resolve, reject) => {
        if (stream.errored) return reject(stream.errored);
        stream.write('', (error) => (error ? reject(stream.errored ?? error) : resolve()));
      }),
    abort: async () => {},
  };
}
