import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bin, pagesift, root, runCommand, tempDir } from '../cli-helpers.js';

/**
 * The file system side of bad input, through the real bin: every case gets a clear message (never a
 * stack trace), the right exit code, and nothing half-written.
 */

const PROSE = 'The ferry timetable changed again this spring, and the island school adjusted its hours to match.';
const page = (n: number) => `Notes number ${n}\n\n${PROSE}\n\n${PROSE} Day ${n}.\n`;

let work: { dir: string; remove: () => void };
const at = (...parts: string[]) => path.join(work.dir, ...parts);
const file = (name: string, content: string | Buffer) => {
  mkdirSync(path.dirname(at(name)), { recursive: true });
  writeFileSync(at(name), content);
  return at(name);
};
const noStackTrace = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);

/**
 * Permissions do not bind root; run as `nobody` then (setpriv is in util-linux). The probe runs the
 * bin as `nobody`: a checkout under a directory only root may enter (`mktemp -d`) cannot be run so.
 */
const isRoot = process.getuid?.() === 0;
const DROP_ROOT = ['--reuid=65534', '--regid=65534', '--clear-groups'];
const canDropRoot = isRoot && spawnSync('setpriv', [...DROP_ROOT, process.execPath, bin, '--version']).status === 0;
const permissionsTestable = !isRoot || canDropRoot;
function unprivileged(args: string[]) {
  if (!isRoot) return pagesift(args, { cwd: work.dir });
  return runCommand('setpriv', [...DROP_ROOT, process.execPath, bin, ...args], { cwd: work.dir });
}

beforeAll(() => {
  work = tempDir('files');
  chmodSync(work.dir, 0o755);
});
afterAll(() => {
  for (const dir of ['locked', 'ro-out']) if (existsSync(at(dir))) chmodSync(at(dir), 0o755);
  work.remove();
});

describe('inputs that cannot be read', () => {
  it('reports a missing file, cleans the rest, and exits 1', async () => {
    const good = file('missing/good.txt', page(1));
    const ran = await pagesift([at('missing/nope.txt'), good, '-q']);
    expect(ran.code).toBe(1);
    const records = ran.stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(records[0]).toEqual({ source: at('missing/nope.txt'), error: 'no such file' });
    expect(records[1]).toMatchObject({ source: good });
    expect(ran.stderr).toContain(`pagesift: ${at('missing/nope.txt')}: no such file`);
    noStackTrace(ran.stderr);
  });

  it.skipIf(!permissionsTestable)('reports an unreadable file as "permission denied" and exits 1', async () => {
    const secret = file('locked/secret.txt', page(2));
    chmodSync(secret, 0o000);
    const good = file('locked/good.txt', page(3));
    const ran = await unprivileged([secret, good, '-q']);
    expect(ran.code).toBe(1);
    expect(ran.stdout.split('\n')[0]).toBe(JSON.stringify({ source: secret, error: 'permission denied' }));
    expect(ran.stderr).toContain(`pagesift: ${secret}: permission denied`);
    noStackTrace(ran.stderr);
  });

  it('reports a directory given where one dump is expected (explain) as "is a directory"', async () => {
    mkdirSync(at('a-dir'), { recursive: true });
    const ran = await pagesift(['explain', at('a-dir')]);
    expect(ran.code).toBe(1);
    expect(ran.stderr).toBe(`pagesift: ${at('a-dir')}: is a directory\n`);
  });

  it('exits 2 with a message when nothing can run (a glob that matches nothing)', async () => {
    const ran = await pagesift([`${work.dir}/nothing-here/*.txt`]);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`pagesift: no file matches ${work.dir}/nothing-here/*.txt\npagesift: no input files\n`);
  });

  it('does not follow symbolic link loops under a directory: each file once, a note per loop, exit 0', async () => {
    file('loops/a.txt', page(4));
    file('loops/sub/b.txt', page(5));
    mkdirSync(at('loops/sub/deep'));
    symlinkSync('..', at('loops/sub/up'));
    symlinkSync('../..', at('loops/sub/deep/back'));
    symlinkSync('.', at('loops/self'));
    const started = performance.now();
    const ran = await pagesift([at('loops'), '-q']);
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(ran.code).toBe(0);
    const sources = ran.stdout.trim().split('\n').map((l) => JSON.parse(l).source);
    expect(sources).toEqual([at('loops/a.txt'), at('loops/sub/b.txt')]);
    for (const link of ['loops/self', 'loops/sub/deep/back', 'loops/sub/up']) {
      expect(ran.stderr).toContain(`pagesift: ${at(link)}: symbolic link loop (leads back to a directory already read); not followed`);
    }
  });
});

