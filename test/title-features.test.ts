import { describe, expect, it } from 'vitest';
import { articleMeta } from '../src/cleaners/article-meta.js';
import { lineStats } from '../src/model/features.js';
import { TITLE_FEATURE_NAMES, tidyTitle, titleCandidates, titleRows } from '../src/model/title-features.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';

/** The named headline feature of every line of a dump. */
function feature(dump: string, name: (typeof TITLE_FEATURE_NAMES)[number]): (number | null)[] {
  const doc = toDoc(dump, 't');
  articleMeta.run(doc, defaultOptions);
  const rows = titleRows(
    doc.lines,
    doc.lines.map((line) => lineStats(line, 'en')),
  );
  const k = TITLE_FEATURE_NAMES.indexOf(name);
  return rows.map((row) => (row === null ? null : row[k]));
}

const TEXT =
  'The council met on Tuesday evening to discuss the new harbour plan, which would move the ferry terminal to the north side of the bay.';

describe('headline features', () => {
  it('crumb_tail: a line that a breadcrumb ends with, and not the breadcrumb itself', () => {
    const dump = ['Home > News > Harbour plan wins the vote', 'Harbour plan wins the vote', 'Harbour plan loses the vote', TEXT].join('\n');
    expect(feature(dump, 'crumb_tail').slice(0, 3)).toEqual([0, 1, 0]);
    const dashes = ['Home - Blog - Harbour plan wins the vote', 'Harbour plan wins the vote', TEXT].join('\n');
    expect(feature(dashes, 'crumb_tail').slice(0, 2)).toEqual([0, 1]);
    // A byline and date line ends in the article's section, not in its title.
    const meta = ['Film', 'Harbour film wins the prize', 'by Jane Roe | October 27, 2014 | Film', TEXT].join('\n');
    expect(feature(meta, 'crumb_tail').slice(0, 2)).toEqual([0, 0]);
  });

  it('caption_hint: a photo caption, which can sit right above the text', () => {
    const caption = 'Volunteers fold coats at the depot on Saturday. (Photo: Jane Roe/The Herald)';
    expect(feature([caption, TEXT].join('\n'), 'caption_hint')[0]).toBe(1);
    expect(feature(['Volunteers fold coats at the depot', TEXT].join('\n'), 'caption_hint')[0]).toBe(0);
    // A position marker or a courtesy line before it, a wire agency's credit after it.
    for (const line of ['ABOVE: Volunteers fold coats at the depot', 'Courtesy: Northfield Community Depot', 'Volunteers at the depot (AAP)']) {
      expect(feature([line, TEXT].join('\n'), 'caption_hint')[0]).toBe(1);
    }
    expect(feature(['Above all, the depot needs coats', TEXT].join('\n'), 'caption_hint')[0]).toBe(0);
  });

  it('name_over_meta: a name right above a date is an author box, not a headline', () => {
    const dump = ['Harbour plan wins the vote', 'Jane Roe', 'August 25, 2025', TEXT].join('\n');
    expect(feature(dump, 'name_over_meta').slice(0, 2)).toEqual([0, 1]);
    // A product name with no date under it, and a name with a function word, are no author box.
    expect(feature(['Modern Leather Case', TEXT].join('\n'), 'name_over_meta')[0]).toBe(0);
    expect(feature(['Tale of Two Cities', 'August 25, 2025', TEXT].join('\n'), 'name_over_meta')[0]).toBe(0);
  });

  it('deck_under_heading and heading_over_deck: a summary sentence under a headline is its deck', () => {
    const deck = 'Ferries will use the north quay from spring, the council said.';
    const dump = ['Harbour plan wins the vote', deck, 'By Jane Roe', TEXT].join('\n');
    expect(feature(dump, 'heading_over_deck').slice(0, 2)).toEqual([1, 0]);
    expect(feature(dump, 'deck_under_heading').slice(0, 2)).toEqual([0, 1]);
    // A byline over a sentence is no headline over its deck.
    expect(feature(['By Jane Roe', deck, TEXT].join('\n'), 'heading_over_deck')[0]).toBe(0);
  });
});

