import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { readUnits, type SourceStats, type Unit } from '../src/sources/index.js';
import { expandInputs, formatOf, type Input, type InputFormat } from '../src/sources/inputs.js';
import { processUnits, type Settings } from '../src/worker.js';
import { pagesift, syntheticDump, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

/** One WARC record as Common Crawl writes it: version line, headers, CRLF, content, CRLF CRLF. */
function warcRecord(type: string, uri: string, id: string, content: string): Buffer {
  const body = Buffer.from(content);
  const head =
    `WARC/1.0\r\nWARC-Type: ${type}\r\nWARC-Target-URI: ${uri}\r\nWARC-Date: 2021-02-03T04:05:06Z\r\n` +
    `WARC-Record-ID: <urn:uuid:${id}>\r\nContent-Type: text/plain\r\nContent-Length: ${body.length}\r\n\r\n`;
  return Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]);
}

const WET_RECORDS = [
  warcRecord('warcinfo', '', 'info-1', 'software: synthetic\r\n'),
  warcRecord('conversion', 'https://one.example/a', 'rec-1', syntheticDump(11)),
  warcRecord('response', 'https://one.example/b', 'rec-2', 'HTTP/1.1 200 OK\r\n\r\n<p>hi</p>'),
  warcRecord('conversion', 'https://two.example/c', 'rec-3', syntheticDump(12)),
];

const settings: Settings = { format: 'jsonl', keepJunk: false, comments: true, maxBytes: 1 << 20, timeoutMs: 5000, textField: 'text' };

async function unitsOf(file: string, format: InputFormat): Promise<{ units: Unit[]; stats: SourceStats }> {
  const stats: SourceStats = { bytesRead: 0, skipped: 0 };
  const input: Input = { path: file, relative: path.basename(file), format, size: null };
  const units: Unit[] = [];
  for await (const unit of readUnits(input, new PassThrough(), settings.maxBytes, stats)) units.push(unit);
  return { units, stats };
}

let work: { dir: string; remove: () => void };
const at = (name: string) => path.join(work.dir, name);

beforeAll(() => {
  work = tempDir('sources');
  const jsonl = [
    JSON.stringify({ id: 'j1', url: 'https://j.example/1', text: syntheticDump(1), crawl: { year: 2021 } }),
    '',
    JSON.stringify({ id: 'j2', body: syntheticDump(2), text: 'short' }),
  ].join('\n');
  writeFileSync(at('records.jsonl'), `${jsonl}\n`);
  writeFileSync(at('records.jsonl.gz'), gzipSync(`${jsonl}\n`));
  writeFileSync(at('crawl.wet'), Buffer.concat(WET_RECORDS));
  // Common Crawl gzips each record on its own and concatenates the members.
  writeFileSync(at('crawl.warc.gz'), Buffer.concat(WET_RECORDS.map((record) => gzipSync(record))));
  writeFileSync(at('page.txt.gz'), gzipSync(syntheticDump(3)));
  const many = Array.from({ length: 200 }, (_, i) => JSON.stringify({ id: `m${i}`, text: syntheticDump(i) })).join('\n');
  const whole = gzipSync(many);
  writeFileSync(at('cut.jsonl.gz'), whole.subarray(0, Math.floor(whole.length * 0.6)));
});
afterAll(() => work.remove());

describe('input formats', () => {
  it('takes the format from the extension, through .gz', () => {
    expect(formatOf('a/b.jsonl.gz')).toBe('jsonl');
    expect(formatOf('x.NDJSON')).toBe('jsonl');
    expect(formatOf('CC-MAIN-1.warc.wet.gz')).toBe('warc');
    expect(formatOf('c.warc')).toBe('warc');
    expect(formatOf('page.txt.gz')).toBe('text');
    expect(formatOf('page.html')).toBe('text');
  });

  it('reads one unit per non-blank JSONL line, numbered by file line, plain or gzip', async () => {
    for (const name of ['records.jsonl', 'records.jsonl.gz']) {
      const { units } = await unitsOf(at(name), 'jsonl');
      expect(units.map((u) => [u.kind, u.source])).toEqual([
        ['json', `${at(name)}:1`],
        ['json', `${at(name)}:3`],
      ]);
    }
  });

  it('reads each WARC conversion record as one dump and counts the other records as skipped', async () => {
    for (const name of ['crawl.wet', 'crawl.warc.gz']) {
      const { units, stats } = await unitsOf(at(name), 'warc');
      expect(units.map((u) => u.source)).toEqual(['https://one.example/a', 'https://two.example/c']);
      expect(stats.skipped).toBe(2);
      const first = units[0] as Extract<Unit, { kind: 'bytes' }>;
      expect(Buffer.from(first.bytes).toString()).toBe(syntheticDump(11));
      expect(first.meta).toEqual({
        id: '<urn:uuid:rec-1>',
        url: 'https://one.example/a',
        warcDate: '2021-02-03T04:05:06Z',
      });
    }
  });

  it('ends a gzip stream that is cut short with a failed unit, after the records before the cut', async () => {
    const { units } = await unitsOf(at('cut.jsonl.gz'), 'jsonl');
    const last = units.at(-1) as Unit;
    expect(last).toMatchObject({ kind: 'failed', reason: 'truncated gzip' });
    expect(units.length).toBeGreaterThan(10);
    expect(units.slice(0, -1).every((u) => u.kind === 'json')).toBe(true);
  });

  it('expands a directory in path order and keeps the out dir out', async () => {
    mkdirSync(at('out'));
    writeFileSync(at('out/earlier.json'), '{}');
    const { inputs } = await expandInputs([work.dir], { inputFormat: null, outDir: at('out') });
    expect(inputs.map((i) => i.relative)).toEqual([
      'crawl.warc.gz',
      'crawl.wet',
      'cut.jsonl.gz',
      'records.jsonl',
      'records.jsonl.gz',
      'page.txt.gz',
    ].sort());
  });
});

