import { describe, expect, it } from 'vitest';
import { commentHeaders } from '../src/cleaners/comment-headers.js';
import { defaultOptions } from '../src/options.js';
import { addHint } from '../src/doc.js';
import { toDoc } from '../src/split-lines.js';

function header(line: string) {
  const doc = toDoc(`${line}\nThat is a fair point, and I had not thought of it that way before.`, 't');
  commentHeaders.run(doc, defaultOptions);
  const hint = doc.lines[0].hints.find((h) => h.kind === 'comment-header');
  return hint ? { weight: hint.weight, ...doc.lines[0].head } : null;
}

describe('comment headers', () => {
  it.each([
    ['Jane Doe says:', 'Jane Doe', null],

    ['Jane Doe on March 3, 2012 at 10:15 pm', 'Jane Doe', 'March 3, 2012 at 10:15 pm'],
    ['by harbourwatcher (104233) on Tuesday July 24, @03:22AM (#4075130)', 'harbourwatcher', '03:22AM'],
    ['Posted by millpond_mike on 06/03/2013 at 09:14', 'millpond_mike', '06/03/2013 at 09:14'],
    // A theme's comment number in a span of its own, with no dot after it.
    ['3 Rosa Lindqvist May 9, 2011 at 7:02 am', 'Rosa Lindqvist', 'May 9, 2011 at 7:02 am'],
    ['[avatar-64.png] Rosa Lindqvist May 9, 2011', 'Rosa Lindqvist', 'May 9, 2011'],
    // Numbered "wrote:", a forum's "by NAME (id) writes:", and a theme's date after "says:".
    ['4. Orla Byrne wrote:', 'Orla Byrne', null],
    ['by Anonymous Reader writes:', 'Anonymous Reader', null],
    ['by quillfeather (20417) writes:', 'quillfeather', null],
    ['2. Harbour Supply Co says: 3/14/2012', 'Harbour Supply Co', '3/14/2012'],
    // Themes that end the verb with a comma.
    ['Harbour Watcher said,', 'Harbour Watcher', null],
    // The list's number and the theme's own number; the commenter's website next to the name.
    ['1. 3 Ines Okafor | 11/8/2012 1:04:41 AM', 'Ines Okafor', '11/8/2012 1:04:41 AM'],
    ['Pavel Rusu http://www.example.org/blog | 11/8/2012 2:57 AM', 'Pavel Rusu', '11/8/2012 2:57 AM'],
    // A time zone after the time is part of the date, never the name.
    ['by tidewatcher July 24, 2012 11:45 PM EDT', 'tidewatcher', 'July 24, 2012 11:45 PM EDT'],
    ['Jane Doe 3/14/2012 10:15 GMT+1', 'Jane Doe', '3/14/2012 10:15 GMT+1'],
    // What follows a separator past the date (a post number, a profile link) is no part of the name; a name there is.
    ['1. Orla Byrne | Feb 24, 2006 02:35am | #1', 'Orla Byrne', 'Feb 24, 2006 02:35am'],
    ['Orla Byrne, on November 7th, 2012 // Twitter: @orlabyrne', 'Orla Byrne', 'November 7th, 2012'],
    ['October 22, 2012 | Ines Okafor', 'Ines Okafor', 'October 22, 2012'],
    // The weekday before the date is no part of the name, and a user name in lower case is a name.
    ['1. Orla Byrne Monday, November 5 2012', 'Orla Byrne', 'November 5 2012'],
    ['2. tidewatcher Monday, November 5 2012', 'tidewatcher', 'November 5 2012'],
    // A weekday is the date's, in any language, and a link to the comment is no name.
    ['Tuesday, May 1, 2012', null, 'May 1, 2012'],
    ['Pazartesi, 12 Mart 2024', null, '12 Mart 2024'],
    // Relative times in the languages' own words, as CLDR has them.
    ['Hans Müller vor 2 Stunden', 'Hans Müller', 'vor 2 Stunden'],
    ['Иван Петров 5 минут назад', 'Иван Петров', '5 минут назад'],
    ['Δευτέρα, 12 Μαρτίου 2024', null, '12 Μαρτίου 2024'],
    ['Dec 30, 2007 7:06 PM | Link to this', null, 'Dec 30, 2007 7:06 PM'],
    ['November 12, 2012 18:06:00 Reply 0 Flag this comment', null, 'November 12, 2012 18:06:00'],
    // The comment's number, as its permalink prints it, is no name.
    ['#2.1 - Tue Jul 24, 2012 10:35 AM EDT', null, 'Jul 24, 2012 10:35 AM EDT'],
    // The date's time after the joiner of the software's own translations ("%1$s at %2$s"); the
    // clock's word after the time is no name.
    ['13. März 2024 um 08:15 Uhr', null, '13. März 2024 um 08:15'],
    ['Jan Kowalski 12 marca 2024 o 08:15', 'Jan Kowalski', '12 marca 2024 o 08:15'],
    ['Pedro Ruiz 13 marzo, 2024 a las 8:15 am', 'Pedro Ruiz', '13 marzo, 2024 a las 8:15 am'],
  ])('%s', (line, author, date) => {
    const got = header(line);
    expect(got).not.toBeNull();
    expect(got?.author).toBe(author);
    if (date !== null) expect(got?.date).toBe(date);
  });

  it.each([
    'Audi A2 takes aim at the Nissan Juke',
    'Microsoft cuts the price of its tablet (44)',
    'Capitalism at work? (Score:2)',
    // An image's file name holds a date, but the reader sees no date.
    '[Photo-2011-05-09-at-07]',
  ])(
    'not a header: %s',
    (line) => {
      expect(header(line)).toBeNull();
    },
  );

  it('a date with a link to itself is a sure header, a bare date a weak one', () => {
    expect(header('Dec 30, 2007 7:06 PM | Link to this')?.weight).toBeGreaterThanOrEqual(3);
    expect(header('Tuesday, May 1, 2012')?.weight).toBeLessThan(3);
  });

  it('a headline above a date line is no name; a name with particles is', () => {
    const nameAbove = (name: string) => {
      const doc = toDoc(`${name}\nupdated 2:24 PM EST, Wed November 7, 2012\nThe vote went the other way this time.`, 't');
      commentHeaders.run(doc, defaultOptions);
      return doc.lines[0].head?.author ?? null;
    };
    expect(nameAbove('Voters approve harbour plan')).toBeNull();
    expect(nameAbove('Ana María de la Cruz')).toBe('Ana María de la Cruz');
    expect(nameAbove('Mary from Chicago')).toBe('Mary from Chicago');
  });

  it('a time and its zone make a date line without a name', () => {
    const got = header('5:54pm, EDT');
    expect(got?.author ?? null).toBeNull();
    expect(got?.date).toBe('5:54pm, EDT');
  });

  it('a clock time alone makes a weak header: a section number is none, a video list\'s "TITLE 5:53" no sure one', () => {
    expect(header('4.10 hedge-trimmers')).toBeNull();
    expect(header('Good News From The Harbour 5:53')?.weight).toBeLessThan(3);
    // The software's loose "%s on %s" filled with a time alone, and with a date.
    expect(header('Tide Tables on the Estuary 2:17')?.weight).toBeLessThan(3);
    expect(header('Jane Doe on March 3, 2012')?.weight).toBeGreaterThanOrEqual(3);
    expect(header('Jane Doe 10:15 pm')?.weight).toBeGreaterThanOrEqual(3);
  });

  it('"NAME on DATE said:" is a "NAME says:" header, with a date that has no year', () => {
    expect(header('Doug Hale on Aug 9, 10:14 AM said:')).toEqual({ weight: 4, author: 'Doug Hale', date: '10:14 AM' });
  });

  it("a range of days is an event's dates, no comment's; a dash before the time is no range", () => {
    const doc = toDoc('3. Harbour Festival\nDate: 16-19 March 2026\nStalls and music on the quay.', 't');
    commentHeaders.run(doc, defaultOptions);
    expect(doc.lines.some((line) => line.hints.some((h) => h.kind === 'comment-header'))).toBe(false);
    expect(header('Sept 3 - 5, 2026')).toBeNull();
    expect(header('January 15, 2008 - 3:02 PM')?.date).toBe('January 15, 2008 - 3:02 PM');
  });

  it('a year on a line of its own is no name above a date line', () => {
    const doc = toDoc('2011\n7:02pm, EDT\nHow the river towns rebuilt after the flood', 't');
    commentHeaders.run(doc, defaultOptions);
    expect(doc.lines[0].hints.some((h) => h.kind === 'comment-header')).toBe(false);
  });

  it("a name line with the comment's own link after it is the name", () => {
    const doc = toDoc('1. Orla Byrne permalink\nAugust 9, 2012 12:55 pm\nThat is a fair point.\n2. quillfeather permalink*\nAugust 9, 2012 1:05 pm\nAgreed.', 't');
    commentHeaders.run(doc, defaultOptions);
    expect(doc.lines.map((line) => line.head?.author ?? null)).toEqual(['Orla Byrne', null, null, 'quillfeather', null, null]);
  });

  it('a date without its year on a line of its own is a date line, under a name a header', () => {
    const doc = toDoc('1. Orla Byrne\nNovember 12th\nThat is a fair point.\nRosa Lindqvist\n3 March at 10:15 am\nAgreed.', 't');
    commentHeaders.run(doc, defaultOptions);
    expect(doc.lines.map((line) => line.head ?? null)).toEqual([
      { author: 'Orla Byrne', date: null },
      { author: null, date: 'November 12th' },
      null,
      { author: 'Rosa Lindqvist', date: null },
      { author: null, date: '3 March at 10:15 am' },
      null,
    ]);
    // In a line of text, or with a word that is no month, it is none.
    expect(header('See you on November 12th')).toBeNull();
    expect(header('Room 12')).toBeNull();
  });
});

