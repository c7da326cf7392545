import { access, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Readable, Writable } from 'node:stream';
import cliProgress from 'cli-progress';
import type { Piscina } from 'piscina';
import { type Format, type FormatId, formats } from './formats/index.js';
import { renderExplain } from './formats/explain.js';
import { EXIT_FATAL, EXIT_OK, EXIT_SOME_FAILED } from './cli.js';
import { decodeBytes } from './decode.js';
import { InputError } from './errors.js';
import { removePendingFiles, fileSink } from './sinks/file.js';
import { listenForErrors, type Sink, streamSink } from './sinks/sink.js';
import { type Input, type InputFormat, type SourceStats, type Unit, readFailure, readUnits } from './sources/index.js';
import { expandInputs, outputStem } from './sources/inputs.js';
import { gunzipIfNeeded, rawChunks, readUpTo } from './sources/stream.js';
import { stripTerminalEscapes } from './terminal.js';
import type { BatchResult, Failure, Settings } from './worker.js';

export interface Shard {
  /** 1-based. */
  index: number;
  count: number;
}

export interface RunOptions {
  /** Paths, directories, globs or `-`. */
  inputs: string[];
  /** Null: JSON for one plain dump, JSONL when several documents share stdout. */
  format: FormatId | null;
  outDir: string | null;
  keepJunk: boolean;
  comments: boolean;
  maxBytes: number;
  timeoutMs: number;
  textField: string;
  /** Null: from each file's extension (stdin: plain text). */
  inputFormat: InputFormat | null;
  jobs: number;
  shard: Shard | null;
  skipExisting: boolean;
  quiet: boolean;
}

export interface Io {
  stdin: Readable;
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean };
  env: Record<string, string | undefined>;
}

const EXIT_SIGNAL: Record<string, number> = { SIGINT: 130, SIGTERM: 143 };

/**
 * Records and bytes per task sent to a worker. A task round trip costs tens of
 * microseconds; batches of this size keep that under 1 % of the cleaning time
 * while holding only a few MB per batch in memory.
 */
const BATCH_RECORDS = 64;
const BATCH_BYTES = 1024 * 1024;
/** Batches queued per worker: enough to keep every worker busy while the main thread writes. */
const IN_FLIGHT_PER_JOB = 4;
/**
 * Old-generation heap of each worker, in MB. V8 lets a worker's heap grow towards its limit
 * before it collects, so the limit sets the worker's size: on 50 MB of the benchmark's JSONL at
 * --jobs 2 the peak RSS was 326-343 MB with 96, 395-409 MB with 112 and 400-416 MB with 192 (three
 * runs each, same CPU time within the noise). The live data is the pipeline's tables (about 35 MB)
 * and one document; a 5 MB dump of 20,000 lines (MAX_LINES in time-budget.ts, the most the full
 * pipeline takes) fits.
 */
const WORKER_HEAP_MB = 96;
/**
 * Young generation of each worker, in MB (V8's default is up to 48). A smaller one costs CPU, as a
 * page's garbage outlives more scavenges, but it holds the peak RSS: on 30 MB of benchmark JSONL at
 * --jobs 2 (three alternating runs each) 16 MB took a mean of 6.20 s wall and 11.8 s CPU, 48 MB
 * 5.77 s and 11.0 s; on the 2 GB stream the peak RSS was 349 MB with 16 MB, 417 MB with 32 and
 * 411 MB with 48, over the 400 MB a batch job is promised.
 */
const WORKER_YOUNG_MB = 16;
/** Failures named one by one on stderr; the rest are only counted (they all have error records). */
const MAX_REPORTED_FAILURES = 20;

/** Where the documents of one or more inputs are written. */
interface Target {
  open(): Promise<Sink>;
  sink: Sink | null;
  format: Format;
  /** Several documents in one stream: write the format's open/close frame (a JSON array). */
  framed: boolean;
  /** The output file of one plain dump. */
  singleFile: boolean;
  docs: number;
}

interface Batch {
  target: Target;
  units: Unit[];
  /** The target is complete after this batch. */
  last: boolean;
}

interface Counters extends SourceStats {
  records: number;
  failed: number;
  startedAt: number;
}

const isMultiRecord = (input: Input) => input.format !== 'text';

function unitSize(unit: Unit): number {
  if (unit.kind === 'bytes') return unit.bytes.length;
  if (unit.kind === 'json') return unit.line.length;
  return 0;
}

/** The error record of a document that needed more than a worker's heap. */
function outOfMemory(unit: Unit, format: Format): BatchResult {
  const reason = 'out of memory';
  const failure = { source: unit.source, reason, message: `${unit.source}: ${reason} (over ${WORKER_HEAP_MB} MB of heap for one document)` };
  return { outputs: [{ text: format.renderError(failure.source, reason), failed: true }], failures: [failure] };
}

