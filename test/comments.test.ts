import { describe, expect, it } from 'vitest';
import { groupComments } from '../src/comments.js';
import { clean } from '../src/index.js';
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

describe('comments section', () => {
  it('reads comments whose header is printed under the text ("Posted by: NAME | DATE")', () => {
    const article = [
      'The herring came back to the bay this spring after a decade away, and the fishermen who stayed on through the lean years were the first to notice.',
      'Nobody is quite sure why they returned. Some point to the cleaner outflow from the river since the mill closed, others to a colder winter that pushed the shoals further south than usual, and a few of the older men say that the fish simply remember the bay and come back when they are ready.',
      'Whatever the reason, the harbour has been busy again, and the smokehouse on the north quay has reopened its doors for the first time in years.',
    ];
    const page = [
      'Harbour Notes',
      'The Slow Return of the Herring',
      ...article,
      'TrackBack',
      'Comments',
      'What a lovely piece. My grandfather smoked herring on that quay for forty years.',
      'Posted by: Maren Holt | April 03, 2013 at 09:12 AM',
      'I remember the smell of the smokehouse from when I was a child, so good to hear it is open again.',
      'Posted by: Tomas Reid | April 03, 2013 at 11:40 AM',
      'Verify your Comment',
    ].join('\n\n');
    const { comments } = clean(page);
    expect(comments).toHaveLength(2);
    expect(comments[0]).toEqual({
      author: 'Maren Holt',
      date: 'April 03, 2013 at 09:12 AM',
      text: 'What a lovely piece. My grandfather smoked herring on that quay for forty years.',
    });
  });
  it('reads them under a short post whose readers sign their comments above the header', () => {
    // No line of the post is long running text, and a signature ("XO, Anna") sits where a
    // header-above layout has its comment's text: the section's ends tell the layout.
    const page = [
      'Harbour Notes',
      'Open Day at the Smokehouse',
      'The smokehouse on the north quay opens its doors this Saturday from ten.',
      'Permalink',
      'Comments',
      'So glad to see it open again, we will be there with the kids!',
      'Posted by: Maren Holt | April 03, 2013 at 09:12 AM',
      'Can we buy smoked herring to take home?',
      'XO',
      'Anna',
      'Posted by: Anna Berg | April 03, 2013 at 10:02 AM',
      'My grandfather worked there for forty years, I will bring his photographs.',
      'Posted by: Tomas Reid | April 03, 2013 at 11:40 AM',
      'The comments to this entry are closed.',
    ].join('\n\n');
    const { body, comments } = clean(page);
    expect(body).toEqual(['The smokehouse on the north quay opens its doors this Saturday from ten.']);
    expect(comments.map((c) => c.author)).toEqual(['Maren Holt', 'Anna Berg', 'Tomas Reid']);
    expect(comments[2].text).toContain('My grandfather worked there for forty years');
  });
  it('reads a comment whose short text has no full stop when its "Reply" link follows', () => {
    const page = [
      'Harbour Notes',
      '* Subscribe',
      '* Twitter',
      'The Slow Return of the Herring',
      'The herring came back to the bay this spring after a decade away, and the fishermen who stayed on through the lean years were the first to notice the change.',
      'Nobody is quite sure why they returned, but the smokehouse on the north quay has reopened its doors for the first time in years, and the harbour is busy again.',
      '{ 1 comment… read it below or add one }',
      '1 Maren Holt April 3, 2013 at 9:12 am',
      'The video does not play in Norway',
      'Reply',
      'Leave a Comment',
    ].join('\n\n');
    const { body, comments } = clean(page);
    expect(body.join(' ')).not.toContain('Norway');
    expect(comments).toEqual([{ author: 'Maren Holt', date: 'April 3, 2013 at 9:12 am', text: 'The video does not play in Norway' }]);
  });
});
