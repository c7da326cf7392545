import type { CommentItem, Result } from '../doc.js';
import type { Format } from './format.js';

/**
 * Characters that would turn a plain paragraph into another Markdown block:
 * headings, quotes, list items, ordered items, fences, tables and thematic breaks.
 */
const BLOCK_START = /^(#{1,6}(\s|$)|>|[-+*](\s|$)|\d{1,9}[.)](\s|$)|```|~~~|\||={3,}\s*$|-{3,}\s*$|_{3,}\s*$)/;

/** Keep a paragraph a paragraph: escape a leading block marker and hard line breaks. */
export function escapeBlock(text: string): string {
  return text
    .split('\n')
    .map((line) => (BLOCK_START.test(line) ? `\\${line}` : line))
    .join('\n');
}

/** Inline text in emphasis or headings must not open or close emphasis itself. */
function escapeInline(text: string): string {
  return text.replace(/([\\`*_[\]<>#])/g, '\\$1');
}

function renderComment(comment: CommentItem, index: number): string {
  const heading = comment.author === null ? `Comment ${index + 1}` : escapeInline(comment.author);
  const parts = [`### ${heading}`];
  if (comment.date !== null) parts.push(`*${escapeInline(comment.date)}*`);
  // Comment lines are kept as separate paragraphs: they are the reader's own line breaks.
  parts.push(...comment.text.split('\n').map(escapeBlock));
  return parts.join('\n\n');
}

/** Markdown: `# title`, the byline/date line, captions, body, then `## Comments`. */
export function renderMarkdown(result: Result): string {
  const blocks: string[] = [];
  if (result.title !== null) blocks.push(`# ${escapeInline(result.title)}`);
  // One line may be both the byline and the date ("Posted on DATE by NAME"): printed once.
  const meta = [...new Set([result.byline, result.date])].filter((part): part is string => part !== null);
  if (meta.length > 0) blocks.push(`*${meta.map(escapeInline).join(' · ')}*`);
  for (const caption of result.captions) blocks.push(`> ${escapeInline(caption)}`);
  blocks.push(...result.body.map(escapeBlock));
  if (result.comments.length > 0) {
    blocks.push('## Comments');
    blocks.push(...result.comments.map(renderComment));
  }
  if (result.junk && result.junk.length > 0) {
    blocks.push('## Junk');
    blocks.push(result.junk.map((item) => `- **${item.kind}**: ${escapeInline(item.text)}`).join('\n'));
  }
  return blocks.length === 0 ? '' : `${blocks.join('\n\n')}\n`;
}

export const markdown: Format = {
  id: 'md',
  ext: '.md',
  render: renderMarkdown,
  renderError: () => null,
  open: '',
  separator: '\n---\n\n',
  close: '',
};
