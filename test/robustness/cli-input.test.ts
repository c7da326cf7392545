import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, pagesift, runCommand, tempDir } from '../cli-helpers.js';

/**
 * Bad input through the real bin: every case gets a specific answer and the rest of the batch goes on.
 * The page text is our own; the assertions are on the messages and records, not on the cleaning.
 */

const PROSE = 'The ferry timetable changed again this spring, and the island school adjusted its hours to match.';
const page = (extra = '') => `Harbour notes\n\n${PROSE}\n\n${extra}${PROSE}\n`;

let work: { dir: string; remove: () => void };
const file = (name: string, content: string | Uint8Array) => {
  const full = path.join(work.dir, name);
  mkdirSync(path.dirname(full), { recursive: true });
  writeFileSync(full, content);
  return full;
};
const json = (stdout: string) => JSON.parse(stdout) as Record<string, unknown> & { warnings: string[]; body: string[] };
const jsonLines = (stdout: string) => stdout.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(() => {
  work = tempDir('bad-input');
});
afterAll(() => work.remove());

/** Every text the document kept, wherever the model put it (decoding is under test, not zoning). */
const keptText = (result: Record<string, unknown>) => JSON.stringify(result);

describe('encodings (one run, five inputs)', () => {
  const cases: Record<string, { name: string; bytes: Buffer; text: string; warning?: RegExp }> = {};
  let results: Map<string, Record<string, unknown> & { warnings: string[] }>;

  beforeAll(async () => {
    const utf16 = Buffer.from(page('Grüße aus Köln — שלום. '), 'utf16le');
    Object.assign(cases, {
      bom: { name: 'bom.txt', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('Café “crème”. '))]), text: 'Café “crème”.' },
      le: { name: 'utf16le.txt', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16]), text: 'Grüße aus Köln — שלום.' },
      be: { name: 'utf16be.txt', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16).swap16()]), text: 'Grüße aus Köln — שלום.' },
      legacy: {
        name: 'legacy.txt',
        bytes: iconv.encode(page('Déjà “vu” – 5 €. '), 'windows-1252'),
        text: 'Déjà “vu” – 5 €.',
        // The first byte that is not UTF-8 is the é of Déjà.
        warning: new RegExp(`legacy\\.txt: not valid UTF-8 \\(first bad byte at offset ${page().indexOf(PROSE, 20) + 1}\\); 6 bytes decoded as windows-1252\\.$`),
      },
      mojibake: {
        name: 'mojibake.txt',
        bytes: Buffer.from(page('It wasnâ€™t the cafÃ© we knew. ')),
        text: 'It wasn’t the café we knew.',
        warning: /mojibake\.txt: repaired 2 mojibake sequences \(such as "â€™" → "’"\)\.$/,
      },
    });
    const inputs = Object.values(cases).map((c) => file(`enc/${c.name}`, c.bytes));
    const ran = await pagesift([...inputs, '--keep-junk', '-q']);
    expect(ran.code).toBe(0);
    results = new Map(jsonLines(ran.stdout).map((r) => [path.basename(String(r.source)), r as Record<string, unknown> & { warnings: string[] }]));
  }, 60_000);

  it.each(['bom', 'le', 'be', 'legacy', 'mojibake'])('%s: decoded, with exactly the expected warnings', (key) => {
    const { name, text, warning } = cases[key];
    const result = results.get(name);
    expect(result).toBeDefined();
    expect(keptText(result ?? {})).toContain(text);
    expect(keptText(result ?? {})).not.toContain('\ufeff');
    expect(result?.warnings).toEqual(warning ? [expect.stringMatching(warning)] : []);
  });
});