describe('outputs that cannot be written', () => {
  it.skipIf(!permissionsTestable)('reports a read-only --out-dir clearly and exits 2', async () => {
    const input = file('ro/in.txt', page(6));
    mkdirSync(at('ro-out'));
    chmodSync(at('ro-out'), 0o555);
    const ran = await unprivileged([input, '--out-dir', at('ro-out'), '-q']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`pagesift: cannot write to ${at('ro-out')}: permission denied\n`);
    expect(readdirSync(at('ro-out'))).toEqual([]);
  });

  it('reports a full disk (stdout on /dev/full) clearly and exits 2', async () => {
    const input = file('full/in.txt', page(7));
    const ran = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" "${input}" -q > /dev/full`], { encoding: 'utf8' });
    expect(ran.status).toBe(2);
    expect(ran.stderr).toBe('pagesift: cannot write the output: no space left on device\n');
  });

  it('reports an --out-dir below a file clearly and exits 2', async () => {
    const input = file('notdir/in.txt', page(8));
    const blocker = file('notdir/blocker', 'a file');
    const ran = await pagesift([input, '--out-dir', path.join(blocker, 'out'), '-q']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`pagesift: cannot write to ${path.join(blocker, 'out')}: not a directory\n`);
  });

  it('refuses an --out-dir that would overwrite an input, and leaves the input as it was', async () => {
    const input = file('same/records.jsonl', `${JSON.stringify({ id: 'r1', text: page(9) })}\n`);
    const before = readFileSync(input, 'utf8');
    const ran = await pagesift([input, '--out-dir', at('same'), '-q']);
    expect(ran.code).toBe(2);
    expect(ran.stderr).toBe(`pagesift: --out-dir ${at('same')} would overwrite the input ${input}; nothing written\n`);
    expect(readFileSync(input, 'utf8')).toBe(before);
    expect(readdirSync(at('same'))).toEqual(['records.jsonl']);
  });

  it('keeps output names from a glob with .. inside --out-dir', async () => {
    file('escape/src/x.txt', page(10));
    mkdirSync(at('escape/cwd'), { recursive: true });
    const ran = await pagesift(['../src/*.txt', '--out-dir', 'out', '-q'], { cwd: at('escape/cwd') });
    expect(ran.code).toBe(0);
    expect(readdirSync(at('escape/cwd/out'))).toEqual(['x.json']);
    expect(readdirSync(at('escape'))).toEqual(['cwd', 'src']);
  });
});

describe('stopping', () => {
  const inputs = () => {
    const dir = at(`many-${Math.random().toString(36).slice(2)}`);
    for (let i = 0; i < 400; i++) file(path.relative(work.dir, path.join(dir, `p${String(i).padStart(3, '0')}.txt`)), page(i));
    return dir;
  };

  it.each([
    ['SIGTERM', 143],
    ['SIGINT', 130],
  ] as const)('on %s keeps finished outputs whole, leaves no temp file, prints a summary and exits %i', async (signal, code) => {
    const dir = inputs();
    const out = `${dir}-out`;
    const child = spawn(process.execPath, [bin, dir, '--out-dir', out, '--jobs', '1'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const exited = new Promise<number | null>((resolve) => child.on('close', (status) => resolve(status)));
    while (!existsSync(out) || readdirSync(out).filter((f) => f.endsWith('.json')).length < 3) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill(signal);
    expect(await exited).toBe(code);
    const left = readdirSync(out);
    expect(left.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(left.length).toBeLessThan(400);
    for (const name of left) expect(() => JSON.parse(readFileSync(path.join(out, name), 'utf8'))).not.toThrow();
    expect(stderr).toMatch(new RegExp(`^pagesift: \\d+ records?, 0 failed, 0 skipped, .*; stopped by ${signal}\\n$`));
  }, 60_000);
});

describe('terminal safety', () => {
  it('prints no escape sequence from the page or its file name', async () => {
    const hostile = file('term/evil\u001b]0;pwned\u0007name.txt', `Title\u001b[2J\u001b[H here\n\n${PROSE}\u001b]8;;http://x\u001b\\ link\u001b]8;;\u001b\\\n`);
    const explained = await pagesift(['explain', hostile], { env: { NO_COLOR: '1' } });
    expect(explained.code).toBe(0);
    expect(explained.stdout).not.toMatch(/[\u001b\u0007\u009b]/);
    expect(explained.stdout).toContain('Title here');

    const binary = file('term/bad\u001b[31mred\u001b[0m.txt', Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d]));
    const ran = await pagesift([binary, '-q']);
    expect(ran.code).toBe(1);
    expect(ran.stderr).not.toMatch(/[\u001b\u0007]/);
    expect(ran.stderr).toContain(`pagesift: ${at('term/badred.txt')}: binary input at byte 0 (PDF file signature).`);
    // JSON keeps the real name, escaped, so nothing is lost.
    expect(JSON.parse(ran.stdout).source).toBe(binary);
  });
});
