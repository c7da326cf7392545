/**
 * Throughput benchmark: `npm run bench [-- FILE.jsonl] [--mb N] [--warc]`.
 *
 * Generates (or takes) a JSONL corpus of realistic synthetic page dumps, measures
 * the machine's limit for the same I/O shape (a plain Node script that reads the
 * JSONL, parses each record and writes it back unchanged), then runs the real CLI
 * at --jobs 1 and --jobs = cores, and prints MB/s, records/s, the ratio to the
 * limit, the speed-up and the peak RSS of each run, and the machine's ceiling for
 * the speed-up: one --jobs 1 process per core on its own part of the corpus, all
 * at once. With --warc it writes a gzipped WET file instead and checks that it
 * streams through.
 */
import { spawn } from 'node:child_process';
import { createReadStream, createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const bin = path.join(root, 'bin', 'pagesift.js');
/** The issue's floor: enough text that start-up and warm-up are noise. */
const DEFAULT_MB = 200;
/** Samples of /proc/<pid>/status per second; VmHWM is the kernel's own peak, so sampling only has to catch the end. */
const RSS_POLL_MS = 50;

// A small deterministic PRNG (mulberry32), so every run measures the same corpus.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  'the of and to in a is that for it as was with be by on not he this are or his from at which but have an they ' +
  'council harbour budget station garden archive winter bridge market school report plan river village police ' +
  'minister election season museum library festival weather traffic hospital housing project committee study ' +
  'residents officials visitors students workers families farmers drivers teachers readers voters'
).split(' ');
const NAMES = ['Alex Moreau', 'Priya Shah', 'Tom Becker', 'Lena Novak', 'Sam Okafor', 'Maria Rossi', 'Jun Park', 'Ola Berg'];
const MONTHS = ['January', 'March', 'May', 'July', 'September', 'November'];

/** One page dump in the shape of the corpus: site chrome, headline, meta, article, share bar, comments, comment form. */
export function syntheticPage(next: () => number, n: number): string {
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)];
  const sentence = () => {
    const words = Array.from({ length: 8 + Math.floor(next() * 18) }, () => pick(WORDS));
    const text = words.join(' ');
    return `${text[0].toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = () => Array.from({ length: 2 + Math.floor(next() * 5) }, sentence).join(' ');
  const date = () => `${pick(MONTHS)} ${1 + Math.floor(next() * 28)}, 20${10 + Math.floor(next() * 14)}`;
  const lines = ['Skip to content', 'Home | News | Sport | Opinion | Contact', 'Search for:', ''];
  lines.push(`${sentence().slice(0, -1)} (${n})`, '', `By ${pick(NAMES)}`, date(), '');
  for (let p = 0, count = 3 + Math.floor(next() * 12); p < count; p++) lines.push(paragraph(), '');
  lines.push('Share this:', 'Twitter', 'Facebook', '', 'Like this:', 'Like Loading...', '', 'Related', '');
  const comments = Math.floor(next() * 6);
  if (comments > 0) lines.push(`${comments} thoughts on this story`, '');
  for (let c = 0; c < comments; c++) {
    lines.push(`${pick(NAMES)} says:`, `${date()} at ${1 + Math.floor(next() * 12)}:${10 + Math.floor(next() * 49)} pm`);
    lines.push(paragraph(), 'Reply', '');
  }
  lines.push('Leave a Reply Cancel reply', 'Your email address will not be published. Required fields are marked *');
  lines.push('Comment', 'Name *', 'Email *', 'Website', 'Notify me of follow-up comments by email.', '');
  lines.push('© 2024 Example Media. All rights reserved. | Privacy Policy | Cookie settings');
  return lines.join('\n');
}

async function writeAll(file: string, targetBytes: number, record: (n: number) => Buffer | string): Promise<number> {
  const out = createWriteStream(file);
  let bytes = 0;
  let n = 0;
  while (bytes < targetBytes) {
    const chunk = record(n++);
    bytes += chunk.length;
    if (!out.write(chunk)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await new Promise((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve(null))));
  return n;
}

function generateJsonl(file: string, megabytes: number): Promise<number> {
  const next = random(20240101);
  return writeAll(file, megabytes * 1e6, (n) => {
    const url = `https://news${n % 97}.example/2024/story-${n}`;
    return `${JSON.stringify({ id: `bench-${n}`, url, text: syntheticPage(next, n) })}\n`;
  });
}