describe('headline features that compare nearby lines', () => {
  it('covers_line_below and covers_line_above: a headline and a heading near it that it has all the words of', () => {
    const dump = ['Top 10 harbour walks in the county you should know', 'Menu', 'Top 10 harbour walks', TEXT].join('\n');
    const below = feature(dump, 'covers_line_below');
    expect(below.slice(0, 2)).toEqual([1, 0]);
    expect(below[2]).toBeLessThan(0.1);
    // The heading under it has 4 of the headline's 10 words.
    expect(feature(dump, 'covers_line_above')[2]).toBeCloseTo(0.4);
    const label = ['Harbour walks', 'Top 10 harbour walks in the county', TEXT].join('\n');
    expect(feature(label, 'covers_line_above').slice(0, 2)).toEqual([0, 1]);
    // The same line twice is the `repeated` feature's; lines past the window are not compared.
    const twice = ['Top 10 coastal walks', 'Top 10 coastal walks', TEXT].join('\n');
    expect(feature(twice, 'covers_line_below').slice(0, 2)).toEqual([0, 0]);
    const far = ['Top 10 harbour walks in the county', ...Array.from({ length: 12 }, (_, i) => `Menu item ${String.fromCharCode(97 + i)}`), 'Top 10 harbour walks', TEXT].join('\n');
    expect(feature(far, 'covers_line_below')[0]).toBe(0);
  });
});

describe('the outdented headline feature', () => {
  it("marks a line left of the running text's margin, as lynx sets its headings, and not a layout column's lines", () => {
    const lynx = ['   Harbour News', 'Harbour plan wins the vote', `   ${TEXT}`, `   ${TEXT}`].join('\n');
    expect(feature(lynx, 'outdented')).toEqual([0, 1, 0, 0]);
    const column = ' '.repeat(26);
    const w3m = ['Harbour plan wins the vote', `${column}${TEXT}`, `${column}${TEXT}`].join('\n');
    expect(feature(w3m, 'outdented')[0]).toBe(0);
    expect(feature(['Harbour plan wins the vote', TEXT, TEXT].join('\n'), 'outdented')[0]).toBe(0);
  });
});

describe('titleCandidates', () => {
  it('counts the dump\'s lines above the text, also where split cells read a side column after the main one', () => {
    const doc = toDoc(['Harbour reopens after the storm', ...Array.from({ length: 60 }, (_, i) => `Menu item ${String.fromCharCode(97 + i)}`), TEXT].join('\n'), 't');
    const first = doc.lines.length - 1;
    // In the dump's order the headline is 61 lines above the text: out of the window.
    expect(titleCandidates(doc.lines, first)).not.toContain(0);
    // The side column's 60 rows read after the main column's headline, as split-cells orders them.
    const [headline, ...menu] = doc.lines.slice(0, first);
    doc.lines = [...menu.map((line, i) => ({ ...line, n: 100 + i })), headline, doc.lines[first]];
    doc.lines[doc.lines.length - 1].n = 2;
    expect(titleCandidates(doc.lines, doc.lines.length - 1)).toEqual([60]);
  });

  it('leaves out links to the previous or next post and back to an index, not a headline in guillemets', () => {
    const lines = [
      '« Ferry timetable changes | Main | Library opens a tool shed »',
      '« Back to Harbour News',
      '<<Back to index',
      'Harbour news archive »',
      '« Nous ne céderons pas », dit le maire',
      'Harbour reopens after the storm',
      TEXT,
    ];
    const doc = toDoc(lines.join('\n'), 't');
    expect(titleCandidates(doc.lines, doc.lines.length - 1).map((i) => doc.lines[i].text)).toEqual(lines.slice(4, 6));
  });
});

describe('tidyTitle', () => {
  it('drops a bullet, an image file name, a permalink sign, a reply prefix and a drawn rule around the headline', () => {
    expect(tidyTitle('* Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('□ Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('[icon-news.png] Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('Harbour plan wins the vote [pixel.gif]')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('Installing the tool¶')).toBe('Installing the tool');
    expect(tidyTitle('Re: Printer stops after one page')).toBe('Printer stops after one page');
    expect(tidyTitle('[1pix_spacer] Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('[bullet] Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('_ Harbour plan wins the vote')).toBe('Harbour plan wins the vote');
    expect(tidyTitle('Harbour plan wins the vote ━━━━━━━━━━')).toBe('Harbour plan wins the vote');
  });

  it('keeps brackets that are words, colons that are part of the headline, and a line that is all decoration', () => {
    expect(tidyTitle('[Grammar] Which tense to use?')).toBe('[Grammar] Which tense to use?');
    expect(tidyTitle('Harbour: plan wins the vote')).toBe('Harbour: plan wins the vote');
    expect(tidyTitle('Repair: a guide')).toBe('Repair: a guide');
    expect(tidyTitle('¶')).toBe('¶');
  });
});
