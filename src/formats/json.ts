import type { Format } from './format.js';

/** Indented JSON; several documents on one stream form a JSON array. */
export const json: Format = {
  id: 'json',
  ext: '.json',
  render: (result) => `${JSON.stringify(result, null, 2)}\n`,
  renderError: (source, error) => `${JSON.stringify({ source, error }, null, 2)}\n`,
  open: '[\n',
  separator: ',\n',
  close: ']\n',
};
