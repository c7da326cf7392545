import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { type FormatId, formatIds } from './formats/index.js';
import { defaultOptions } from './options.js';
import { listenForErrors } from './sinks/sink.js';
import type { Io, Shard } from './run.js';
import { type InputFormat, inputFormats } from './sources/inputs.js';

const EXAMPLES = `
Examples:
  pagesift page.txt                          one dump → JSON on stdout
  pagesift 'dumps/**/*.txt' --out-dir clean  one output per input, relative paths mirrored
  pagesift --format md page.txt              Markdown
  pagesift --format jsonl dumps/ > out.jsonl one JSON object per document, in input order
  pagesift --format text page.txt            body only, for corpus building
  cat page.txt | pagesift -                  stdin
  pagesift shard.jsonl.gz --text-field text  JSONL records; other fields go to "meta"
  pagesift CC-MAIN-…wet.gz --jobs 2          WET conversion records through 2 workers
  pagesift explain page.txt                  each line with its zone and the cleaner that decided

Exit codes: 0 all inputs cleaned, 1 some inputs failed (the rest were written), 2 usage or fatal error.`;

export const EXIT_OK = 0;
export const EXIT_SOME_FAILED = 1;
export const EXIT_FATAL = 2;

/** The version in package.json, found from this file in both src/ and dist/src/. */
function packageVersion(): string {
  for (const up of ['../package.json', '../../package.json']) {
    try {
      const pkg = JSON.parse(readFileSync(new URL(up, import.meta.url), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'pagesift' && pkg.version) return pkg.version;
    } catch {
      // Not at this level.
    }
  }
  return 'unknown';
}

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('expected a positive integer');
  return n;
}

function parseShard(value: string): Shard {
  const match = /^(\d+)\/(\d+)$/.exec(value);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new InvalidArgumentError('expected K/N with 1 ≤ K ≤ N');
  return { index, count };
}

function processIo(): Io {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr, env: process.env };
}

interface CleanFlags {
  format?: FormatId;
  outDir?: string;
  keepJunk: boolean;
  comments: boolean;
  maxBytes: number;
  timeoutMs: number;
  textField: string;
  inputFormat?: InputFormat;
  jobs: number;
  shard?: Shard;
  skipExisting: boolean;
  quiet: boolean;
}

/** Parse argv (without `node` and the script) and run; resolves to the exit code. */
export async function main(argv: string[], io: Io = processIo()): Promise<number> {
  // `--help | head -1` closes the pipe too.
  listenForErrors(io.stdout);
  let exitCode = EXIT_OK;
  const program = new Command('pagesift')
    .description('Split plain-text web page dumps into headline, byline, body, captions, reader comments and junk.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
    })
    .argument('[inputs...]', 'files, directories, globs, or - for stdin (default: stdin when it is not a terminal)')
    .addOption(new Option('-f, --format <format>', 'output format (default: json for one dump, jsonl for several)').choices(formatIds))
    .option('-o, --out-dir <dir>', 'write one output file per input under <dir>, mirroring relative paths')
    .option('--keep-junk', 'add the junk lines, with their kind, to the output', false)
    .option('--no-comments', 'leave reader comments out')
    .addOption(new Option('--input-format <format>', 'input format for stdin or unknown extensions').choices(inputFormats))
    .option('--text-field <name>', 'JSONL field holding the dump', 'text')
    .option('-j, --jobs <n>', 'worker threads', positiveInteger, availableParallelism())
    .option('--shard <K/N>', 'process only the K-th of N deterministic shards of the inputs', parseShard)
    .option('--skip-existing', 'with --out-dir, skip inputs whose output file exists', false)
    .option('--max-bytes <n>', 'bytes of one document kept; the rest is cut with a warning', positiveInteger, defaultOptions.maxBytes)
    .option('--timeout-ms <n>', 'time budget of one document; past it a cheap path runs, with a warning', positiveInteger, defaultOptions.timeoutMs)
    .option('-q, --quiet', 'no progress bar and no summary line on stderr', false)
    .addHelpText('after', EXAMPLES)
    .action(async (inputs: string[], flags: CleanFlags) => {
      if (flags.skipExisting && flags.outDir === undefined) program.error('--skip-existing needs --out-dir', { exitCode: EXIT_FATAL });
      if (inputs.length === 0) {
        if ((io.stdin as { isTTY?: boolean }).isTTY) program.help({ error: true });
        inputs = ['-'];
      }
      // Loaded on demand: the cleaning pipeline takes a while to load, --help and --version need none of it.
      const { run } = await import('./run.js');
      exitCode = await run(
        {
          inputs,
          format: flags.format ?? null,
          outDir: flags.outDir ?? null,
          keepJunk: flags.keepJunk,
          comments: flags.comments,
          maxBytes: flags.maxBytes,
          timeoutMs: flags.timeoutMs,
          textField: flags.textField,
          inputFormat: flags.inputFormat ?? null,
          jobs: flags.jobs,
          shard: flags.shard ?? null,
          skipExisting: flags.skipExisting,
          quiet: flags.quiet,
        },
        io,
      );
    });

  program
    .command('explain')
    .description('show each line of one dump with its zone, score, deciding cleaner and reason')
    .argument('<input>', 'a dump file, or - for stdin')
    .option('--no-comments', 'leave reader comments out')
    .option('--max-bytes <n>', 'bytes of the dump kept', positiveInteger, defaultOptions.maxBytes)
    .option('--timeout-ms <n>', 'time budget of the dump', positiveInteger, defaultOptions.timeoutMs)
    .addHelpText('after', '\nColour by zone on a terminal; plain text in a pipe or when NO_COLOR is set.')
    .action(async (input: string, flags: { comments: boolean; maxBytes: number; timeoutMs: number }) => {
      const { explain } = await import('./run.js');
      exitCode = await explain({ input, comments: flags.comments, maxBytes: flags.maxBytes, timeoutMs: flags.timeoutMs }, io);
    });

  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      // --help and --version end through here with code 0; usage errors with 1, which we report as 2.
      return error.exitCode === 0 ? EXIT_OK : EXIT_FATAL;
    }
    io.stderr.write(`pagesift: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_FATAL;
  }
  return exitCode;
}
