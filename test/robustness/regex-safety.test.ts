import { readFileSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import fg from 'fast-glob';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * Every regular expression in src/ must run in linear time. The patterns are gathered two ways:
 * regex literals straight from the source (TypeScript's parser), and every `new RegExp(...)` built
 * while the modules load and clean a sample page (RegExp is wrapped for the duration). Each one then
 * runs, in a worker that a watchdog can kill, over adversarial inputs: long runs of one character,
 * of two alternating characters, of nested punctuation, and of the characters the pattern itself
 * names, each also with a tail that makes a match fail late.
 */

interface Pattern {
  where: string;
  source: string;
  flags: string;
}

const ROOT = new URL('../../', import.meta.url);
const SRC = new URL('src/', ROOT).pathname;
/** A quadratic pattern spends ~10^8 steps on 20,000 characters (hundreds of ms); a linear one well under 5 ms. */
const SWEEP_LENGTH = 20_000;
const LONG_LINE = 100_000;
const SLOW_MS = 100;
/** With no progress report for this long, the current pattern is taken to hang. */
const WATCHDOG_MS = 15_000;

function literalPatterns(): Pattern[] {
  const found: Pattern[] = [];
  for (const file of fg.sync('src/**/*.ts', { cwd: ROOT.pathname })) {
    const text = readFileSync(new URL(file, ROOT), 'utf8');
    const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (node.kind === ts.SyntaxKind.RegularExpressionLiteral) {
        const literal = node.getText(sourceFile);
        const slash = literal.lastIndexOf('/');
        const line = sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1;
        found.push({ where: `${file}:${line}`, source: literal.slice(1, slash), flags: literal.slice(slash + 1) });
      }
      ts.forEachChild(node, visit);
    };
    visit(sourceFile);
  }
  return found;
}

const built = new Map<string, Pattern>();
const OriginalRegExp = globalThis.RegExp;

beforeAll(async () => {
  const record = (re: RegExp): RegExp => {
    // The frame that called `new RegExp`; libraries build their own patterns and are not ours to judge.
    const caller = new Error().stack?.split('\n').find((l) => !l.includes('regex-safety.test.ts') && l.includes(' at '));
    if (caller?.includes(SRC) && !caller.includes('node_modules')) {
      built.set(`${re.source}/${re.flags}`, { where: caller.trim(), source: re.source, flags: re.flags });
    }
    return re;
  };
  globalThis.RegExp = new Proxy(OriginalRegExp, {
    construct: (target, args) => record(Reflect.construct(target, args)),
    apply: (target, self, args) => record(Reflect.apply(target, self, args)),
  });
  try {
    const modules = fg.sync('src/**/*.ts', { cwd: ROOT.pathname });
    for (const file of modules) await import(new URL(file, ROOT).href);
    const { clean } = await import('../../src/index.js');
    clean(
      'Menu Home About\n\nA Title Here\n\nBy Jane Roe, May 1, 2020\n\nSome body text. More text here.\n\n' +
        '3 Comments\n\nSam says:\nMay 2, 2020 at 10:00 am\nNice post.\n\nLeave a Reply',
      { keepJunk: true },
    );
  } finally {
    globalThis.RegExp = OriginalRegExp;
  }
});

afterAll(() => {
  globalThis.RegExp = OriginalRegExp;
});

/** Runs in the worker: every pattern over every input, reporting progress and slow cases. */
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { patterns, sweep, long, slowMs } = workerData;
const GENERIC = ['a', 'A', ' ', '.', ',', '-', '_', '/', ':', '@', '1', 'é', '*', '=', '"', '%', '\\t', '!', '?', 'あ', 'א',
  'a ', 'a.', '. ', 'a-', 'aA', 'a1', '1.', '1,', 'a/', 'a@', '- ', '* ', '.,', 'a\\u00a0', 'A.', 'Aa', 'a:', 'a\\'', '\\u201c\\u201d'];
const TAILS = ['', '\\u0000', '!\\n'];
function run(re, s) {
  re.lastIndex = 0;
  if (re.global) for (const _ of s.matchAll(re)) { /* every match, as replace() would */ }
  else re.exec(s);
}
function charsOf(source) {
  const chars = new Set();
  for (const c of source.replace(/\\\\[pP]\\{[^}]*\\}|\\\\u[0-9a-fA-F]{4}|\\\\./g, ' ')) if (c.charCodeAt(0) < 0x7f) chars.add(c);
  return [...chars];
}
const slow = [];
for (const p of patterns) {
  parentPort.postMessage({ type: 'start', where: p.where });
  const re = new RegExp(p.source, p.flags);
  const units = [...GENERIC, ...charsOf(p.source)];
  const inputs = [];
  for (const unit of units) for (const tail of TAILS) inputs.push(unit.repeat(Math.ceil(sweep / unit.length)) + tail);
  inputs.push('('.repeat(sweep / 2) + ')'.repeat(sweep / 2), '[('.repeat(sweep / 2) + 'x', '"\\''.repeat(sweep / 2) + '\\n');
  const longLines = ['a', ' ', 'a ', '.', 'word, word. '].map((unit) => unit.repeat(Math.ceil(long / unit.length)) + '\\u0000');
  const slowBefore = slow.length;
  // One slow input is enough to report a pattern; the rest would only take minutes.
  for (const input of inputs) if (time(p, re, input)) break;
  if (slow.length === slowBefore) for (const input of longLines) time(p, re, input);
}
function time(p, re, input) {
  const start = performance.now();
  run(re, input);
  const ms = performance.now() - start;
  if (ms <= slowMs) return false;
  slow.push({ where: p.where, pattern: '/' + p.source + '/' + p.flags, input: JSON.stringify(input.slice(0, 12)) + '… (' + input.length + ' chars)', ms: Math.round(ms) });
  return true;
}
parentPort.postMessage({ type: 'done', slow });
`;

function sweep(patterns: Pattern[]): Promise<{ where: string; pattern: string; input: string; ms: number }[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { patterns, sweep: SWEEP_LENGTH, long: LONG_LINE, slowMs: SLOW_MS },
    });
    let current = '(none)';
    let timer = setTimeout(() => hang(), WATCHDOG_MS);
    const hang = () => {
      void worker.terminate();
      reject(new Error(`a pattern at ${current} did not finish in ${WATCHDOG_MS} ms: catastrophic backtracking`));
    };
    worker.on('message', (message: { type: string; where?: string; slow?: [] }) => {
      clearTimeout(timer);
      if (message.type === 'done') {
        void worker.terminate();
        resolve(message.slow ?? []);
        return;
      }
      current = message.where ?? current;
      timer = setTimeout(() => hang(), WATCHDOG_MS);
    });
    worker.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  });
}

describe('regular expressions in src/ are linear', () => {
  it('finds the patterns (the gathering itself works)', () => {
    const literals = literalPatterns();
    expect(literals.length).toBeGreaterThan(50);
    expect(literals.some((p) => p.where.startsWith('src/cleaners/split-glued.ts'))).toBe(true);
    expect(built.size).toBeGreaterThan(0);
  });

  it('catches a catastrophic pattern (the check can fail)', async () => {
    const slow = await sweep([{ where: 'known-bad', source: 'a+b', flags: 'g' }]).catch((e: Error) => e);
    expect(slow instanceof Error || slow.length > 0).toBe(true);
  }, 60_000);

  it('runs every pattern over adversarial inputs in linear time', async () => {
    const patterns = [...literalPatterns(), ...built.values()];
    const slow = await sweep(patterns);
    expect(slow).toEqual([]);
  }, 240_000);
});
