import { decodeBytes } from './decode.js';
import type { Result } from './doc.js';
import { InputError } from './errors.js';
import { type FormatId, formats } from './formats/index.js';
import { clean } from './index.js';
import type { Unit } from './sources/unit.js';

/** What a worker needs to turn units into output text; small, sent with every batch. */
export interface Settings {
  format: FormatId;
  keepJunk: boolean;
  comments: boolean;
  maxBytes: number;
  timeoutMs: number;
  /** JSONL field holding the dump. */
  textField: string;
}

export interface Failure {
  source: string;
  /** Short phrase for the error record. */
  reason: string;
  /** Full sentence for stderr. */
  message: string;
}

export interface Output {
  /** The rendered document or error record; null for a failure in a format without error records. */
  text: string | null;
  failed: boolean;
}

export interface BatchResult {
  /** One entry per unit, in order. */
  outputs: Output[];
  failures: Failure[];
}

/** Keys that would reach an object's prototype if assigned on a plain object. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Cut a text to at most `maxBytes` of UTF-8 without splitting a character. */
function cutText(text: string, source: string, maxBytes: number, warnings: string[]): string {
  // Every UTF-16 unit is at most 3 UTF-8 bytes, so shorter texts need no count.
  if (text.length * 3 <= maxBytes) return text;
  const bytes = Buffer.byteLength(text);
  if (bytes <= maxBytes) return text;
  const { read } = new TextEncoder().encodeInto(text, new Uint8Array(maxBytes));
  warnings.push(`${source}: input is ${bytes} bytes; cut at ${maxBytes} bytes (--max-bytes ${maxBytes}).`);
  return text.slice(0, read);
}

/**
 * A JSONL record: the text field is cleaned; every other field is carried into
 * `meta`, on an object without a prototype and with defineProperty, so a
 * `__proto__` key stays data and never changes an object's prototype.
 */
function cleanOptions(settings: Settings) {
  return { keepJunk: settings.keepJunk, comments: settings.comments, maxBytes: settings.maxBytes, timeoutMs: settings.timeoutMs };
}

function cleanRecord(line: string, lineSource: string, settings: Settings): Result {
  let record: unknown;
  try {
    record = JSON.parse(line);
  } catch (error) {
    throw new InputError(lineSource, 'not JSON', { detail: (error as Error).message });
  }
  if (record === null || typeof record !== 'object' || Array.isArray(record)) {
    throw new InputError(lineSource, 'not a JSON object');
  }
  const fields = record as Record<string, unknown>;
  const text = Object.hasOwn(fields, settings.textField) ? fields[settings.textField] : undefined;
  if (typeof text !== 'string') throw new InputError(lineSource, `no string field "${settings.textField}"`);
  const meta: Record<string, unknown> = Object.create(null);
  for (const [key, value] of Object.entries(fields)) {
    if (key === settings.textField) continue;
    Object.defineProperty(meta, key, { value, enumerable: true, writable: true, configurable: true });
  }
  const named = [meta.url, meta.id].find((value) => typeof value === 'string' && value !== '');
  const source = typeof named === 'string' && !PROTOTYPE_KEYS.has(named) ? named : lineSource;
  const warnings: string[] = [];
  const result = clean(cutText(text, source, settings.maxBytes, warnings), cleanOptions(settings), { source, warnings });
  if (Object.keys(meta).length > 0) result.meta = meta;
  return result;
}

function cleanUnit(unit: Exclude<Unit, { kind: 'failed' }>, settings: Settings): Result {
  if (unit.kind === 'json') return cleanRecord(unit.line, unit.source, settings);
  const { text, warnings } = decodeBytes(unit.bytes, unit.source, settings.maxBytes);
  const result = clean(text, cleanOptions(settings), { source: unit.source, warnings });
  if (unit.meta) result.meta = unit.meta;
  return result;
}

/**
 * Clean and render a batch. A unit that fails becomes an error record and a
 * failure; it never stops the batch.
 */
export function processUnits(units: Unit[], settings: Settings): BatchResult {
  const format = formats[settings.format];
  const outputs: Output[] = [];
  const failures: Failure[] = [];
  for (const unit of units) {
    let failure: Failure;
    if (unit.kind === 'failed') {
      failure = { source: unit.source, reason: unit.reason, message: unit.message };
    } else {
      try {
        outputs.push({ text: format.render(cleanUnit(unit, settings)), failed: false });
        continue;
      } catch (error) {
        failure =
          error instanceof InputError
            ? { source: error.source, reason: error.reason, message: error.message }
            : { source: unit.source, reason: 'internal error', message: `${unit.source}: internal error: ${String(error)}` };
      }
    }
    failures.push(failure);
    outputs.push({ text: format.renderError(failure.source, failure.reason), failed: true });
  }
  return { outputs, failures };
}

/** Worker-pool entry: one task is one batch. */
export default function task({ units, settings }: { units: Unit[]; settings: Settings }): BatchResult {
  return processUnits(units, settings);
}
