/**
 * A document that cannot be cleaned, with the reason in a few words ("binary input", "truncated gzip").
 * It becomes an error record for that one input; the rest of the batch goes on.
 */
export class InputError extends Error {
  /** Path, `-`, or the record's id/url. */
  readonly source: string;
  /** Short phrase, stable enough to match on: "binary input", "truncated gzip", "not JSON". */
  readonly reason: string;
  /** Byte offset (or line number, when the source says so in `detail`) where the problem was found. */
  readonly offset?: number;

  constructor(source: string, reason: string, details: { detail?: string; offset?: number } = {}) {
    const where = details.offset === undefined ? '' : ` at byte ${details.offset}`;
    const why = details.detail === undefined ? '' : ` (${details.detail})`;
    super(`${source}: ${reason}${where}${why}.`);
    this.name = 'InputError';
    this.source = source;
    this.reason = reason;
    if (details.offset !== undefined) this.offset = details.offset;
  }
}
