/**
 * `npm run eval -- --corpus DIR [--renderer lynx|w3m|blocks|all] [--dataset X[,Y]] [--limit N]
 *   [--out DIR] [--jobs N] [--worst N] [--metric NAME] [--lines]`
 *
 * Runs the real pipeline over every dump of a corpus folder and prints Markdown tables of the
 * figures of issue 6, next to the keep-everything baseline. Writes to --out (default `.eval/`):
 * pages.jsonl (one scored page per line, sorted by id and renderer), summary.json (what
 * `eval-gate` reads) and report.md (the printed tables).
 */
import { fork } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { clean, label } from '../src/index.js';
import { type Gold, isRenderer, LINE_LABELS, RENDERERS, type Renderer, readDump, readLabels, readPages } from './corpus.js';
import {
  addConfusion,
  aggregate,
  type Figures,
  type Floors,
  gatedFigures,
  keepallOutput,
  type LineConfusion,
  lineConfusion,
  type Mean,
  outputOfResult,
  type Scores,
  score,
  ZONE_GROUPS,
} from './metrics.js';

/** First argument of a worker process: the same script, scoring its share of the dumps. */
const WORKER_FLAG = '--eval-worker';
/** No time budget: the figures measure the full pipeline, whatever the load on the machine. */
const QUALITY_RUN = { timeoutMs: Number.POSITIVE_INFINITY };
/** Below this many dumps, starting workers costs more than it saves. */
const MIN_TASKS_FOR_WORKERS = 200;
/** Records a worker sends back per message: few messages, steady progress. */
const BATCH = 50;
/** Datasets in the order of the corpus README's tables; others follow alphabetically. */
const DATASET_ORDER = ['l3s-gn1', 'dragnet', 'wcxb', 'readability', 'cleaneval'];
const USAGE =
  'usage: npm run eval -- --corpus DIR [--renderer lynx|w3m|blocks|all] [--dataset X[,Y]] [--limit N] [--out DIR] [--jobs N] [--worst N] [--metric NAME] [--lines]';

interface Task {
  id: string;
  dataset: string;
  lang: string;
  gold: Gold;
  renderer: Renderer;
}

interface PageRecord {
  id: string;
  dataset: string;
  renderer: Renderer;
  /** Language the pipeline detected (Result.lang). */
  lang: string | null;
  /** The corpus builder's language guess. */
  corpusLang: string;
  title: string | null;
  error: string | null;
  warnings: string[];
  pagesift: Scores;
  keepall: Scores;
  /** CPU time of clean(); kept out of pages.jsonl so that two runs diff cleanly. */
  ms: number;
  /** With --lines, on dumps that have line labels: where the labelled words went. */
  lines: LineConfusion | null;
}

function evaluate(corpusDir: string, task: Task, withLines: boolean): PageRecord {
  const dump = readDump(corpusDir, task.renderer, task.id);
  // CPU rather than wall time, so that the figure holds on a busy machine; each worker is its own process.
  const started = process.cpuUsage();
  let error: string | null = null;
  let result = null;
  try {
    result = clean(dump, QUALITY_RUN, { source: task.id });
  } catch (thrown) {
    error = thrown instanceof Error ? thrown.message : String(thrown);
  }
  const used = process.cpuUsage(started);
  const ms = (used.user + used.system) / 1000;
  const labels = withLines && error === null ? readLabels(corpusDir, task.renderer, task.id) : null;
  // A page the pipeline fails on scores as an empty extraction.
  const output = result
    ? outputOfResult(result)
    : { title: null, body: '', comments: '', all: '' };
  return {
    id: task.id,
    dataset: task.dataset,
    renderer: task.renderer,
    lang: result?.lang ?? null,
    corpusLang: task.lang,
    title: output.title,
    error,
    warnings: result?.warnings ?? [],
    pagesift: score(task.gold, output),
    keepall: score(task.gold, keepallOutput(dump)),
    ms,
    // label() is what clean() runs before assembling the Result; run again here to see line zones.
    lines: labels ? lineConfusion(label(dump, QUALITY_RUN, { source: task.id }).lines, labels) : null,
  };
}

