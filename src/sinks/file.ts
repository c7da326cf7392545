import { createWriteStream, openSync, unlinkSync } from 'node:fs';
import { mkdir, rename, unlink } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { type Sink, writeTo } from './sink.js';

/** Temp files not yet moved into place; removed on SIGINT/SIGTERM. */
const pending = new Set<string>();

/** Remove every temp file still open; synchronous so it can run in a signal handler. */
export function removePendingFiles(): void {
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone.
    }
  }
  pending.clear();
}

/**
 * An output file written atomically: the text goes to a hidden temp file in
 * the same directory and is renamed over the target when complete, so a
 * reader (or `--skip-existing` after a crash) never sees half a file.
 */
export async function fileSink(target: string): Promise<Sink> {
  const dir = path.dirname(target);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`);
  // Opened synchronously: an open still in flight when SIGINT arrives would create the temp file
  // after the signal handler removed the pending ones.
  const fd = openSync(temp, 'wx');
  pending.add(temp);
  const stream = createWriteStream(temp, { fd });
  const removeTemp = async () => {
    pending.delete(temp);
    await unlink(temp).catch(() => {});
  };
  return {
    write: (text) => writeTo(stream, text),
    finish: async () => {
      try {
        stream.end();
        await finished(stream);
        await rename(temp, target);
        pending.delete(temp);
      } catch (error) {
        await removeTemp();
        throw error;
      }
    },
    abort: async () => {
      stream.destroy();
      await removeTemp();
    },
  };
}
