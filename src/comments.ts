import type { CommentItem, Line } from './doc.js';

/** The date of a line that is nothing but its header's date, with no author ("May 14, 2011 at 8:15 PM"). */
function loneDate(line: Line): string | null {
  const head = line.head;
  return head !== undefined && head.author === null && head.date !== null && head.date === line.text ? head.date : null;
}

/**
 * Group the comment lines into comments. Most sites print the header (author, date) above the
 * text; some print it below ("Posted by: NAME | DATE" on TypePad, Blogger's date line), which
 * shows as a comments section that starts with text rather than a header.
 */
export function groupComments(lines: Line[]): CommentItem[] {
  const section = lines.filter((l) => l.zone === 'comment' || l.zone === 'comment-header');
  const trailing = section[0]?.zone === 'comment' && section[0].head === undefined;
  const comments: CommentItem[] = [];
  let current: CommentItem | null = null;
  const open = (line: Line): CommentItem => {
    const item = { author: line.head?.author ?? null, date: line.head?.date ?? null, text: '' };
    comments.push(item);
    return item;
  };

  for (const line of section) {
    const author = line.head?.author ?? null;
    const date = line.head?.date ?? null;
    if (line.zone === 'comment-header') {
      if (trailing) {
        // The header closes the comment above it.
        if (current) {
          current.author ??= author;
          current.date ??= date;
        }
        current = null;
      } else if (current && current.text === '' && !(current.author && author) && !(current.date && date)) {
        // A header spread over lines (a name line, then a date line) fills one comment.
        current.author ??= author;
        current.date ??= date;
      } else if (current && current.text !== '' && author === null && current.date === null) {
        // A date line under the text ("NAME said...", text, date) dates the comment above it.
        current.date = date;
      } else {
        current = open(line);
      }
      continue;
    }
    const lone = loneDate(line);
    if (lone !== null && current && current.text !== '' && current.date === null) {
      // The same date line, read as text after the last comment: it still dates the comment above.
      current.date = lone;
      continue;
    }
    if (current === null || line.head) current = open(line);
    current.text = current.text === '' ? line.text : `${current.text}\n${line.text}`;
  }
  return comments.filter((c) => c.text !== '');
}
