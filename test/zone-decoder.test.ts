import { describe, expect, it } from 'vitest';
import { zoneDecoder } from '../src/cleaners/zone-decoder.js';
import { addHint, type HintKind, type Zone } from '../src/doc.js';
import { clean } from '../src/index.js';
import { defaultOptions } from '../src/options.js';
import { toDoc } from '../src/split-lines.js';

const SENTENCE = 'The pier stays closed for repairs until Friday, and the ferry will use the north quay until then.';
const SHORT = ['Boats back at noon', 'Ferry timetable unchanged', 'Ask at the kiosk'];
/** The items of a shop's listing: short lines the text model doubts. */
const items = [
  'Steel hand trowel with ash handle',
  'Pruning shears, bypass blade',
  'Folding saw for branches up to 10 cm',
  'Galvanised watering can, 9 litres',
  'Kneeling pad in recycled foam',
  'Border fork with stainless tines',
  'Twine dispenser and cutter',
  'Leather gloves, thorn proof',
  'Bulb planter with depth marks',
  'Copper plant labels, pack of ten',
];

/** A headline and two paragraphs of an article, each after a blank line, as dumps print them. */
const HARBOUR_STORY = [
  'Harbour reopens after the storms',
  '',
  'The harbour reopened on Monday after a week of storms had kept every boat in the bay, the council said.',
  '',
  'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.',
  '',
];

describe('text cleaned before', () => {
  // A page with no known chrome whose headline and text make up most of its lines: an output of a cleaner.
  const rows = (edge: number): [string, [HintKind, number][]][] => [
    ['Harbour reopens after the storms', [['title', 3], ['body', -1]]],
    ['Of the town and the pier', [['body', edge]]],
    ['The harbour reopened on Monday after a week of storms.', [['body', 3]]],
    ['Fishermen were back at sea by noon.', [['body', 3]]],
    ['More next week', [['body', edge]]],
  ];

  it('keeps the lines under the headline that the grammar leaves out', () => {
    expect(decode(rows(-2.5))).toEqual(['title', 'body', 'body', 'body', 'body']);
  });

  it('leaves them out where chrome is known, or where the text is a small share of the page', () => {
    const known: [string, [HintKind, number][]] = ['Skip to content', [['junk:nav', 4]]];
    expect(decode([known, ...rows(-2.5)]).slice(1, 4)).toEqual(['title', 'junk:nav', 'body']);
    const menu = ['Hats', 'Coats', 'Scarves', 'Gloves', 'Boots'].map((item): [string, [HintKind, number][]] => [item, [['body', -2.5]]]);
    expect(decode([...rows(-2.5), ...menu]).slice(0, 5)).toEqual(['title', 'junk:nav', 'body', 'body', 'junk:footer']);
  });
});

describe('the guard for pages where no line reads as running text', () => {
  it('keeps every line of a page where nothing is known chrome (a note, text cleaned before)', () => {
    const result = clean(['Harbour notes', SENTENCE, ...SHORT].join('\n\n'));
    expect(result.title).toBe('Harbour notes');
    expect(result.body).toEqual([SENTENCE, ...SHORT]);
    expect(result.warnings.join()).toContain('no article found');
  });

  it("counts lynx's list of the page's links as no site chrome", () => {
    const result = clean(['   #Harbour notes RSS Feed', 'Harbour notes', SENTENCE, ...SHORT].join('\n\n'));
    expect(result.body).toEqual([SENTENCE, ...SHORT]);
  });

  it('keeps only the text-like lines where the page has known chrome around them', () => {
    const result = clean(['Skip to content', 'Harbour notes', SENTENCE, ...SHORT, 'Share this:', 'Like this:'].join('\n\n'));
    expect(result.body).toEqual([SENTENCE]);
  });

  it("keeps a photo post's short lines but not the site's menus, runs of list items, where chrome is known", () => {
    const menu = ['Hats', 'Coats', 'Scarves', 'Gloves', 'Boots', 'Belts', 'Bags', 'Socks'].map((item) => `* ${item}`);
    const result = clean(['Skip to content', 'Summer in the park', 'Photos by Jane Roe', 'Share this:', ...menu, 'Like this:'].join('\n\n'));
    expect(result.body).toEqual(['Summer in the park', 'Photos by Jane Roe']);
  });

  it('keeps no byline or date line among the text-like lines, though the text model scores it as text', () => {
    // A page the fuzz test's generator made: its body, cleaned again, lost the date line.
    const page = [
      'Posted by Jane Roe on May 1, 2020',
      '',
      '© 2020 Example',
      '',
      '',
      '',
      'To timetable back at children week and back at island as',
      '',
      '',
      '',
      '\tWas of island harbour café repairs review by but boat had. Island https://x.test/?q=1 was people their harbour new! A with had that and café?',
      '',
      '',
      '',
      'Post a Comment',
      '',
      'Notify me of follow-up comments by email.',
      '',
      '2 thoughts on “The harbour”',
      '',
      '',
      '',
      'J. Doe',
      'May 2, 2020 at 10:00 am',
      'All kept autumn is was said 4.5 boat this this “quoted” hours?',
      'But mayor were repairs the über week and children slowly?',
      'Was it all and kept ferry on and this v1.2.3 in traffic bay they all with.',
      '',
      '',
      '',
      'Menu',
      '',
      'Leave a Reply Cancel reply',
      '',
      'Menu',
      '',
      'Home | News | Sport | Contact',
      '',
      'Skip to content',
    ].join('\n');
    const { body } = clean(page);
    expect(body.join()).not.toContain('May 2, 2020');
    expect(clean(body.join('\n\n')).body).toEqual(body);
  });

  it('leaves a byline and a date at the top of the lines it keeps as the byline and the date', () => {
    const page = ['Skip to content', 'Posted by Jane Roe', 'May 1, 2020', 'Harbour notes', ...SHORT, 'Share this:'].join('\n\n');
    const result = clean(page);
    expect(result.body).toEqual(['Harbour notes', ...SHORT]);
    expect(result.byline).toBe('Posted by Jane Roe');
    expect(result.date).toBe('May 1, 2020');
  });

  it("keeps no reader's header under a section starter, though no comments section could open", () => {
    // A page the fuzz test's generator made: its one paragraph too weak to open the comments below it.
    const page = [
      'Leave a Reply',
      '* Facebook',
      'Post a Comment',
      '',
      'The new ferry?',
      '',
      '   For all of the children the ferry promised that.',
      '',
      'Comments',
      '',
      'sam wrote:',
      '2020-05-02',
      'Parents and boats back in the harbour for the winter!',
      '',
      'Comments are closed.',
    ].join('\n');
    const { body } = clean(page);
    expect(body).toContain('For all of the children the ferry promised that.');
    expect(body.join()).not.toMatch(/sam wrote|2020-05-02/u);
  });

  it('keeps the items of a listing whose one text-like line is a small share of its words', () => {
    const page = ['Skip to content', 'Spring sale: all hand tools ship free this week.', ...items, 'Share this:', 'Like this:'];
    const result = clean(page.join('\n\n'));
    expect(result.body).toContain('Spring sale: all hand tools ship free this week.');
    expect(result.body).toEqual(expect.arrayContaining(items));
    expect(result.body.join()).not.toContain('Share this');
  });

  it('keeps the items of a listing with no known chrome where a line reads as text (a listing cleaned before)', () => {
    const intro: [string, [HintKind, number][]] = ['All hand tools ship free this week.', [['body', 3]]];
    const listing = ['small', 'large'].flatMap((size) => items.map((item): [string, [HintKind, number][]] => [`${item}, ${size}`, [['body', -1]]]));
    expect(decode([intro, ...listing])).toEqual([intro, ...listing].map(() => 'body'));
  });
});

