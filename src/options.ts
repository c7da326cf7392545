/** Run-time options of one cleaning, with their defaults. */
export interface Options {
  /** Keep the junk lines, with their kind, in the Result. */
  keepJunk: boolean;
  /** Extract reader comments; when false, the comment zone is dropped. */
  comments: boolean;
  /** Bytes of one document kept; the rest is cut with a warning. */
  maxBytes: number;
  /** Time budget of one document in the full pipeline; on overrun the cheap path runs. */
  timeoutMs: number;
}

export const defaultOptions: Options = {
  keepJunk: false,
  comments: true,
  // A real page dump is rarely over 1 MB of text; 5 MB keeps odd long pages whole.
  maxBytes: 5 * 1024 * 1024,
  timeoutMs: 5000,
};
