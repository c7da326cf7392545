import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { formats } from '../src/formats/index.js';
import { clean, type Result } from '../src/index.js';

const schemaPath = new URL('../schema/result.schema.json', import.meta.url);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(schema);
const id: string = schema.$id;
const validateRecord = ajv.getSchema(id)!;
const validateResult = ajv.getSchema(`${id}#/$defs/result`)!;
const validateError = ajv.getSchema(`${id}#/$defs/error`)!;

function minimal(): Result {
  return {
    source: 'a/input.txt',
    title: 'A headline',
    byline: null,
    date: null,
    captions: [],
    body: ['One paragraph.'],
    comments: [{ author: 'Ann', date: null, text: 'Nice.' }],
    lang: 'en',
    warnings: [],
  };
}

const PAGE = [
  'Home | About | Contact',
  '',
  'A quiet week at the harbour',
  '',
  'The ferry ran late on Monday because the tide was low and the captain waited an hour for the water to rise.',
  '',
  'By Wednesday the timetable was back to normal and the café on the pier reopened after its winter break.',
  '',
  'Leave a Reply Cancel reply',
  'Your email address will not be published. Required fields are marked *',
].join('\n');

describe('schema/result.schema.json', () => {
  it('compiles in strict mode', () => {
    expect(validateRecord).toBeTypeOf('function');
    expect(validateResult).toBeTypeOf('function');
    expect(validateError).toBeTypeOf('function');
  });

  it('accepts a minimal result, and one with junk and meta', () => {
    expect(validateResult(minimal()), JSON.stringify(validateResult.errors)).toBe(true);
    const full = { ...minimal(), junk: [{ kind: 'share', text: 'Share this:' }], meta: { url: 'https://example.org/' } };
    expect(validateResult(full), JSON.stringify(validateResult.errors)).toBe(true);
    expect(validateRecord(full)).toBe(true);
  });

  it.each(schema.$defs.result.required as string[])('rejects a result without `%s`', (field) => {
    const broken: Record<string, unknown> = { ...minimal() };
    delete broken[field];
    expect(validateResult(broken)).toBe(false);
    expect(validateRecord(broken)).toBe(false);
  });

  it.each([
    ['a numeric title', { title: 3 }],
    ['a body paragraph that is not a string', { body: ['ok', 7] }],
    ['a comment without an author key', { comments: [{ date: null, text: 'x' }] }],
    ['an empty comment', { comments: [{ author: null, date: null, text: '' }] }],
    ['an unknown junk kind', { junk: [{ kind: 'sidebar', text: 'Archives' }] }],
    ['a field outside the contract', { summary: 'x' }],
    ['meta that is not an object', { meta: 'x' }],
  ])('rejects %s', (_name, patch) => {
    expect(validateResult({ ...minimal(), ...patch })).toBe(false);
  });

  it('accepts error records, with and without a position', () => {
    expect(validateError({ source: 'in.jsonl', error: 'not JSON' })).toBe(true);
    expect(validateRecord({ source: 'in.jsonl', error: 'not JSON', line: 3, offset: 120 })).toBe(true);
    expect(validateError({ source: 'in.jsonl', error: '' })).toBe(false);
    expect(validateError({ source: 'in.jsonl', error: 'x', line: 0 })).toBe(false);
    expect(validateRecord({ source: 'in.jsonl' })).toBe(false);
  });

  it('lists the same junk kinds as src/doc.ts', () => {
    const docTs = readFileSync(new URL('../src/doc.ts', import.meta.url), 'utf8');
    const union = /export type JunkKind =([^;]+);/.exec(docTs)?.[1] ?? '';
    const kinds = [...union.matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);
    expect(kinds.length).toBeGreaterThan(0);
    expect([...schema.$defs.junk.properties.kind.enum].sort()).toEqual(kinds.sort());
  });

  it('validates what clean() returns, with every option combination', () => {
    for (const keepJunk of [false, true]) {
      for (const comments of [false, true]) {
        const result = clean(PAGE, { keepJunk, comments }, { source: 'page.txt' });
        expect(validateResult(result), JSON.stringify(validateResult.errors)).toBe(true);
        expect('junk' in result).toBe(keepJunk);
      }
    }
    expect(validateResult(clean('', {}, { source: '-' })), JSON.stringify(validateResult.errors)).toBe(true);
  });

  it('validates the error records of the JSON and JSONL formats', () => {
    for (const format of [formats.json, formats.jsonl]) {
      const rendered = format.renderError('dumps/broken.txt', 'invalid UTF-8');
      expect(rendered).not.toBeNull();
      expect(validateError(JSON.parse(rendered!)), `${format.id}: ${JSON.stringify(validateError.errors)}`).toBe(true);
    }
  });
});
