import { describe, expect, it } from 'vitest';
import { clean } from '../src/index.js';

const SENTENCE = 'The pier stays closed for repairs until Friday, and the ferry will use the north quay until then.';
const SHORT = ['Boats back at noon', 'Ferry timetable unchanged', 'Ask at the kiosk'];

describe('the guard for pages where no line reads as running text', () => {
  it('keeps every line of a page where nothing is known chrome (a note, text cleaned before)', () => {
    const result = clean(['Harbour notes', SENTENCE, ...SHORT].join('\n\n'));
    expect(result.title).toBe('Harbour notes');
    expect(result.body).toEqual([SENTENCE, ...SHORT]);
    expect(result.warnings.join()).toContain('no article found');
  });

  it('keeps only the text-like lines where the page has known chrome around them', () => {
    const result = clean(['Skip to content', 'Harbour notes', SENTENCE, ...SHORT, 'Share this:', 'Like this:'].join('\n\n'));
    expect(result.body).toEqual([SENTENCE]);
  });

  it('keeps the items of a listing whose one text-like line is a small share of its words', () => {
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
    const page = ['Skip to content', 'Spring sale: all hand tools ship free this week.', ...items, 'Share this:', 'Like this:'];
    const result = clean(page.join('\n\n'));
    expect(result.body).toContain('Spring sale: all hand tools ship free this week.');
    expect(result.body).toEqual(expect.arrayContaining(items));
    expect(result.body.join()).not.toContain('Share this');
  });
});
