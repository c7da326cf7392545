import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stripTerminalEscapes } from '../../src/terminal.js';

describe('stripTerminalEscapes', () => {
  it.each([
    ['colours', 'a \u001b[31;1mred\u001b[0m word', 'a red word'],
    ['cursor moves and screen clears', 'x\u001b[2J\u001b[H\u001b[10;20Hy', 'xy'],
    ['an OSC title change ended by BEL', '\u001b]0;pwned\u0007text', 'text'],
    ['an OSC 8 hyperlink ended by ST', '\u001b]8;;http://evil\u001b\\click\u001b]8;;\u001b\\', 'click'],
    ['an unterminated OSC', 'safe\u001b]0;rest of page', 'safe'],
    ['8-bit CSI', 'a\u009b31mb', 'ab'],
    ['a DCS string', 'a\u001bPq#0;2;0;0;0\u001b\\b', 'ab'],
    ['carriage returns and backspaces', 'ok\rfake\b\b', 'okfake'],
    ['bidi overrides', 'abc\u202edcba\u202c', 'abcdcba'],
    ['a lone ESC at the end', 'end\u001b', 'end'],
  ])('removes %s', (_, input, expected) => {
    expect(stripTerminalEscapes(input)).toBe(expected);
  });

  it('keeps text, new lines, tabs and right-to-left letters', () => {
    const text = 'Title\n\tשלום עליכם — مرحبا “quoted” 𝄞 ✓';
    expect(stripTerminalEscapes(text)).toBe(text);
  });

  it('leaves no ESC, C0 (besides tab and new line) or C1 control in any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('\u001b', '[', ']', '\u0007', '\\', 'P', 'm', '0', ';', 'a', '\u009b', '\u009d', '\n', '\r') }), (s) => {
        expect(stripTerminalEscapes(s)).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      }),
      { numRuns: 3000 },
    );
  });

  it('is linear on a hostile 200,000-character line', () => {
    for (const hostile of ['\u001b]'.repeat(100_000), '\u001b['.repeat(100_000), `\u001b[${'0'.repeat(200_000)}`]) {
      const start = performance.now();
      stripTerminalEscapes(hostile);
      expect(performance.now() - start).toBeLessThan(200);
    }
  });
});