interface WorkerInput {
  corpusDir: string;
  tasks: Task[];
  withLines: boolean;
}

function workerMain(): void {
  process.once('message', ({ corpusDir, tasks, withLines }: WorkerInput) => {
    let batch: PageRecord[] = [];
    for (const task of tasks) {
      batch.push(evaluate(corpusDir, task, withLines));
      if (batch.length === BATCH) {
        process.send?.(batch);
        batch = [];
      }
    }
    process.send?.(batch, () => process.disconnect());
  });
}

function workersFor(tasks: number, jobs: number): number {
  return tasks < MIN_TASKS_FOR_WORKERS ? 1 : Math.max(1, Math.min(jobs, tasks));
}

async function runTasks(input: WorkerInput, jobs: number, onProgress: (done: number) => void) {
  const { corpusDir, tasks, withLines } = input;
  const records: PageRecord[] = [];
  if (jobs === 1) {
    for (const task of tasks) {
      records.push(evaluate(corpusDir, task, withLines));
      if (records.length % BATCH === 0) onProgress(records.length);
    }
    return records;
  }
  // Dealt round-robin so that every worker gets a similar mix of datasets and renderers.
  const shares: Task[][] = Array.from({ length: jobs }, () => []);
  tasks.forEach((task, i) => shares[i % jobs].push(task));
  // Processes, not threads: process.cpuUsage() is per process.
  await Promise.all(
    shares.map(
      (share) =>
        new Promise<void>((done, fail) => {
          const worker = fork(fileURLToPath(import.meta.url), [WORKER_FLAG], { serialization: 'advanced' });
          worker.on('message', (batch: PageRecord[]) => {
            records.push(...batch);
            onProgress(records.length);
          });
          worker.on('error', fail);
          worker.on('exit', (code) => (code === 0 ? done() : fail(new Error(`eval worker exited with ${code}`))));
          worker.send({ corpusDir, tasks: share, withLines } satisfies WorkerInput);
        }),
    ),
  );
  return records;
}

function datasetRank(dataset: string): number {
  const i = DATASET_ORDER.indexOf(dataset);
  return i === -1 ? DATASET_ORDER.length : i;
}

function byDataset(a: string, b: string): number {
  return datasetRank(a) - datasetRank(b) || a.localeCompare(b);
}

function byPage(a: PageRecord, b: PageRecord): number {
  return (
    byDataset(a.dataset, b.dataset) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0) ||
    RENDERERS.indexOf(a.renderer) - RENDERERS.indexOf(b.renderer)
  );
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

// ---------------------------------------------------------------- Markdown tables

function num(value: number | null): string {
  return value === null ? '–' : value.toFixed(3);
}

function cell(m: Mean): string {
  return num(m.value);
}

