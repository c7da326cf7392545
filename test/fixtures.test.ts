/**
 * Golden fixtures: every folder under fixtures/ is one case, found automatically.
 *
 *   input.txt      the page dump
 *   checks.json    hand-written must-holds (never regenerated)
 *   expected.json  the Result of `clean(input, {}, {source: '<case>/input.txt'})`
 *   expected.md    that Result rendered as Markdown
 *
 * Regenerate the goldens on purpose with
 *   UPDATE_FIXTURES=1 npx vitest run test/fixtures.test.ts
 * which rewrites expected.json and expected.md (the checks still run).
 *
 * checks.json keys (all optional):
 *   title              exact title, or null
 *   titleIncludes      substring of the title
 *   bodyFirst/bodyLast prefix of the first/last body paragraph
 *   bodyIncludes       substrings that must occur in one body paragraph
 *   notInBody          substrings that must occur in no body paragraph
 *   notInBodyOrComments substrings that must occur in no body paragraph and no comment
 *   captions           prefixes of the captions, in order (the count must match)
 *   byline, date       substring of the byline/date
 *   comments           exact number of comments
 *   commentAuthors     exact authors, in order (null allowed)
 *   commentDates       substring of each comment's date, in order (null: no date)
 *   commentStarts      prefix of each comment's text, in order
 *   commentIncludes    substrings that must occur in one comment's text
 *   junkKinds          junk kinds that must appear when cleaned with keepJunk
 *
 * known-gaps.json (optional) lists checks the pipeline does not meet yet, each with the reason.
 * Those checks are asserted to fail still, so a fix turns them red until the gap is struck off.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/formats/markdown.js';
import { clean, type Result } from '../src/index.js';

interface Checks {
  title?: string | null;
  titleIncludes?: string;
  bodyFirst?: string;
  bodyLast?: string;
  bodyIncludes?: string[];
  notInBody?: string[];
  notInBodyOrComments?: string[];
  captions?: string[];
  byline?: string;
  date?: string;
  comments?: number;
  commentAuthors?: (string | null)[];
  commentDates?: (string | null)[];
  commentStarts?: string[];
  commentIncludes?: string[];
  junkKinds?: string[];
}

const FIXTURES = fileURLToPath(new URL('../fixtures/', import.meta.url));
const UPDATE = process.env.UPDATE_FIXTURES === '1';

const schema = JSON.parse(readFileSync(new URL('../schema/result.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema);
const validateResult = ajv.getSchema(`${schema.$id}#/$defs/result`)!;

const cases = readdirSync(FIXTURES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(FIXTURES, entry.name, 'input.txt')))
  .map((entry) => entry.name)
  .sort();

const show = (value: unknown): string => JSON.stringify(value);

/** Prefixes, in order, with the same count: "captions", "commentStarts". */
function prefixList(got: string[], want: string[]): string[] {
  if (got.length !== want.length) return [`got ${got.length} items ${show(got.map((g) => g.slice(0, 60)))}, want ${want.length} ${show(want)}`];
  return want.flatMap((prefix, i) => (got[i].startsWith(prefix) ? [] : [`#${i + 1}: got ${show(got[i].slice(0, prefix.length + 40))}, want prefix ${show(prefix)}`]));
}

/** One problem list per check key; an empty list means the check holds. */
function runCheck(key: keyof Checks, want: Checks[keyof Checks], result: Result, junkResult: () => Result): string[] {
  const body = result.body;
  const texts = result.comments.map((c) => c.text);
  const first = (list: string[]) => list[0] ?? null;
  const last = (list: string[]) => list[list.length - 1] ?? null;
  switch (key) {
    case 'title':
      return result.title === want ? [] : [`got ${show(result.title)}, want ${show(want)}`];
    case 'titleIncludes':
      return result.title?.includes(want as string) ? [] : [`got ${show(result.title)}, want it to include ${show(want)}`];
    case 'bodyFirst':
    case 'bodyLast': {
      const got = key === 'bodyFirst' ? first(body) : last(body);
      const prefix = want as string;
      return got?.startsWith(prefix) ? [] : [`got ${show(got?.slice(0, prefix.length + 40) ?? null)}, want prefix ${show(prefix)}`];
    }
    case 'bodyIncludes':
      return (want as string[]).filter((s) => !body.some((p) => p.includes(s))).map((s) => `missing ${show(s)}`);
    case 'notInBody':
      return (want as string[]).filter((s) => body.some((p) => p.includes(s))).map((s) => `body has ${show(s)}`);
    case 'notInBodyOrComments':
      return (want as string[]).flatMap((s) => [
        ...(body.some((p) => p.includes(s)) ? [`body has ${show(s)}`] : []),
        ...(texts.some((t) => t.includes(s)) ? [`comments have ${show(s)}`] : []),
      ]);
    case 'captions':
      return prefixList(result.captions, want as string[]);
    case 'byline':
    case 'date': {
      const got = result[key];
      return got?.includes(want as string) ? [] : [`got ${show(got)}, want it to include ${show(want)}`];
    }
    case 'comments':
      return result.comments.length === want ? [] : [`got ${result.comments.length} comments, want ${want}`];
    case 'commentAuthors': {
      const got = result.comments.map((c) => c.author);
      return show(got) === show(want) ? [] : [`got ${show(got)}, want ${show(want)}`];
    }
    case 'commentDates': {
      const got = result.comments.map((c) => c.date);
      const wanted = want as (string | null)[];
      if (got.length !== wanted.length) return [`got ${got.length} dates ${show(got)}, want ${show(wanted)}`];
      return wanted.flatMap((w, i) => {
        const ok = w === null ? got[i] === null : (got[i]?.includes(w) ?? false);
        return ok ? [] : [`#${i + 1}: got ${show(got[i])}, want ${w === null ? 'null' : `it to include ${show(w)}`}`];
      });
    }
    case 'commentStarts':
      return prefixList(texts, want as string[]);
    case 'commentIncludes':
      return (want as string[]).filter((s) => !texts.some((t) => t.includes(s))).map((s) => `missing ${show(s)}`);
    case 'junkKinds': {
      const kinds = new Set((junkResult().junk ?? []).map((j) => j.kind));
      return (want as string[]).filter((k) => !kinds.has(k as never)).map((k) => `no junk of kind ${show(k)} (got ${show([...kinds])})`);
    }
    default:
      return [`unknown check key ${show(key)}`];
  }
}