/** A Common Crawl style WET file: one gzip member per conversion record. */
function generateWet(file: string, megabytes: number): Promise<number> {
  const next = random(20240102);
  return writeAll(file, megabytes * 1e6, (n) => {
    const body = Buffer.from(syntheticPage(next, n));
    const head =
      `WARC/1.0\r\nWARC-Type: conversion\r\nWARC-Target-URI: https://news${n % 97}.example/story-${n}\r\n` +
      `WARC-Date: 2024-01-01T00:00:00Z\r\nWARC-Record-ID: <urn:uuid:bench-${n}>\r\nContent-Type: text/plain\r\n` +
      `Content-Length: ${body.length}\r\n\r\n`;
    return gzipSync(Buffer.concat([Buffer.from(head), body, Buffer.from('\r\n\r\n')]));
  });
}

/** The limit: read the JSONL, parse each record, write it back unchanged; no cleaning. */
const LIMIT_SCRIPT = `
import { createReadStream, createWriteStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
const out = createWriteStream(process.argv[2]);
const decoder = new StringDecoder('utf8');
let pending = '';
let buffer = '';
for await (const chunk of createReadStream(process.argv[1])) {
  const text = pending + decoder.write(chunk);
  let start = 0;
  for (let end = text.indexOf('\\n'); end !== -1; end = text.indexOf('\\n', start)) {
    buffer += JSON.stringify(JSON.parse(text.slice(start, end))) + '\\n';
    start = end + 1;
  }
  pending = text.slice(start);
  if (buffer.length > 65536) {
    if (!out.write(buffer)) await new Promise((resolve) => out.once('drain', resolve));
    buffer = '';
  }
}
out.end(buffer);
await new Promise((resolve) => out.on('close', resolve));
`;

interface Measured {
  seconds: number;
  /** User and system CPU time of all the process's threads, as of the last sample before it exited. */
  cpuSeconds: number;
  peakRssMb: number;
  code: number | null;
  stderr: string;
}

/** Kernel clock ticks per second (USER_HZ), the unit of the CPU times in /proc/<pid>/stat; 100 on Linux. */
const CLOCK_TICKS = 100;