function table(headers: string[], rows: string[][]): string {
  const escape = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${headers.join(' | ')} |`,
    `|${headers.map(() => '---').join('|')}|`,
    ...rows.map((row) => `| ${row.map(escape).join(' | ')} |`),
  ].join('\n');
}

interface Group {
  dataset: string;
  renderer: Renderer;
  pagesift: Figures;
  keepall: Figures;
}

function summaryTable(groups: Group[], renderers: Renderer[]): string {
  const datasets = [...new Set(groups.map((g) => g.dataset))].sort(byDataset);
  const find = (dataset: string, renderer: Renderer) =>
    groups.find((g) => g.dataset === dataset && g.renderer === renderer);
  const has = (pick: (f: Figures) => Mean) => datasets.filter((d) => groups.some((g) => g.dataset === d && pick(g.pagesift).n > 0));
  const columns: { header: string; dataset: string; pick: (f: Figures) => Mean }[] = [
    ...has((f) => f.bodyF1).map((dataset) => ({ header: `body F1 ${dataset}`, dataset, pick: (f: Figures) => f.bodyF1 })),
    ...has((f) => f.commentsF1).map((dataset) => ({ header: `comments F1 ${dataset}`, dataset, pick: (f: Figures) => f.commentsF1 })),
    ...has((f) => f.commentFp).map((dataset) => ({ header: `comment FP ${dataset}`, dataset, pick: (f: Figures) => f.commentFp })),
    ...has((f) => f.titleExact).map((dataset) => ({ header: `title exact ${dataset}`, dataset, pick: (f: Figures) => f.titleExact })),
  ];
  const rows: string[][] = [];
  for (const system of ['pagesift', 'keepall'] as const) {
    for (const renderer of renderers) {
      rows.push([
        system,
        renderer,
        ...columns.map((c) => {
          const group = find(c.dataset, renderer);
          return group ? cell(c.pick(group[system])) : '–';
        }),
      ]);
    }
  }
  return table(['system', 'dump', ...columns.map((c) => c.header)], rows);
}

function detailTables(groups: Group[]): string {
  const body = table(
    ['dataset', 'dump', 'pages', 'P', 'R', 'F1', 'keepall P', 'keepall R', 'keepall F1'],
    groups
      .filter((g) => g.pagesift.bodyF1.n > 0)
      .map((g) => [
        g.dataset,
        g.renderer,
        String(g.pagesift.bodyF1.n),
        cell(g.pagesift.bodyP),
        cell(g.pagesift.bodyR),
        cell(g.pagesift.bodyF1),
        cell(g.keepall.bodyP),
        cell(g.keepall.bodyR),
        cell(g.keepall.bodyF1),
      ]),
  );
  const comments = table(
    ['dataset', 'dump', 'pages with comments', 'P', 'R', 'F1', 'keepall F1', 'comment-free pages', 'FP rate', 'keepall FP'],
    groups
      .filter((g) => g.pagesift.commentsF1.n + g.pagesift.commentFp.n > 0)
      .map((g) => [
        g.dataset,
        g.renderer,
        String(g.pagesift.commentsF1.n),
        cell(g.pagesift.commentsP),
        cell(g.pagesift.commentsR),
        cell(g.pagesift.commentsF1),
        cell(g.keepall.commentsF1),
        String(g.pagesift.commentFp.n),
        cell(g.pagesift.commentFp),
        cell(g.keepall.commentFp),
      ]),
  );
  const titles = table(
    ['dataset', 'dump', 'pages', 'exact', 'keepall exact', 'token F1', 'keepall token F1'],
    groups
      .filter((g) => g.pagesift.titleExact.n > 0)
      .map((g) => [
        g.dataset,
        g.renderer,
        String(g.pagesift.titleExact.n),
        cell(g.pagesift.titleExact),
        cell(g.keepall.titleExact),
        cell(g.pagesift.titleF1),
        cell(g.keepall.titleF1),
      ]),
  );
  const snippets = table(
    ['dataset', 'dump', 'pages', 'with ↑', 'keepall with', 'without ↓', 'keepall without', 'comments_with ↑', 'keepall comments_with'],
    groups
      .filter((g) => g.pagesift.with.n + g.pagesift.without.n + g.pagesift.commentsWith.n > 0)
      .map((g) => [
        g.dataset,
        g.renderer,
        String(Math.max(g.pagesift.with.n, g.pagesift.without.n, g.pagesift.commentsWith.n)),
        cell(g.pagesift.with),
        cell(g.keepall.with),
        cell(g.pagesift.without),
        cell(g.keepall.without),
        cell(g.pagesift.commentsWith),
        cell(g.keepall.commentsWith),
      ]),
  );
  return [
    '### Body (token P/R/F1, pages with a gold body)',
    body,
    '### Comments (token P/R/F1 on pages with comments; FP = comment-free pages given 5+ comment tokens)',
    comments,
    '### Title (exact after NFKC, lower case, whitespace collapse; token F1)',
    titles,
    '### Snippets (share found: `with` in the body, `without` anywhere in the output, `comments_with` in the comments)',
    snippets,
  ].join('\n\n');
}

function languageTable(records: PageRecord[], renderers: Renderer[]): string {
  const rows: string[][] = [];
  const byLang = groupBy(records, (r) => r.lang ?? '?');
  const langs = [...byLang.keys()].sort((a, b) => (byLang.get(b)?.length ?? 0) - (byLang.get(a)?.length ?? 0) || a.localeCompare(b));
  for (const lang of langs) {
    for (const renderer of renderers) {
      const group = (byLang.get(lang) ?? []).filter((r) => r.renderer === renderer);
      if (group.length === 0) continue;
      const pagesift = aggregate(group.map((r) => r.pagesift));
      const keepall = aggregate(group.map((r) => r.keepall));
      const agree = group.filter((r) => r.corpusLang !== '' && r.corpusLang === r.lang).length;
      const judged = group.filter((r) => r.corpusLang !== '').length;
      rows.push([
        lang,
        renderer,
        String(group.length),
        judged === 0 ? '–' : num(agree / judged),
        cell(pagesift.bodyF1),
        cell(keepall.bodyF1),
        cell(pagesift.titleExact),
        cell(keepall.titleExact),
      ]);
    }
  }
  return table(
    ['detected lang', 'dump', 'pages', 'agrees with corpus lang', 'body F1', 'keepall body F1', 'title exact', 'keepall title exact'],
    rows,
  );
}

interface Throughput {
  renderer: Renderer;
  pages: number;
  errors: number;
  /** Pages whose Result carries warnings (a cut input, the time budget's cheap path...). */
  warned: number;
  /** Pages per second of clean() CPU time, one core. */
  pagesPerSecond: number;
}

function throughputTable(rows: Throughput[], wallSeconds: number, total: number, jobs: number): string {
  return [
    table(
      ['dump', 'pages', 'errors', 'pages with warnings', 'pages/s per core (CPU time of clean())'],
      rows.map((t) => [t.renderer, String(t.pages), String(t.errors), String(t.warned), t.pagesPerSecond.toFixed(0)]),
    ),
    `Wall clock: ${total} dumps in ${wallSeconds.toFixed(1)} s with ${jobs} process(es), reading and scoring included (${(total / wallSeconds).toFixed(0)} dumps/s).`,
  ].join('\n\n');
}

function linesTable(records: PageRecord[], renderers: Renderer[]): string {
  const rows: string[][] = [];
  const byData = groupBy(records, (r) => r.dataset);
  for (const dataset of [...byData.keys()].sort(byDataset)) {
    for (const renderer of renderers) {
      const total: LineConfusion = {};
      for (const r of byData.get(dataset) ?? []) if (r.renderer === renderer && r.lines) addConfusion(total, r.lines);
      for (const gold of LINE_LABELS) {
        const row = total[gold];
        if (!row) continue;
        const words = ZONE_GROUPS.reduce((sum, group) => sum + row[group], 0);
        rows.push([dataset, renderer, gold, String(words), ...ZONE_GROUPS.map((group) => num(words === 0 ? null : row[group] / words))]);
      }
    }
  }
  return table(['dataset', 'dump', 'gold label', 'words', ...ZONE_GROUPS], rows);
}

// ---------------------------------------------------------------- worst pages

/** Per-page figures `--worst` can rank by; `worseIsHigher` for the ones where lower is better. */
const PAGE_METRICS: Record<string, { get: (r: PageRecord) => number | null; worseIsHigher?: boolean; count?: boolean }> = {
  body_f1: { get: (r) => r.pagesift.body?.f1 ?? null },
  body_p: { get: (r) => r.pagesift.body?.p ?? null },
  body_r: { get: (r) => r.pagesift.body?.r ?? null },
  comments_f1: { get: (r) => r.pagesift.comments?.f1 ?? null },
  // Comment tokens predicted on a page whose gold has no comments.
  comment_fp: { get: (r) => (r.pagesift.commentFp === null ? null : r.pagesift.commentTokens), worseIsHigher: true, count: true },
  title_f1: { get: (r) => r.pagesift.titleF1 },
  with: { get: (r) => r.pagesift.with },
  without: { get: (r) => r.pagesift.without, worseIsHigher: true },
  comments_with: { get: (r) => r.pagesift.commentsWith },
};

function worstTables(records: PageRecord[], metric: string, n: number): string {
  const { get, worseIsHigher = false, count = false } = PAGE_METRICS[metric];
  const show = (value: number | null) => (count && value !== null ? String(value) : num(value));
  const sections: string[] = [];
  const byData = groupBy(records, (r) => r.dataset);
  for (const dataset of [...byData.keys()].sort(byDataset)) {
    const ranked = (byData.get(dataset) ?? [])
      .filter((r) => get(r) !== null)
      .sort((a, b) => {
        const diff = (get(a) ?? 0) - (get(b) ?? 0);
        return (worseIsHigher ? -diff : diff) || byPage(a, b);
      })
      .slice(0, n);
    if (ranked.length === 0) continue;
    const clip = (s: string | null) => (s === null ? '–' : s.length > 60 ? `${s.slice(0, 57)}...` : s);
    sections.push(
      `### Worst ${ranked.length} by ${metric}: ${dataset}`,
      table(
        ['id', 'dump', count ? `${metric} (comment tokens)` : metric, 'keepall', 'predicted title', 'error'],
        ranked.map((r) => {
          const keep = get({ ...r, pagesift: r.keepall });
          return [r.id, r.renderer, show(get(r)), show(keep), clip(r.title), r.error ?? ''];
        }),
      ),
    );
  }
  return sections.join('\n\n');
}

