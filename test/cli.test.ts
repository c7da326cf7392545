import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { renderExplain } from '../src/formats/explain.js';
import { formats } from '../src/formats/index.js';
import { escapeBlock } from '../src/formats/markdown.js';
import { label, type Result } from '../src/index.js';
import { wantsColour } from '../src/run.js';
import { pagesift, root, runCommand, syntheticDump, tempDir } from './cli-helpers.js';

// Every test spawns node; on a busy 2-core machine a start-up can take seconds.
vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });

const CONTRACT_FIELDS = ['source', 'title', 'byline', 'date', 'captions', 'body', 'comments', 'lang', 'warnings'];
const ESC = '\u001b[';

let work: { dir: string; remove: () => void };
let dir: string;

beforeAll(() => {
  work = tempDir('cli');
  dir = work.dir;
  mkdirSync(path.join(dir, 'dumps', 'blog', 'old'), { recursive: true });
  writeFileSync(path.join(dir, 'page.txt'), syntheticDump(1));
  writeFileSync(path.join(dir, 'dumps', 'b.txt'), syntheticDump(2));
  writeFileSync(path.join(dir, 'dumps', 'a.txt'), syntheticDump(3));
  writeFileSync(path.join(dir, 'dumps', 'blog', 'c.txt'), syntheticDump(4));
  writeFileSync(path.join(dir, 'dumps', 'blog', 'old', 'd.txt'), syntheticDump(5));
  writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x41, 0x00, 0x42, 0x00, 0x01, 0x02]));
  // Big enough that the output overflows a pipe buffer (64 KiB) many times over.
  writeFileSync(path.join(dir, 'big.txt'), syntheticDump(6, 3000));
});
afterAll(() => work.remove());

describe('pagesift <file>', () => {
  it('writes one JSON object with the contract fields and exits 0', async () => {
    const ran = await pagesift(['page.txt', '-q'], { cwd: dir });
    expect(ran.code).toBe(0);
    const result = JSON.parse(ran.stdout);
    for (const field of CONTRACT_FIELDS) expect(result).toHaveProperty(field);
    expect(result.source).toBe('page.txt');
    expect(result.junk).toBeUndefined();
    expect(ran.stderr).toBe('');
  });

  it('adds junk with --keep-junk and drops comments with --no-comments', async () => {
    const ran = await pagesift(['page.txt', '-q', '--keep-junk', '--no-comments'], { cwd: dir });
    const result = JSON.parse(ran.stdout);
    expect(Array.isArray(result.junk)).toBe(true);
    expect(result.comments).toEqual([]);
  });

  it('reads stdin from - and, with no arguments, from a pipe', async () => {
    const dash = await pagesift(['-', '-q'], { input: syntheticDump(1) });
    expect(dash.code).toBe(0);
    expect(JSON.parse(dash.stdout).source).toBe('-');
    const bare = await pagesift(['-q'], { input: syntheticDump(1) });
    expect(JSON.parse(bare.stdout)).toEqual(JSON.parse(dash.stdout));
  });

  it('prints a summary line on stderr unless --quiet', async () => {
    const ran = await pagesift(['page.txt'], { cwd: dir });
    expect(ran.stderr).toMatch(/^pagesift: 1 record, 0 failed, 0 skipped, [\d.]+ MB in [\d.]+ s \([\d.]+ MB\/s\)\n$/);
  });
});

