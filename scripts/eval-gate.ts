/**
 * `node dist/scripts/eval-gate.js [--summary .eval/summary.json] [--floors eval/floors.json] [--update]`
 *
 * Holds a fresh `npm run eval` to the committed floors: exit 1 when any body F1, comments F1 or
 * title exact figure drops more than GATE_TOLERANCE below its floor, when a comment
 * false-positive rate rises more than GATE_TOLERANCE above its ceiling, or when the pipeline threw
 * on a page. `--update` writes the measured figures as the new floors instead; lowering a floor
 * that way needs a stated reason in the commit message.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareFloors, type Floors, GATE_TOLERANCE, type GateFinding } from './metrics.js';

interface Summary {
  date: string;
  partial: boolean;
  gated: Floors;
  errors: { id: string; renderer: string; error: string }[];
}

interface FloorsFile {
  /** Date of the eval run the floors were taken from. */
  measured: string;
  floors: Floors;
}

const USAGE = 'usage: node dist/scripts/eval-gate.js [--summary FILE] [--floors FILE] [--update]';

function describe(f: GateFinding): string {
  const kind = f.metric === 'comment_fp' ? 'ceiling' : 'floor';
  const measured = f.measured === null ? 'not measured' : f.measured.toFixed(3);
  return `${f.dataset} ${f.renderer} ${f.metric}: ${measured} (${kind} ${f.floor.toFixed(3)})`;
}

function main(argv: string[]): number {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        summary: { type: 'string', default: '.eval/summary.json' },
        floors: { type: 'string', default: 'eval/floors.json' },
        update: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const summaryPath = values.summary ?? '.eval/summary.json';
  const floorsPath = values.floors ?? 'eval/floors.json';
  const summary = JSON.parse(readFileSync(summaryPath, 'utf8')) as Summary;
  if (summary.partial) {
    process.stderr.write(`${summaryPath} comes from a partial eval (--dataset, --limit or one --renderer); run it on the whole corpus\n`);
    return 2;
  }

  if (values.update) {
    const file: FloorsFile = { measured: summary.date, floors: summary.gated };
    writeFileSync(floorsPath, `${JSON.stringify(file, null, 2)}\n`);
    process.stdout.write(`wrote ${floorsPath} from the eval of ${summary.date}\n`);
    return 0;
  }

  const committed = JSON.parse(readFileSync(floorsPath, 'utf8')) as FloorsFile;
  const findings = compareFloors(committed.floors, summary.gated);
  const failed = findings.filter((f) => f.verdict === 'fail');
  const better = findings.filter((f) => f.verdict === 'better');
  for (const f of better) process.stdout.write(`better: ${describe(f)}\n`);
  for (const f of failed) process.stdout.write(`FAIL:   ${describe(f)}\n`);
  for (const e of summary.errors.slice(0, 20)) process.stdout.write(`FAIL:   pipeline threw on ${e.id} (${e.renderer}): ${e.error}\n`);
  const unguarded = Object.entries(summary.gated).flatMap(([dataset, byRenderer]) =>
    Object.keys(byRenderer)
      .filter((renderer) => committed.floors[dataset]?.[renderer] === undefined)
      .map((renderer) => `${dataset} ${renderer}`),
  );
  if (unguarded.length > 0) process.stdout.write(`no floors yet for: ${unguarded.join(', ')}\n`);

  const ok = failed.length === 0 && summary.errors.length === 0;
  process.stdout.write(
    `eval gate: ${findings.length - failed.length}/${findings.length} figures within ${GATE_TOLERANCE} of the floors of ${committed.measured}` +
      `, ${summary.errors.length} page error(s): ${ok ? 'pass' : 'FAIL'}\n`,
  );
  if (ok && better.length > 0) process.stdout.write(`raise the floors with: node dist/scripts/eval-gate.js --update\n`);
  return ok ? 0 : 1;
}

process.exitCode = main(process.argv.slice(2));
