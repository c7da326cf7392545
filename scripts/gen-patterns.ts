/**
 * `npm run gen:patterns`: extract the visitor-facing strings of WordPress from its own translations
 * (Debian package wordpress-l10n, one .mo file per locale) into src/patterns/wordpress.json.
 *
 * Needs the Debian package: set WP_L10N_DIR to an unpacked wp-content/languages folder, or have
 * `apt-get download` and `dpkg -x` available (run `apt-get update` once first).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { EntryKind, PatternFile, PhraseEntry, PhraseSet } from '../src/patterns/index.js';

const MO_MAGIC = 0x950412de;
const CONTEXT_SEPARATOR = '\u0004';

/** Read a GNU gettext .mo file: msgid (with its `context\u0004` prefix, singular only) → translated forms. */
export function readMo(buf: Buffer): Map<string, string[]> {
  const littleEndian = buf.readUInt32LE(0) === MO_MAGIC;
  if (!littleEndian && buf.readUInt32BE(0) !== MO_MAGIC) throw new Error('not a .mo file');
  const u32 = (offset: number) => (littleEndian ? buf.readUInt32LE(offset) : buf.readUInt32BE(offset));
  const count = u32(8);
  const originals = u32(12);
  const translations = u32(16);
  const str = (table: number, i: number) => {
    const length = u32(table + 8 * i);
    const offset = u32(table + 8 * i + 4);
    return buf.toString('utf8', offset, offset + length);
  };
  const messages = new Map<string, string[]>();
  for (let i = 0; i < count; i++) {
    const msgid = str(originals, i).split('\0')[0];
    if (msgid === '') continue; // the header entry
    const forms = str(translations, i).split('\0').filter((form) => form !== '');
    if (forms.length > 0) messages.set(msgid, forms);
  }
  return messages;
}

/** Write a .mo file (little-endian, no hash table): used by the tests to build synthetic input. */
export function writeMo(messages: Array<[string, string]>): Buffer {
  const sorted = [...messages].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const headerSize = 28;
  const originals = headerSize;
  const translations = originals + 8 * sorted.length;
  let offset = translations + 8 * sorted.length;
  const table = Buffer.alloc(offset);
  const strings: Buffer[] = [];
  table.writeUInt32LE(MO_MAGIC, 0);
  table.writeUInt32LE(0, 4);
  table.writeUInt32LE(sorted.length, 8);
  table.writeUInt32LE(originals, 12);
  table.writeUInt32LE(translations, 16);
  const put = (tableAt: number, i: number, text: string) => {
    const bytes = Buffer.from(`${text}\0`, 'utf8');
    table.writeUInt32LE(bytes.length - 1, tableAt + 8 * i);
    table.writeUInt32LE(offset, tableAt + 8 * i + 4);
    strings.push(bytes);
    offset += bytes.length;
  };
  sorted.forEach(([id], i) => put(originals, i, id));
  sorted.forEach(([, text], i) => put(translations, i, text));
  return Buffer.concat([table, ...strings]);
}

/** A wanted English source string: its kind on the page. Context-qualified msgids use `context\u0004msgid`. */
export interface Wanted {
  msgid: string;
  kind: EntryKind;
  /** Position (1-based) of the `%s` argument that is a number ("%1$s Responses to %2$s"): it becomes `%d`. */
  count?: number;
  /** English plural form, for the English set (translations carry their own plural forms). */
  plural?: string;
  /**
   * WordPress prints the string on the page but ships its translations in `admin-<locale>.mo`
   * (get_comments_number_text's "%s Comment" / "%s Comments"): read from there when the
   * front-end file lacks it.
   */
  admin?: boolean;
}

const w = (kind: EntryKind, ...msgids: string[]): Wanted[] => msgids.map((msgid) => ({ msgid, kind }));