describe('several inputs', () => {
  it('writes JSONL in input order: arguments first, then sorted paths inside a directory', async () => {
    const ran = await pagesift(['page.txt', 'dumps', '-q'], { cwd: dir });
    expect(ran.code).toBe(0);
    const sources = ran.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line).source);
    expect(sources).toEqual([
      'page.txt',
      path.join('dumps', 'a.txt'),
      path.join('dumps', 'b.txt'),
      path.join('dumps', 'blog', 'c.txt'),
      path.join('dumps', 'blog', 'old', 'd.txt'),
    ]);
  });

  it('keeps --format json valid JSON: an array', async () => {
    const ran = await pagesift(['dumps/*.txt', '--format', 'json', '-q'], { cwd: dir });
    const results = JSON.parse(ran.stdout) as Result[];
    expect(results.map((r) => r.source)).toEqual(['dumps/a.txt', 'dumps/b.txt']);
  });

  it('mirrors relative paths under --out-dir with the extension of the format', async () => {
    const ran = await pagesift(['dumps/**/*.txt', '--out-dir', 'out-md', '--format', 'md', '-q'], { cwd: dir });
    expect(ran.code).toBe(0);
    expect(ran.stdout).toBe('');
    for (const file of ['a.md', 'b.md', 'blog/c.md', 'blog/old/d.md']) {
      expect(existsSync(path.join(dir, 'out-md', file)), file).toBe(true);
    }
    const leftovers = readFileSync(path.join(dir, 'out-md', 'a.md'), 'utf8');
    expect(leftovers.endsWith('\n')).toBe(true);
  });

  it('mirrors a directory argument relative to itself', async () => {
    const ran = await pagesift(['dumps', '--out-dir', 'out-json', '-q'], { cwd: dir });
    expect(ran.code).toBe(0);
    const result = JSON.parse(readFileSync(path.join(dir, 'out-json', 'blog', 'old', 'd.json'), 'utf8'));
    expect(result.source).toBe(path.join('dumps', 'blog', 'old', 'd.txt'));
  });
});

