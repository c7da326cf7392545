import { describe, expect, it } from 'vitest';
import { groupComments } from '../src/comments.js';
import { type CommentHead, type Line, newLine, type Zone } from '../src/doc.js';

function line(text: string, zone: Zone, head?: CommentHead): Line {
  return { ...newLine(1, text), zone, ...(head ? { head } : {}) };
}

describe('groupComments', () => {
  it('opens a comment at each header and joins its text lines', () => {
    const lines = [
      line('Jane Roe says:', 'comment-header', { author: 'Jane Roe', date: null }),
      line('May 2, 2020 at 10:00 am', 'comment-header', { author: null, date: 'May 2, 2020 at 10:00 am' }),
      line('First line.', 'comment'),
      line('Second line.', 'comment'),
      line('Sam says:', 'comment-header', { author: 'Sam', date: null }),
      line('Hello.', 'comment'),
    ];
    expect(groupComments(lines)).toEqual([
      { author: 'Jane Roe', date: 'May 2, 2020 at 10:00 am', text: 'First line.\nSecond line.' },
      { author: 'Sam', date: null, text: 'Hello.' },
    ]);
  });

  it('a date line under the text dates the comment above it, also when it was read as text', () => {
    const date = 'May 14, 2011 at 8:15 PM';
    const lines = [
      line('Ellie said...', 'comment-header', { author: 'Ellie', date: null }),
      line('Thanks for the tip about fleece.', 'comment'),
      line(date, 'comment', { author: null, date }),
    ];
    expect(groupComments(lines)).toEqual([{ author: 'Ellie', date, text: 'Thanks for the tip about fleece.' }]);
  });

  it('a text line that only starts with a date still opens a comment', () => {
    const lines = [
      line('Ellie said...', 'comment-header', { author: 'Ellie', date: '2011-05-14' }),
      line('Thanks.', 'comment'),
      line('May 14, 2011: the beans flowered.', 'comment', { author: null, date: 'May 14, 2011' }),
    ];
    expect(groupComments(lines)).toHaveLength(2);
  });
});
