import { describe, expect, it } from 'vitest';
import { articleMeta } from '../src/cleaners/article-meta.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';

/** The kind of meta hint article-meta gives each line, or null. */
function metaKinds(...lines: string[]): Array<string | null> {
  const doc = toDoc(lines.join('\n'), 't');
  articleMeta.run(doc, defaultOptions);
  return doc.lines.map((line) => line.hints.find((hint) => ['byline', 'date', 'caption'].includes(hint.kind))?.kind ?? null);
}

describe('articleMeta', () => {
  it('reads "By NAME" as a byline, a handle and a name after a verb too', () => {
    expect(metaKinds('By Jane Roe', 'by admin', 'Posted by harbourwatch in News.', 'Von Anna Schmidt', 'Author: Jane Roe')).toEqual([
      'byline',
      'byline',
      'byline',
      'byline',
      'byline',
    ]);
  });

  it('reads a sentence that opens on "by" and a lower-case word as no byline', () => {
    expect(metaKinds('By then the boats were back in the bay.', 'By submitting, you agree to our terms.', 'By noon, the ferry was running?')).toEqual([
      null,
      null,
      null,
    ]);
  });

  it('reads a short line with a date as a date line, and a photo cue as a caption', () => {
    expect(metaKinds('May 2, 2020 at 10:00 am', 'The harbour at dawn (Photo: Jane Roe)')).toEqual(['date', 'caption']);
  });
});