/** The strings WordPress core prints on the public side of a blog, grouped by what they are. */
export const WANTED: Wanted[] = [
  ...w(
    'comment-form',
    'Leave a Reply',
    'Leave a Reply to %s',
    'Leave a Comment',
    'Leave a comment',
    'Cancel reply',
    'Click here to cancel reply.',
    'Your email address will not be published.',
    'Required fields are marked %s',
    'Mail (will not be published)',
    'Name',
    'Email',
    'Website',
    'Comment',
    `noun${CONTEXT_SEPARATOR}Comment`,
    'Your Comment',
    'Post Comment',
    'Submit Comment',
    'Logged in as <a href="%1$s">%2$s</a>. <a href="%3$s" title="Log out of this account">Log out?</a>',
    'Logged in as <a href="%1$s">%2$s</a>. <a href="%3$s" title="Log out of this account">Log out &raquo;</a>',
    'Logged in as <a href="%1$s">%2$s</a>.',
    'You must be <a href="%s">logged in</a> to post a comment.',
    'Sorry, you must be logged in to post a comment.',
    'Sorry, the comment form is closed at this time.',
    'Log in to leave a Comment',
    'You must be registered to comment',
  ),
  ...w(
    'comment-meta',
    'Reply',
    'Log in to Reply',
    'Your comment is awaiting moderation.',
    'Edit',
    'Edit This',
    'Pingback:',
    '&laquo; Older Comments',
    'Newer Comments &raquo;',
  ),
  ...w('header-author', '%s <span class="says">says:</span>', '<cite class="fn">%s</cite> <span class="says">says:</span>', '%s says:'),
  ...w('header-date', '%1$s at %2$s'),
  ...w(
    'comments-start',
    'Comments',
    '1 Comment',
    '% Comments',
    'Comments on %s',
  ),
  { msgid: '%s Comment', plural: '%s Comments', kind: 'comments-start', count: 1, admin: true },
  { msgid: 'One Response to %2$s', plural: '%1$s Responses to %2$s', kind: 'comments-start', count: 1 },
  // A section that has no comments ends the article as closed comments do; it opens none.
  ...w('comments-closed', 'Comments are closed.', 'Comments Off', 'Sorry, comments are closed for this item.', 'No Comments', 'No comments yet.'),
  ...w(
    'article-end',
    'Previous Post',
    'Next Post',
    'Previous page',
    'Next page',
    '&laquo; Previous Entries',
    'Next Entries &raquo;',
    'Older posts',
    'Newer posts',
    'Pages:',
    'Post navigation',
    'Posts navigation',
    'Continue reading %s',
    'Read more',
    '(more&hellip;)',
    'Categories:',
    'Tags:',
  ),
  ...w(
    'nav',
    'Search',
    `submit button${CONTEXT_SEPARATOR}Search`,
    'Search for:',
    `label${CONTEXT_SEPARATOR}Search for:`,
    `placeholder${CONTEXT_SEPARATOR}Search &hellip;`,
    'Home',
    'Menu',
    'Archives',
    'Categories',
    `taxonomy general name${CONTEXT_SEPARATOR}Categories`,
    'Tags',
    'Recent Posts',
    'Recent Comments',
    'Meta',
    'Log in',
    'Log out',
    'Register',
    'Site Admin',
    'Pages',
    'Select Category',
    'Select Month',
    'Entries <abbr title="Really Simple Syndication">RSS</abbr>',
    'Comments <abbr title="Really Simple Syndication">RSS</abbr>',
    'Entries RSS',
    'Comments RSS',
  ),
  ...w(
    'footer',
    'Powered by WordPress',
    '%1$s is proudly powered by %2$s',
  ),
  ...w('meta', 'Uncategorized', 'Sticky'),
];