describe('the parts of one input line', () => {
  const rows: [string, [HintKind, number][]][] = [
    ['Menu', [['junk:nav', 4]]],
    ['The council met on Tuesday evening to discuss the new harbour plan.', [['body', 4]]],
    ['The plan moves the ferry terminal to the north side of the bay.', [['body', 2]]],
    ['TRANSFERS', [['junk:nav', 4]]],
    ['The vote went the other way this time, and the plan was dropped.', [['body', 3]]],
  ];

  it('stay in one zone when a cleaner cut one line apart (a glued header and its text)', () => {
    const zones = decode(rows, { sameLine: [2, 3] });
    expect(zones[3]).toBe(zones[2]);
  });

  it('but the cells of a side-by-side layout row are lines of their own', () => {
    expect(decode(rows, { sameLine: [2, 3], cells: true }).slice(1)).toEqual(['body', 'body', 'junk:nav', 'body']);
  });
});

/** A page of hand-made evidence: each row is a line's text and its hints (kind, log-odds). */
function decode(rows: [string, [HintKind, number][]][], parts: { sameLine?: [number, number]; cells?: boolean } = {}): Zone[] {
  const doc = toDoc(rows.map(([text]) => text).join('\n'), 'test');
  doc.lines.forEach((line, i) => {
    for (const [kind, weight] of rows[i][1]) addHint(line, kind, weight, 'test', 'given');
  });
  // Lines i and j as parts of one input line, as split-glued or split-cells leave them.
  if (parts.sameLine) {
    const [i, j] = parts.sameLine;
    doc.lines[j].n = doc.lines[i].n;
    if (parts.cells) doc.lines[i].cell = doc.lines[j].cell = true;
  }
  zoneDecoder.run(doc, defaultOptions);
  return doc.lines.map((l) => l.zone);
}

describe('where the article opens', () => {
  it('out of the chrome, on a line that reads as text; under a date, on the next line, which keeps the date', () => {
    const rows: [string, [HintKind, number][]][] = [
      ['Menu', [['body', -2]]],
      ['Harbour reopens after the storms', [['title', 3], ['body', -1]]],
      ['May 1, 2020', [['date', 2.5], ['body', -1]]],
      ['Photos: Jane Roe', [['body', -0.5]]],
      ['The harbour reopened on Monday after a week of storms.', [['body', 3]]],
      ['Fishermen were back at sea by noon.', [['body', 3]]],
    ];
    expect(decode(rows)).toEqual(['junk:nav', 'title', 'date', 'body', 'body', 'body']);
    // The site's chrome shown below, so that the page does not read as text cleaned before.
    const share: [string, [HintKind, number][]] = ['Share this:', [['junk:share', 4]]];
    expect(decode([rows[0], rows[3], rows[4], rows[5], share]).slice(1, 4)).toEqual(['junk:nav', 'body', 'body']);
  });

  it("takes the software's own date line under the headline as the date, though its phrase is chrome's", () => {
    const rows: [string, [HintKind, number][]][] = [
      ['Menu', [['body', -2]]],
      ['Harbour reopens after the storms', [['title', 3], ['body', -1]]],
      ['Posted on May 1, 2020 by Jane Roe', [['junk:meta', 4], ['article-end', 4], ['date', 2.5], ['body', -1]]],
      ['The harbour reopened on Monday after a week of storms.', [['body', 3]]],
      ['Fishermen were back at sea by noon.', [['body', 3]]],
    ];
    expect(decode(rows)).toEqual(['junk:nav', 'title', 'date', 'body', 'body']);
  });
});