describe('header shapes that recur with text between', () => {
  const comments = [
    ['1. Ann Lee', 'November 8, 2012', 'Lovely photos, the light on the harbour is perfect.'],
    ['2. tidewatcher', 'November 8, 2012', 'Gorgeous!'],
    ['3. Mia Chen', 'November 9, 2012', 'Where was the second one taken? It looks like the old pier.'],
  ];
  const weights = (lines: string[]) => {
    const doc = toDoc(lines.join('\n'), 't');
    // The section starter is found by junk-phrases, which runs first.
    doc.lines.forEach((line) => {
      if (/^\d+ (?:Comments|comments)$/.test(line.text)) addHint(line, 'comments-start', 4, 'test', 'given');
    });
    commentHeaders.run(doc, defaultOptions);
    return doc.lines.map((line) => Math.max(0, ...line.hints.filter((h) => h.kind === 'comment-header').map((h) => h.weight)));
  };

  it('are the comment list below its starter: name and date lines become sure headers', () => {
    const got = weights(['22 Comments', ...comments.flat()]);
    expect(got.slice(1)).toEqual(comments.flatMap(() => [3, 3, 0]));
  });

  it('stay as they are above any section starter, where dated lists of links look alike', () => {
    const plain = weights(comments.flat());
    expect(weights(['Popular', ...comments.flat(), '22 Comments']).slice(1, -1)).toEqual(plain);
    expect(Math.max(...plain)).toBeLessThan(3);
  });

  it('stay as they are when each item has its own comment count (a list of posts)', () => {
    const posts = comments.flatMap((c, i) => [...c, `${i} comments`]);
    const got = weights(['4 Comments', ...posts]);
    expect(Math.max(...got.slice(1))).toBeLessThan(3);
  });
});