const ENTITIES: Record<string, string> = {
  amp: '&',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  nbsp: ' ',
  mdash: '—',
  ndash: '–',
  larr: '←',
  rarr: '→',
  quot: '"',
  lt: '<',
  gt: '>',
};
const ENTITY = /&(#\d+|#x[0-9a-f]+|[a-z]+);/gi;
const TAG = /<[^<>]*>/g;
// `%s`, `%1$s`, `%d`, `%2$d`, and the bare `%` that comments_number() replaces with the count ("% Comments", "Комментарии (%)").
const PLACEHOLDER = /%(?:\d+\$)?([sd])|%(?![a-zA-Z0-9%])/g;

function decodeEntity(match: string, name: string): string {
  if (name[0] === '#') {
    const code = name[1] === 'x' || name[1] === 'X' ? Number.parseInt(name.slice(2), 16) : Number(name.slice(1));
    return String.fromCodePoint(code);
  }
  return ENTITIES[name.toLowerCase()] ?? match;
}

/** A translated string as it shows on the page: entities decoded, tags dropped, placeholders as `%s` or `%d`. */
export function pageText(source: string, count?: number): string {
  const counted = count === undefined ? source : source.replace(/%(\d+\$)?s/g, (p, at: string | undefined) => (Number.parseInt(at ?? '1', 10) === count ? '%d' : p));
  return counted
    .replace(TAG, '')
    .replace(ENTITY, decodeEntity)
    .replace(PLACEHOLDER, (_, type: string | undefined) => (type === 's' ? '%s' : '%d'))
    .replace(/\s+/g, ' ')
    .trim();
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The wanted phrases of one locale, sorted and without duplicates. */
export function extract(
  messages: Map<string, string[]> | null,
  wanted: Wanted[] = WANTED,
  adminMessages: Map<string, string[]> | null = null,
): PhraseEntry[] {
  const seen = new Set<string>();
  const phrases: PhraseEntry[] = [];
  for (const { msgid, kind, count, plural, admin } of wanted) {
    // English is the source language: its "translation" is the msgid itself.
    const english = [msgid.split(CONTEXT_SEPARATOR).pop() ?? msgid, ...(plural ? [plural] : [])];
    const fallback = admin ? adminMessages?.get(msgid) : undefined;
    const forms = messages === null ? english : (messages.get(msgid) ?? fallback ?? []);
    for (const form of forms) {
      const text = pageText(form, count);
      const key = `${kind}\t${text}`;
      if (text === '' || seen.has(key)) continue;
      seen.add(key);
      phrases.push({ kind, msgid: pageText(english[0]), text });
    }
  }
  return phrases.sort((a, b) => compare(a.kind, b.kind) || compare(a.msgid, b.msgid) || compare(a.text, b.text));
}

/** Deterministic JSON: sets sorted by origin and locale (English first), one phrase per line. */
export function render(file: PatternFile): string {
  const sets = [...file.sets].sort(
    (a, b) => Number(b.locale === 'en') - Number(a.locale === 'en') || compare(a.origin, b.origin) || compare(a.locale, b.locale),
  );
  const setText = (set: PhraseSet) =>
    `    {\n      "origin": ${JSON.stringify(set.origin)},\n      "locale": ${JSON.stringify(set.locale)},\n      "phrases": [\n${set.phrases
      .map((p) => `        ${JSON.stringify(p)}`)
      .join(',\n')}\n      ]\n    }`;
  return `{\n  "source": ${JSON.stringify(file.source)},\n  "handWritten": ${file.handWritten},\n  "sets": [\n${sets.map(setText).join(',\n')}\n  ]\n}\n`;
}

/** Front-end .mo files are named `<locale>.mo`; `admin-*` and `continents-cities-*` are not page text. */
const FRONT_END_MO = /^([a-z]{2,3}(?:_[A-Z]{2})?)\.mo$/;

/** Build the WordPress pattern file from an unpacked wp-content/languages folder. */
export function wordpressFile(languagesDir: string, packageVersion: string): PatternFile {
  const sets: PhraseSet[] = [{ origin: 'wordpress', locale: 'en', phrases: extract(null) }];
  const names = readdirSync(languagesDir).sort();
  const read = (name: string) => readMo(readFileSync(join(languagesDir, name)));
  for (const name of names) {
    const locale = FRONT_END_MO.exec(name)?.[1];
    if (!locale) continue;
    const admin = names.includes(`admin-${name}`) ? read(`admin-${name}`) : null;
    const phrases = extract(read(name), WANTED, admin);
    if (phrases.length > 0) sets.push({ origin: 'wordpress', locale, phrases });
  }
  return {
    source: `Debian package wordpress-l10n ${packageVersion}, usr/share/wordpress/wp-content/languages/<locale>.mo (and admin-<locale>.mo for the comment count it lacks); locale en is the English msgids`,
    handWritten: false,
    sets,
  };
}

function unpackDebian(): { dir: string; version: string; cleanup: () => void } {
  const envDir = process.env.WP_L10N_DIR;
  if (envDir) return { dir: envDir, version: process.env.WP_L10N_VERSION ?? 'unknown', cleanup: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), 'wp-l10n-'));
  execFileSync('apt-get', ['download', 'wordpress-l10n'], { cwd: tmp, stdio: 'inherit' });
  const deb = readdirSync(tmp).find((f) => f.endsWith('.deb'));
  if (!deb) throw new Error('apt-get download wordpress-l10n gave no .deb');
  execFileSync('dpkg', ['-x', deb, 'x'], { cwd: tmp });
  const version = execFileSync('dpkg-deb', ['-f', deb, 'Version'], { cwd: tmp, encoding: 'utf8' }).trim();
  return {
    dir: join(tmp, 'x/usr/share/wordpress/wp-content/languages'),
    version,
    cleanup: () => rmSync(tmp, { recursive: true, force: true }),
  };
}

function main(): void {
  const out = fileURLToPath(new URL('../../src/patterns/wordpress.json', import.meta.url));
  const { dir, version, cleanup } = unpackDebian();
  try {
    const file = wordpressFile(dir, version);
    writeFileSync(out, render(file));
    const counts = file.sets.map((s) => `${s.locale}:${s.phrases.length}`).join(' ');
    process.stdout.write(`wrote ${out}: ${file.sets.length} locales (${counts})\n`);
  } finally {
    cleanup();
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
