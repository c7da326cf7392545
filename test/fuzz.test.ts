import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tidyLine } from '../src/cleaners/tidy-text.js';
import { clean, type Result } from '../src/index.js';

/**
 * Properties of the whole pipeline over generated documents: random text, adversarial text and
 * page-like dumps. `npm test` runs a quick sample; `npm run fuzz` runs FUZZ_RUNS documents
 * (10,000 by default there) through every property.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const SEED = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
/**
 * The idempotence check's sample: fixed by default, so that a known gap of about 1 % cannot make
 * `npm test` pass or fail by chance; FUZZ_SEED picks another.
 */
const IDEMPOTENCE_RUNS = 1000;
const IDEMPOTENCE_SEED = 1;
/** The share of article pages on which re-cleaning a body may still change it (see the test). */
const IDEMPOTENCE_GAP = 0.006;
/** The budget each document gets; a cleaner that runs over still finishes, so allow one budget of slack. */
const BUDGET_MS = 2000;

const words = fc.constantFrom(
  'the', 'harbour', 'reopened', 'storm', 'Monday', 'council', 'said', 'and', 'of', 'a', 'to', 'in', 'would',
  'café', 'naïve', 'Straße', 'über', 'été', 'año', 'שלום', 'مرحبا', 'привет', '東京', 'データ', '😀', '👨‍👩‍👧',
  'e.g.', 'U.S.', 'Mr.', '4.5', '$3.2', 'v1.2.3', 'example.com/a.b', 'jane@example.org', 'https://x.test/?q=1',
  'back.lebanon', 'now.What', 'dirt?I', 'regards,Jane', '...', '…', '—', '“quoted”', '(aside)', '#tag', '@user',
);
const sentence = fc
  .array(words, { minLength: 3, maxLength: 25 })
  .chain((ws) => fc.constantFrom('.', '!', '?', '', ':').map((end) => `${ws.join(' ')}${end}`));
const name = fc.constantFrom('Jane Roe', 'sam', 'Ana María', 'J. Doe', 'admin', 'Анна', 'FROM BOB KING');
const date = fc.constantFrom('May 2, 2020 at 10:00 am', '2020-05-02', '3 days ago', '12/05/2019 14:05');
const chrome = fc.constantFrom(
  'Home | News | Sport | Contact', 'Skip to content', 'Menu', 'Share this:', 'Like this:', 'Related',
  'Leave a Reply', 'Leave a Reply Cancel reply', 'Notify me of follow-up comments by email.', 'Post a Comment',
  'Newer Post Older Post Home', '%d bloggers like this:', '3 Comments', 'Comments are closed.', 'We use cookies.',
  '© 2020 Example', '* Twitter', '* Facebook', '[logo.png]', 'Posted by Jane Roe on May 1, 2020',
);
const comment = fc
  .tuple(name, date, fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom('says:', 'wrote:', ''))
  .map(([who, when, text, verb]) => [verb === '' ? who : `${who} ${verb}`, when, ...text].join('\n'));
const indent = fc.constantFrom('', '', '   ', '  * ', '\t', '  1. ');
const page = fc
  .tuple(
    fc.array(chrome, { maxLength: 5 }),
    sentence,
    fc.array(fc.tuple(indent, fc.array(sentence, { minLength: 1, maxLength: 4 })), { minLength: 0, maxLength: 8 }),
    fc.array(chrome, { maxLength: 4 }),
    fc.array(comment, { maxLength: 4 }),
    fc.array(chrome, { maxLength: 5 }),
    fc.constantFrom('\n', '\n\n', '\r\n'),
  )
  .map(([nav, title, paragraphs, end, comments, footer, newline]) =>
    [
      ...nav,
      '',
      title,
      '',
      ...paragraphs.map(([pad, ss]) => `${pad}${ss.join(' ')}`),
      '',
      ...end,
      ...comments.flatMap((c) => ['', c]),
      '',
      ...footer,
    ].join(newline),
  );

/**
 * Article pages as real dumps have them, for the idempotence property: sentences with English's share of
 * function words (about half the tokens) and only now and then an odd token, a headline, paragraphs of
 * one to four sentences (now and then glued to the next one, as dumps lose breaks), and a section
 * starter before reader comments. `page` above is word soup: fine for the other properties, but it has
 * no body a reader would agree on, so whether its body survives a second pass says nothing.
 */
