import { type Doc, newLine } from './doc.js';

/** Split a decoded dump into Lines, dropping blank lines but remembering them and the indentation. */
export function toDoc(text: string, source: string): Doc {
  const lines = [];
  let blank = 0;
  let n = 0;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    n++;
    const indent = raw.length - raw.trimStart().length;
    const trimmed = raw.trim();
    if (trimmed === '') {
      blank++;
      continue;
    }
    lines.push(newLine(n, trimmed, indent, blank));
    blank = 0;
  }
  return { source, lines, lang: null, warnings: [] };
}
