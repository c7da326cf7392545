import { describe, expect, it } from 'vitest';
import { splitCells } from '../src/cleaners/split-cells.js';
import { clean } from '../src/index.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';

function split(dump: string): string[] {
  const doc = toDoc(dump, 't');
  splitCells.run(doc, defaultOptions);
  return doc.lines.map((l) => l.text);
}

/** A row of cells, each padded to its width, as w3m lays out a table. */
function row(...cells: [string, number][]): string {
  return cells.map(([text, width]) => text.padEnd(width)).join('').trimEnd();
}

describe('splitCells gives the text cell of a layout row a line of its own', () => {
  it('takes a headline out of the navigation cells beside it, left labels first', () => {
    const dump = row(['Sport home', 24], ['Harbour plan wins the council vote', 60], ['TRANSFERS', 10]);
    expect(split(dump)).toEqual(['Sport home', 'Harbour plan wins the council vote', 'TRANSFERS']);
  });

  it('reads the vertical rules of a bordered layout table as gaps between cells, and leaves a rule line alone', () => {
    const rule = '━'.repeat(96);
    const dump = [rule, `│${row(['Sport home', 23], ['Harbour plan wins the council vote', 59], ['TRANSFERS', 10])}│`].join('\n');
    // The rules become spaces, which tidy-text trims at the ends of the cells.
    expect(split(dump).map((cell) => cell.trim())).toEqual([rule, 'Sport home', 'Harbour plan wins the council vote', 'TRANSFERS']);
  });

  it('marks the cells as lines of their own, so that each may take another zone than its row', () => {
    const doc = toDoc(row(['Sport home', 24], ['Harbour plan wins the council vote', 60], ['TRANSFERS', 10]), 't');
    splitCells.run(doc, defaultOptions);
    expect(doc.lines.map((l) => [l.n, l.cell])).toEqual([
      [1, true],
      [1, true],
      [1, true],
    ]);
    // A line split-cells leaves whole is no cell.
    const whole = toDoc('The council met on Tuesday evening to discuss it.', 't');
    splitCells.run(whole, defaultOptions);
    expect(whole.lines[0].cell).toBeUndefined();
  });

  it('sets the text that opens a column apart from its labels, as after a blank line', () => {
    const dump = [
      row(['Sport home', 24], ['Harbour plan wins the council vote', 60]),
      row(['', 24], ['The council met on Tuesday evening to discuss it.', 60]),
    ].join('\n');
    const doc = toDoc(dump, 't');
    splitCells.run(doc, defaultOptions);
    expect(doc.lines.map((l) => [l.text, l.blankBefore])).toEqual([
      ['Sport home', 0],
      ['Harbour plan wins the council vote', 1],
      ['The council met on Tuesday evening to discuss it.', 0],
    ]);
  });

  it('keeps a paragraph wrapped inside a cell in one piece, with the labels of its right column after it', () => {
    const dump = [
      row(['The council met on Tuesday evening to discuss the new', 58], ['Contact us', 12]),
      row(['harbour plan, which would move the ferry terminal.', 58], ['Weather', 12]),
      row(['', 58], ['Recipes', 12]),
      row(['Residents who spoke at the meeting were divided.', 58], ['Jobs', 12]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'The council met on Tuesday evening to discuss the new',
      'harbour plan, which would move the ferry terminal.',
      'Residents who spoke at the meeting were divided.',
      'Contact us',
      'Weather',
      'Recipes',
      'Jobs',
    ]);
  });

  it('keeps the column whole beside a column of teasers: a long teaser, a teaser alone, a short last line', () => {
    const dump = [
      row(['The council met on Tuesday evening to discuss the new', 60], ['» Ferry fares', 20]),
      row(['harbour plan and the ferry terminal.', 60], ['» Library opens on Sundays', 30]),
      row(['', 60], ['» New bus stop by the clinic', 30]),
      row(['Residents were divided.', 60], ['» Choir looks for tenors', 30]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'The council met on Tuesday evening to discuss the new',
      'harbour plan and the ferry terminal.',
      'Residents were divided.',
      '» Ferry fares',
      '» Library opens on Sundays',
      '» New bus stop by the clinic',
      '» Choir looks for tenors',
    ]);
  });

  it('keeps the lines of a cell that have no label beside them with the cell', () => {
    const dump = [
      row(['Home', 14], ['The council met on Tuesday evening to discuss the plan.', 60]),
      `${' '.repeat(14)}Residents who spoke at the meeting were divided.`,
      row(['Sport', 14], ['Most of them live on the north side of the bay.', 60]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Home',
      'Sport',
      'The council met on Tuesday evening to discuss the plan.',
      'Residents who spoke at the meeting were divided.',
      'Most of them live on the north side of the bay.',
    ]);
  });

  it('reads a label of four words or more beside the open column as a label, and the text as the column', () => {
    const dump = [
      row(['Home page', 26], ['Harbour plan wins the council vote', 60]),
      row(['What is on this week', 26], ['The council met on Tuesday evening to discuss the plan.', 70], ['Find your new home:', 20]),
      row(['Travel', 26], ['Most of them live on the north side of the bay.', 60]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Home page',
      'What is on this week',
      'Travel',
      'Harbour plan wins the council vote',
      'The council met on Tuesday evening to discuss the plan.',
      'Most of them live on the north side of the bay.',
      'Find your new home:',
    ]);
  });

  it('cuts a label that w3m padded to the open column with one or two spaces off the text', () => {
    const dump = [
      row(['• Tables', 15], ['Aston Villa boss Martin O\'Neill is upbeat about a new deal', 62], ['cricket:', 10]),
      row(['• Rugby Union', 15], ['European place this season.', 62], ['Folkestone', 10]),
      row(['• Rugby League', 15], ['However, his current deal runs out next summer.', 62], ['Kempton', 10]),
    ].join('\n');
    expect(split(dump)).toEqual([
      '• Tables',
      '• Rugby Union',
      '• Rugby League',
      "Aston Villa boss Martin O'Neill is upbeat about a new deal",
      'European place this season.',
      'However, his current deal runs out next summer.',
      'cricket:',
      'Folkestone',
      'Kempton',
    ]);
  });

  it('takes a bulleted list of teasers beside the text for labels, however many rows it fills', () => {
    const dump = [
      row(['Business', 20], ['Harbour plan wins the council vote', 56], ['• Ferry fares rise in the', 30]),
      row(['', 20], ['The council met on Tuesday evening to discuss', 56], ['  spring', 30]),
      row(['', 20], ['the plan, which would move the ferry terminal.', 56], ['• New bus stop by the clinic', 30]),
      row(['', 20], ['Residents who spoke at the meeting were divided.', 56], ['• Choir looks for tenors', 30]),
      row(['', 20], ['Most of them live on the north side of the bay.', 56], ['• Library opens a tool shed', 30]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Business',
      'Harbour plan wins the council vote',
      'The council met on Tuesday evening to discuss',
      'the plan, which would move the ferry terminal.',
      'Residents who spoke at the meeting were divided.',
      'Most of them live on the north side of the bay.',
      '• Ferry fares rise in the',
      'spring',
      '• New bus stop by the clinic',
      '• Choir looks for tenors',
      '• Library opens a tool shed',
    ]);
  });

  it('takes teasers right of the text for labels, however many rows they fill', () => {
    const dump = [
      row(['Business', 20], ['Harbour plan wins the council vote', 56], ['Ferry fares rise in spring', 34]),
      row(['Sport', 20], ['The council met on Tuesday evening to discuss', 56]),
      row(['', 20], ['the plan, which would move the ferry terminal.', 56], ['New bus stop by the clinic', 34]),
      row(['Travel', 20], ['Residents who spoke at the meeting were divided.', 56]),
      row(['', 20], ['Most of them live on the north side of the bay.', 56], ['Choir looks for more tenors', 34]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Business',
      'Sport',
      'Travel',
      'Harbour plan wins the council vote',
      'The council met on Tuesday evening to discuss',
      'the plan, which would move the ferry terminal.',
      'Residents who spoke at the meeting were divided.',
      'Most of them live on the north side of the bay.',
      'Ferry fares rise in spring',
      'New bus stop by the clinic',
      'Choir looks for more tenors',
    ]);
  });

  it('takes teasers left of the text for labels where they sit beside a few of its rows', () => {
    const dump = [
      row(['', 30], ['The council met on Tuesday evening to discuss the plan, which would move the ferry.', 90], ['News', 8]),
      row(['', 30], ['Residents who spoke at the meeting were divided, and most live on the north side.', 90], ['Sport', 8]),
      row(['', 30], ['A decision is expected early next year, after a second round of public hearings.', 90], ['Travel', 8]),
      row(['', 30], ['Until the hearings the council will take written comments from anyone in town.', 90], ['Jobs', 8]),
      row(['', 30], ['The plan was first put to the council three years ago, and voted down then.', 90], ['Homes', 8]),
      row(['Choir looks for tenors', 30], ['The harbour master said the new quay could open within two years of the vote.', 90]),
      row(['Library opens tool shed', 30], ['Until then the ferry keeps its old timetable, with the last boat at ten.', 90]),
      row(['New bus stop by the clinic', 30], ['Fares will not change this year, the ferry company said on Wednesday.', 90]),
      row(['Market moves to the square', 30], ['The old terminal building is to become a museum of the harbour.', 90]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Choir looks for tenors',
      'Library opens tool shed',
      'New bus stop by the clinic',
      'Market moves to the square',
      'The council met on Tuesday evening to discuss the plan, which would move the ferry.',
      'Residents who spoke at the meeting were divided, and most live on the north side.',
      'A decision is expected early next year, after a second round of public hearings.',
      'Until the hearings the council will take written comments from anyone in town.',
      'The plan was first put to the council three years ago, and voted down then.',
      'The harbour master said the new quay could open within two years of the vote.',
      'Until then the ferry keeps its old timetable, with the last boat at ten.',
      'Fares will not change this year, the ferry company said on Wednesday.',
      'The old terminal building is to become a museum of the harbour.',
      'News',
      'Sport',
      'Travel',
      'Jobs',
      'Homes',
    ]);
  });

  it('keeps sentences that a short run of spaces parts (non-breaking spaces) on one line', () => {
    const dump = [
      row(['Home page', 22], ['Harbour plan wins the council vote', 60]),
      row(['Travel', 22], ['The council met on Tuesday.   Most of them live on the north side of the bay.', 90]),
    ].join('\n');
    expect(split(dump)).toContain(`${'Travel'.padEnd(22)}The council met on Tuesday.   Most of them live on the north side of the bay.`);
  });

  it('keeps a row of labels whole from the column on (a comment header), and takes off a label to its left', () => {
    const dump = [
      row(['Home', 20], ['The council met on Tuesday evening to discuss the plan.', 60]),
      row(['Sport', 20], ['By Harriet Moss', 60]),
      row(['', 20], ['Jane Doe', 30], ['12/05/2008 10:31', 20]),
    ].join('\n');
    expect(split(dump)).toEqual([
      'Home',
      'Sport',
      'The council met on Tuesday evening to discuss the plan.',
      'By Harriet Moss',
      `${'Jane Doe'.padEnd(30)}12/05/2008 10:31`,
    ]);
  });

  it('leaves rows of two text cells, rows of labels only and data-table rows whole', () => {
    const twoColumns = row(['The council met on Tuesday evening', 40], ['Residents who spoke were divided', 40]);
    const menu = row(['Home', 10], ['News', 10], ['Sport', 10], ['Contact us', 10]);
    const table = row(['item_id', 10], ['String', 10], ['Required', 10], ['Merchant product identifier for each variant', 50], ['Max 100', 10]);
    expect(split([twoColumns, '', menu, '', table].join('\n'))).toEqual([twoColumns, menu, table]);
  });

  it('keeps the order of a page whose text runs in several columns side by side', () => {
    const dump = [
      row(['Home', 12], ['The council met on Tuesday evening to discuss the plan.', 60]),
      row(['The ferry would move to the north side', 44], ['Residents who spoke were divided on it.', 60]),
      row(['of the bay, and the quay would be a park.', 44], ['Most of them live near the old quay.', 60]),
      row(['The vote was seven to two in favour.', 44], ['A decision is expected early next year.', 60]),
    ].join('\n');
    expect(split(dump)).toEqual(dump.split('\n').map((line) => line.trim()));
  });

  it('leaves single spaces and sentence-end double spaces alone', () => {
    const text = 'The council met on Tuesday.  Residents who spoke were divided.';
    expect(split(text)).toEqual([text]);
  });

  it('lets the pipeline find a headline that shares its line with navigation', () => {
    const paragraph =
      'The council met on Tuesday evening to discuss the new harbour plan, which would move the ferry terminal to the north side of the bay and free the old quay for a public park.';
    const dump = [
      'Home | News | Sport | Weather',
      '',
      row(['Top story', 20], ['Harbour plan wins the council vote', 50], ['More news', 10]),
      '',
      paragraph,
      '',
      `${paragraph.replace('Tuesday', 'Monday')} Residents who spoke at the meeting were divided, and some feared the longer walk.`,
      '',
      paragraph.replace('council', 'committee'),
    ].join('\n');
    expect(clean(dump).title).toBe('Harbour plan wins the council vote');
  });

  it('is linear on a long line of many cells', () => {
    const dump = Array.from({ length: 50_000 }, (_, i) => `cell ${i}`).join('    ');
    const started = performance.now();
    expect(split(dump)).toEqual([dump]);
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('a headline padded to a label with two spaces only', () => {
  const article = [
    'The harbour reopened on Monday after a week of storms had kept every boat in the bay, the council said.',
    '',
    'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.',
  ];

  it('records the parts of a line that two spaces part, and not those of a row of wider gaps', () => {
    const doc = toDoc('Sport  Harbour plan wins the council vote\nHome    News    Sport\nOne space only', 't');
    splitCells.run(doc, defaultOptions);
    expect(doc.lines.map((line) => line.padded)).toEqual([['Sport', 'Harbour plan wins the council vote'], undefined, undefined]);
  });

  it('gives the headline without the label as the title, where the headline has twice its words', () => {
    const page = [row(['HOME', 24], ['Sport  Harbour plan wins the council vote', 60], ['Tickets', 10]), '', ...article].join('\n');
    expect(clean(page).title).toBe('Harbour plan wins the council vote');
    const even = ['Harbour plan wins  the council vote today', '', ...article].join('\n');
    expect(clean(even).title).toBe('Harbour plan wins the council vote today');
  });
});