const stopword = fc.constantFrom(
  'the', 'the', 'the', 'a', 'of', 'of', 'to', 'and', 'and', 'in', 'on', 'that', 'it', 'was', 'for', 'with', 'they',
  'had', 'at', 'by', 'from', 'their', 'would', 'were', 'is', 'not', 'but', 'as', 'this', 'all', 'there', 'after',
);
const contentWord = fc.constantFrom(
  'harbour', 'reopened', 'storm', 'council', 'said', 'boats', 'back', 'sea', 'noon', 'fishermen', 'week', 'storms',
  'kept', 'every', 'boat', 'bay', 'people', 'town', 'new', 'pier', 'school', 'children', 'morning', 'ferry',
  'timetable', 'changed', 'spring', 'island', 'hours', 'parents', 'earlier', 'winter', 'road', 'bridge', 'closed',
  'traffic', 'slowly', 'mayor', 'promised', 'review', 'autumn', 'finished', 'money', 'repairs',
);
const oddWord = fc.constantFrom(
  'café', 'naïve', 'Straße', 'über', 'Monday', 'e.g.', 'U.S.', 'Mr.', '4.5', '$3.2', 'v1.2.3', 'example.com/a.b',
  'jane@example.org', 'https://x.test/?q=1', '“quoted”', '(aside)', '—', '...', '😀', '東京',
);
const proseWord = fc.oneof({ arbitrary: stopword, weight: 10 }, { arbitrary: contentWord, weight: 10 }, { arbitrary: oddWord, weight: 1 });
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const proseSentence = fc
  .tuple(fc.array(proseWord, { minLength: 6, maxLength: 25 }), fc.constantFrom('.', '.', '.', '!', '?'))
  .map(([ws, end]) => `${capitalise(ws.join(' '))}${end}`);
const headline = fc
  .tuple(fc.array(proseWord, { minLength: 3, maxLength: 12 }), fc.constantFrom('', '', '', '?'))
  .map(([ws, end]) => `${capitalise(ws.join(' '))}${end}`);
const proseComment = fc
  .tuple(name, date, fc.array(proseSentence, { minLength: 1, maxLength: 3 }), fc.constantFrom('says:', 'wrote:', ''))
  .map(([who, when, text, verb]) => [verb === '' ? who : `${who} ${verb}`, when, ...text].join('\n'));
const commentsStarter = fc.constantFrom('3 Comments', '2 thoughts on “The harbour”', 'Comments', '4 comments:', 'Leave a Reply');
const article = fc
  .tuple(
    fc.array(chrome, { maxLength: 5 }),
    headline,
    fc.array(fc.tuple(indent, fc.array(proseSentence, { minLength: 1, maxLength: 4 }), fc.boolean()), { minLength: 1, maxLength: 8 }),
    fc.array(chrome, { maxLength: 4 }),
    commentsStarter,
    fc.array(proseComment, { maxLength: 4 }),
    fc.array(chrome, { maxLength: 5 }),
    fc.constantFrom('\n', '\n\n', '\r\n'),
  )
  .map(([nav, title, paragraphs, end, starter, comments, footer, newline]) => {
    const body: string[] = [];
    for (const [pad, sentences, glued] of paragraphs) {
      const text = sentences.join(' ');
      // A lost paragraph break: `...back to sea.The council said...`.
      if (glued && body.length > 0 && /[.!?]$/.test(body[body.length - 1])) body[body.length - 1] += text;
      else body.push(`${pad}${text}`);
    }
    const section = comments.length > 0 ? [starter, ...comments.flatMap((c) => ['', c])] : [];
    return [...nav, '', title, '', ...body, '', ...end, ...section, '', ...footer].join(newline);
  });

const anyChar = fc.constantFrom(
  'a', 'Z', ' ', '\n', '\r', '\t', '.', ',', '!', '?', ':', '-', '*', '|', '/', '@', '#', '%', '"', '“', '”', '’',
  '(', ')', '[', ']', '1', '0', 'é', 'e\u0301', 'ß', 'א', 'ب', '東', '😀', '\u200b', '\u200d', '\u202e', '\u00ad',
  '\u0000', '\u0007', '\u001b', '\u0085', '\u0092', '\u00a0', '\u2028', '\ufeff', '\ud800', '\udc00',
);
const randomText = fc.string({ unit: anyChar, maxLength: 2000 });
const adversarial = fc.oneof(
  fc.tuple(anyChar, fc.integer({ min: 1000, max: 100_000 })).map(([c, n]) => c.repeat(n)),
  fc.tuple(fc.constantFrom('(', '[', '“', '"', '*', '.', 'a.', '- ', '| '), fc.integer({ min: 100, max: 20_000 })).map(
    ([c, n]) => `${c.repeat(n)}x${c.repeat(n)}`,
  ),
  fc.integer({ min: 1, max: 3000 }).map((n) => 'Sam says:\nMay 2, 2020 at 10:00 am\n'.repeat(n)),
  fc.integer({ min: 1, max: 50_000 }).map((n) => '\n'.repeat(n)),
  fc.tuple(sentence, fc.integer({ min: 100, max: 3000 })).map(([s, n]) => `${s} `.repeat(n)),
);
const document = fc.oneof(
  { arbitrary: page, weight: 4 },
  { arbitrary: article, weight: 2 },
  { arbitrary: randomText, weight: 3 },
  { arbitrary: adversarial, weight: 1 },
);