/** Run a command, timing it and polling its peak RSS (VmHWM) and CPU time from /proc. */
function measure(args: string[], stdoutFile: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const out = createWriteStream(stdoutFile);
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.pipe(out);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    let peakKb = 0;
    let cpuTicks = 0;
    const poll = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+) kB/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
        // utime and stime are fields 14 and 15; the command name before them may hold spaces.
        const stat = readFileSync(`/proc/${child.pid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        cpuTicks = Number(fields[11]) + Number(fields[12]);
      } catch {
        // The process has just exited.
      }
    }, RSS_POLL_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - started) / 1000;
      out.end(() => resolve({ seconds, cpuSeconds: cpuTicks / CLOCK_TICKS, peakRssMb: peakKb / 1024, code, stderr }));
    });
  });
}

const fmt = (n: number, digits = 1) => n.toFixed(digits);

/** Non-blank lines of a file and how many of them `pick` accepts, read as a stream: outputs pass 512 MB, V8's longest string. */
async function countLines(file: string, pick: (line: string) => boolean = () => false): Promise<{ lines: number; picked: number }> {
  let lines = 0;
  let picked = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (line.trim() === '') continue;
    lines++;
    if (pick(line)) picked++;
  }
  return { lines, picked };
}

/** The JSONL corpus dealt line by line into `count` files of about equal size. */
async function splitCorpus(file: string, count: number, dir: string): Promise<string[]> {
  const names = Array.from({ length: count }, (_, k) => path.join(dir, `part-${k}.jsonl`));
  const outs = names.map((name) => createWriteStream(name));
  let n = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    const out = outs[n++ % count];
    if (!out.write(`${line}\n`)) await new Promise<void>((resolve) => out.once('drain', () => resolve()));
  }
  await Promise.all(outs.map((out) => new Promise((resolve) => out.end(resolve))));
  return names;
}

const USAGE = `usage: npm run bench [-- FILE.jsonl] [--mb N] [--warc]
  FILE.jsonl  measure this JSONL file instead of generating one
  --mb N      size of the generated corpus in MB (default ${DEFAULT_MB})
  --warc      generate a gzipped WET file instead and check that it streams through
`;

async function main(argv: string[]): Promise<number> {
  // The run takes many minutes: asking for help must not start it.
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return 0;
  }
  const warc = argv.includes('--warc');
  const mbFlag = argv.indexOf('--mb');
  const megabytes = mbFlag >= 0 ? Number(argv[mbFlag + 1]) : DEFAULT_MB;
  const given = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--mb');
  const dir = mkdtempSync(path.join(tmpdir(), 'pagesift-bench-'));
  const cores = availableParallelism();
  try {
    let corpus = given ?? path.join(dir, warc ? 'bench.warc.gz' : 'bench.jsonl');
    let records: number | null = null;
    if (!given) {
      process.stdout.write(`generating ${megabytes} MB of synthetic ${warc ? 'WET records (.warc.gz)' : 'JSONL'} in ${dir} …\n`);
      records = await (warc ? generateWet : generateJsonl)(corpus, megabytes);
    } else {
      corpus = path.resolve(given);
    }
    const mb = statSync(corpus).size / 1e6;
    records ??= warc ? null : (await countLines(corpus)).lines;
    process.stdout.write(`corpus: ${corpus}, ${fmt(mb)} MB${records === null ? '' : `, ${records} records`}\n`);
    const output = path.join(dir, 'out.jsonl');
    const rate = (seconds: number) => `${fmt(mb / seconds)} MB/s${records === null ? '' : `, ${Math.round(records / seconds)} records/s`}`;

    if (warc) {
      const run = await measure([bin, corpus, '--jobs', String(cores), '-q'], output);
      const isError = (line: string) => line.startsWith('{"source"') && line.includes('"error"');
      const { lines, picked: errors } = await countLines(output, isError);
      process.stdout.write(
        `pagesift --jobs ${cores}: exit ${run.code}, ${lines} records, ${errors} error records, ` +
          `${fmt(mb / run.seconds)} MB/s (compressed), ${fmt(run.seconds)} s, peak RSS ${fmt(run.peakRssMb, 0)} MB\n`,
      );
      return run.code === 0 && errors === 0 ? 0 : 1;
    }

    const limit = await measure(['--input-type=module', '-e', LIMIT_SCRIPT, corpus, output], output + '.limit');
    if (limit.code !== 0) throw new Error(`limit script failed: ${limit.stderr}`);
    process.stdout.write(
      `limit (read, parse, write JSONL): ${rate(limit.seconds)}, CPU ${fmt(limit.cpuSeconds)} s, peak RSS ${fmt(limit.peakRssMb, 0)} MB\n`,
    );
    const seconds: Record<number, number> = {};
    for (const jobs of [...new Set([1, 2, cores])]) {
      const run = await measure([bin, corpus, '--jobs', String(jobs), '-q'], output);
      if (run.code !== 0) throw new Error(`pagesift --jobs ${jobs} exited ${run.code}: ${run.stderr}`);
      seconds[jobs] = run.seconds;
      const ratio = (100 * limit.seconds) / run.seconds;
      const speedUp = jobs > 1 ? `, speed-up ${fmt(seconds[1] / run.seconds, 2)}× over --jobs 1` : '';
      // On a shared machine wall time depends on the other load; CPU time much less so.
      const cpu = `CPU ${fmt(run.cpuSeconds)} s (${fmt((100 * limit.cpuSeconds) / run.cpuSeconds)} % of the limit's)`;
      process.stdout.write(
        `pagesift --jobs ${jobs}: ${rate(run.seconds)}, ${fmt(ratio)} % of the limit${speedUp}, ${cpu}, peak RSS ${fmt(run.peakRssMb, 0)} MB\n`,
      );
    }
    if (cores > 1) {
      // The machine's own ceiling for the speed-up: no pool, no shared main thread, just `cores`
      // processes at --jobs 1 on one part of the corpus each, all at once.
      const parts = await splitCorpus(corpus, cores, dir);
      const started = performance.now();
      const runs = await Promise.all(parts.map((part, k) => measure([bin, part, '--jobs', '1', '-q'], path.join(dir, `part-${k}.out.jsonl`))));
      const wall = (performance.now() - started) / 1000;
      if (runs.some((run) => run.code !== 0)) throw new Error('a --jobs 1 process on a part of the corpus failed');
      process.stdout.write(
        `${cores} separate --jobs 1 processes, one part of the corpus each, at once: ${rate(wall)}, ` +
          `speed-up ${fmt(seconds[1] / wall, 2)}× over --jobs 1 (the ceiling for --jobs ${cores} on this machine)\n`,
      );
    }
    process.stdout.write(`(${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${cores} cores)\n`);
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