describe.each(cases)('fixture %s', (name) => {
  const dir = join(FIXTURES, name);
  const input = readFileSync(join(dir, 'input.txt'), 'utf8');
  const source = `${name}/input.txt`;
  // A case whose cleaning throws fails each of its tests with the error, and the other cases still run.
  let cleaned: Result | Error;
  try {
    cleaned = clean(input, {}, { source });
  } catch (error) {
    cleaned = error instanceof Error ? error : new Error(String(error));
  }
  const outcome = cleaned;
  const get = (): Result => {
    if (outcome instanceof Error) throw new Error(`${name}: clean() threw: ${outcome.message}`);
    return outcome;
  };
  let junkResult: Result | undefined;
  const withJunk = () => (junkResult ??= clean(input, { keepJunk: true }, { source }));
  const checksPath = join(dir, 'checks.json');
  const checks: Checks = existsSync(checksPath) ? JSON.parse(readFileSync(checksPath, 'utf8')) : {};

  if (UPDATE && !(outcome instanceof Error)) {
    writeFileSync(join(dir, 'expected.json'), `${JSON.stringify(outcome, null, 2)}\n`);
    writeFileSync(join(dir, 'expected.md'), renderMarkdown(outcome));
  }

  it(`${name}: has a checks.json`, () => {
    expect(existsSync(checksPath), `${name}: checks.json missing`).toBe(true);
    expect(Object.keys(checks).length, `${name}: checks.json is empty`).toBeGreaterThan(0);
  });

  // A snippet that is not in the dump tests nothing: a typo would make a must-not check pass forever.
  it(`${name}: every check snippet occurs in input.txt`, () => {
    const flat = input.replace(/\s+/g, ' ');
    const snippets = [
      ...(typeof checks.title === 'string' ? [checks.title] : []),
      ...[checks.titleIncludes, checks.bodyFirst, checks.bodyLast].filter((s): s is string => s !== undefined),
      ...(checks.bodyIncludes ?? []),
      ...(checks.notInBody ?? []),
      ...(checks.notInBodyOrComments ?? []),
      ...(checks.captions ?? []),
      ...(checks.commentStarts ?? []),
      ...(checks.commentIncludes ?? []),
    ];
    expect(snippets.filter((s) => !flat.includes(s)).map((s) => `${name}: not in input.txt: ${show(s)}`)).toEqual([]);
  });

  it(`${name}: result matches the schema`, () => {
    expect(validateResult(get()), `${name}: ${show(validateResult.errors)}`).toBe(true);
    expect(validateResult(withJunk()), `${name} (keepJunk): ${show(validateResult.errors)}`).toBe(true);
  });

  const gapsPath = join(dir, 'known-gaps.json');
  const gaps: Record<string, string> = existsSync(gapsPath) ? JSON.parse(readFileSync(gapsPath, 'utf8')) : {};

  for (const key of Object.keys(checks) as (keyof Checks)[]) {
    if (key in gaps) {
      it(`${name}: check ${key} is still a known gap (${gaps[key]})`, () => {
        const problems = runCheck(key, checks[key], get(), withJunk);
        expect(problems.length, `${name}: ${key} now passes: strike it from known-gaps.json`).toBeGreaterThan(0);
      });
      continue;
    }
    it(`${name}: check ${key}`, () => {
      const problems = runCheck(key, checks[key], get(), withJunk).map((p) => `${name}: ${key}: ${p}`);
      expect(problems).toEqual([]);
    });
  }

  it(`${name}: known gaps name real checks`, () => {
    expect(Object.keys(gaps).filter((key) => !(key in checks))).toEqual([]);
  });

  it(`${name}: equals expected.json`, () => {
    const path = join(dir, 'expected.json');
    expect(existsSync(path), `${name}: expected.json missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
    const golden = JSON.parse(readFileSync(path, 'utf8'));
    expect(validateResult(golden), `${name}: expected.json against the schema: ${show(validateResult.errors)}`).toBe(true);
    expect(get(), `${name}: expected.json`).toEqual(golden);
  });

  it(`${name}: equals expected.md`, () => {
    const path = join(dir, 'expected.md');
    expect(existsSync(path), `${name}: expected.md missing (UPDATE_FIXTURES=1 writes it)`).toBe(true);
    expect(renderMarkdown(get()), `${name}: expected.md`).toBe(readFileSync(path, 'utf8'));
  });
});

describe('fixtures folder', () => {
  it('holds at least 15 cases', () => {
    expect(cases.length).toBeGreaterThanOrEqual(15);
  });
});