describe('binary input', () => {
  const cases = [
    ['nul.txt', Buffer.concat([Buffer.from('text'), Buffer.from([0, 1, 2, 0])]), 'at byte 4 (NUL byte)'],
    ['controls.txt', Buffer.from('\u0001\u0002\u0003abc\u0004\u0005\u0006def'.repeat(50)), '(50 % control characters)'],
    ['report.pdf.txt', Buffer.from('%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n'), 'at byte 0 (PDF file signature)'],
    ['photo.txt', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'at byte 0 (PNG file signature)'],
    ['picture.txt', Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46]), 'at byte 0 (JPEG file signature)'],
  ] as const;

  it('gives each binary file an error record "binary input" and the reason on stderr; the good file goes on; exit 1', async () => {
    const inputs = cases.map(([name, bytes]) => file(`bin/${name}`, bytes));
    const good = file('bin/good.txt', page());
    const ran = await pagesift([...inputs, good, '-q']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    expect(records.slice(0, cases.length)).toEqual(inputs.map((input) => ({ source: input, error: 'binary input' })));
    expect(records[cases.length]).toMatchObject({ source: good, warnings: [] });
    cases.forEach(([, , detail], i) => expect(ran.stderr).toContain(`pagesift: ${inputs[i]}: binary input ${detail}.`));
  });

  it('writes no output file for a binary input under --out-dir', async () => {
    const out = path.join(work.dir, 'bin-out');
    const ran = await pagesift([file('bin2/nul.txt', Buffer.from([0x61, 0, 0x62])), file('bin2/good.txt', page()), '--out-dir', out, '-q']);
    expect(ran.code).toBe(1);
    expect(readdirSync(out).sort()).toEqual(['good.json']);
  });
});

describe('size', () => {
  it('gives an empty file an empty document with a warning, and exit 0', async () => {
    const input = file('empty.txt', '');
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(0);
    expect(json(ran.stdout)).toMatchObject({ source: input, title: null, body: [], comments: [], warnings: [`${input}: empty input (0 bytes).`] });
  });

  it('cuts a long page at --max-bytes on a character boundary, with a warning', async () => {
    const input = file('long.txt', `${'Ünïcödé prose goes on and on. '.repeat(200)}\n`);
    const ran = await pagesift([input, '--max-bytes', '1001', '-q']);
    expect(ran.code).toBe(0);
    const result = json(ran.stdout);
    expect(result.warnings).toContain(`${input}: input is longer than --max-bytes 1001; cut at 1001 bytes.`);
    expect(Buffer.byteLength(result.body.join(''))).toBeLessThanOrEqual(1001);
  });

  it('cuts a 100 MB single line at the default limit without reading it all into memory', async () => {
    const input = path.join(work.dir, 'one-line.txt');
    const chunk = Buffer.from(`${PROSE} `.repeat(10_000));
    const parts: Buffer[] = [];
    for (let size = 0; size < 100 * 1024 * 1024; size += chunk.length) parts.push(chunk);
    writeFileSync(input, Buffer.concat(parts));
    // The child reports its peak memory on exit.
    const report = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss="+process.resourceUsage().maxRSS+"\\n"))';
    const ran = await runCommand(process.execPath, ['--import', report, bin, '--max-bytes', '1000000', input, '-q']);
    expect(ran.code).toBe(0);
    expect(json(ran.stdout).warnings).toContain(`${input}: input is longer than --max-bytes 1000000; cut at 1000000 bytes.`);
    const maxRssKb = Number(/maxrss=(\d+)/.exec(ran.stderr)?.[1]);
    // Reading the whole file would hold 100 MB of bytes plus 200 MB of UTF-16 text.
    expect(maxRssKb).toBeLessThan(300 * 1024);
  }, 60_000);
});

describe('time budget', () => {
  it('falls back to the cheap path with a warning when --timeout-ms runs out', async () => {
    const input = file('slow.txt', page());
    const ran = await pagesift([input, '--timeout-ms', '1', '-q']);
    expect(ran.code).toBe(0);
    const result = json(ran.stdout);
    expect(result.warnings).toContainEqual(expect.stringMatching(new RegExp(`^${input.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: time budget of 1 ms ran out after \\d+ ms, before "[a-z-]+"; kept prose-like lines as body, without title or comments\\.$`)));
    expect(result.body).toEqual([PROSE, PROSE]);
    expect(result.title).toBeNull();
    expect(result.comments).toEqual([]);
  });
});

