import type { Format } from './format.js';

/** One JSON object per line: the stream format for corpus pipelines. */
export const jsonl: Format = {
  id: 'jsonl',
  ext: '.jsonl',
  render: (result) => `${JSON.stringify(result)}\n`,
  renderError: (source, error) => `${JSON.stringify({ source, error })}\n`,
  open: '',
  separator: '',
  close: '',
};
