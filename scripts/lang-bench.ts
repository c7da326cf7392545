/**
 * Language detectors compared on real paragraphs: the gold bodies of a corpus folder (pages.jsonl `lang`).
 *   node dist/scripts/lang-bench.js <corpus-dir> [franc-min package dir]
 * eld's four databases always run; franc-min runs when its folder is given (it is not a dependency).
 * Prints accuracy per language and paragraphs per second; not part of `npm test`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// Paragraphs shorter than this are headings and captions, not what the detector sees in a page sample.
const MIN_PARAGRAPH_CHARS = 80;
// English dominates the corpus; a bounded share keeps the run short and the other languages visible.
const MAX_PER_LANGUAGE = 1500;
const ISO3: Record<string, string> = { eng: 'en', deu: 'de', fra: 'fr', spa: 'es', por: 'pt', ces: 'cs', cmn: 'zh', jpn: 'ja', rus: 'ru', pol: 'pl', ita: 'it', nld: 'nl' };

type Detect = (text: string) => string | null;

function paragraphs(corpus: string): Array<{ lang: string; text: string }> {
  const out: Array<{ lang: string; text: string }> = [];
  const perLang = new Map<string, number>();
  for (const row of readFileSync(join(corpus, 'pages.jsonl'), 'utf8').split('\n')) {
    if (row === '') continue;
    const page = JSON.parse(row) as { lang: string; gold: { body: string | null } };
    if (!page.lang || !page.gold.body) continue;
    for (const text of page.gold.body.split('\n')) {
      const n = perLang.get(page.lang) ?? 0;
      if (text.length < MIN_PARAGRAPH_CHARS || n >= MAX_PER_LANGUAGE) continue;
      perLang.set(page.lang, n + 1);
      out.push({ lang: page.lang, text });
    }
  }
  return out;
}

async function detectors(francDir: string | undefined): Promise<Record<string, Detect>> {
  const out: Record<string, Detect> = {};
  for (const size of ['extrasmall', 'small', 'medium', 'large']) {
    const { eld } = (await import(`eld/${size}`)) as typeof import('eld/small');
    out[`eld/${size}`] = (text) => eld.detect(text).language || null;
  }
  if (francDir) {
    const entry = pathToFileURL(join(francDir, 'node_modules/franc-min/index.js')).href;
    const { franc } = (await import(entry)) as { franc: (text: string) => string };
    out['franc-min'] = (text) => ISO3[franc(text)] ?? null;
  }
  return out;
}

async function main(): Promise<void> {
  const [corpus, francDir] = process.argv.slice(2);
  if (!corpus) throw new Error('usage: lang-bench <corpus-dir> [franc-min package dir]');
  const sample = paragraphs(corpus);
  const langs = [...new Set(sample.map((p) => p.lang))].sort();
  const counts = langs.map((l) => `${l} ${sample.filter((p) => p.lang === l).length}`).join(', ');
  process.stdout.write(`${sample.length} paragraphs of at least ${MIN_PARAGRAPH_CHARS} characters (${counts})\n\n`);
  process.stdout.write(`| detector | paragraphs/s | all | ${langs.join(' | ')} |\n|${' --- |'.repeat(langs.length + 3)}\n`);
  for (const [name, detect] of Object.entries(await detectors(francDir))) {
    for (const p of sample.slice(0, 200)) detect(p.text); // warm up
    const started = performance.now();
    const guesses = sample.map((p) => detect(p.text));
    const seconds = (performance.now() - started) / 1000;
    const accuracy = (lang?: string) => {
      const idx = sample.flatMap((p, i) => (lang === undefined || p.lang === lang ? [i] : []));
      const right = idx.filter((i) => guesses[i] === sample[i].lang).length;
      return `${((100 * right) / idx.length).toFixed(1)}%`;
    };
    const speed = Math.round(sample.length / seconds);
    process.stdout.write(`| ${name} | ${speed} | ${accuracy()} | ${langs.map((l) => accuracy(l)).join(' | ')} |\n`);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 2;
});