describe('failures and exit codes', () => {
  it('exits 1 with an error record and a stderr message, and still cleans the other inputs', async () => {
    const ran = await pagesift(['missing.txt', 'binary.txt', 'page.txt', '--format', 'jsonl'], { cwd: dir });
    expect(ran.code).toBe(1);
    const records = ran.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(records[0]).toEqual({ source: 'missing.txt', error: 'no such file' });
    expect(records[1]).toEqual({ source: 'binary.txt', error: 'binary input' });
    expect(records[2].source).toBe('page.txt');
    expect(ran.stderr).toContain('pagesift: missing.txt: no such file');
    expect(ran.stderr).toContain('binary.txt: binary input');
    expect(ran.stderr).toMatch(/2 failed/);
  });

  it('writes no output file for a failed input under --out-dir', async () => {
    const ran = await pagesift(['binary.txt', 'page.txt', '--out-dir', 'out-fail', '-q'], { cwd: dir });
    expect(ran.code).toBe(1);
    expect(existsSync(path.join(dir, 'out-fail', 'page.json'))).toBe(true);
    expect(existsSync(path.join(dir, 'out-fail', 'binary.json'))).toBe(false);
  });

  it('exits 2 on usage errors', async () => {
    expect((await pagesift(['--no-such-flag'])).code).toBe(2);
    expect((await pagesift(['--format', 'xml', 'x.txt'])).code).toBe(2);
    expect((await pagesift(['--jobs', '0', 'x.txt'])).code).toBe(2);
    expect((await pagesift(['--skip-existing', 'x.txt'])).code).toBe(2);
    const noMatch = await pagesift(['nothing-here/*.txt'], { cwd: dir });
    expect(noMatch.code).toBe(2);
    expect(noMatch.stderr).toContain('no file matches nothing-here/*.txt');
  });

  it('has --help with examples and exit codes, and --version from package.json', async () => {
    const help = await pagesift(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Examples:');
    expect(help.stdout).toContain('--out-dir');
    expect(help.stdout).toContain('Exit codes');
    const version = await pagesift(['--version']);
    const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    expect(version.stdout.trim()).toBe(pkg.version);
  });

  it('ends quietly when the reader closes the pipe (| head -1)', async () => {
    // --keep-junk keeps every line in the output, so it overflows the pipe whatever the cleaners decide.
    const command = `node ${JSON.stringify(path.join(root, 'bin', 'pagesift.js'))} big.txt --keep-junk | head -1; exit \${PIPESTATUS[0]}`;
    const ran = await runCommand('bash', ['-c', command], { cwd: dir });
    expect(ran.stdout).toBe('{\n');
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
  });

  it.each([['--help'], ['explain --help']])('ends quietly when the reader of %s closes the pipe', async (args) => {
    // The help is written in several parts; head is gone after the first line.
    const command = `node ${JSON.stringify(path.join(root, 'bin', 'pagesift.js'))} ${args} | head -1; exit \${PIPESTATUS[0]}`;
    const ran = await runCommand('bash', ['-c', command], { cwd: dir });
    expect(ran.stdout).toMatch(/^Usage: pagesift/);
    expect(ran.stderr).toBe('');
    expect(ran.code).toBe(0);
  });
});

describe('formats', () => {
  const result: Result = {
    source: 's',
    title: 'A *bold* title',
    byline: 'By Ann',
    date: 'May 1, 2020',
    captions: ['A photo of the harbour.'],
    body: ['First paragraph.', '# not a heading', '1. not a list'],
    comments: [
      { author: 'Kim', date: 'May 2, 2020', text: 'Good read.\nThanks.' },
      { author: null, date: null, text: 'Anonymous note.' },
    ],
    lang: 'en',
    warnings: [],
  };

  it('writes a line that is both the byline and the date once', () => {
    const meta = 'Posted on May 1, 2020 by Ann';
    expect(formats.md.render({ ...result, byline: meta, date: meta }).split('\n\n')[1]).toBe(`*${meta}*`);
  });

  it('writes Markdown as title, byline/date line, captions, body, then comments', () => {
    expect(formats.md.render(result)).toBe(
      [
        '# A \\*bold\\* title',
        '*By Ann · May 1, 2020*',
        '> A photo of the harbour.',
        'First paragraph.',
        '\\# not a heading',
        '\\1. not a list',
        '## Comments',
        '### Kim',
        '*May 2, 2020*',
        'Good read.',
        'Thanks.',
        '### Comment 2',
        'Anonymous note.',
      ].join('\n\n') + '\n',
    );
  });

  it('escapes only a leading block marker', () => {
    expect(escapeBlock('- item')).toBe('\\- item');
    expect(escapeBlock('Price - 3 dollars')).toBe('Price - 3 dollars');
    expect(escapeBlock('---')).toBe('\\---');
  });

  it('writes the body only as text, and one line per document as JSONL', () => {
    expect(formats.text.render(result)).toBe('First paragraph.\n\n# not a heading\n\n1. not a list\n');
    expect(formats.jsonl.render(result).split('\n')).toHaveLength(2);
    expect(formats.jsonl.renderError('x', 'binary input')).toBe('{"source":"x","error":"binary input"}\n');
  });
});

describe('explain', () => {
  it('lists every dump line, blank ones too, with zone, score and deciding cleaner; plain in a pipe', async () => {
    const ran = await pagesift(['explain', 'page.txt'], { cwd: dir });
    expect(ran.code).toBe(0);
    const lines = ran.stdout.trimEnd().split('\n');
    // The dump ends in a newline, so it has one line fewer than its split parts.
    expect(lines).toHaveLength(syntheticDump(1).split('\n').length - 1);
    expect(lines[1].trim()).toBe('2');
    expect(lines[0]).toMatch(/^\s+1 \S+\s+\d\.\d\d \S+\s+Home \| News \| Contact/);
    expect(ran.stdout).not.toContain(ESC);
  });

  it('colours only for a terminal without NO_COLOR', () => {
    expect(wantsColour({ isTTY: true }, {})).toBe(true);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(wantsColour({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(wantsColour({ isTTY: false }, {})).toBe(false);
    const doc = label('Title\n\nBody text here.');
    const options = { lineCount: 3, sanitise: (s: string) => s };
    expect(renderExplain(doc, { ...options, colour: true })).toContain(ESC);
    expect(renderExplain(doc, { ...options, colour: false })).not.toContain(ESC);
  });

  it('colours on a real terminal and not under NO_COLOR', async () => {
    const command = `node ${JSON.stringify(path.join(root, 'bin', 'pagesift.js'))} explain page.txt`;
    // `script` runs the command on a pseudo-terminal, as a user's shell would.
    const tty = await runCommand('script', ['-qec', command, '/dev/null'], { cwd: dir });
    expect(tty.code).toBe(0);
    expect(tty.stdout).toContain(ESC);
    const noColor = await runCommand('script', ['-qec', command, '/dev/null'], { cwd: dir, env: { NO_COLOR: '1' } });
    expect(noColor.stdout).not.toContain(ESC);
    expect(noColor.stdout).toContain('Home | News | Contact');
  });
});
