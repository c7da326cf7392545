import { namesWriter } from './cleaners/article-meta.js';
import { groupComments } from './comments.js';
import { type Doc, isJunk, type JunkItem, type JunkKind, type Result } from './doc.js';
import { hasDate } from './model/shapes.js';
import type { Options } from './options.js';

/** Turn a decoded Doc into the output contract. */
export function assemble(doc: Doc, options: Options): Result {
  let title: string | null = null;
  let byline: string | null = null;
  let date: string | null = null;
  const captions: string[] = [];
  const body: string[] = [];
  const junk: JunkItem[] = [];

  for (const line of doc.lines) {
    switch (line.zone) {
      case 'title':
        title = title === null ? line.text : title;
        break;
      // One line may be both ("Posted on March 3, 2026 by Ines Okafor").
      case 'byline':
        byline ??= line.text;
        if (hasDate(line.text)) date ??= line.text;
        break;
      case 'date':
        date ??= line.text;
        if (namesWriter(line.text)) byline ??= line.text;
        break;
      case 'caption':
        captions.push(line.text);
        break;
      case 'body':
        body.push(line.text);
        break;
      default:
        if (isJunk(line.zone)) junk.push({ kind: line.zone.slice(5) as JunkKind, text: line.text });
    }
  }

  const result: Result = {
    source: doc.source,
    title,
    byline,
    date,
    captions,
    body,
    comments: options.comments ? groupComments(doc.lines) : [],
    lang: doc.lang,
    warnings: doc.warnings,
  };
  if (options.keepJunk) result.junk = junk;
  return result;
}
