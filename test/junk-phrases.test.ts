import { describe, expect, it } from 'vitest';
import { junkPhrases } from '../src/cleaners/junk-phrases.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';

/** The junk hints junk-phrases gives each line of a dump. */
function junkHints(dump: string): string[][] {
  const doc = toDoc(dump, 't');
  junkPhrases.run(doc, defaultOptions);
  return doc.lines.map((line) => line.hints.filter((hint) => hint.kind.startsWith('junk:')).map((hint) => hint.kind));
}

describe('junkPhrases', () => {
  it('marks a UI string and leaves text alone', () => {
    expect(junkHints('Leave a Reply\nThe harbour reopened on Monday after a week of storms.')).toEqual([['junk:comment-form'], []]);
  });

  it("marks a UI string after a list's number as after a bullet (w3m numbers a breadcrumb's items), and on lynx's button", () => {
    expect(junkHints('1. Home\n* Home\n2. Harbour reopens after the storms\n(BUTTON) Reply')).toEqual([['junk:nav'], ['junk:nav'], [], ['junk:comment-meta']]);
  });

  it('marks a link back to the previous post or an index, and a link onwards, not a quotation in guillemets', () => {
    const dump = ['« Ferry timetable changes | Main | Library opens a tool shed »', '« Back to Harbour News', '« Nous ne céderons pas », dit le maire', 'More headlines »'].join('\n');
    expect(junkHints(dump)).toEqual([['junk:nav'], ['junk:nav'], [], ['junk:nav']]);
  });

  it('weighs a link onwards less than a link back', () => {
    const doc = toDoc('« Back to Harbour News\nMore headlines »', 't');
    junkPhrases.run(doc, defaultOptions);
    const [back, onward] = doc.lines.map((line) => line.hints[0].weight);
    expect(onward).toBeGreaterThan(0);
    expect(onward).toBeLessThan(back);
  });

  it('marks a row of menu items by its shape, weaker than a UI string', () => {
    const doc = toDoc('Home | News | Sport | Contact\nJane Roe | May 2, 2020 | 3 Comments', 't');
    junkPhrases.run(doc, defaultOptions);
    const [menu, header] = doc.lines.map((line) => line.hints.filter((hint) => hint.kind.startsWith('junk:')));
    expect(menu.map((hint) => hint.kind)).toEqual(['junk:nav']);
    expect(menu[0].weight).toBeLessThan(4);
    expect(header).toEqual([]);
  });

  it('marks a copyright notice by its shape, as footer weaker than a UI string, and not text about copyright', () => {
    const dump = [
      '© 2026 Harbour News',
      'Copyright © 2026 Harbour News Ltd. All Rights Reserved.',
      '* (c) 2026 Harbour Ferries',
      'Hafenzeitung GmbH. Alle Rechte vorbehalten.',
      '版权所有 港口新闻',
      'The council said the harbour map was under copyright and could not be shown.',
      'Copyright law says nothing about the ferry timetable, the mayor said, and the council agreed that it was free to print for anyone who wanted it.',
    ].join('\n');
    const doc = toDoc(dump, 't');
    junkPhrases.run(doc, defaultOptions);
    const kinds = doc.lines.map((line) => line.hints.filter((hint) => hint.kind.startsWith('junk:')));
    expect(kinds.map((hints) => hints.map((hint) => hint.kind))).toEqual([...Array(5).fill(['junk:footer']), [], []]);
    expect(kinds[0][0].weight).toBeLessThan(2.5);
  });

  it('marks a cookie banner\'s heading, and its message by its start', () => {
    expect(junkHints('We use cookies.\nWe use cookies to count visits and remember your settings.\nThis website uses cookies')).toEqual([
      ['junk:cookie'],
      ['junk:cookie'],
      ['junk:cookie'],
    ]);
  });

  it("marks a cookie banner's buttons and headings in other languages, a button only as a whole line", () => {
    const dump = ['Alle akzeptieren', 'Nous utilisons des cookies', 'Rifiuta tutto', 'Accetta', 'Accetta la proposta del sindaco, ha detto il consiglio.'].join('\n');
    expect(junkHints(dump)).toEqual([['junk:cookie'], ['junk:cookie'], ['junk:cookie'], ['junk:cookie'], []]);
  });

  it("marks an author box's heading and link as the end of the article", () => {
    const doc = toDoc('About the Author\nView all posts by Jane Roe', 't');
    junkPhrases.run(doc, defaultOptions);
    expect(doc.lines.map((line) => line.hints.map((hint) => hint.kind).sort())).toEqual([
      ['article-end', 'junk:meta'],
      ['article-end', 'junk:meta'],
    ]);
  });

  it("marks Blogger's gadget titles in the sidebar", () => {
    expect(junkHints('Popular Posts\nTotal Pageviews\nSearch This Blog')).toEqual([['junk:related'], ['junk:footer'], ['junk:footer']]);
  });

  it("marks lynx's line for an embedded frame, and only a frame's address or name", () => {
    const dump = ['IFRAME: https://ads.example/slot?id=7&size=300x250', 'IFRAME: inline_ads', 'IFRAME: the word and then more words'].join('\n');
    expect(junkHints(dump)).toEqual([['junk:ad'], ['junk:ad'], []]);
  });

  it("marks lynx's list of the page's links on its first line, in lynx's margin, not a Markdown heading or a hashtag", () => {
    const dump = ['   #Harbour News RSS Feed Harbour News » Comments Feed', '#harbourlife', '# Harbour notes'].join('\n');
    expect(junkHints(dump)).toEqual([['junk:nav'], [], []]);
    expect(junkHints('# Harbour notes\n#harbourlife')).toEqual([[], []]);
    expect(junkHints('#3 of our favourite harbour walks')).toEqual([[]]);
  });
});
