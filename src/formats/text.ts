import type { Format } from './format.js';

/** The body only, one paragraph per block: plain text for corpus building. */
export const text: Format = {
  id: 'text',
  ext: '.txt',
  render: (result) => (result.body.length === 0 ? '' : `${result.body.join('\n\n')}\n`),
  renderError: () => null,
  open: '',
  // A blank line between documents, like between paragraphs; JSONL keeps document boundaries.
  separator: '\n',
  close: '',
};
