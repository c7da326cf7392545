import { WARCParser, type WARCRecord } from 'warcio';
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
 */
export async function* warcUnits(
  chunks: AsyncIterable<Buffer>,
  file: string,
  maxBytes: number,
  stats: SourceStats,
): AsyncGenerator<Unit> {
  let recordNo = 0;
  const parser = new WARCParser(chunks, { parseHttp: false });
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
    if (record === null) break;
    recordNo++;
    const offset = parser.offset;
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