describe('numbered items after the article', () => {
  // Short sentences score as text in the comments, so without the rule the comments would take them.
  const steps: [string, [HintKind, number][]][] = [
    ['1. Rinse the jug with cold water and leave it to dry on the rack overnight.', [['body', 2], ['comment', 2]]],
    ['2. Descale the element once a month with a cup of vinegar and a full jug of water.', [['body', 2], ['comment', 2]]],
    ['Let it stand now.', [['body', -1.5]]],
    ['Then pour it away.', [['body', -1.5]]],
    ['Rinse it twice more.', [['body', -1.5]]],
    ['Wipe the base dry.', [['body', -1.5]]],
    ['Put the lid back on.', [['body', -1.5]]],
    ['Keep the cable tidy.', [['body', -1.5]]],
    ['Store it somewhere dry.', [['body', -1.5]]],
  ];
  const article: [string, [HintKind, number][]][] = [
    ['Menu', [['junk:nav', 3]]],
    ['A kettle lasts for years when it is cared for, and that takes a minute a week.', [['body', 3]]],
    ['Share this:', [['junk:share', 4]]],
  ];

  it('are no comments without a sure comment header above them (a how-to numbers its steps)', () => {
    const zones = decode([...article, ...steps]);
    expect(zones.filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it("are no comments under the article's own byline, a header above all running text", () => {
    const byline: [string, [HintKind, number][]] = ['by Jane Roe - 2024-03-12', [['comment-header', 3], ['byline', 2]]];
    const zones = decode([article[0], byline, ...article.slice(1), ...steps]);
    expect(zones.filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it('are comments below a sure comment header', () => {
    const zones = decode([...article, ['Jane Roe says:', [['comment-header', 4]]], ...steps]);
    expect(zones.slice(3, 6)).toEqual(['comment-header', 'comment', 'comment']);
  });
});

describe('a line repeated after each item of a listing', () => {
  const teasers = ['Library opens a tool shed', 'Volunteers repaint the footbridge', 'New bus stop by the clinic', 'Choir looks for tenors'];
  const listing: [string, [HintKind, number][]][] = teasers.flatMap((title): [string, [HintKind, number][]][] => [
    [title, [['body', 0.5]]],
    [`${title}: the story in a sentence.`, [['body', 0.5]]],
    ['Read more', [['junk:meta', 3], ['body', -1]]],
  ]);

  it('separates the items, which stay text, and is chrome itself', () => {
    const intro: [string, [HintKind, number][]] = ['What happened in the village this week, in short.', [['body', 2.5]]];
    const zones = decode([['Menu', [['junk:nav', 3]]], intro, ...listing]);
    expect(zones.slice(2).filter((z) => z === 'body')).toHaveLength(2 * teasers.length);
    expect(zones.filter((z, i) => i % 3 === 1 && i > 1)).toEqual(teasers.map(() => 'junk:meta'));
  });

  it('ends an article: the teasers after running text lead to other pages', () => {
    const article: [string, [HintKind, number][]][] = [1, 2, 3].map((k) => [`Paragraph ${k} of the story, long enough to be running text.`, [['body', 3]]]);
    const zones = decode([['Menu', [['junk:nav', 3]]], ...article, ...listing]);
    expect(zones.slice(1, 4)).toEqual(['body', 'body', 'body']);
    // The first teaser may pass for the article's last lines; the others do not.
    expect(zones.slice(7).filter((z) => z === 'body')).toEqual([]);
  });
});

describe('post footers that recur under comments', () => {
  it('are comment headers below their text, not the end of the article each time', () => {
    const story = [
      'The harbour reopened on Monday after a week of storms kept every boat in the bay, and the fishing crews went straight back to sea.',
      'Fishermen said the damage was smaller than they had feared, though two of the old wooden jetties will have to be rebuilt this spring.',
    ];
    const comments = [
      ['Glad to hear the boats are out again, the whole town depends on them.', 'Ann Lee', 'May 20, 2012 at 12:55 AM'],
      ['My uncle lost his nets in the storm but he is back out this week.', 'Tom Reyes', 'May 19, 2012 at 08:36 PM'],
      ['Does anyone know when the ferry timetable goes back to normal?', 'Mia Chen', 'May 18, 2012 at 08:40 AM'],
    ];
    // TypePad prints "Posted by: NAME | DATE" under each comment; Blogger's post footer reads "Posted by NAME at TIME".
    const page = [
      'Harbour Town Journal',
      'Harbour reopens after the storms',
      ...story,
      'Posted at 11:01 AM | Permalink',
      'Comments',
      ...comments.flatMap(([text, author, date]) => [text, `Posted by: ${author} | ${date}`]),
      'Post a comment',
    ];
    const result = clean(page.join('\n\n'));
    expect(result.body).toEqual(story);
    expect(result.comments).toEqual(comments.map(([text, author, date]) => ({ author, date, text })));
  });
});

describe('links between a comment header and its text', () => {
  it('do not keep the text out of the comment ("Log in to Reply" under each header)', () => {
    const comment = (name: string): [string, [HintKind, number][]][] => [
      [name, [['comment-header', 3]]],
      ['Log in to Reply', [['junk:comment-meta', 4]]],
      [`${name.split(' ')[0]},`, [['body', -1]]],
      ['I had not heard of it before either, thanks.', [['body', 0.5]]],
    ];
    const zones = decode([
      ['A story that is long enough to be running text, about the harbour and its boats.', [['body', 3]]],
      ['12 Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ...comment('Ann Lee'),
      ...comment('Tom Reyes'),
    ]);
    expect(zones.slice(2)).toEqual(
      [1, 2].flatMap(() => ['comment-header', 'junk:comment-meta', 'comment', 'comment']),
    );
  });
});

describe('a short comment right under its header', () => {
  const ARTICLE: [string, [HintKind, number][]] = ['A story that is long enough to be running text, about the harbour and its boats.', [['body', 3]]];
  const STARTER: [string, [HintKind, number][]] = ['3 Comments', [['comments-start', 4], ['junk:comment-form', 4]]];

  it('is the comment\'s text, though the text model doubts it ("spot on", "Well done!")', () => {
    const zones = decode([
      ARTICLE,
      STARTER,
      ['Ann Lee says:', [['comment-header', 4]]],
      ['spot on', [['body', -0.5]]],
      ['Tom Reyes says:', [['comment-header', 4]]],
      ['Avatar', [['junk:comment-meta', 4]]],
      ['Well done!', [['body', -3]]],
      ['Mia Chen says:', [['comment-header', 4]]],
      ['I had not heard of it before either, thanks for the tip.', [['body', 0.5]]],
    ]);
    expect(zones.slice(2)).toEqual(['comment-header', 'comment', 'comment-header', 'junk:comment-meta', 'comment', 'comment-header', 'comment']);
  });

  it('but a list item under a header is a link ("+ News" under each teaser\'s byline)', () => {
    const zones = decode([
      ARTICLE,
      STARTER,
      ['Ann Lee says:', [['comment-header', 4]]],
      ['+ News', [['body', -0.5]]],
      ['Tom Reyes says:', [['comment-header', 4]]],
      ['I had not heard of it before either, thanks for the tip.', [['body', 0.5]]],
    ]);
    expect(zones[3]).not.toBe('comment');
  });
});

describe('a dated series by one writer', () => {
  it('is no comment list, though the weekday in each header differs', () => {
    const story = [
      'The council met on Monday to agree the budget for the harbour, and the vote was closer than anyone had expected.',
      'Two members abstained, and the mayor said the repairs to the north pier would start in the spring if the weather allowed.',
      'The ferry company welcomed the decision and promised to keep the timetable unchanged while the work goes on.',
    ];
    const earlier = ['Tuesday, May 1', 'Wednesday, May 2', 'Thursday, May 3'].flatMap((day) => [
      `The Morning Note, ${day}, 2012`,
      `What the council decided on ${day.split(',')[0]}, in brief, with the figures and the votes.`,
    ]);
    const page = ['The Morning Note, Monday, May 7, 2012', ...story, 'Share this:', 'More from the series', ...earlier];
    expect(clean(page.join('\n\n')).comments).toEqual([]);
  });

  it('is not the name software prints for readers who give none', () => {
    const story = [
      'The council met on Monday to agree the budget for the harbour, and the vote was closer than anyone had expected.',
      'Two members abstained, and the mayor said the repairs to the north pier would start in the spring if the weather allowed.',
    ];
    const replies = ['About time the pier got fixed.', 'Will the ferry run all summer?', 'My nets are ready.'].flatMap((text, k) => [
      'Anonymous said...',
      text,
      `May ${k + 2}, 2012 8:1${k} PM`,
    ]);
    const result = clean([...story, 'Share this:', '3 comments:', ...replies].join('\n\n'));
    expect(result.comments.map((c) => c.author)).toEqual(['Anonymous', 'Anonymous', 'Anonymous']);
  });
});

describe('a run of list items after the last comment', () => {
  /** Zones of a page whose one comment and its form are followed by `lines`. */
  const afterLastComment = (lines: string[]) =>
    decode([
      ['A story that is long enough to be running text, about the harbour and its boats.', [['body', 3]]],
      ['12 Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ['Ann Lee says:', [['comment-header', 4]]],
      ['Lovely to see the boats out again.', [['body', 0.5]]],
      ['Leave a Reply', [['junk:comment-form', 4]]],
      ...lines.map((text): [string, [HintKind, number][]] => [text, [['body', -0.4]]]),
    ]);

  it('is the sidebar, though its items read like sentences', () => {
    const links = [
      'Harbour Webcam Watch the boats come in.',
      'Tide Tables Plan your walk on the sands.',
      'Ferry Times Never miss the last boat home.',
      'Town Guide Where to eat and where to stay.',
      'Sailing Club Lessons for every age.',
      'Lifeboat Appeal Help keep the crew at sea.',
    ];
    const zones = afterLastComment(links.map((text) => `* ${text}`));
    expect(zones.slice(2, 4)).toEqual(['comment-header', 'comment']);
    expect(zones.slice(5).filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it('and so is a run of teasers the site cut short', () => {
    const teasers = [
      '27463 Views Cool headboard ideas to improve your bedroom …',
      '19137 Views A residential project inspiring well-…',
      '8178 Views Christmas decorations ideas bringing the…',
      '8104 Views Room design ideas for teenage girls and…',
      '7580 Views Small and functional bathroom designs for…',
      '6676 Views Wonderful living room design ideas with…',
    ];
    const zones = afterLastComment(teasers);
    expect(zones.slice(2, 4)).toEqual(['comment-header', 'comment']);
    expect(zones.slice(5).filter((z) => z.startsWith('comment'))).toEqual([]);
  });
});

describe('a recent-comments widget after the comments', () => {
  const story = [
    'Harbour reopens after the storm',
    'The harbour reopened on Monday after a week of storms kept every boat in the bay, and the council said the pier would be repaired before summer.',
    'Fishermen were back at sea by noon, and the ferry timetable returned to normal in the afternoon, the harbour master said.',
  ];
  const comment = (name: string, date: string, text: string) => [`${name} says:`, date, text, 'Reply'];

  it('is no comments: its teasers are cut short, with a name and date line between them', () => {
    const widget = [
      'Recent Comments',
      'Tom Baker on 11/12/12',
      'One tip I would give is the use of QR c...',
      'Tom Baker on 11/12/12',
      'The ferry should run later in the summe...',
      'Jo Park on 11/11/12',
      'I am really curious about the new pie...',
    ];
    const page = [...story, '1 Comment', ...comment('Ann Lee', 'May 2, 2020 at 10:00 am', 'Lovely to see the boats out again after such a long week.'), 'Leave a Reply', ...widget];
    expect(clean(page.join('\n\n')).comments.map((c) => c.author)).toEqual(['Ann Lee']);
  });

  it('but a comment trailing off stays one, next to a "Load more..." link', () => {
    const page = [
      ...story,
      '2 Comments',
      ...comment('Ann Lee', 'May 2, 2020 at 10:00 am', 'Lovely to see the boats out again after such a long week.'),
      ...comment('Sam Roe', 'May 3, 2020 at 9:00 am', 'Bravo. I wish the ferry ran all year....'),
      'Load more...',
      'Leave a Reply',
    ];
    expect(clean(page.join('\n\n')).comments.map((c) => c.text)).toEqual([
      'Lovely to see the boats out again after such a long week.',
      'Bravo. I wish the ferry ran all year....',
    ]);
  });
});

describe('comment headers where no line reads as running text', () => {
  const weakArticle: [string, [HintKind, number][]][] = [
    ['Menu', [['junk:nav', 4]]],
    ['Harbour reopens', [['body', -0.5]]],
    ['The boats went back out at noon, the council said.', [['body', 1]]],
  ];
  const comment = (name: string, date: string, text: string): [string, [HintKind, number][]][] => [
    [name, [['comment-header', 2.5], ['body', -0.5]]],
    [date, [['comment-header', 1], ['date', 2.5], ['body', -1]]],
    [text, [['body', 1.2]]],
  ];

  it('open the comments after a section starter when each is a name line above a date line', () => {
    const zones = decode([
      ...weakArticle,
      ['3 Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ...comment('Jane Roe', 'May 2, 2020', 'Glad the boats are out again, the town needs them.'),
      ...comment('Sam Lee', 'May 3, 2020', 'Does anyone know when the ferry runs again?'),
    ]);
    expect(zones[2]).toBe('body');
    expect(zones.slice(4)).toEqual(['comment-header', 'comment-header', 'comment', 'comment-header', 'comment-header', 'comment']);
  });

  it("open the comments after the comment form's heading printed above them, not after a field label", () => {
    const said = (name: string, text: string): [string, [HintKind, number][]][] => [
      [`${name} says:`, [['comment-header', 4], ['body', 1]]],
      [text, [['body', 1.2]]],
    ];
    const page = (form: string) =>
      decode([
        ...weakArticle,
        [form, [['junk:comment-form', 4]]],
        ...said('Jane Roe', 'Glad the boats are out again, the town needs them.'),
        ...said('Sam Lee', 'Does anyone know when the ferry runs again?'),
        ...said('Ann Cole', 'My uncle lost his nets in the storm but he is back out.'),
      ]);
    expect(page('Leave a Reply').slice(4)).toEqual(['comment-header', 'comment', 'comment-header', 'comment', 'comment-header', 'comment']);
    expect(page('Email').slice(4).filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it('open the comments after a section starter when each closes its text below it, a whole comment after the starter', () => {
    const posted = (name: string, text: string[]): [string, [HintKind, number][]][] => [
      ...text.map((line): [string, [HintKind, number][]] => [line, [['body', 1.1]]]),
      [`Posted by: ${name} | May 2, 2020 at 08:42 PM`, [['comment-header', 4], ['body', 0.3]]],
    ];
    const zones = decode([
      ...weakArticle,
      ['Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ...posted('Jane Roe', ['Dear harbour master,', 'Glad the boats are out again, the town needs them.', 'We missed the fish market all winter long.', 'Best wishes from up the hill.']),
      ...posted('Sam Lee', ['Does anyone know when the ferry runs again?']),
      ...posted('Ann Cole', ['My uncle lost his nets in the storm but he is back out.']),
    ]);
    expect(zones[2]).toBe('body');
    expect(zones.slice(5).filter((z) => z === 'comment-header')).toHaveLength(3);
    expect(zones.slice(5).filter((z) => z === 'body')).toEqual([]);
  });

  it('open the comments with one sure header under a starter that announces one comment', () => {
    const page = (starter: string, single: boolean) => {
      const doc = toDoc([...weakArticle.map(([text]) => text), starter, 'Jane Roe said...', 'Glad the boats are out again, the town needs them.'].join('\n'), 'test');
      weakArticle.forEach(([, hints], i) => hints.forEach(([kind, weight]) => addHint(doc.lines[i], kind, weight, 'test', 'given')));
      const start = addHint(doc.lines[3], 'comments-start', 4, 'test', 'given');
      if (single) start.single = true;
      addHint(doc.lines[3], 'junk:comment-form', 4, 'test', 'given');
      addHint(doc.lines[4], 'comment-header', 4, 'test', 'given');
      addHint(doc.lines[5], 'body', -1, 'test', 'given');
      zoneDecoder.run(doc, defaultOptions);
      return doc.lines.slice(4).map((l) => l.zone);
    };
    expect(page('1 comment:', true)).toEqual(['comment-header', 'comment']);
    // One header under "Comments" may be a byline in a list of posts.
    expect(page('Comments', false)).not.toContain('comment');
  });

  it('do not open the article: a body never starts on a sure comment header', () => {
    const zones = decode([
      ['Harbour reopens', [['title', 2], ['body', -1]]],
      ['Leave a Reply', [['junk:comment-form', 4]]],
      ['Jane Roe says:', [['comment-header', 4], ['body', 1]]],
      ['Glad the boats are out again, the town needs them.', [['body', 1.2]]],
    ]);
    expect(zones.slice(2)).toEqual(['junk:nav', 'body']);
  });

  it('nor on a name line over a date line, a header as sure taken together', () => {
    const zones = decode([
      ['Harbour reopens', [['title', 2], ['body', -1]]],
      ['Leave a Reply', [['junk:comment-form', 4]]],
      ['sam', [['comment-header', 2.5], ['body', 1]]],
      ['12/05/2019 14:05', [['comment-header', 1], ['body', 0.8]]],
      ['Glad the boats are out again, the town needs them.', [['body', 1.2]]],
    ]);
    expect(zones[2]).not.toBe('body');
    expect(zones[4]).toBe('body');
  });
});

describe('a comment form between the section starter and the comments', () => {
  it('does not count against the reach within which a header confirms the starter', () => {
    const form: [string, [HintKind, number][]][] = [
      ['Click here to cancel reply.', [['junk:comment-form', 4]]],
      ['* [avatar.png]', [['body', -1.3]]],
      ['*', [['body', -3.3]]],
      ['* Name ______________________', [['junk:comment-form', 4]]],
      ['* Email address ______________________', [['junk:subscribe', 4]]],
      ['* Site ______________________', [['junk:comment-form', 4]]],
      ['________________________________________', [['body', -3.7]]],
      ['________________________________________', [['body', -3.9]]],
      ['________________________________________', [['body', -3.7]]],
      ['Comment', [['junk:comment-form', 4]]],
      ['[ ] Notify me of follow-up comments via email.', [['junk:subscribe', 4]]],
      ['Submit', [['junk:comment-form', 4]]],
    ];
    const comment = (header: string, text: string): [string, [HintKind, number][]][] => [
      [header, [['comment-header', 3], ['date', 2.5], ['body', -0.7]]],
      [text, [['body', -0.8]]],
      ['Reply /', [['junk:comment-meta', 4]]],
      ['Share', [['junk:comment-meta', 4]]],
    ];
    const zones = decode([
      ['Menu', [['body', -2]]],
      ['The harbour reopened on Monday after a week of storms kept every boat in the bay.', [['body', 3]]],
      ['Fishermen said the damage was smaller than they had feared this time.', [['body', 3]]],
      ['Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ...form,
      ...comment('1. tidewatcher Monday, November 5 2012', 'Glad the boats are out again.'),
    ]);
    expect(zones.slice(4 + form.length, 6 + form.length)).toEqual(['comment-header', 'comment']);
  });
});

describe('a forum thread whose posts are numbered from the opening one', () => {
  const post = (n: number, name: string, text: string[], quote?: string): [string, [HintKind, number][]][] => [
    [name, [['body', -0.8]]],
    ['* Mar 3, 2024', [['date', 2.5], ['body', -1.1]]],
    [`* #${n}`, [['body', -1.3]]],
    ...(quote ? [[`${quote} said:`, [['comment-header', 4], ['body', 0.3]]] as [string, [HintKind, number][]]] : []),
    ...text.map((line): [string, [HintKind, number][]] => [line, [['body', 0.3]]]),
    ['* Like', [['junk:comment-meta', 4]]],
  ];
  const thread = [
    ['Forums', [['junk:nav', 4]]],
    ['Best antenna for a small balcony?', [['title', 1], ['body', -1]]],
    ...post(1, 'saltmarsh', ['The indoor antenna picks up mostly noise here.', 'Has anyone had luck with a loop on a railing?']),
    ...post(2, 'tidewatcher', ['A small magnetic loop works well in town.']),
    ...post(3, 'quaymaster', ['Mine sat on the railing for two winters.'], 'saltmarsh'),
    ...post(4, 'saltmarsh', ['Thanks both, I ordered a loop kit.']),
  ] as [string, [HintKind, number][]][];

  it('reads every post as the page text, quotes too, and opens no comments', () => {
    const zones = decode(thread);
    const text = thread.flatMap(([line], i) => (zones[i] === 'body' ? [line] : []));
    expect(text).toEqual([
      'The indoor antenna picks up mostly noise here.',
      'Has anyone had luck with a loop on a railing?',
      'A small magnetic loop works well in town.',
      'Mine sat on the railing for two winters.',
      'Thanks both, I ordered a loop kit.',
    ]);
    expect(zones.filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it('reads the number some software prints after each post\'s date ("tidewatcher May 3, 2024, 11:39am 2")', () => {
    const dated = thread.flatMap(([line, hints], i): [string, [HintKind, number][]][] => {
      const number = /^\* #(\d)$/u.exec(line);
      if (line === '* Mar 3, 2024') return [];
      return number ? [[`${thread[i - 2][0]} May 3, 2024, 11:3${number[1]}am ${number[1]}`, [['date', 2.5], ['body', -1.2]]]] : [[line, hints]];
    });
    const zones = decode(dated);
    const numbered = decode(thread);
    const text = thread.flatMap(([line], i) => (numbered[i] === 'body' ? [line] : []));
    expect(dated.filter((_, i) => zones[i] === 'body').map(([line]) => line)).toEqual(text);
    expect(zones.filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it("knows a thread by its posters' profiles above the opening post, but not comments with profiles under an article", () => {
    const profiled = (name: string, text: string): [string, [HintKind, number][]][] => [
      [name, [['body', -0.8]]],
      ['Posts: 1,204', [['body', -1.5]]],
      ['Joined: Mar 2019', [['date', 2.5], ['body', -1.5]]],
      [text, [['body', 0.3]]],
      ['Reply Quote', [['junk:comment-meta', 4]]],
    ];
    const posts = [
      ...profiled('saltmarsh', 'The indoor antenna picks up mostly noise here.'),
      ...profiled('tidewatcher', 'A small magnetic loop works well in town.'),
      ...profiled('quaymaster', 'Mine sat on the railing for two winters.'),
    ];
    const forum = [['Best antenna for a small balcony?', [['title', 1], ['body', -1]]], ...posts] as [string, [HintKind, number][]][];
    const zones = decode(forum);
    expect(forum.filter((_, i) => zones[i] === 'body').map(([line]) => line)).toEqual([
      'The indoor antenna picks up mostly noise here.',
      'A small magnetic loop works well in town.',
      'Mine sat on the railing for two winters.',
    ]);
    // Under an article the same lines are comments' profiles: they change nothing.
    const article = (rows: [string, [HintKind, number][]][]) =>
      [
        ['The harbour reopened on Monday after a week of storms kept every boat in the bay.', [['body', 3]]],
        ['Fishermen said the damage was smaller than they had feared this time.', [['body', 3]]],
        ...rows,
      ] as [string, [HintKind, number][]][];
    const unprofiled = posts.map(([line, hints]): [string, [HintKind, number][]] => [line.replace(/^(Posts|Joined): /u, 'Rank '), hints]);
    expect(decode(article(posts))).toEqual(decode(article(unprofiled)));
    // phpBB's words in German.
    const german = forum.map(([line, hints]): [string, [HintKind, number][]] => [
      line.replace(/^Posts: (\d),(\d+)$/u, 'Beiträge: $1.$2').replace(/^Joined: Mar 2019$/u, 'Registriert: Mo 4. Mär 2019'),
      hints,
    ]);
    expect(german.some(([line]) => line.startsWith('Beiträge'))).toBe(true);
    expect(decode(german)).toEqual(zones);
  });

  it('is not a ranked chart, whose numbers head titles and no sentences: the numbers change nothing', () => {
    const chart = (mark: string) =>
      [
        ['Most popular films this week', [['title', 1], ['body', -1]]],
        ['The staff picked these from the readers\u2019 votes over the weekend, and the list changes every Monday.', [['body', 2.5]]],
        ...[1, 2, 3, 4].flatMap((n): [string, [HintKind, number][]][] => [
          [`${mark}${n}`, [['body', -1.3]]],
          [`Harbour Lights ${n}`, [['body', -0.4]]],
          ['2h 10m', [['body', -1.5]]],
        ]),
      ] as [string, [HintKind, number][]][];
    expect(decode(chart('#'))).toEqual(decode(chart('No. ')));
  });
});

describe('chrome between the article and its comments', () => {
  it('is not article text: the comments may open from it as from end-of-article chrome', () => {
    const zones = decode([
      ['Menu', [['body', -2]]],
      ['The harbour reopened on Monday after a week of storms kept every boat in the bay.', [['body', 3]]],
      ['Fishermen said the damage was smaller than they had feared this time.', [['body', 3]]],
      ['[logo.png]', [['body', -1.2]]],
      ['3 Comments', [['comments-start', 4], ['junk:comment-form', 4]]],
      ['Jane Roe says:', [['comment-header', 4]]],
      ['Glad the boats are out again, the town needs them.', [['body', 1.5]]],
      ['Sam Lee says:', [['comment-header', 4]]],
      ['Does anyone know when the ferry runs again?', [['body', 1.5]]],
    ]);
    expect(zones.slice(1, 3)).toEqual(['body', 'body']);
    expect(zones[3]).toMatch(/^junk:/);
    expect(zones.slice(5)).toEqual(['comment-header', 'comment', 'comment-header', 'comment']);
  });
});

describe('an embedded frame or an image shown by its file name inside the article', () => {
  it('leaves the text, and the article goes on around it', () => {
    const dump = [
      'Harbour reopens after the storms',
      '',
      'The harbour reopened on Monday after a week of storms had kept every boat in the bay, the council said.',
      '',
      'IFRAME: https://video.example/embed/x7Yq2?autoplay=0&rel=1&showinfo=0',
      '',
      'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.',
      '',
      '[harbour-pier_2048x1365.jpg]',
      '',
      'The mayor promised a review of the repairs to the old pier before the autumn storms.',
    ].join('\n');
    const result = clean(dump);
    expect(result.body).toEqual([
      'The harbour reopened on Monday after a week of storms had kept every boat in the bay, the council said.',
      'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.',
      'The mayor promised a review of the repairs to the old pier before the autumn storms.',
    ]);
    expect(clean(dump, { keepJunk: true }).junk).toEqual(
      expect.arrayContaining([
        { kind: 'ad', text: 'IFRAME: https://video.example/embed/x7Yq2?autoplay=0&rel=1&showinfo=0' },
        { kind: 'boilerplate', text: '[harbour-pier_2048x1365.jpg]' },
      ]),
    );
  });
});

describe('a section starter made of the software\'s phrases only', () => {
  it('opens the comments as surely as a lone phrase does ("one comment – permalink")', () => {
    const dump = [
      ...HARBOUR_STORY,
      '* Pin It',
      '* Tweet',
      '',
      'one comment – permalink',
      'Jane Roe',
      '11/06/12 at 12:15 pm',
      '',
      'So glad to see the boats out again!',
      '',
      'Leave a Comment',
      'Name (required)',
    ].join('\n');
    expect(clean(dump).comments).toEqual([{ author: 'Jane Roe', date: '11/06/12 at 12:15 pm', text: 'So glad to see the boats out again!' }]);
  });
});

describe("a comment's later lines", () => {
  it('are its text up to the next header, however short', () => {
    const dump = [
      ...HARBOUR_STORY,
      '2 Comments',
      '',
      'Jane Roe says:',
      'May 2, 2020 at 10:00 am',
      'The new railings on the pier are a real improvement for the town.',
      'Cheers, Jane',
      '',
      'Sam Hill says:',
      'May 3, 2020 at 9:15 am',
      'Glad to see the boats back out.',
      '',
      'Leave a Reply',
    ].join('\n');
    expect(clean(dump).comments.map((c) => c.text)).toEqual([
      'The new railings on the pier are a real improvement for the town.\nCheers, Jane',
      'Glad to see the boats back out.',
    ]);
  });
});

describe('sentences far below the last comment', () => {
  it('are a sidebar\'s blurbs, not comments, where a dump has lost their list markers', () => {
    const blurbs = [
      'Tidewatch Tide tables for every pier.',
      'Ferryfinder Timetables in your pocket.',
      'Gullcam Live pictures of the bay.',
      'Knots Weather for sailors, made simple.',
      'Harbour Radio Music and news from the quay.',
      'Pier Notes Stories from the boardwalk.',
    ];
    const dump = [
      ...HARBOUR_STORY,
      '1 comment',
      'Sam Hill says:',
      'May 3, 2020 at 9:15 am',
      'Glad to see the boats back out.',
      'Reply',
      'Leave a reply (Cancel reply)',
      'Name:',
      'Email:',
      'Submit comment',
      'Notify me of follow-up comments by email.',
      'Blog Home',
      'About me',
      'Subscribe to RSS',
      'Stuff I am working on',
      'Tweets by the harbour office',
      'Latest articles',
      'Ferry timetable changes for winter',
      'Council backs the new pier',
      ...blurbs,
    ].join('\n');
    expect(clean(dump).comments).toEqual([{ author: 'Sam Hill', date: 'May 3, 2020 at 9:15 am', text: 'Glad to see the boats back out.' }]);
  });
});

describe('comments whose headers close them (TypePad)', () => {
  it('keep a short text under the commenter\'s name', () => {
    const dump = [
      ...HARBOUR_STORY,
      'Comments',
      '',
      'Sam Roe',
      '',
      'I walked the whole pier this morning and the new railings are a real improvement for the town.',
      '',
      'Posted by: Sam Roe | October 10, 2012 at 09:01 AM',
      'nadia',
      '',
      "wooow, it's great!",
      '',
      'Posted by: nadia | October 11, 2012 at 05:01 AM',
      'Ana Lopes',
      '',
      'The ferry was on time for once, and the harbour looked lovely in the fog.',
      '',
      'Posted by: Ana Lopes | October 12, 2012 at 07:30 PM',
      '',
      'The comments to this entry are closed.',
    ].join('\n');
    const comments = clean(dump).comments;
    expect(comments.map((c) => c.author)).toEqual(['Sam Roe', 'nadia', 'Ana Lopes']);
    expect(comments.map((c) => c.text)[1]).toBe("wooow, it's great!");
    expect(comments[2].text).not.toContain('Ana Lopes');
  });
});

describe('a comment that ends in an emoticon', () => {
  it('is a sentence under a name over a date, as one ending in a full stop is', () => {
    const dump = [
      ...HARBOUR_STORY,
      'Comments',
      '',
      'Mita Brown',
      '',
      '3 hours ago',
      '',
      'I always walk the pier at dawn, it is quiet and easy. very useful tips thanks!',
      '',
      'Aideen Olsen',
      '',
      '7 hours ago',
      '',
      'I have never thought to go before the ferry leaves, thanks for the tip :)',
      '',
      'Follow Us',
    ].join('\n');
    expect(clean(dump).comments.map((c) => c.author)).toEqual(['Mita Brown', 'Aideen Olsen']);
  });
});

describe('a formula as lynx shows its markup', () => {
  it('leaves the text around it, and is kept by no guard', () => {
    const formula = '[MATH: <mi> a </mi> <msup> <mi> x </mi> <mn> 2 </mn> </msup> <mo> + </mo> <mi> c </mi> <mo> = </mo> <mn> 0 </mn> :MATH]';
    const article = [
      'Quadratic equations',
      '',
      'A quadratic equation has at most two solutions, and the formula below gives both of them at once.',
      '',
      formula,
      '',
      'The sign under the root tells whether the two solutions are real numbers or a complex pair.',
    ];
    expect(clean(article.join('\n')).body).toEqual([article[2], article[6]]);
    // A page of short lines keeps its words, not the formulas' markup.
    const { body } = clean(['When', formula, 'there are two solutions to', formula, 'and they are', formula].join('\n'));
    expect(body).toContain('there are two solutions to');
    expect(body.some((line) => line.includes('[MATH:'))).toBe(false);
  });
});

describe('a post without running text above its comments', () => {
  const replies = [
    'Jane Roe says:',
    'May 2, 2020 at 10:00 am',
    'Does the update work on the older model too? Mine still shows the old version.',
    '',
    'Sam Poe says:',
    'May 3, 2020 at 9:12 am',
    'Installed it last night and the camera really is quicker now, thanks for the list.',
  ];
  const starter = '12 Responses to “Phone software update v4.2”';

  it('has its comments, with a rule between the section starter and the first header', () => {
    const post = ['Phone software update v4.2', '', 'CHANGES', '- Fix for call hang', '- Faster camera start', ''];
    const dump = [...post, starter, '', 'Subscribe to this entry', '____________________________________________', '', ...replies];
    expect(clean(dump.join('\n')).comments.map((c) => c.author)).toEqual(['Jane Roe', 'Sam Poe']);
  });

  it('keeps as its text neither a rule nor the chrome under the section starter', () => {
    const post = ['Phone software update v4.2', '', 'CHANGES', '____________________', 'Camera and email', ''];
    const result = clean([...post, starter, 'Subscribe to this entry', '', ...replies].join('\n'));
    expect(result.body).toEqual(['CHANGES', 'Camera and email']);
    expect(result.comments.map((c) => c.author)).toEqual(['Jane Roe', 'Sam Poe']);
  });
});

describe('links to other stories after the article', () => {
  const story = [
    'Harbour reopens after the storms',
    '',
    'The harbour reopened on Monday after a week of storms had kept every boat in the bay, the council said.',
    '',
    'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.',
    '',
    'The mayor promised a review of the repairs to the old pier before the autumn storms.',
    '',
  ];

  it('are no comments when bylines sit over headlines in title case', () => {
    const list = [
      'Share this:',
      '* Facebook',
      '* Twitter',
      'Most Read',
      '',
      '1. Will The Ferry Finally Run All Year Round?',
      'By Jane Roe | November 13, 2012',
      '2. Why The Island School Wants A Later Bus Service.',
      'By Sam Poe | November 13, 2012',
      '3. The Pier Repairs Nobody Wanted To Pay For, Explained.',
      'By Ann Lee | November 12, 2012',
      '4. Fishermen Count The Cost Of A Week Ashore.',
      'By Tom Baker | November 12, 2012',
    ];
    const result = clean([...story, ...list].join('\n'));
    expect(result.comments).toEqual([]);
    expect(result.body).toHaveLength(3);
  });

  it('are no text when several headlines follow the last paragraph in a row', () => {
    const teasers = [
      'Island school children will take the early ferry from next week',
      'Council agrees the budget for the new library on the quay',
      'Fishermen ask for a later market on Saturdays in the summer',
      'Ferry company orders a second boat for the winter timetable',
      'Choir looks for tenors before the harbour festival in June',
    ];
    const { body } = clean(['Skip to content', '', ...story, ...teasers.flatMap((t) => [t, ''])].join('\n'));
    expect(body).toEqual([story[2], story[4], story[6]]);
  });

  it('but stay where no chrome is known (a list cleaned before)', () => {
    const teasers = ['Island school children will take the early ferry from next week', 'Council agrees the budget for the new library on the quay'];
    const list = [...teasers, 'Fishermen ask for a later market on Saturdays in the summer', 'Ferry company orders a second boat for the winter timetable'];
    const { body } = clean([...story, ...list.flatMap((t) => [t, ''])].join('\n'));
    expect(body).toEqual([story[2], story[4], story[6], ...list]);
  });
});

describe('a link onwards after the article', () => {
  it('is chrome even when it reads like a sentence', () => {
    const dump = [
      ...HARBOUR_STORY,
      "Next: what the new ferry timetable means for the island's school children »",
      '',
      '© 2024 Harbour News',
    ].join('\n');
    const result = clean(dump, { keepJunk: true });
    expect(result.body).toEqual([HARBOUR_STORY[2], HARBOUR_STORY[4]]);
    expect(result.junk).toContainEqual({ kind: 'nav', text: "Next: what the new ferry timetable means for the island's school children »" });
  });
});

describe('dated items after the article, with no section starter', () => {
  const article: [string, [HintKind, number][]][] = [
    ['Menu', [['junk:nav', 3]]],
    ...[1, 2, 3].map((k): [string, [HintKind, number][]] => [`Paragraph ${k}. ${SENTENCE}`, [['body', 3]]]),
    ['Share this:', [['junk:share', 4]]],
  ];
  const titles = ['Ferry adds a late boat', 'Library opens a tool shed', 'Council agrees the budget', 'Choir looks for tenors', 'Bus stop moves', 'Market opens early'];
  // Each item: its title, its date and its first sentence, and a link to its comments.
  const item = (title: string, k: number): [string, [HintKind, number][]][] => [
    [title, [['body', 1]]],
    [`November ${26 - k}, 2025`, [['comment-header', 1], ['date', 2.5]]],
    [`${title}, and the town will hear more about it at the meeting next week.`, [['body', 1]]],
    ['Comment', [['junk:comment-form', 4]]],
  ];

  it('are a dated listing, not comments, when no header names a writer', () => {
    const zones = decode([...article, ...titles.flatMap(item)]);
    expect(zones.filter((z) => z.startsWith('comment'))).toEqual([]);
  });

  it('are comments when a name stands above each date', () => {
    const named = titles.flatMap((title, k): [string, [HintKind, number][]][] => [['Jane Roe', []], ...item(title, k).slice(1)]);
    const zones = decode([...article, ...named]);
    expect(zones.filter((z) => z === 'comment-header')).toHaveLength(titles.length);
  });
});

describe('posts listed with a link to their comments', () => {
  const post = (title: string, date: string, name: string, teaser: string, link: string) => [title, `Posted ${date} by ${name}`, teaser, link];
  const posts = [
    ...post('Harbour reopens after the storms', 'March 6, 2026', 'jane', 'The harbour reopened on Monday after a week of storms had kept every boat in the bay.', 'Full Story (comments: none)'),
    ...post('Ferry returns to summer hours', 'March 5, 2026', 'bob', 'The ferry timetable returns to its summer hours from next week, the company said.', 'Full Story (comments: 12)'),
    ...post('Council agrees the pier budget', 'March 4, 2026', 'carl', 'Two members abstained, and the repairs to the north pier start in the spring.', 'Full Story (comments: 3)'),
    ...post('Fish market moves to the quay', 'March 3, 2026', 'jane', 'Stalls open at six on the north quay while the old hall is rebuilt over the summer.', 'Full Story (comments: 9)'),
  ];

  it('are the page text, not comments: no reader counts comments under their own', () => {
    const result = clean(['Harbour News', SENTENCE, ...posts].join('\n\n'));
    expect(result.comments).toEqual([]);
    expect(result.body).toContain('Stalls open at six on the north quay while the old hall is rebuilt over the summer.');
  });

  it('in a sidebar after the comments open no comments of their own', () => {
    const replies = ['About time the pier got fixed, it has been closed for years.', 'Will the ferry run all summer? I hope so.'].flatMap((text, k) => [
      'Mara says:',
      `March ${k + 7}, 2026 at 8:1${k} pm`,
      text,
      'Reply',
    ]);
    const result = clean([...HARBOUR_STORY, '2 Comments', ...replies, 'Recent posts', ...posts].join('\n\n'));
    expect(result.comments.map((c) => c.author)).toEqual(['Mara', 'Mara']);
  });
});

describe('a code block inside the article', () => {
  it('neither ends the article nor leaves it: the text after the code is the article\'s too', () => {
    const code = [
      'function logRequests(handler) {',
      'return async (request) => {',
      'const started = Date.now();',
      'const response = await handler(request);',
      'log.info(request.method, request.url, response.status);',
      'log.debug(Date.now() - started);',
      'return response;',
      '};',
      '}',
    ];
    const after = 'With this in place, the log shows one line per request, and slow requests stand out because their duration is far above the rest.';
    const page = [
      'Home',
      'Blog',
      'Logging every request in a small service',
      'When a request fails in production, the first thing we want to know is what the client actually sent to the server and what came back.',
      'The handler below wraps each request, measures how long it took and writes the method, the path and the status to the log.',
      ...code,
      after,
      'We keep the handler in its own module so that every service in the repository can import it without copying the code around.',
      'Share this:',
      'Twitter',
    ];
    const { body } = clean(page.join('\n\n'));
    expect(body).toContain(code[4]);
    expect(body).toContain(after);
  });

  it('counts a little for the article, so that the article goes on through code blocks and the weak text between them', () => {
    const code = (n: number): [string, [HintKind, number][]][] =>
      ['const started = Date.now();', `const response${n} = await handler(request);`, 'log.info(request.method, response.status);'].map((line) => [line, [['body', -2]]]);
    const zones = decode([
      ['Logging every request', [['title', 3], ['body', -1]]],
      ['The handler below wraps each request and writes its method and status to the log.', [['body', 3]]],
      ...code(1),
      ['Named clients', [['body', -1.8]]],
      ['Each client may log differently.', [['body', 0.3]]],
      ...code(2),
      ['Global settings', [['body', -1.8]]],
      ['These apply to every client.', [['body', 0.3]]],
      ['Share this:', [['junk:share', 4], ['article-end', 4]]],
    ]);
    // Through the second block: the weak heading and line between the blocks are the article's.
    expect(zones.slice(1, 10)).toEqual(Array(9).fill('body'));
  });
});

describe("the article's byline and date", () => {
  const story = (meta: string) => clean(['Harbour reopens after the storms', meta, SENTENCE, 'Fishermen were back at sea by noon, and the ferry timetable returns to its summer hours from next week.'].join('\n\n'));

  it('come from one line that holds both, in the languages bylines are read in', () => {
    for (const meta of ['Posted on May 1, 2020 by Jane Roe', '1. Mai 2020 von Anna Becker', '1 de mayo de 2020 por Lucía Fernández']) {
      const result = story(meta);
      expect([result.date, result.byline]).toEqual([meta, meta]);
    }
  });

  it('a date line without a name gives no byline', () => {
    const result = story('May 1, 2020');
    expect([result.date, result.byline]).toEqual(['May 1, 2020', null]);
  });
});