// ---------------------------------------------------------------- main

interface Args {
  corpus: string;
  renderers: Renderer[];
  datasets: string[] | null;
  limit: number | null;
  out: string;
  jobs: number;
  worst: number;
  metric: string;
  lines: boolean;
}

function positiveInt(name: string, value: string | undefined, fallback: number | null): number | null {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} needs a whole number, got ${JSON.stringify(value)}`);
  return n;
}

function parse(argv: string[]): Args {
  const { values } = parseArgs({
    args: argv,
    options: {
      corpus: { type: 'string' },
      renderer: { type: 'string', default: 'all' },
      dataset: { type: 'string' },
      limit: { type: 'string' },
      out: { type: 'string', default: '.eval' },
      jobs: { type: 'string' },
      worst: { type: 'string' },
      metric: { type: 'string', default: 'body_f1' },
      lines: { type: 'boolean', default: false },
    },
  });
  if (values.corpus === undefined) throw new Error('--corpus is required');
  const renderer = values.renderer ?? 'all';
  if (renderer !== 'all' && !isRenderer(renderer)) throw new Error(`--renderer must be lynx, w3m, blocks or all`);
  const metric = values.metric ?? 'body_f1';
  if (!(metric in PAGE_METRICS)) throw new Error(`--metric must be one of ${Object.keys(PAGE_METRICS).join(', ')}`);
  return {
    corpus: values.corpus,
    renderers: renderer === 'all' ? [...RENDERERS] : [renderer as Renderer],
    datasets: values.dataset === undefined ? null : values.dataset.split(',').map((d) => d.trim()),
    limit: positiveInt('limit', values.limit, null),
    out: values.out ?? '.eval',
    jobs: positiveInt('jobs', values.jobs, availableParallelism()) ?? 1,
    worst: positiveInt('worst', values.worst, 0) ?? 0,
    metric,
    lines: values.lines ?? false,
  };
}

async function main(argv: string[]): Promise<number> {
  let args: Args;
  try {
    args = parse(argv);
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const corpusDir = resolve(args.corpus);
  let pages = readPages(corpusDir);
  if (args.datasets) {
    const known = new Set(pages.map((p) => p.dataset));
    const unknown = args.datasets.filter((d) => !known.has(d));
    if (unknown.length > 0) {
      process.stderr.write(`unknown dataset(s): ${unknown.join(', ')}; the corpus has ${[...known].join(', ')}\n`);
      return 2;
    }
    const wanted = new Set(args.datasets);
    pages = pages.filter((p) => wanted.has(p.dataset));
  }
  if (args.limit !== null) {
    const limit = args.limit;
    pages = [...groupBy(pages, (p) => p.dataset).values()].flatMap((group) => group.slice(0, limit));
  }
  const tasks: Task[] = args.renderers.flatMap((renderer) =>
    pages.map((p) => ({ id: p.id, dataset: p.dataset, lang: p.lang, gold: p.gold, renderer })),
  );

  const jobs = workersFor(tasks.length, args.jobs);
  const progress = process.stderr.isTTY
    ? (done: number) => process.stderr.write(`\r${done}/${tasks.length} dumps`)
    : () => {};
  const started = performance.now();
  const records = (await runTasks({ corpusDir, tasks, withLines: args.lines }, jobs, progress)).sort(byPage);
  const wallSeconds = (performance.now() - started) / 1000;
  if (process.stderr.isTTY) process.stderr.write('\n');

  const groups: Group[] = [];
  const byData = groupBy(records, (r) => r.dataset);
  for (const dataset of [...byData.keys()].sort(byDataset)) {
    for (const renderer of args.renderers) {
      const group = (byData.get(dataset) ?? []).filter((r) => r.renderer === renderer);
      if (group.length === 0) continue;
      groups.push({
        dataset,
        renderer,
        pagesift: aggregate(group.map((r) => r.pagesift)),
        keepall: aggregate(group.map((r) => r.keepall)),
      });
    }
  }
  const throughput: Throughput[] = args.renderers.map((renderer) => {
    const group = records.filter((r) => r.renderer === renderer);
    const seconds = group.reduce((sum, r) => sum + r.ms, 0) / 1000;
    return {
      renderer,
      pages: group.length,
      errors: group.filter((r) => r.error !== null).length,
      warned: group.filter((r) => r.warnings.length > 0).length,
      pagesPerSecond: seconds === 0 ? 0 : group.length / seconds,
    };
  });
  const errors = records.filter((r) => r.error !== null);

  const scope = [
    args.datasets ? `datasets ${args.datasets.join(', ')}` : 'all datasets',
    args.limit !== null ? `first ${args.limit} pages per dataset` : 'all pages',
  ].join(', ');
  const report = [
    `## pagesift eval: ${pages.length} pages × ${args.renderers.length} dump(s), ${scope}`,
    summaryTable(groups, args.renderers),
    detailTables(groups),
    '### By detected language',
    languageTable(records, args.renderers),
    '### Throughput',
    throughputTable(throughput, wallSeconds, records.length, jobs),
    ...(errors.length > 0
      ? ['### Errors', errors.slice(0, 20).map((r) => `- ${r.id} (${r.renderer}): ${r.error}`).join('\n')]
      : []),
    ...(args.lines ? ['### Where the labelled lines went (share of each gold label\'s words per output zone)', linesTable(records, args.renderers)] : []),
    ...(args.worst > 0 ? [worstTables(records, args.metric, args.worst)] : []),
  ].join('\n\n');
  process.stdout.write(`${report}\n`);

  const gated: Floors = {};
  for (const g of groups) (gated[g.dataset] ??= {})[g.renderer] = gatedFigures(g.pagesift);
  const summary = {
    date: new Date().toISOString(),
    corpus: corpusDir,
    renderers: args.renderers,
    datasets: args.datasets,
    limit: args.limit,
    /** A partial run must not be compared with, or become, the floors. */
    partial: args.datasets !== null || args.limit !== null || args.renderers.length < RENDERERS.length,
    gated,
    figures: groups,
    throughput,
    errors: errors.map((r) => ({ id: r.id, renderer: r.renderer, error: r.error })),
  };
  const outDir = resolve(args.out);
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
  writeFileSync(join(outDir, 'report.md'), `${report}\n`);
  writeFileSync(
    join(outDir, 'pages.jsonl'),
    records.map(({ ms: _ms, lines: _lines, ...kept }) => `${JSON.stringify(kept)}\n`).join(''),
  );
  process.stderr.write(`wrote ${join(outDir, 'pages.jsonl')}, summary.json and report.md\n`);
  return 0;
}

if (process.argv[2] === WORKER_FLAG) {
  workerMain();
} else {
  process.exitCode = await main(process.argv.slice(2));
}
