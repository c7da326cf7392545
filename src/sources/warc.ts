import { AsyncIterReader, WARCParser, type WARCRecord } from 'warcio';
import { readUpTo } from './stream.js';
import type { SourceStats, Unit } from './unit.js';

/** WARC headers carried into the Result's `meta`, by the name they get there. */
const CARRIED_HEADERS: Record<string, string> = {
  id: 'WARC-Record-ID',
  url: 'WARC-Target-URI',
  warcDate: 'WARC-Date',
  languages: 'WARC-Identified-Content-Language',
};

/**
 * Each `conversion` record of a WARC or WET file is one dump (Common Crawl's
 * WET files hold one per page); every other record type is skipped and counted.
 * A damaged record becomes a `failed` unit naming `file#record` and its byte
 * offset, and reading resumes at the next line that starts a record.
 */
export async function* warcUnits(
  chunks: AsyncIterable<Buffer>,
  file: string,
  maxBytes: number,
  stats: SourceStats,
): AsyncGenerator<Unit> {
  let recordNo = 0;
  let reader = new AsyncIterReader(chunks);
  let parser = new WARCParser(reader, { parseHttp: false });
  /** Offset of the current reader's first byte in the file (it restarts after a resync). */
  let base = 0;
  const failed = (reason: string, detail: string): Unit => {
    const source = `${file}#${recordNo}`;
    return { kind: 'failed', source, reason, message: `${source}: ${reason} (${detail})` };
  };
  /** The previous record waits until the next one is read: only then does a short Content-Length show. */
  let held: Unit | null = null;
  let heldOffset = 0;
  for (;;) {
    const { record, complaints } = await nextRecord(parser);
    if (complaints.length > 0 && held !== null && held.kind !== 'failed') {
      held = failed('wrong Content-Length', `the record at byte ${heldOffset} is longer than its Content-Length`);
    }
    if (held !== null) yield held;
    held = null;
    if (record === null) {
      // warcio stops at a blank line where a record should start; look for the next record by hand.
      const found = await resync(reader);
      if (found?.junk) {
        recordNo++;
        yield failed('broken WARC header', `at byte ${base + found.junkOffset}: ${JSON.stringify(found.junk.slice(0, 40))}`);
      }
      if (found === null || found.reader === null) break;
      base += found.offset;
      reader = found.reader;
      parser = new WARCParser(reader, { parseHttp: false });
      continue;
    }
    recordNo++;
    const offset = base + parser.offset;
    if (!/^WARC\/\d/.test(record.warcHeaders.statusline)) {
      // Not a record start: skip its lines; the parser finds the next `WARC/` line by itself.
      held = failed('broken WARC header', `at byte ${offset}: ${JSON.stringify(record.warcHeaders.statusline.slice(0, 40))}`);
      continue;
    }
    if (record.warcType !== 'conversion') {
      stats.skipped++;
      continue;
    }
    const meta: Record<string, unknown> = {};
    for (const [key, header] of Object.entries(CARRIED_HEADERS)) {
      const value = record.warcHeader(header);
      if (value) meta[key] = value;
    }
    const source = record.warcTargetURI || record.warcHeader('WARC-Record-ID') || `${file}#${recordNo}`;
    const bytes = await readUpTo(record, maxBytes + 1);
    if (bytes.length <= maxBytes && bytes.length < record.warcContentLength) {
      held = failed(
        'truncated WARC record',
        `${source} at byte ${offset}: Content-Length ${record.warcContentLength}, only ${bytes.length} bytes`,
      );
      continue;
    }
    held = { kind: 'bytes', source, bytes, meta };
    heldOffset = offset;
  }
}

const WARC_LINE = new TextEncoder().encode('WARC/');

interface Resynced {
  /** A reader that starts at the next `WARC/` line; null at the end of the input. */
  reader: AsyncIterReader | null;
  /** Offset of that line in the old reader. */
  offset: number;
  /** The first non-blank line skipped on the way, if any, and its offset. */
  junk: string | null;
  junkOffset: number;
}

/** Skip to the next line that starts with `WARC/`, remembering whether anything but blank lines was skipped. */
async function resync(reader: AsyncIterReader): Promise<Resynced> {
  let junk: string | null = null;
  let junkOffset = 0;
  for (;;) {
    const line = await reader.readlineRaw();
    if (line === null) return { reader: null, offset: 0, junk, junkOffset };
    const offset = reader.getReadOffset() - line.length;
    if (WARC_LINE.every((byte, i) => line[i] === byte)) {
      async function* rest(): AsyncGenerator<Uint8Array> {
        yield line as Uint8Array;
        yield* reader;
      }
      return { reader: new AsyncIterReader(rest(), null), offset, junk, junkOffset };
    }
    const text = new TextDecoder().decode(line).trim();
    if (junk === null && text !== '') {
      junk = text;
      junkOffset = offset;
    }
  }
}

/**
 * warcio reports a Content-Length that is too small (the record is not followed by its blank
 * lines) only through console.warn while it looks for the next record; catch that here.
 */
async function nextRecord(parser: WARCParser): Promise<{ record: WARCRecord | null; complaints: string[] }> {
  const complaints: string[] = [];
  const warn = console.warn;
  console.warn = (...args: unknown[]) => {
    complaints.push(args.map(String).join(' '));
  };
  try {
    return { record: await parser.parse(), complaints };
  } finally {
    console.warn = warn;
  }
}
