import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { bin, pagesift, runCommand, syntheticDump, tempDir } from './cli-helpers.js';

vi.setConfig({ testTimeout: 120_000, hookTimeout: 60_000 });

/** More records than several batches hold, so the pool has work out of order. */
const RECORDS = 300;

let work: { dir: string; remove: () => void };
const at = (name: string) => path.join(work.dir, name);
const sourcesOf = (jsonl: string) =>
  jsonl
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).source as string);

const hasParallel = (() => {
  try {
    execFileSync('parallel', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

beforeAll(() => {
  work = tempDir('scale');
  // Record sizes vary a lot, so workers finish batches out of order.
  const lines = Array.from({ length: RECORDS }, (_, i) => JSON.stringify({ id: `r${i}`, text: syntheticDump(i, 1 + ((i * 7) % 13)) }));
  writeFileSync(at('records.jsonl'), `${lines.join('\n')}\n`);
  mkdirSync(at('pages'));
  for (let i = 0; i < 6; i++) writeFileSync(at(`pages/p${i}.txt`), syntheticDump(i));
});
afterAll(() => work.remove());

describe('order and the worker pool', () => {
  it('writes the same output in input order at --jobs 1 and --jobs 2', async () => {
    const one = await pagesift(['records.jsonl', '--jobs', '1', '-q'], { cwd: work.dir });
    const two = await pagesift(['records.jsonl', '--jobs', '2', '-q'], { cwd: work.dir });
    expect(one.code).toBe(0);
    expect(sourcesOf(one.stdout)).toEqual(Array.from({ length: RECORDS }, (_, i) => `r${i}`));
    expect(two.stdout).toBe(one.stdout);
  });
});

describe('memory', () => {
  it('turns a document that runs its worker out of heap into an error record, and cleans the rest of its batch', async () => {
    // A million one-word list items: a few MB of text, but far more Line objects than a worker's heap holds.
    const huge = '- a\n'.repeat(1_250_000);
    const lines = [{ id: 'before', text: syntheticDump(1) }, { id: 'huge', text: huge }, { id: 'after', text: syntheticDump(2) }];
    writeFileSync(at('huge.jsonl'), lines.map((line) => JSON.stringify(line)).join('\n'));
    const ran = await pagesift(['huge.jsonl', '--jobs', '2'], { cwd: work.dir });
    expect(ran.code).toBe(1);
    expect(sourcesOf(ran.stdout)).toEqual(['before', 'huge.jsonl:2', 'after']);
    expect(JSON.parse(ran.stdout.split('\n')[1])).toEqual({ source: 'huge.jsonl:2', error: 'out of memory' });
    expect(ran.stderr).toContain('huge.jsonl:2: out of memory');
  });
});

describe('stdin → stdout JSONL filter contract', () => {
  it('writes one line per input line, in order, with error records in place', async () => {
    const input = ['{"id":"a","text":"First page text."}', 'not json', '{"id":"c","text":"Third page text."}'].join('\n');
    const ran = await pagesift(['--input-format', 'jsonl', '-q'], { input });
    expect(ran.code).toBe(1);
    const out = ran.stdout.trim().split('\n').map((line) => JSON.parse(line));
    expect(out.map((r) => r.source)).toEqual(['a', '-:2', 'c']);
    expect(out[1]).toEqual({ source: '-:2', error: 'not JSON' });
  });

  it.skipIf(!hasParallel)('gives the same output under GNU parallel --pipe -k as in one process', async () => {
    const whole = await pagesift(['records.jsonl', '-q', '--jobs', '1'], { cwd: work.dir });
    const command = `parallel --pipe -k -N 100 -j 2 node ${JSON.stringify(bin)} --input-format jsonl -q --jobs 1 < records.jsonl`;
    const split = await runCommand('bash', ['-c', command], { cwd: work.dir });
    expect(split.code).toBe(0);
    // Only the fallback source names (`-:N`) could differ; every record here has an id.
    expect(split.stdout).toBe(whole.stdout);
  });
});

describe('--shard K/N', () => {
  it('splits one input by record: disjoint, complete, each in order', async () => {
    const shards = await Promise.all(
      ['1/3', '2/3', '3/3'].map((shard) => pagesift(['records.jsonl', '--shard', shard, '-q', '--jobs', '1'], { cwd: work.dir })),
    );
    const parts = shards.map((ran) => sourcesOf(ran.stdout));
    expect(parts[1].slice(0, 3)).toEqual(['r1', 'r4', 'r7']);
    const all = parts.flat().sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    expect(all).toEqual(Array.from({ length: RECORDS }, (_, i) => `r${i}`));
  });

  it('splits several inputs by file', async () => {
    const first = await pagesift(['pages', '--shard', '1/2', '-q'], { cwd: work.dir });
    const second = await pagesift(['pages', '--shard', '2/2', '-q'], { cwd: work.dir });
    expect(sourcesOf(first.stdout)).toEqual(['p0', 'p2', 'p4'].map((p) => path.join('pages', `${p}.txt`)));
    expect(sourcesOf(second.stdout)).toEqual(['p1', 'p3', 'p5'].map((p) => path.join('pages', `${p}.txt`)));
  });

  it('refuses a malformed shard', async () => {
    expect((await pagesift(['pages', '--shard', '3/2'], { cwd: work.dir })).code).toBe(2);
    expect((await pagesift(['pages', '--shard', '0/2'], { cwd: work.dir })).code).toBe(2);
  });
});

describe('--skip-existing', () => {
  it('skips inputs whose output exists and writes only the missing ones', async () => {
    const out = at('out-skip');
    const first = await pagesift(['pages', 'records.jsonl', '--out-dir', out, '-q'], { cwd: work.dir });
    expect(first.code).toBe(0);
    expect(readFileSync(path.join(out, 'records.jsonl'), 'utf8').trim().split('\n')).toHaveLength(RECORDS);
    rmSync(path.join(out, 'p3.json'));
    const before = statSync(path.join(out, 'p0.json')).mtimeMs;
    const again = await pagesift(['pages', 'records.jsonl', '--out-dir', out, '--skip-existing'], { cwd: work.dir });
    expect(again.code).toBe(0);
    expect(existsSync(path.join(out, 'p3.json'))).toBe(true);
    expect(statSync(path.join(out, 'p0.json')).mtimeMs).toBe(before);
    expect(again.stderr).toMatch(/pagesift: 1 record, 0 failed, 6 skipped/);
  });

  it('leaves no temp files behind', async () => {
    const out = at('out-skip');
    const hidden = execFileSync('find', [out, '-name', '.*'], { encoding: 'utf8' }).trim();
    expect(hidden).toBe('');
  });
});