function summaryLine(counters: Counters): string {
  const seconds = (performance.now() - counters.startedAt) / 1000;
  const mb = counters.bytesRead / 1e6;
  const rate = seconds > 0 ? mb / seconds : 0;
  return (
    `pagesift: ${counters.records} record${counters.records === 1 ? '' : 's'}, ${counters.failed} failed, ${counters.skipped} skipped, ` +
    `${mb.toFixed(1)} MB in ${seconds.toFixed(1)} s (${rate.toFixed(1)} MB/s)`
  );
}

/** Whether writing `output` would replace `input`, also through a symbolic link. */
async function sameFile(output: string, input: string): Promise<boolean> {
  if (path.resolve(output) === path.resolve(input)) return true;
  const realInput = await realpath(input).catch(() => null);
  const realOutDir = await realpath(path.dirname(output)).catch(() => null);
  return realInput !== null && realOutDir !== null && path.join(realOutDir, path.basename(output)) === realInput;
}

const OUTPUT_ERRORS: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  ENOTDIR: 'not a directory',
  EISDIR: 'is a directory',
};

/** A write that stopped the run, in words: where (the output directory, not our hidden temp file) and why. */
function outputFailure(error: unknown): string {
  const { code, path: where, syscall } = error as NodeJS.ErrnoException;
  const why = (code && OUTPUT_ERRORS[code]) || (error instanceof Error ? error.message : String(error));
  if (!where) return `cannot write the output: ${why}`;
  return `cannot write to ${syscall === 'mkdir' ? where : path.dirname(where)}: ${why}`;
}

const isEpipe = (error: unknown) => (error as NodeJS.ErrnoException)?.code === 'EPIPE';