describe('containers', () => {
  it('turns a truncated gzip into an error record naming the file', async () => {
    let text = '';
    for (let i = 0; text.length < 60_000; i++) text += `Line ${i} says ${(i * 7919).toString(36)} things. `;
    const whole = gzipSync(text);
    const input = file('cut.txt.gz', whole.subarray(0, whole.length >> 1));
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(1);
    expect(json(ran.stdout)).toEqual({ source: input, error: 'truncated gzip' });
    expect(ran.stderr).toContain(`pagesift: ${input}: truncated gzip (unexpected end of file at byte ${whole.length >> 1})`);
  });

  it('keeps the JSONL records before a truncated gzip and reports the rest', async () => {
    const lines = Array.from({ length: 4000 }, (_, i) => JSON.stringify({ id: `r${i}`, text: `${PROSE} ${(i * 104729).toString(36)}` }));
    const whole = gzipSync(`${lines.join('\n')}\n`);
    const input = file('cut.jsonl.gz', whole.subarray(0, whole.length >> 1));
    const ran = await pagesift([input, '-q', '--jobs', '1']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    expect(records.length).toBeGreaterThan(1);
    expect(records[0]).toMatchObject({ source: 'r0' });
    expect(records.at(-1)).toEqual({ source: input, error: 'truncated gzip' });
  });

  it('reports a JSONL line that is not JSON, and one without the text field, by file and line, and goes on', async () => {
    const input = file(
      'mixed.jsonl',
      [JSON.stringify({ id: 'one', text: page() }), '{"id": "two", "text": oops}', JSON.stringify({ id: 'three', body: 'x' }), JSON.stringify({ id: 'four', text: page() })].join('\n'),
    );
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    expect(records.map((r) => r.source)).toEqual(['one', `${input}:2`, `${input}:3`, 'four']);
    expect(records[1]).toEqual({ source: `${input}:2`, error: 'not JSON' });
    expect(records[2]).toEqual({ source: `${input}:3`, error: 'no string field "text"' });
    expect(ran.stderr).toContain(`pagesift: ${input}:2: not JSON (`);
  });

  it('carries __proto__ and constructor fields as plain data, without polluting objects', async () => {
    const input = file('proto.jsonl', `{"id":"p1","text":${JSON.stringify(page())},"__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}}}\n`);
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(0);
    const line = ran.stdout.trim();
    expect(line).toContain('"meta":{"id":"p1","__proto__":{"polluted":true},"constructor":{"prototype":{"bad":1}}}');
    const parsed = JSON.parse(line) as { meta: object; polluted?: unknown };
    expect(Object.getPrototypeOf(parsed.meta)).toBe(Object.prototype);
    expect(parsed.polluted).toBeUndefined();
  });

  const record = (uri: string, body: string, length = Buffer.byteLength(body)) =>
    `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: ${uri}\r\nWARC-Record-ID: <urn:uuid:${uri.slice(-1)}>\r\n` +
    `Content-Type: text/plain\r\nContent-Length: ${length}\r\n\r\n${body}\r\n\r\n`;

  it('reports a WARC record with a broken header by file, record and offset, and reads the next record', async () => {
    const first = record('http://a.test/1', page());
    const input = file('broken-header.warc', `${first}WRAC/1.0 garbage\r\nWARC-Type: conversion\r\n\r\n${record('http://a.test/3', page())}`);
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    expect(records.map((r) => r.source)).toEqual(['http://a.test/1', `${input}#2`, 'http://a.test/3']);
    expect(records[1]).toEqual({ source: `${input}#2`, error: 'broken WARC header' });
    expect(ran.stderr).toContain(`pagesift: ${input}#2: broken WARC header (at byte ${Buffer.byteLength(first)}: "WRAC/1.0 garbage")`);
  });

  it('reports a WARC record whose Content-Length is too small, and reads the next record', async () => {
    const input = file('short-length.warc', record('http://a.test/1', page(), 20) + record('http://a.test/2', page()));
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    // The rest of the first record's text is where the second record should start: a broken header.
    expect(records.map((r) => r.source)).toEqual([`${input}#1`, `${input}#2`, 'http://a.test/2']);
    expect(records[0]).toEqual({ source: `${input}#1`, error: 'wrong Content-Length' });
    expect(records[1]).toEqual({ source: `${input}#2`, error: 'broken WARC header' });
    expect(ran.stderr).toContain(`pagesift: ${input}#1: wrong Content-Length (the record at byte 0 is longer than its Content-Length)`);
    expect(ran.stderr).not.toContain('Content-Length Too Small');
  });

  it('reports a WARC record cut short of its Content-Length', async () => {
    const input = file('long-length.warc', record('http://a.test/1', page()) + record('http://a.test/2', page(), 99_999));
    const ran = await pagesift([input, '-q']);
    expect(ran.code).toBe(1);
    const records = jsonLines(ran.stdout);
    expect(records[0]).toMatchObject({ source: 'http://a.test/1' });
    expect(records[1]).toEqual({ source: `${input}#2`, error: 'truncated WARC record' });
    expect(ran.stderr).toMatch(/#2: truncated WARC record \(http:\/\/a\.test\/2 at byte \d+: Content-Length 99999, only \d+ bytes\)/);
  });
});
