import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const bin = path.join(root, 'bin', 'pagesift.js');

export interface Ran {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Run the real bin (built by `npx tsc -p .`, which `npm test` does first). */
export function pagesift(
  args: string[],
  options: { input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<Ran> {
  return runCommand(process.execPath, [bin, ...args], options);
}

export function runCommand(
  command: string,
  args: string[],
  options: { input?: string | Buffer; cwd?: string; env?: Record<string, string | undefined> } = {},
): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...options.env };
    const child = spawn(command, args, { cwd: options.cwd ?? root, env, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
    child.stdin.on('error', () => {});
    child.stdin.end(options.input ?? '');
  });
}

/** A fresh directory under the system temp dir, removed by the returned function. */
export function tempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), `pagesift-${prefix}-`));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A small synthetic page dump: navigation, headline, byline, paragraphs and a comment section. */
export function syntheticDump(seed: number, paragraphs = 3): string {
  const words = ['river', 'council', 'harbour', 'budget', 'station', 'garden', 'archive', 'winter', 'bridge', 'market'];
  const word = (i: number) => words[(seed * 7 + i * 3) % words.length];
  const sentence = (i: number) =>
    `The ${word(i)} plan for the ${word(i + 1)} was discussed again on day ${seed + i}, and residents asked about the ${word(i + 2)}.`;
  const lines = ['Home | News | Contact', '', `Town ${word(0)} story number ${seed}`, '', 'By Sam Writer', 'May 4, 2021', ''];
  for (let p = 0; p < paragraphs; p++) lines.push(`${sentence(p)} ${sentence(p + 5)}`, '');
  lines.push('Share this:', 'Twitter', 'Facebook', '', '2 Responses', '', 'Kim Reader says:', 'May 5, 2021 at 9:14 am');
  lines.push(`I remember the ${word(4)} from years ago.`, '', 'Leave a Reply', '');
  return lines.join('\n');
}
