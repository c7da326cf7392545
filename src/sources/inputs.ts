import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import fg from 'fast-glob';

export type InputFormat = 'text' | 'jsonl' | 'warc';

export const inputFormats: InputFormat[] = ['text', 'jsonl', 'warc'];

/** One input file (or stdin) named on the command line. */
export interface Input {
  /** File path as found, or `-` for stdin. */
  path: string;
  /** Path below the argument it came from (a directory or a glob's base), mirrored under `--out-dir`. */
  relative: string;
  format: InputFormat;
  /** Size on disk, for the progress bar's ETA; null for stdin or an unreadable file. */
  size: number | null;
}

const EXTENSION_FORMATS: Record<string, InputFormat> = {
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.warc': 'warc',
  '.wet': 'warc',
  '.txt': 'text',
  '.text': 'text',
};

/** `.txt`, `.jsonl.gz` …: the extensions that name the input format, stripped from output names. */
function formatExtension(file: string): { ext: string; format: InputFormat | null } {
  const name = file.toLowerCase();
  const gz = name.endsWith('.gz') ? '.gz' : '';
  const inner = path.extname(name.slice(0, name.length - gz.length));
  const format = EXTENSION_FORMATS[inner] ?? null;
  return { ext: format === null ? gz : inner + gz, format };
}

export function formatOf(file: string): InputFormat {
  return formatExtension(file).format ?? 'text';
}

/** The input's relative path without its format extension: `a/b.txt.gz` → `a/b`. */
export function outputStem(input: Input): string {
  const { ext } = formatExtension(input.relative);
  return input.relative.slice(0, input.relative.length - ext.length);
}

/** The fixed leading directories of a glob, the part a match is made relative to. */
function globBase(pattern: string): string {
  const parts = pattern.split('/');
  const fixed: string[] = [];
  for (const part of parts.slice(0, -1)) {
    // An absolute pattern starts with an empty part, which fast-glob refuses to judge.
    if (part !== '' && fg.isDynamicPattern(part)) break;
    fixed.push(part);
  }
  return fixed.join('/') || '.';
}

export interface Expansion {
  inputs: Input[];
  /** Globs that matched no file. */
  unmatched: string[];
  /** Symbolic links under a directory that lead back into a directory already walked; not followed. */
  loops: string[];
}

export interface ExpandOptions {
  /** Forced input format (`--input-format`); otherwise the extension decides. */
  inputFormat: InputFormat | null;
  /** Left out of directory walks and globs, so outputs never become inputs. */
  outDir: string | null;
}

/**
 * Expand command-line arguments into inputs, in argument order and, within a
 * directory or glob, in code-point order of the path, so output order never
 * depends on the file system. A literal path that does not exist stays an
 * input: reading it fails and gives an error record.
 */
export async function expandInputs(args: string[], options: ExpandOptions): Promise<Expansion> {
  const inputs: Input[] = [];
  const unmatched: string[] = [];
  const loops: string[] = [];
  const seen = new Set<string>();
  const outDir = options.outDir === null ? null : path.resolve(options.outDir) + path.sep;
  /** `walked`: found by a directory walk or a glob, so it is left out when it lies in the output directory. */
  const add = (file: string, relative: string, size: number | null, walked = true) => {
    const key = file === '-' ? '-' : path.resolve(file);
    if (seen.has(key) || (walked && outDir !== null && key.startsWith(outDir))) return;
    seen.add(key);
    inputs.push({ path: file, relative, format: options.inputFormat ?? formatOf(file), size });
  };
  const addMatches = async (matches: string[], base: string) => {
    matches.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const match of matches) {
      const info = await stat(match).catch(() => null);
      add(match, path.relative(base, match), info?.size ?? null);
    }
  };

  for (const arg of args) {
    if (arg === '-') {
      add('-', 'stdin', null);
      continue;
    }
    const info = await stat(arg).catch(() => null);
    if (info?.isDirectory()) {
      await addMatches(await walkDirectory(arg, loops), arg);
    } else if (info !== null || !fg.isDynamicPattern(arg)) {
      add(arg, path.basename(arg), info?.size ?? null, false);
    } else {
      const matches = await fg(arg, { onlyFiles: true, dot: false });
      if (matches.length === 0) unmatched.push(arg);
      await addMatches(matches, globBase(arg));
    }
  }
  return { inputs, unmatched, loops };
}

/**
 * The files under a directory, following symbolic links but never into a directory already walked
 * (by its real path), so a link back to a parent ends the walk there instead of looping until ELOOP,
 * or exponentially with two such links. Hidden entries are left out; unreadable subdirectories too
 * (an unreadable file stays, so that reading it gives an error record).
 */
async function walkDirectory(root: string, loops: string[]): Promise<string[]> {
  const files: string[] = [];
  const walked = new Set<string>();
  const walk = async (dir: string): Promise<void> => {
    const real = await realpath(dir).catch(() => null);
    if (real === null) return;
    if (walked.has(real)) {
      loops.push(dir);
      return;
    }
    walked.add(real);
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      if (entry.name.startsWith('.')) continue;
      const full = path.join(dir, entry.name);
      const info = entry.isSymbolicLink() ? await stat(full).catch(() => null) : entry;
      if (info?.isDirectory()) await walk(full);
      else if (info?.isFile()) files.push(full);
    }
  };
  await walk(root);
  return files;
}