/** Every whitespace-free piece of the output must occur in the tidied input. */
function unsourced(result: Result, input: string): string[] {
  // Lines split as toDoc splits them (U+0085 stays in its line, where tidy-text maps it to "…").
  const tidied = input.split(/\r\n|\r|\n/).map(tidyLine).join('\n');
  const texts = [...result.body, ...result.comments.map((c) => c.text)];
  return texts.flatMap((t) => t.split(/\s+/)).filter((token) => token !== '' && !tidied.includes(token));
}

const overBudget = (result: Result) => result.warnings.some((w) => w.includes('time budget'));

function check(input: string): void {
  const started = performance.now();
  const budgeted = clean(input, { timeoutMs: BUDGET_MS, keepJunk: true }, { source: 'fuzz' });
  expect(performance.now() - started).toBeLessThan(2 * BUDGET_MS);
  expect(unsourced(budgeted, input)).toEqual([]);

  // Whether the budget runs out depends on the machine's load, so determinism is checked without one.
  const unlimited = { timeoutMs: Number.POSITIVE_INFINITY, keepJunk: true };
  const first = clean(input, unlimited, { source: 'fuzz' });
  expect(clean(input, unlimited, { source: 'fuzz' })).toEqual(first);
  if (!overBudget(budgeted)) expect(budgeted).toEqual(first);
}

/** Like fc.assert, but the report shows a counterexample cut to a readable length (some are 100,000 characters). */
function holds<T>(property: fc.IProperty<T>, numRuns: number): void {
  const details = fc.check(property, { numRuns, seed: SEED });
  if (!details.failed) return;
  const example = JSON.stringify(details.counterexample?.[0]) ?? '';
  const shown = example.length > 600 ? `${example.slice(0, 600)}… (${example.length} characters)` : example;
  const cause = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
  throw new Error(`property failed (seed ${details.seed}, path ${details.counterexamplePath}) on ${shown}\n${cause.slice(0, 3000)}`);
}

describe('pipeline properties', () => {
  it(`never throws, stays in budget, invents no text and is deterministic (${RUNS} documents)`, () => {
    holds(fc.property(document, check), RUNS);
  }, 600_000);

  // What "keeps that body" means: the second pass gives back the same paragraphs in the same order, except
  // that the first one may come out as the headline. A body has nothing above it, and a short first
  // paragraph that does not end like a sentence (a subheading, a one-line lead) reads as a headline
  // there, as it would on any page that starts with it; it is kept, only in the `title` field.
  //
  // Known gap: the property fails on about 0.1 % of the article pages (README "Properties" has the counts
  // and the kinds of page). On these no line scored as running text: the first pass kept the lines not
  // known as chrome (no article found), a byline or a comment's date line among them, or took the reader
  // comments for the body; a second pass reads that line as the byline or date under the headline, or
  // drops a weak line at the top. The test counts the pages where it fails and holds that share under
  // IDEMPOTENCE_GAP: a change that widens the gap turns it red.
  it(`keeps the body when its own body is cleaned again, but on under ${100 * IDEMPOTENCE_GAP} % of pages (idempotence)`, () => {
    const seed = SEED ?? IDEMPOTENCE_SEED;
    const pages = fc.sample(article, { numRuns: Math.max(IDEMPOTENCE_RUNS, Math.round(RUNS / 10)), seed });
    let tried = 0;
    const failing: string[] = [];
    for (const input of pages) {
      const body = clean(input, { timeoutMs: Number.POSITIVE_INFINITY }).body;
      if (body.length === 0) continue;
      tried++;
      const again = clean(body.join('\n\n'), { timeoutMs: Number.POSITIVE_INFINITY });
      const kept = again.title === null ? again.body : [again.title, ...again.body];
      if (JSON.stringify(kept) !== JSON.stringify(body)) failing.push(input);
    }
    expect(tried).toBeGreaterThan(pages.length / 2);
    expect(failing.length, `seed ${seed}: ${failing.length} of ${tried}; first: ${JSON.stringify(failing[0] ?? '').slice(0, 600)}`)
      .toBeLessThan(IDEMPOTENCE_GAP * tried);
  }, 600_000);
});
