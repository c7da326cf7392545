import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeOutputName } from '../../src/safe-name.js';

const SAFE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

describe('safeOutputName', () => {
  it('keeps a clean id as it is', () => {
    expect(safeOutputName('page-0001')).toBe('page-0001');
    expect(safeOutputName('example.com')).toBe('example.com');
  });

  it('turns a URL into a readable name with a hash that keeps similar URLs apart', () => {
    const a = safeOutputName('https://example.com/news/a/b?x=1');
    const b = safeOutputName('https://example.com/news/a_b?x=1');
    expect(a).toMatch(/^example\.com_news_a_b_x_1-[0-9a-f]{8}$/);
    expect(b).toMatch(/^example\.com_news_a_b_x_1-[0-9a-f]{8}$/);
    expect(a).not.toBe(b);
  });

  it.each([
    ['../../etc/passwd', /^etc_passwd-[0-9a-f]{8}$/],
    ['/etc/passwd', /^etc_passwd-[0-9a-f]{8}$/],
    ['C:\\Windows\\system32', /^C_Windows_system32-[0-9a-f]{8}$/],
    ['..', /^record-[0-9a-f]{8}$/],
    ['', /^record-[0-9a-f]{8}$/],
    ['.hidden', /^hidden-[0-9a-f]{8}$/],
    ['-rf', /^rf-[0-9a-f]{8}$/],
    ['a..b', /^a\.b-[0-9a-f]{8}$/],
    ['CON', /^record-CON-[0-9a-f]{8}$/],
    ['nul.txt', /^record-nul\.txt-[0-9a-f]{8}$/],
    ['com1', /^record-com1-[0-9a-f]{8}$/],
    ['LPT9.json', /^record-LPT9\.json-[0-9a-f]{8}$/],
    ['<urn:uuid:1234-abcd>', /^urn_uuid_1234-abcd-[0-9a-f]{8}$/],
  ])('makes %j safe', (id, expected) => {
    expect(safeOutputName(id)).toMatch(expected);
  });

  it('bounds the length and adds a hash when cutting', () => {
    const long = `https://example.com/${'a'.repeat(500)}`;
    const name = safeOutputName(long);
    expect(name.length).toBeLessThanOrEqual(120);
    expect(name).toMatch(/^example\.com_a+-[0-9a-f]{8}$/);
    expect(safeOutputName(`${long}b`)).not.toBe(name);
  });

  it('never escapes the output directory, for any input, and is deterministic', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (id) => {
        const name = safeOutputName(id);
        expect(name).toMatch(SAFE);
        expect(name.length).toBeLessThanOrEqual(120);
        expect(name).not.toMatch(/\.\./);
        expect(path.resolve('/out', name).startsWith('/out/')).toBe(true);
        expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/i);
        expect(safeOutputName(id)).toBe(name);
      }),
      { numRuns: 2000 },
    );
  });
});
