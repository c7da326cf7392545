import type { Format, FormatId } from './format.js';
import { json } from './json.js';
import { jsonl } from './jsonl.js';
import { markdown } from './markdown.js';
import { text } from './text.js';

export type { Format, FormatId } from './format.js';

export const formats: Record<FormatId, Format> = { json, jsonl, md: markdown, text };

export const formatIds = Object.keys(formats) as FormatId[];