describe('JSONL records', () => {
  const unit = (line: string): Unit => ({ kind: 'json', source: 'f.jsonl:7', line });
  const parsed = (units: Unit[], options = settings) => processUnits(units, options).outputs.map((o) => JSON.parse(o.text as string));

  it('cleans the text field and carries every other field into meta', () => {
    const [result] = parsed([unit(JSON.stringify({ id: 'a', url: 'https://x.example/', text: syntheticDump(1), n: [1, { k: null }] }))]);
    expect(result.source).toBe('https://x.example/');
    expect(result.meta).toEqual({ id: 'a', url: 'https://x.example/', n: [1, { k: null }] });
    expect(result.meta).not.toHaveProperty('text');
  });

  it('uses --text-field and falls back to the id, then to file:line, for the source', () => {
    const [byId] = parsed([unit(JSON.stringify({ id: 'a', body: syntheticDump(1), text: 'kept' }))], { ...settings, textField: 'body' });
    expect(byId.source).toBe('a');
    expect(byId.meta).toEqual({ id: 'a', text: 'kept' });
    const [bare] = parsed([unit(JSON.stringify({ text: 'Just one line of text.' }))]);
    expect(bare.source).toBe('f.jsonl:7');
    expect(bare.meta).toBeUndefined();
  });

  it('keeps __proto__ and constructor as plain data, never as a prototype', () => {
    const line = '{"text":"A line of text.","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},"id":"__proto__"}';
    const { outputs } = processUnits([unit(line)], settings);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const result = JSON.parse(outputs[0].text as string);
    expect(result.source).toBe('f.jsonl:7');
    expect(Object.keys(result.meta)).toEqual(['__proto__', 'constructor', 'id']);
    expect(Object.getPrototypeOf(result.meta)).toBe(Object.prototype);
  });

  it('turns bad lines into error records and goes on', () => {
    const { outputs, failures } = processUnits(
      [unit('{not json'), unit('[1,2]'), unit('{"id":"x","text":3}'), unit('{"text":"fine"}')],
      settings,
    );
    expect(failures.map((f) => f.reason)).toEqual(['not JSON', 'not a JSON object', 'no string field "text"']);
    expect(JSON.parse(outputs[0].text as string)).toEqual({ source: 'f.jsonl:7', error: 'not JSON' });
    expect(outputs[3].failed).toBe(false);
  });

  it('cuts a text over --max-bytes with a warning, without splitting a character', () => {
    const [result] = parsed([unit(JSON.stringify({ text: `${'é'.repeat(40)}\n` }))], { ...settings, maxBytes: 21 });
    expect(result.warnings.join(' ')).toMatch(/cut at 21 bytes/);
  });
});

describe('the bin over every input format', () => {
  it('cleans JSONL, JSONL.gz, WET, WARC.gz and txt.gz in order; a cut gzip becomes an error record', async () => {
    const args = ['records.jsonl', 'records.jsonl.gz', 'crawl.wet', 'crawl.warc.gz', 'page.txt.gz', 'cut.jsonl.gz', '--jobs', '2'];
    const ran = await pagesift(args, { cwd: work.dir });
    expect(ran.code).toBe(1);
    const records = ran.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    const sources = records.map((r) => r.source);
    expect(sources.slice(0, 9)).toEqual([
      'https://j.example/1',
      'j2',
      'https://j.example/1',
      'j2',
      'https://one.example/a',
      'https://two.example/c',
      'https://one.example/a',
      'https://two.example/c',
      'page.txt.gz',
    ]);
    expect(records[0].meta).toEqual({ id: 'j1', url: 'https://j.example/1', crawl: { year: 2021 } });
    expect(records.at(-1)).toEqual({ source: 'cut.jsonl.gz', error: 'truncated gzip' });
    expect(ran.stderr).toContain('cut.jsonl.gz: truncated gzip');
    expect(ran.stderr).toMatch(/, 1 failed, 4 skipped,/);
  });

  it('reads JSONL and gzip WARC from stdin with --input-format', async () => {
    const jsonl = await pagesift(['-', '--input-format', 'jsonl', '-q'], { cwd: work.dir, input: gzipSync('{"id":"s1","text":"Hello there."}\n') });
    expect(JSON.parse(jsonl.stdout).source).toBe('s1');
    const warc = await pagesift(['--input-format', 'warc', '-q'], {
      cwd: work.dir,
      input: Buffer.concat(WET_RECORDS.map((record) => gzipSync(record))),
    });
    expect(warc.stdout.trim().split('\n')).toHaveLength(2);
  });
});
