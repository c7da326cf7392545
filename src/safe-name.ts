import { createHash } from 'node:crypto';

/** Long enough for a readable URL path, short enough for every file system (255-byte names) with room for a suffix. */
const MAX_NAME_LENGTH = 120;
/** 8 hex digits of SHA-256: one collision in about 77,000 names of the same readable prefix is out of reach in practice. */
const HASH_LENGTH = 8;
/** Windows reserves these names with any extension, in any case. */
/**
 * Trailing runs; the lookbehind lets a match start only where a run starts, so `$` failing does
 * not restart the scan at every character of a long run (which is quadratic).
 */
const TRAILING_SEPARATORS = /(?<![?#/])[?#/]+$/;
const TRAILING_PUNCT = /(?<![._-])[._-]+$/;
const DEVICE_NAME = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;

/**
 * A file name (one path component, no extension) derived from a URL or record id.
 * It cannot escape the output directory: only `[A-Za-z0-9._-]`, no leading dot or dash, no `..`,
 * no device names, at most MAX_NAME_LENGTH characters. It is deterministic, and when the readable
 * form loses information (characters replaced, or cut) a short hash of the original keeps
 * different ids apart.
 */
export function safeOutputName(idOrUrl: string): string {
  const readable = idOrUrl
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(TRAILING_SEPARATORS, '');
  let name = readable
    .replace(/[^A-Za-z0-9._-]+/g, '_')
    .replace(/\.{2,}/g, '.')
    .replace(/^[._-]+/, '')
    .replace(TRAILING_PUNCT, '');
  let lossy = name !== readable;
  // Windows device names (CON, NUL, COM1 ...) cannot be file names: prefix them, and keep them apart by hash.
  if (DEVICE_NAME.test(name)) {
    name = `record-${name}`;
    lossy = true;
  }
  if (name === '') return `record-${hash(idOrUrl)}`;
  if (!lossy && name.length <= MAX_NAME_LENGTH) return name;
  return `${name.slice(0, MAX_NAME_LENGTH - HASH_LENGTH - 1).replace(TRAILING_PUNCT, '')}-${hash(idOrUrl)}`;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, HASH_LENGTH);
}