/** Clean every input and write the results; returns the exit code. */
export async function run(options: RunOptions, io: Io): Promise<number> {
  const counters: Counters = { records: 0, failed: 0, skipped: 0, bytesRead: 0, startedAt: performance.now() };
  const say = (text: string) => io.stderr.write(`${stripTerminalEscapes(text)}\n`);
  listenForErrors(io.stdout);

  const { inputs: found, unmatched, loops } = await expandInputs(options.inputs, {
    inputFormat: options.inputFormat,
    outDir: options.outDir,
  });
  for (const glob of unmatched) say(`pagesift: no file matches ${glob}`);
  for (const link of loops) say(`pagesift: ${link}: symbolic link loop (leads back to a directory already read); not followed`);
  if (found.length === 0) {
    say('pagesift: no input files');
    return EXIT_FATAL;
  }

  // Decided on the whole input list, so every shard of one job writes the same shape.
  const severalDocuments = found.length > 1 || isMultiRecord(found[0]);
  const formatId: FormatId = options.format ?? (severalDocuments && options.outDir === null ? 'jsonl' : 'json');
  const shard = options.shard;
  // Several inputs are sharded by input, so each output file has one owner; one input by record.
  let inputs = shard && found.length > 1 ? found.filter((_, i) => i % shard.count === shard.index - 1) : found;
  const recordShard = shard && found.length === 1 ? shard : null;

  let failures = 0;
  const reportFailure = (failure: Failure) => {
    failures++;
    counters.failed++;
    if (failures <= MAX_REPORTED_FAILURES) say(`pagesift: ${failure.message}`);
    else if (failures === MAX_REPORTED_FAILURES + 1) say('pagesift: more failures; see the error records');
  };

  const targets = new Map<Input, Target>();
  const openTargets = new Set<Target>();
  const settingsOf = new Map<Target, Settings>();
  const settings = (id: FormatId): Settings => ({
    format: id,
    keepJunk: options.keepJunk,
    comments: options.comments,
    maxBytes: options.maxBytes,
    timeoutMs: options.timeoutMs,
    textField: options.textField,
  });
  const makeTarget = (format: Format, framed: boolean, singleFile: boolean, open: () => Promise<Sink>): Target => {
    const target: Target = { open, sink: null, format, framed, singleFile, docs: 0 };
    settingsOf.set(target, settings(format.id));
    return target;
  };

  let stdoutTarget: Target | null = null;
  if (options.outDir === null) {
    stdoutTarget = makeTarget(formats[formatId], severalDocuments, false, async () => streamSink(io.stdout));
  } else {
    const outDir = options.outDir;
    const used = new Map<string, Input>();
    const kept: Input[] = [];
    for (const input of inputs) {
      // A multi-record input becomes one JSONL file; Markdown and text stay one stream per input.
      const format = isMultiRecord(input) && formatId === 'json' ? formats.jsonl : formats[formatId];
      const file = path.join(outDir, outputStem(input) + format.ext);
      if (input.path !== '-' && (await sameFile(file, input.path))) {
        say(`pagesift: --out-dir ${outDir} would overwrite the input ${input.path}; nothing written`);
        return EXIT_FATAL;
      }
      const clash = used.get(file);
      if (clash) {
        reportFailure({ source: input.path, reason: 'output clash', message: `${input.path}: would overwrite the output of ${clash.path} (${file})` });
        continue;
      }
      used.set(file, input);
      if (options.skipExisting && (await access(file).then(() => true, () => false))) {
        counters.skipped++;
        continue;
      }
      kept.push(input);
      targets.set(input, makeTarget(format, isMultiRecord(input), !isMultiRecord(input), () => fileSink(file)));
    }
    inputs = kept;
  }

  async function* batches(): AsyncGenerator<Batch> {
    let units: Unit[] = [];
    let size = 0;
    for (const input of inputs) {
      const target = stdoutTarget ?? (targets.get(input) as Target);
      let ordinal = 0;
      for await (const unit of readUnits(input, io.stdin, options.maxBytes, counters)) {
        if (recordShard && unit.kind !== 'failed') {
          const mine = ordinal % recordShard.count === recordShard.index - 1;
          ordinal++;
          if (!mine) continue;
        }
        units.push(unit);
        size += unitSize(unit);
        if (units.length >= BATCH_RECORDS || size >= BATCH_BYTES) {
          yield { target, units, last: false };
          units = [];
          size = 0;
        }
      }
      if (!stdoutTarget) {
        yield { target, units, last: true };
        units = [];
        size = 0;
      }
    }
    if (stdoutTarget) yield { target: stdoutTarget, units, last: true };
  }

  const useThreads = options.jobs > 1 && (inputs.length > 1 || (inputs.length === 1 && isMultiRecord(inputs[0])));
  // Loaded only for a pool: a run in the main thread starts without its modules.
  const pool = useThreads
    ? new (await import('piscina')).Piscina<{ units: Unit[]; settings: Settings }, BatchResult>({
        filename: new URL('./worker.js', import.meta.url).href,
        minThreads: options.jobs,
        maxThreads: options.jobs,
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB, maxYoungGenerationSizeMb: WORKER_YOUNG_MB },
      })
    : null;
  type Task = { units: Unit[]; settings: Settings };
  // The pipeline is loaded in the main thread only when it cleans there: with a pool, every
  // worker holds its own copy and a third one would only cost memory.
  // Units are copied to the worker, not moved, so that a batch can be sent again (below); a batch
  // of 1 MB copies in well under a millisecond, against tens of milliseconds of cleaning per page.
  const cleanInPool = async (pool: Piscina, task: Task): Promise<BatchResult> => {
    try {
      return await pool.run(task);
    } catch (error) {
      if ((error as NodeJS.ErrnoException)?.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
      // A document ran its worker out of heap (the pool starts a new one): clean the batch one
      // document at a time, so that only that document fails.
      if (task.units.length === 1) return outOfMemory(task.units[0], formats[task.settings.format]);
      const results: BatchResult[] = [];
      for (const unit of task.units) results.push(await cleanInPool(pool, { units: [unit], settings: task.settings }));
      return { outputs: results.flatMap((r) => r.outputs), failures: results.flatMap((r) => r.failures) };
    }
  };
  const cleanTask: (task: Task) => Promise<BatchResult> = pool
    ? (task) => cleanInPool(pool, task)
    : await import('./worker.js').then(({ processUnits }) => async (task: Task) => processUnits(task.units, task.settings));
  const processBatch = (batch: Batch) => cleanTask({ units: batch.units, settings: settingsOf.get(batch.target) as Settings });

  const totalBytes = inputs.every((input) => input.size !== null)
    ? inputs.reduce((sum, input) => sum + (input.size ?? 0), 0)
    : 0;
  const bar =
    io.stderr.isTTY && !options.quiet
      ? new cliProgress.SingleBar(
          {
            stream: io.stderr,
            format:
              totalBytes > 0
                ? '{bar} {percentage}% | {records} records | {mb} MB | {rate} MB/s | ETA {eta_formatted}'
                : '{records} records | {mb} MB | {rate} MB/s',
            hideCursor: true,
            clearOnComplete: true,
          },
          cliProgress.Presets.shades_classic,
        )
      : null;
  const progressPayload = () => {
    const seconds = (performance.now() - counters.startedAt) / 1000;
    const mb = counters.bytesRead / 1e6;
    return { records: counters.records, mb: mb.toFixed(1), rate: (seconds > 0 ? mb / seconds : 0).toFixed(1) };
  };
  bar?.start(totalBytes, 0, progressPayload());

  const writeDocument = async (target: Target, text: string) => {
    if (target.sink === null) {
      target.sink = await target.open();
      openTargets.add(target);
      if (target.framed) await target.sink.write(target.format.open);
    } else if (target.docs > 0) {
      await target.sink.write(target.format.separator);
    }
    await target.sink.write(text);
    target.docs++;
  };
  const closeTarget = async (target: Target) => {
    if (target.sink === null && target.singleFile) return;
    // A multi-record input with no documents still gets its (empty) output, so --skip-existing sees it done.
    if (target.sink === null) {
      target.sink = await target.open();
      openTargets.add(target);
      if (target.framed) await target.sink.write(target.format.open);
    }
    if (target.framed) await target.sink.write(target.format.close);
    await target.sink.finish();
    openTargets.delete(target);
  };
  const drain = async (batch: Batch, done: Promise<BatchResult>) => {
    const result = await done;
    for (const output of result.outputs) {
      // A one-document output file is written only on success, so a rerun with --skip-existing retries a failure.
      const keep = output.text !== null && (!output.failed || !batch.target.singleFile);
      if (keep) await writeDocument(batch.target, output.text as string);
    }
    for (const failure of result.failures) reportFailure(failure);
    counters.records += batch.units.length - result.failures.length;
    if (batch.last) await closeTarget(batch.target);
    bar?.update(counters.bytesRead, progressPayload());
  };

  const onSignal = (signal: NodeJS.Signals) => {
    removePendingFiles();
    bar?.stop();
    if (!options.quiet) say(`${summaryLine(counters)}; stopped by ${signal}`);
    process.exit(EXIT_SIGNAL[signal]);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  const maxInFlight = pool ? options.jobs * IN_FLIGHT_PER_JOB : 1;
  const inFlight: { batch: Batch; done: Promise<BatchResult> }[] = [];
  let exitCode = EXIT_OK;
  let readerGone = false;
  try {
    for await (const batch of batches()) {
      const done = processBatch(batch);
      // Handled when drained, in order; this only stops an early rejection from counting as unhandled.
      done.catch(() => {});
      inFlight.push({ batch, done });
      while (inFlight.length >= maxInFlight) {
        const next = inFlight.shift() as (typeof inFlight)[number];
        await drain(next.batch, next.done);
      }
    }
    for (let next = inFlight.shift(); next; next = inFlight.shift()) await drain(next.batch, next.done);
    if (counters.failed > 0) exitCode = EXIT_SOME_FAILED;
  } catch (error) {
    if (isEpipe(error)) {
      // The reader has all it wants (`| head`): stop quietly.
      readerGone = true;
      exitCode = counters.failed > 0 ? EXIT_SOME_FAILED : EXIT_OK;
    } else {
      bar?.stop();
      say(`pagesift: ${outputFailure(error)}`);
      exitCode = EXIT_FATAL;
    }
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    bar?.stop();
    for (const target of openTargets) await target.sink?.abort();
    await pool?.destroy();
  }
  if (!options.quiet && !readerGone) say(summaryLine(counters));
  return exitCode;
}

export interface ExplainRunOptions {
  input: string;
  comments: boolean;
  maxBytes: number;
  timeoutMs: number;
}

/** Colour for a terminal only; NO_COLOR (any non-empty value, see no-color.org) turns it off. */
export function wantsColour(stream: { isTTY?: boolean }, env: Record<string, string | undefined>): boolean {
  return Boolean(stream.isTTY) && !env.NO_COLOR;
}

/** `pagesift explain`: every line of one dump with its zone, score, deciding cleaner and reason. */
export async function explain(options: ExplainRunOptions, io: Io): Promise<number> {
  listenForErrors(io.stdout);
  const stats: SourceStats = { bytesRead: 0, skipped: 0 };
  try {
    const bytes = await readUpTo(gunzipIfNeeded(rawChunks(options.input, io.stdin, stats)), options.maxBytes + 1);
    const { text, warnings } = decodeBytes(bytes, options.input, options.maxBytes);
    const { label } = await import('./index.js');
    const labelOptions = { comments: options.comments, maxBytes: options.maxBytes, timeoutMs: options.timeoutMs };
    const doc = label(text, labelOptions, { source: options.input, warnings });
    const lineCount = text === '' ? 0 : text.split(/\r\n|\r|\n/).length - (/[\r\n]$/.test(text) ? 1 : 0);
    const colour = wantsColour(io.stdout, io.env);
    await streamSink(io.stdout).write(renderExplain(doc, { colour, lineCount, sanitise: stripTerminalEscapes }));
    for (const warning of doc.warnings) io.stderr.write(`pagesift: ${stripTerminalEscapes(warning)}\n`);
    return EXIT_OK;
  } catch (error) {
    if (isEpipe(error)) return EXIT_OK;
    const message = error instanceof InputError ? error.message : `${options.input}: ${readFailure(error)}`;
    io.stderr.write(`pagesift: ${stripTerminalEscapes(message)}\n`);
    return EXIT_SOME_FAILED;
  }
}
