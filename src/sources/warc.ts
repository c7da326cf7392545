import { WARCParser } from 'warcio';
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
  for await (const record of new WARCParser(chunks, { parseHttp: false })) {
    recordNo++;
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
    yield { kind: 'bytes', source, bytes: await readUpTo(record, maxBytes + 1), meta };
  }
}
